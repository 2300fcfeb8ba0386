package dev.rebal.compliance;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;

/**
 * Best-execution hygiene settings of a firm: the smallest trade worth placing and the round-lot
 * size.
 *
 * <p>They are parameters of a run, not household restrictions. A trade's estimated value must be at
 * least {@link #minTradeValue()}, and in an account without fractional shares its quantity must be
 * a whole multiple of {@link #roundLot()}; a sale of the whole holding of a position is exempt from
 * both, so that odd remainders (dividend reinvestment, a $40 tail) can be liquidated. Accounts with
 * {@link dev.rebal.core.household.Account#fractionalShares()} and mutual funds trade in any
 * quantity of the model's scale (0.000001). This record is immutable and thread-safe.
 *
 * @param minTradeValue the smallest estimated trade value, not negative
 * @param roundLot the quantity step where fractional shares are not allowed, positive
 * @since 0.1
 */
public record ComplianceParameters(Money minTradeValue, Quantity roundLot) {
  private static final ComplianceParameters DEFAULTS =
      new ComplianceParameters(Money.usd("100"), Quantity.of(1));

  /**
   * Checks that the minimum is not negative and the round lot is positive.
   *
   * @param minTradeValue the smallest estimated trade value, not negative
   * @param roundLot the quantity step where fractional shares are not allowed, positive
   */
  public ComplianceParameters {
    Checks.notNull(minTradeValue, "minTradeValue");
    Checks.notNull(roundLot, "roundLot");
    Checks.isTrue(
        !minTradeValue.isNegative(), "minTradeValue", minTradeValue, "must not be negative");
    Checks.isTrue(roundLot.isPositive(), "roundLot", roundLot, "must be positive");
  }

  /** {@return the defaults: a minimum trade of USD 100 and a round lot of one share} */
  public static ComplianceParameters defaults() {
    return DEFAULTS;
  }
}
