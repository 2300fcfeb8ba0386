package dev.rebal.engine.internal;

import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.optimizer.CashReserve;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.Term;
import dev.rebal.tax.cost.TaxCostSegment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits for the long-term rate. A short-term lot at a gain that turns long term within {@code
 * tax.long-term-wait-days} (30 by default; 0, or an {@code optimizer.tax-weight} of 0, never waits)
 * is not offered for sale: a few weeks later the same sale pays the long-term rate instead of the
 * short-term one (at 40.8% against 23.8%, 17 cents on each dollar of gain), while a few weeks of
 * drift inside or just past a band costs far less. It is offered when waiting would cost more than
 * the rate: when its account must raise cash (a committed need, cash below the floor), when its
 * security is above a concentration cap, or when its class has drifted past twice its band's
 * half-width.
 *
 * <p>The lot's days are {@link HoldingPeriod#daysUntilLongTerm}. Not thread-safe: one lives inside
 * one problem build.
 */
final class LongTermWait {
  private final long days;
  private final LocalDate asOf;
  private final Assessment assessment;
  private final Set<AccountId> raisingCash = new TreeSet<>();
  private final Set<SecurityId> aboveCap = new TreeSet<>();
  private final boolean householdShort;

  private LongTermWait(long days, LocalDate asOf, Assessment assessment) {
    this.days = days;
    this.asOf = asOf;
    this.assessment = assessment;
    this.householdShort = assessment.cashShortfall().isPositive();
  }

  /** Returns the wait of {@code rs} for a problem with these needs and constraints. */
  static LongTermWait of(
      RuleSet rs,
      LocalDate asOf,
      Assessment assessment,
      List<CashReserve> needs,
      TradeConstraints tc) {
    // a rule set that ignores tax (optimizer.tax-weight 0) does not wait for a rate either
    boolean taxAware = Params.decimal(rs, "optimizer.tax-weight", "1").signum() > 0;
    LongTermWait w =
        new LongTermWait(
            taxAware ? Params.decimal(rs, "tax.long-term-wait-days", "30").longValueExact() : 0,
            asOf,
            assessment);
    needs.forEach(n -> w.raisingCash.add(n.account()));
    for (ConcentrationLimit cap : tc.caps()) {
      if (cap.currentValue().compareTo(cap.maxValue()) > 0) {
        w.aboveCap.addAll(cap.securities());
      }
    }
    return w;
  }

  /**
   * Returns whether some lot of {@code lots} (one position's) turns long term within the wait: a
   * cheap test of whether {@link #holdsBack} could hold any of its segments back.
   */
  boolean mayHoldBack(List<TaxLot> lots) {
    if (days == 0) {
      return false;
    }
    for (TaxLot lot : lots) {
      long left = daysLeft(lot);
      if (left > 0 && left <= days) {
        return true;
      }
    }
    return false;
  }

  /** Returns the days until a sale of {@code lot} is long term. */
  long daysLeft(TaxLot lot) {
    return HoldingPeriod.daysUntilLongTerm(lot, asOf);
  }

  /**
   * Returns whether segment {@code s} of a position of {@code security} in {@code account} is held
   * back until its lot turns long term.
   */
  boolean holdsBack(
      TaxCostSegment s,
      Map<LotId, TaxLot> lots,
      AccountId account,
      SecurityId security,
      MarketData m) {
    if (days == 0
        || s.term() != Term.SHORT
        || s.gainPerDollar().signum() <= 0
        || s.rate().isZero()) {
      return false;
    }
    TaxLot lot = lots.get(s.lot());
    if (lot == null) {
      return false;
    }
    long left = daysLeft(lot);
    if (left <= 0 || left > days) {
      return false;
    }
    if (householdShort || raisingCash.contains(account) || aboveCap.contains(security)) {
      return false;
    }
    ClassDrift drift =
        assessment.drift().find(m.lookupSecurity(security).assetClass()).orElse(null);
    return drift == null
        || drift.absoluteDrift().compareTo(drift.halfWidth().plus(drift.halfWidth())) <= 0;
  }
}
