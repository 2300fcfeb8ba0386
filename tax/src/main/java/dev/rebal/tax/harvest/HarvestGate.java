package dev.rebal.tax.harvest;

import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.TaxTiming;
import dev.rebal.tax.lots.RealizedLot;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Harvest only when it pays. A harvested loss saves tax at its rate when the household's gains
 * absorb it, but the replacement is bought at a basis lower by the same amount, which is taxed
 * later at the long-term rate (discounted by {@link TaxTiming}); the sale and the replacement cost
 * trading. So, for a harvest with losses {@code L_i} of term rate {@code r_i} and proceeds {@code
 * P}:
 *
 * <pre>{@code
 * value = Σ L_i · r_i · U  −  Σ L_i · r_LT · DF  −  2 · cost · P      worth it when value ≥ margin · P
 * }</pre>
 *
 * <p>{@code DF} is the discount factor of the deferral horizon and {@code U} that of the years
 * until the household can use the loss: losses are absorbed by net realized gains and then by the
 * ordinary-income deduction ($3,000 a year, $1,500 married filing separately), so the years until a
 * new loss is used are the losses already waiting (carryforwards and a net loss so far this year)
 * and half its own over the gains a year is expected to bring (this year's net realized gains,
 * scaled to a whole year by the day of the year) plus the deduction, at most the deferral horizon
 * (carryforwards left then offset the liquidation's gains). A loss the household will use this year
 * has {@code U = 1}; one that would join a large carryforward is worth little, and one whose use
 * lies as far off as the later tax is worth nothing at the long-term rate.
 *
 * <p>A short-term loss is valued at the short-term rate, as {@link Harvest#taxValue()} is, which
 * assumes short-term gains to absorb it. This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class HarvestGate {
  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal BPS = new BigDecimal("10000");
  private static final BigDecimal DAYS_IN_YEAR = new BigDecimal("365");
  private static final Money DEDUCTION = Money.usd("3000");
  private static final Money DEDUCTION_SEPARATE = Money.usd("1500");

  private final TaxTiming timing;
  private final BigDecimal tradingCostBps;
  private final BigDecimal marginBps;

  private HarvestGate(TaxTiming timing, BigDecimal tradingCostBps, BigDecimal marginBps) {
    this.timing = Checks.notNull(timing, "timing");
    Checks.isTrue(
        Checks.notNull(tradingCostBps, "tradingCostBps").signum() >= 0,
        "tradingCostBps",
        tradingCostBps,
        "must not be negative");
    Checks.isTrue(
        Checks.notNull(marginBps, "marginBps").signum() >= 0,
        "marginBps",
        marginBps,
        "must not be negative");
    this.tradingCostBps = tradingCostBps;
    this.marginBps = marginBps;
  }

  /**
   * Returns a gate.
   *
   * @param timing when later tax is paid and how it is discounted
   * @param tradingCostBps the trading cost per traded dollar, in basis points
   * @param marginBps the value a harvest must reach, in basis points of its proceeds
   * @return the gate
   */
  public static HarvestGate of(TaxTiming timing, BigDecimal tradingCostBps, BigDecimal marginBps) {
    return new HarvestGate(timing, tradingCostBps, marginBps);
  }

  /**
   * Appraises {@code harvests} in order for a household with {@code profile} on {@code asOf}.
   *
   * @param harvests the harvests, each appraised alone
   * @param profile the household's tax profile (rates, carryforwards, gains so far this year)
   * @param asOf the as-of date
   * @return one appraisal per harvest, in the same order
   */
  public List<HarvestAppraisal> appraise(
      List<Harvest> harvests, TaxProfile profile, LocalDate asOf) {
    Checks.notNull(harvests, "harvests");
    Checks.notNull(profile, "profile");
    Checks.notNull(asOf, "asOf");
    TaxRates rates = TaxRates.of(profile);
    Money ytd = profile.realizedShortTermYtd().plus(profile.realizedLongTermYtd());
    Money waiting =
        profile
            .shortTermCarryforward()
            .plus(profile.longTermCarryforward())
            .plus(ytd.isNegative() ? ytd.negated() : Money.ZERO_USD);
    BigDecimal yearShare = new BigDecimal(asOf.getDayOfYear()).divide(DAYS_IN_YEAR, MC);
    Money yearGains =
        ytd.isPositive()
            ? Money.ofComputed(Money.USD, ytd.amount().divide(yearShare, MC))
            : Money.ZERO_USD;
    Money perYear =
        yearGains.plus(
            profile.filingStatus() == FilingStatus.MARRIED_SEPARATE
                ? DEDUCTION_SEPARATE
                : DEDUCTION);
    BigDecimal later = timing.laterRate(rates);
    BigDecimal cost = tradingCostBps.divide(BPS, MC);
    BigDecimal margin = marginBps.divide(BPS, MC);
    List<HarvestAppraisal> out = new ArrayList<>();
    for (Harvest h : harvests) {
      // the loss's middle dollar waits behind the losses already waiting. Harvests proposed
      // together are not queued behind each other: a decision must not change when part of it
      // has been executed and the firm's tax profile is not yet updated (the rest would move up)
      Money middle =
          waiting.plus(
              Money.ofComputed(Money.USD, h.loss().amount().divide(BigDecimal.valueOf(2), MC)));
      BigDecimal years =
          middle
              .amount()
              .divide(perYear.amount(), MC)
              .setScale(0, RoundingMode.DOWN)
              .min(timing.deferralYears());
      BigDecimal use = timing.factor(years);
      BigDecimal saved = BigDecimal.ZERO;
      BigDecimal proceeds = BigDecimal.ZERO;
      for (RealizedLot l : h.sale().lots()) {
        proceeds = proceeds.add(l.proceeds().amount());
        if (l.gain().isNegative()) {
          saved = saved.add(l.gain().amount().negate().multiply(rates.rateOf(l.term()).value()));
        }
      }
      Money taxSaved = Money.ofComputed(Money.USD, saved.multiply(use));
      Money laterTax = Money.ofComputed(Money.USD, h.loss().amount().multiply(later));
      Money trading =
          Money.ofComputed(Money.USD, proceeds.multiply(cost).multiply(BigDecimal.valueOf(2)));
      Money value = taxSaved.minus(laterTax).minus(trading);
      out.add(
          new HarvestAppraisal(
              h,
              taxSaved,
              laterTax,
              trading,
              value,
              Money.ofComputed(Money.USD, proceeds.multiply(margin)),
              use));
    }
    return out;
  }
}
