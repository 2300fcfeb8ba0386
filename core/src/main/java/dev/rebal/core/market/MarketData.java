package dev.rebal.core.market;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.security.AssetClass;
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
public abstract class MarketData implements WithMarketData {
  /** {@return the securities by id} */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<SecurityId, Security> securities();

  /** {@return the prices} */
  public abstract PriceTable prices();

  /** {@return trading volumes by issuer, for Rule 144 limits; empty where none are needed} */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<String, TradingVolume> volumes();

  /**
   * The securities in a hash index, built once on first use: every household of a book looks its
   * securities up here, and a hash look-up is cheaper than the sorted map's binary search. Not part
   * of equality, hashing or the text form.
   */
  @Value.Lazy
  ImmutableMap<SecurityId, Security> securityIndex() {
    return ImmutableMap.copyOf(securities());
  }

  /** {@return the issuers of the securities, built once on first use; not part of equality} */
  @Value.Lazy
  public ImmutableSet<String> issuers() {
    return securities().values().stream()
        .map(Security::issuer)
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * {@return the asset classes of the securities, built once on first use; not part of equality}
   */
  @Value.Lazy
  public ImmutableSet<AssetClass> assetClasses() {
    return securities().values().stream()
        .map(Security::assetClass)
        .collect(ImmutableSet.toImmutableSet());
  }

  /**
   * {@return the securities of each wash-sale group ({@link Security#washSaleGroup()}), groups and
   * members sorted; built once on first use, not part of equality}
   */
  @Value.Lazy
  public ImmutableSortedMap<String, ImmutableSortedSet<SecurityId>> washSaleGroups() {
    java.util.SortedMap<String, ImmutableSortedSet.Builder<SecurityId>> groups =
        new java.util.TreeMap<>();
    securities()
        .forEach(
            (id, s) ->
                groups
                    .computeIfAbsent(s.washSaleGroup(), g -> ImmutableSortedSet.naturalOrder())
                    .add(id));
    ImmutableSortedMap.Builder<String, ImmutableSortedSet<SecurityId>> out =
        ImmutableSortedMap.naturalOrder();
    groups.forEach((g, ids) -> out.put(g, ids.build()));
    return out.build();
  }

  /**
   * {@return the security with {@code id}, if known}
   *
   * @param id the security's id
   */
  public Optional<Security> findSecurity(SecurityId id) {
    return Optional.ofNullable(securityIndex().get(id));
  }

  /**
   * {@return the security with {@code id}}
   *
   * @param id the security's id
   * @throws NoSuchElementException naming the id if it is unknown
   */
  public Security lookupSecurity(SecurityId id) {
    Security s = securityIndex().get(id);
    if (s == null) {
      throw new NoSuchElementException("securities[" + id + "]: unknown security");
    }
    return s;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MarketData}. */
  public static final class Builder extends ImmutableMarketData.Builder {}

  @Value.Check
  void check() {
    securities()
        .forEach(
            (id, s) ->
                dev.rebal.core.internal.Checks.isTrue(
                    id.equals(s.id()), "securities[" + id + "].id", s.id(), "must equal its key"));
  }
}
