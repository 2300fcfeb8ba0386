package dev.rebal.tax.gains;

import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import dev.rebal.tax.lots.RealizedLot;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Nets a tax year's capital gains and losses and computes their tax, so that a proposal can state
 * its tax cost in dollars.
 *
 * <p>Method (IRS Schedule D and its instructions; Pub. 550, "Capital Losses"):
 *
 * <ol>
 *   <li>Short-term: gains realized so far this year, plus the proposal's, minus the short-term
 *       carryforward. Long-term likewise with the long-term carryforward.
 *   <li>If one net is a gain and the other a loss, the loss offsets the gain.
 *   <li>A remaining net loss is deducted against ordinary income up to $3,000 ($1,500 married
 *       filing separately), short-term loss first; the rest carries forward keeping its character.
 *   <li>Tax = net short-term gain x short-term rate + net long-term gain x long-term rate -
 *       deducted loss x ordinary rate, with the combined rates of {@link TaxRates}; rounded once to
 *       cents.
 * </ol>
 *
 * <p>Rates are the profile's marginal rates; brackets, the 0% long-term bracket and phase-ins of
 * the net investment income tax are out of scope. This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TaxCalculator {
  private static final TaxCalculator STANDARD = new TaxCalculator();
  private static final Money LOSS_LIMIT = Money.usd("3000");
  private static final Money LOSS_LIMIT_SEPARATE = Money.usd("1500");

  private TaxCalculator() {}

  /** {@return the standard calculator} */
  public static TaxCalculator standard() {
    return STANDARD;
  }

  /**
   * {@return the year's netting and tax with {@code addedShortTerm} and {@code addedLongTerm}
   * realized on top of what the profile says was realized so far}
   *
   * @param profile the household's tax profile
   * @param addedShortTerm net short-term gain added (negative for a loss)
   * @param addedLongTerm net long-term gain added (negative for a loss)
   */
  public TaxYearSummary summarize(TaxProfile profile, Money addedShortTerm, Money addedLongTerm) {
    Checks.notNull(profile, "profile");
    Checks.notNull(addedShortTerm, "addedShortTerm");
    Checks.notNull(addedLongTerm, "addedLongTerm");
    Money st =
        profile.realizedShortTermYtd().plus(addedShortTerm).minus(profile.shortTermCarryforward());
    Money lt =
        profile.realizedLongTermYtd().plus(addedLongTerm).minus(profile.longTermCarryforward());
    Money zero = Money.zero(st.currency());
    if (st.isNegative() && lt.isPositive()) {
      Money combined = lt.plus(st);
      lt = combined.isNegative() ? zero : combined;
      st = combined.isNegative() ? combined : zero;
    } else if (lt.isNegative() && st.isPositive()) {
      Money combined = st.plus(lt);
      st = combined.isNegative() ? zero : combined;
      lt = combined.isNegative() ? combined : zero;
    }
    Money stLoss = st.isNegative() ? st.negated() : zero;
    Money ltLoss = lt.isNegative() ? lt.negated() : zero;
    Money limit =
        profile.filingStatus() == FilingStatus.MARRIED_SEPARATE ? LOSS_LIMIT_SEPARATE : LOSS_LIMIT;
    Money deducted = stLoss.plus(ltLoss).min(limit);
    Money fromShort = stLoss.min(deducted);
    Money fromLong = deducted.minus(fromShort);
    Money stGain = st.max(zero);
    Money ltGain = lt.max(zero);
    TaxRates rates = TaxRates.of(profile);
    BigDecimal tax =
        stGain
            .amount()
            .multiply(rates.shortTerm().value(), MathContext.DECIMAL128)
            .add(ltGain.amount().multiply(rates.longTerm().value(), MathContext.DECIMAL128))
            .subtract(
                deducted
                    .amount()
                    .multiply(rates.ordinaryDeduction().value(), MathContext.DECIMAL128));
    return new TaxYearSummary(
        stGain,
        ltGain,
        deducted,
        stLoss.minus(fromShort),
        ltLoss.minus(fromLong),
        Money.ofComputed(st.currency(), tax));
  }

  /**
   * {@return the year's netting and tax with the given realized lots added}
   *
   * @param profile the household's tax profile, with the year's realizations so far
   * @param realized the lots realized in addition
   */
  public TaxYearSummary summarize(TaxProfile profile, Iterable<RealizedLot> realized) {
    Money[] added = totals(realized);
    return summarize(profile, added[0], added[1]);
  }

  /**
   * {@return the tax cost of realizing the given gains this year: the year's tax with them minus
   * the year's tax without them (negative when they save tax)}
   *
   * @param profile the household's tax profile
   * @param addedShortTerm net short-term gain added (negative for a loss)
   * @param addedLongTerm net long-term gain added (negative for a loss)
   */
  public Money taxCost(TaxProfile profile, Money addedShortTerm, Money addedLongTerm) {
    Money base = summarize(profile, Money.ZERO_USD, Money.ZERO_USD).tax();
    return summarize(profile, addedShortTerm, addedLongTerm).tax().minus(base);
  }

  /**
   * {@return the tax cost of realizing the given lots this year; see {@link #taxCost}}
   *
   * @param profile the household's tax profile, with the year's realizations so far
   * @param realized the lots to realize
   */
  public Money taxCost(TaxProfile profile, Iterable<RealizedLot> realized) {
    Money[] added = totals(realized);
    return taxCost(profile, added[0], added[1]);
  }

  private static Money[] totals(Iterable<RealizedLot> realized) {
    Checks.notNull(realized, "realized");
    Money st = Money.ZERO_USD;
    Money lt = Money.ZERO_USD;
    for (RealizedLot l : realized) {
      if (l.term() == Term.SHORT) {
        st = st.plus(l.gain());
      } else {
        lt = lt.plus(l.gain());
      }
    }
    return new Money[] {st, lt};
  }
}
