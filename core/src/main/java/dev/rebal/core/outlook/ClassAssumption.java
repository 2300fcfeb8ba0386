package dev.rebal.core.outlook;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.TaxCharacter;
import java.math.BigDecimal;

/**
 * The capital market assumptions for one asset class: its expected compound (geometric) nominal
 * return a year, its volatility (the annual standard deviation of its log return), its income yield
 * a year and how that income is taxed. Rates are fractions: 0.067 is 6.7% a year.
 *
 * <p>The compound return is the median growth rate of the class held alone: a dollar grows to
 * {@code (1 + expectedReturn)^t} at the median after t years. This record is immutable and
 * thread-safe.
 *
 * @param expectedReturn the expected compound return a year, above -1
 * @param volatility the annual volatility of the log return, not negative
 * @param yield the income yield a year, not negative (part of the return, not on top of it)
 * @param taxCharacter how the income is taxed in a taxable account
 */
public record ClassAssumption(
    BigDecimal expectedReturn, BigDecimal volatility, BigDecimal yield, TaxCharacter taxCharacter) {
  /**
   * Checks that every component is present and in range.
   *
   * @param expectedReturn the expected compound return a year, above -1
   * @param volatility the annual volatility of the log return, not negative
   * @param yield the income yield a year, not negative (part of the return, not on top of it)
   * @param taxCharacter how the income is taxed in a taxable account
   */
  public ClassAssumption {
    Checks.notNull(expectedReturn, "expectedReturn");
    Checks.notNull(volatility, "volatility");
    Checks.notNull(yield, "yield");
    Checks.notNull(taxCharacter, "taxCharacter");
    Checks.isTrue(
        expectedReturn.compareTo(BigDecimal.ONE.negate()) > 0,
        "expectedReturn",
        expectedReturn.toPlainString(),
        "must be above -1");
    Checks.isTrue(
        volatility.signum() >= 0, "volatility", volatility.toPlainString(), "must not be negative");
    Checks.isTrue(yield.signum() >= 0, "yield", yield.toPlainString(), "must not be negative");
  }

  /**
   * {@return an assumption with the given decimals, e.g. {@code of("0.067", "0.16", "0.014",
   * QUALIFIED)}}
   *
   * @param expectedReturn the expected arithmetic return a year, a decimal fraction
   * @param volatility the standard deviation of the return a year, a decimal fraction
   * @param yield the income yield a year, a decimal fraction
   * @param taxCharacter how the income is taxed
   */
  public static ClassAssumption of(
      String expectedReturn, String volatility, String yield, TaxCharacter taxCharacter) {
    return new ClassAssumption(
        new BigDecimal(expectedReturn),
        new BigDecimal(volatility),
        new BigDecimal(yield),
        taxCharacter);
  }
}
