package dev.rebal.tax.gains;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * The tax year's capital gains after netting: the taxable net gains by term, the net loss deducted
 * against ordinary income, the loss carried forward by character, and the tax at the profile's
 * marginal rates.
 *
 * <p>The tax is the tax on capital gains only: net short-term gain times the short-term rate plus
 * net long-term gain times the long-term rate, minus the deduction times the ordinary rate (so it
 * is negative when the year's net loss saves tax). This record is immutable and thread-safe.
 *
 * @param shortTermGain the taxable net short-term gain (zero or positive)
 * @param longTermGain the taxable net long-term gain (zero or positive)
 * @param deductedLoss the net capital loss deducted against ordinary income (zero or positive, at
 *     most $3,000, or $1,500 married filing separately)
 * @param shortTermCarryforward the short-term loss carried to next year (zero or positive)
 * @param longTermCarryforward the long-term loss carried to next year (zero or positive)
 * @param tax the tax on the year's capital gains, rounded once to cents
 * @since 0.1
 */
public record TaxYearSummary(
    Money shortTermGain,
    Money longTermGain,
    Money deductedLoss,
    Money shortTermCarryforward,
    Money longTermCarryforward,
    Money tax) {
  /**
   * Checks that no component is null.
   *
   * @param shortTermGain the taxable net short-term gain (zero or positive)
   * @param longTermGain the taxable net long-term gain (zero or positive)
   * @param deductedLoss the net capital loss deducted against ordinary income (zero or positive, at
   *     most $3,000, or $1,500 married filing separately)
   * @param shortTermCarryforward the short-term loss carried to next year (zero or positive)
   * @param longTermCarryforward the long-term loss carried to next year (zero or positive)
   * @param tax the tax on the year's capital gains, rounded once to cents
   */
  public TaxYearSummary {
    Checks.notNull(shortTermGain, "shortTermGain");
    Checks.notNull(longTermGain, "longTermGain");
    Checks.notNull(deductedLoss, "deductedLoss");
    Checks.notNull(shortTermCarryforward, "shortTermCarryforward");
    Checks.notNull(longTermCarryforward, "longTermCarryforward");
    Checks.notNull(tax, "tax");
  }
}
