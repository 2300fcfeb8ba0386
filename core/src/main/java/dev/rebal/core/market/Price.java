package dev.rebal.core.market;

import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The price of one unit of a security as of a date: what holdings are valued at and trades are
 * estimated at. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Price implements WithPrice {
  /** {@return the security priced} */
  public abstract SecurityId security();

  /** {@return the price per unit} */
  public abstract UnitPrice perUnit();

  /** {@return the date the price is as of} */
  public abstract LocalDate asOf();

  /**
   * {@return a price}
   *
   * @param security the security
   * @param perUnit the price per share
   * @param asOf the date of the price
   */
  public static Price of(SecurityId security, UnitPrice perUnit, LocalDate asOf) {
    return builder().security(security).perUnit(perUnit).asOf(asOf).build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Price}. */
  public static final class Builder extends ImmutablePrice.Builder {}
}
