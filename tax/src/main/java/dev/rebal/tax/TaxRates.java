package dev.rebal.tax;

import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Weight;

/**
 * The combined marginal rates a household pays on realized gains: federal plus the flat state rate
 * plus the net investment income tax, for short-term and long-term gains, and the rate at which the
 * capital-loss deduction against ordinary income saves tax (federal ordinary plus state; NIIT does
 * not apply to ordinary income).
 *
 * <p>These are marginal rates: Rebal does not model brackets. This record is immutable and
 * thread-safe.
 *
 * @param shortTerm the combined rate on net short-term gains
 * @param longTerm the combined rate on net long-term gains
 * @param ordinaryDeduction the rate at which a deductible net capital loss saves tax
 * @since 0.1
 */
public record TaxRates(Weight shortTerm, Weight longTerm, Weight ordinaryDeduction) {
  /**
   * Checks that no rate is null.
   *
   * @param shortTerm the combined rate on net short-term gains
   * @param longTerm the combined rate on net long-term gains
   * @param ordinaryDeduction the rate at which a deductible net capital loss saves tax
   */
  public TaxRates {
    Checks.notNull(shortTerm, "shortTerm");
    Checks.notNull(longTerm, "longTerm");
    Checks.notNull(ordinaryDeduction, "ordinaryDeduction");
  }

  /**
   * {@return the combined rates of {@code profile}}
   *
   * @param profile the household's tax profile
   */
  public static TaxRates of(TaxProfile profile) {
    Checks.notNull(profile, "profile");
    Weight extra = profile.stateRate().plus(profile.niitRate());
    return new TaxRates(
        profile.shortTermRate().plus(extra),
        profile.longTermRate().plus(extra),
        profile.shortTermRate().plus(profile.stateRate()));
  }

  /** {@return zero rates: the rates inside a tax-deferred or tax-exempt account} */
  public static TaxRates zero() {
    return new TaxRates(Weight.ZERO, Weight.ZERO, Weight.ZERO);
  }

  /**
   * {@return the combined rate of gains of {@code term}}
   *
   * @param term short or long term
   */
  public Weight rateOf(Term term) {
    return Checks.notNull(term, "term") == Term.SHORT ? shortTerm : longTerm;
  }
}
