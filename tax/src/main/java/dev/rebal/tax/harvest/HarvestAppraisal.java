package dev.rebal.tax.harvest;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import java.math.BigDecimal;

/**
 * What one harvest is worth, with its figures, as {@link HarvestGate} weighs it: the tax its losses
 * save (discounted to when the household can use them), less the tax the replacement's lower basis
 * is expected to cost later, less the trading cost of the sale and the replacement. It is {@link
 * #worthIt()} when that value reaches the margin. This record is immutable and thread-safe.
 *
 * @param harvest the harvest appraised
 * @param taxSaved the losses times the rate of their term, times {@code useFactor}
 * @param laterTax the losses times the long-term rate, discounted over the deferral horizon
 * @param tradingCost the trading cost of selling the lots and buying the replacement
 * @param value {@code taxSaved − laterTax − tradingCost}
 * @param margin the value the harvest must reach (the margin times the proceeds)
 * @param useFactor the discount factor of the years until the household's gains absorb these losses
 *     (1 when this year's gains do; less when carryforwards come first)
 * @since 0.1
 */
public record HarvestAppraisal(
    Harvest harvest,
    Money taxSaved,
    Money laterTax,
    Money tradingCost,
    Money value,
    Money margin,
    BigDecimal useFactor) {
  /**
   * Checks that no component is null.
   *
   * @param harvest the harvest appraised
   * @param taxSaved the losses times the rate of their term, times {@code useFactor}
   * @param laterTax the losses times the long-term rate, discounted over the deferral horizon
   * @param tradingCost the trading cost of selling the lots and buying the replacement
   * @param value {@code taxSaved − laterTax − tradingCost}
   * @param margin the value the harvest must reach
   * @param useFactor the discount factor of the years until the household can use the losses
   */
  public HarvestAppraisal {
    Checks.notNull(harvest, "harvest");
    Checks.notNull(taxSaved, "taxSaved");
    Checks.notNull(laterTax, "laterTax");
    Checks.notNull(tradingCost, "tradingCost");
    Checks.notNull(value, "value");
    Checks.notNull(margin, "margin");
    Checks.notNull(useFactor, "useFactor");
  }

  /**
   * Returns whether the harvest's value reaches its margin.
   *
   * @return {@code value >= margin}
   */
  public boolean worthIt() {
    return value.compareTo(margin) >= 0;
  }

  /**
   * Returns what a dollar of this harvest's loss is worth, the per-dollar form of {@link #value()}
   * before trading: the rate it saves when the household can use it less the later tax on the
   * replacement's lower basis, {@code rate · useFactor − laterRate}, within [0, 1].
   *
   * @param rate the loss's term rate
   * @param laterRate the household's discounted long-term rate ({@code TaxTiming.laterRate})
   * @return the credit per dollar of loss
   */
  public BigDecimal creditRate(Weight rate, BigDecimal laterRate) {
    return rate.value()
        .multiply(useFactor)
        .subtract(laterRate)
        .max(BigDecimal.ZERO)
        .min(BigDecimal.ONE);
  }

  /**
   * Returns a one-line account of the figures, for a decision's notes.
   *
   * @return the harvest, its loss, the saving, the later tax, the trading and the value against the
   *     margin
   */
  public String describe() {
    return "harvest of "
        + harvest.sold()
        + " in "
        + harvest.account()
        + ": loss "
        + harvest.loss()
        + ", tax saved "
        + taxSaved
        + " less later tax "
        + laterTax
        + " less trading "
        + tradingCost
        + " = "
        + value
        + (worthIt() ? " >= " : " < ")
        + "margin "
        + margin;
  }
}
