package dev.rebal.tax;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * When a tax is paid, as a decision weighs it. A gain not realized now is not a gain never taxed:
 * the household is expected to realize it at the long-term rate some {@code deferralYears} later (a
 * sale to spend, or liquidation). So what realizing it now costs is the tax now less that later tax
 * discounted at {@code discountRate}: the cost of paying earlier. A loss harvested now saves its
 * rate now and lowers the replacement's basis by as much, which is taxed later at the long-term
 * rate: the harvest is worth the difference.
 *
 * <p>Per dollar of gain, with {@code DF = (1 + discountRate)^-deferralYears}:
 *
 * <ul>
 *   <li>a long-term gain costs {@code r_LT · (1 − DF)};
 *   <li>a short-term gain costs {@code r_ST − r_LT · DF}, its whole premium over long-term plus the
 *       long-term part paid early;
 *   <li>inside a tax-deferred or tax-exempt account (rate zero) nothing.
 * </ul>
 *
 * <p>A long horizon approaches the whole tax (the step-up view, where a gain held to death is never
 * taxed); a short one makes long-term gains almost free to realize. Both figures are rule-set
 * parameters for the engine ({@code tax.deferral-years}, {@code tax.discount-rate}). Discount
 * factors are computed with {@link StrictMath} and rounded to 10 places, so they are the same on
 * every platform. This record is immutable and thread-safe.
 *
 * @param deferralYears years until a gain not realized now is expected to be taxed, at least 0
 * @param discountRate the yearly rate at which later tax is discounted (the after-tax return on the
 *     money kept invested), in [0, 1]
 * @since 0.1
 */
public record TaxTiming(BigDecimal deferralYears, BigDecimal discountRate) {
  private static final int SCALE = 10;

  /**
   * Checks the ranges.
   *
   * @param deferralYears years until a gain not realized now is expected to be taxed, at least 0
   * @param discountRate the yearly rate at which later tax is discounted, in [0, 1]
   */
  public TaxTiming {
    Checks.isTrue(
        Checks.notNull(deferralYears, "deferralYears").signum() >= 0,
        "deferralYears",
        deferralYears,
        "must not be negative");
    Checks.isTrue(
        Checks.notNull(discountRate, "discountRate").signum() >= 0
            && discountRate.compareTo(BigDecimal.ONE) <= 0,
        "discountRate",
        discountRate,
        "must be within [0, 1]");
  }

  /**
   * Returns the timing of {@code years} of deferral discounted at {@code rate}.
   *
   * @param years the deferral horizon in years, as decimal text
   * @param rate the yearly discount rate, as decimal text
   * @return the timing
   */
  public static TaxTiming of(String years, String rate) {
    return new TaxTiming(new BigDecimal(years), new BigDecimal(rate));
  }

  /**
   * Returns the discount factor of tax paid {@link #deferralYears()} from now.
   *
   * @return {@code (1 + discountRate)^-deferralYears}, rounded to 10 places
   */
  public BigDecimal laterFactor() {
    return factor(deferralYears);
  }

  /**
   * Returns the discount factor of tax paid {@code years} from now, {@code (1 + r)^-years}.
   *
   * @param years the years, at least 0
   * @return the factor, rounded to 10 places
   */
  public BigDecimal factor(BigDecimal years) {
    Checks.isTrue(
        Checks.notNull(years, "years").signum() >= 0, "years", years, "must not be negative");
    double f = StrictMath.pow(1 + discountRate.doubleValue(), -years.doubleValue());
    return BigDecimal.valueOf(f).setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * Returns what realizing a dollar of gain taxed at {@code rate} costs now against holding it to
   * the horizon and paying the long-term rate then: {@code max(0, rate − r_LT · DF)}, at most
   * {@code rate}. A rate of zero (a sheltered account) costs nothing.
   *
   * @param rate the gain's marginal rate in the account (zero inside a sheltered account)
   * @param rates the household's rates
   * @return the cost per dollar of gain, at scale 10
   */
  public BigDecimal costOfRealizing(BigDecimal rate, TaxRates rates) {
    return costOfRealizing(rate, laterRate(rates));
  }

  /**
   * Returns the long-term rate discounted over the horizon, {@code r_LT · DF}: what a dollar of
   * gain held to the horizon costs in tax today. A caller weighing many gains of one household
   * computes it once and passes it to {@link #costOfRealizing(BigDecimal, BigDecimal)}.
   *
   * @param rates the household's rates
   * @return {@code r_LT · DF}
   */
  public BigDecimal laterRate(TaxRates rates) {
    return Checks.notNull(rates, "rates").longTerm().value().multiply(laterFactor());
  }

  /**
   * Returns {@code max(0, rate − laterRate)} at scale 10, or zero for a rate of zero: {@link
   * #costOfRealizing(BigDecimal, TaxRates)} with the household's {@link #laterRate} given.
   *
   * @param rate the gain's marginal rate in the account (zero inside a sheltered account)
   * @param laterRate the household's {@link #laterRate}
   * @return the cost per dollar of gain, at scale 10
   */
  public static BigDecimal costOfRealizing(BigDecimal rate, BigDecimal laterRate) {
    Checks.notNull(rate, "rate");
    Checks.notNull(laterRate, "laterRate");
    if (rate.signum() <= 0) {
      return BigDecimal.ZERO.setScale(SCALE);
    }
    return rate.subtract(laterRate).max(BigDecimal.ZERO).setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
