package dev.rebal.core.market;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The reference and market data a rebalance reads besides the household: the security master,
 * prices, and issuer trading volumes.
 *
 * <p>It is shared by every household of a book and passed to each rebalance explicitly. This class
 * is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class MarketData {
  /** Returns the securities by id. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<SecurityId, Security> securities();

  /** Returns the prices. */
  public abstract PriceTable prices();

  /** Returns trading volumes by issuer, for Rule 144 limits; empty where none are needed. */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, TradingVolume> volumes();

  /** Returns the security with {@code id}, if known. */
  public Optional<Security> findSecurity(SecurityId id) {
    return Optional.ofNullable(securities().get(id));
  }

  /**
   * Returns the security with {@code id}.
   *
   * @throws NoSuchElementException naming the id if it is unknown
   */
  public Security lookupSecurity(SecurityId id) {
    Security s = securities().get(id);
    if (s == null) {
      throw new NoSuchElementException("securities[" + id + "]: unknown security");
    }
    return s;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MarketData}. */
  public static final class Builder extends ImmutableMarketData.Builder {}

  @Value.Check
  void check() {
    securities().forEach((id, s) -> dev.rebal.core.internal.Checks.isTrue(id.equals(s.id()),
        "securities[" + id + "].id", s.id(), "must equal its key"));
  }
}
