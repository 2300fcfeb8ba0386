package dev.rebal.tax.cost;

import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
import dev.rebal.tax.Term;
import java.math.BigDecimal;

/**
 * One linear piece of a {@link TaxCostCurve}: the dollars of one lot, sold at the current price,
 * and the tax per dollar sold.
 *
 * <p>{@code gainPerDollar = (price - basisPerShare) / price} and {@code costPerDollar = (price -
 * basisPerShare) * rate / price}, both at scale {@link TaxCostCurve#SCALE} rounded half-even (the
 * cost is rounded once, not from the rounded gain); negative for a loss (selling saves tax). A lot
 * of unknown basis has a basis per share of zero here. This record is immutable and thread-safe.
 *
 * @param lot the lot
 * @param term the lot's term on the as-of date
 * @param quantity the lot's quantity
 * @param value the dollars this segment covers (the lot's market value)
 * @param gainPerDollar the gain per dollar sold
 * @param rate the combined marginal rate (zero in a tax-advantaged account)
 * @param costPerDollar the tax per dollar sold
 * @since 0.1
 */
public record TaxCostSegment(
    LotId lot,
    Term term,
    Quantity quantity,
    Money value,
    BigDecimal gainPerDollar,
    Weight rate,
    BigDecimal costPerDollar) {
  /**
   * Checks that no component is null.
   *
   * @param lot the lot
   * @param term the lot's term on the as-of date
   * @param quantity the lot's quantity
   * @param value the dollars this segment covers (the lot's market value)
   * @param gainPerDollar the gain per dollar sold
   * @param rate the combined marginal rate (zero in a tax-advantaged account)
   * @param costPerDollar the tax per dollar sold
   */
  public TaxCostSegment {
    Checks.notNull(lot, "lot");
    Checks.notNull(term, "term");
    Checks.notNull(quantity, "quantity");
    Checks.notNull(value, "value");
    Checks.notNull(gainPerDollar, "gainPerDollar");
    Checks.notNull(rate, "rate");
    Checks.notNull(costPerDollar, "costPerDollar");
  }
}
