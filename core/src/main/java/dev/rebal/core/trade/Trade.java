package dev.rebal.core.trade;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import org.immutables.value.Value;

/**
 * One proposed order: buy or sell a quantity of a security in an account, at an estimated price,
 * with the lots a sale relieves and the reason codes that explain it; or a gift of shares in kind
 * ({@link Side#GIFT}), which relieves lots like a sale but brings in no cash.
 *
 * <p>A sale's or gift's lot picks add up to its quantity; a buy has none. Every trade carries at
 * least one reason code (e.g. {@code drift.rebalance}, {@code tax.harvest}, {@code
 * liquidity.need}). This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Trade implements WithTrade {
  /** {@return the account traded} */
  public abstract AccountId account();

  /** {@return the security traded} */
  public abstract SecurityId security();

  /** {@return buy, sell or gift} */
  public abstract Side side();

  /** {@return the quantity (positive)} */
  public abstract Quantity quantity();

  /** {@return the estimated price per unit} */
  public abstract UnitPrice estimatedPrice();

  /** {@return the lots a sale or gift relieves, in relief order; empty for a buy} */
  public abstract ImmutableList<LotPick> lots();

  /** {@return the reason codes, sorted} */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> reasonCodes();

  /**
   * {@return the estimated value: quantity times estimated price, rounded once (for a gift, the
   * market value given)}
   */
  public Money estimatedValue() {
    return estimatedPrice().times(quantity());
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Trade}. */
  public static final class Builder extends ImmutableTrade.Builder {}

  @Value.Check
  void check() {
    Checks.isTrue(quantity().isPositive(), "quantity", quantity(), "must be positive");
    Checks.isTrue(!reasonCodes().isEmpty(), "reasonCodes", reasonCodes(), "must not be empty");
    if (side() == Side.BUY) {
      Checks.isTrue(lots().isEmpty(), "lots", lots(), "must be empty for a buy");
    } else {
      Quantity picked = Quantity.ZERO;
      for (LotPick p : lots()) {
        picked = picked.plus(p.quantity());
      }
      Checks.isTrue(
          lots().isEmpty() || picked.equals(quantity()),
          "lots",
          picked,
          "must add up to the quantity " + quantity());
    }
  }
}
