package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;
import java.math.BigDecimal;

/**
 * One piece of a position's piecewise-linear tax-cost curve: a lot, or lots with the same cost per
 * dollar, as produced by the tax module.
 *
 * <p>Selling {@code d} dollars of the segment realises {@code gainPerDollar · d} of gain (negative
 * for a loss) taxed at {@code taxRate}. This record is immutable and thread-safe.
 *
 * @param quantity the shares the segment holds, positive
 * @param gainPerDollar gain per dollar sold: {@code (price − basis per share) / price}, at most 1
 * @param term the holding period
 * @param taxRate what the objective charges per dollar of gain (and credits per dollar of a
 *     harvested loss), in {@code [0, 1]}: the marginal rate, or, as the engine states it, the cost
 *     of paying the tax now rather than later ({@code dev.rebal.tax.TaxTiming})
 * @param harvestable whether a loss in this segment is worth harvesting (the tax module found it
 *     above the rule set's thresholds): when the problem harvests losses, selling it is a benefit
 *     in the objective; otherwise a loss is only the cheapest lot to sell, never a reason to trade
 */
public record SellSegment(
    Quantity quantity,
    BigDecimal gainPerDollar,
    Term term,
    BigDecimal taxRate,
    boolean harvestable) {
  /**
   * A segment that is not marked harvestable.
   *
   * @param quantity the shares the segment holds, positive
   * @param gainPerDollar gain per dollar sold, at most 1
   * @param term the holding period
   * @param taxRate the marginal rate on the gain, in {@code [0, 1]}
   */
  public SellSegment(Quantity quantity, BigDecimal gainPerDollar, Term term, BigDecimal taxRate) {
    this(quantity, gainPerDollar, term, taxRate, false);
  }

  /**
   * Checks ranges: positive quantity, gain per dollar at most 1, rate within [0, 1].
   *
   * @param quantity the shares the segment holds, positive
   * @param gainPerDollar gain per dollar sold: {@code (price − basis per share) / price}, at most 1
   * @param term the holding period
   * @param taxRate the marginal rate on the gain, in {@code [0, 1]}
   * @param harvestable whether a loss in this segment is worth harvesting (the tax module found it
   *     above the rule set's thresholds): when the problem harvests losses, selling it is a benefit
   *     in the objective; otherwise a loss is only the cheapest lot to sell, never a reason to
   *     trade
   */
  public SellSegment {
    Checks.isTrue(
        Checks.notNull(quantity, "quantity").isPositive(),
        "quantity",
        quantity,
        "must be positive");
    Checks.isTrue(
        Checks.notNull(gainPerDollar, "gainPerDollar").compareTo(BigDecimal.ONE) <= 0,
        "gainPerDollar",
        gainPerDollar,
        "must be at most 1");
    Checks.notNull(term, "term");
    Checks.isTrue(
        Checks.notNull(taxRate, "taxRate").signum() >= 0 && taxRate.compareTo(BigDecimal.ONE) <= 0,
        "taxRate",
        taxRate,
        "must be within [0, 1]");
  }
}
