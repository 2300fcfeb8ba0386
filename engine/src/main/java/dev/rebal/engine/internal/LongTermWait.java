package dev.rebal.engine.internal;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.Term;
import dev.rebal.tax.cost.TaxCostSegment;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits for the long-term rate. A short-term lot at a gain that turns long term within {@code
 * tax.long-term-wait-days} (30 by default; 0, or an {@code optimizer.tax-weight} of 0, never waits)
 * is not offered for sale: a few weeks later the same sale pays the long-term rate instead of the
 * short-term one (at 40.8% against 23.8%, 17 cents on each dollar of gain), while a few weeks of
 * drift inside or just past a band costs far less. It is offered when waiting would cost more than
 * the rate: when its account must raise cash (a committed need, cash below the floor), when its
 * security is above a concentration cap, or when its class has drifted past twice its band's
 * half-width ({@link SaleUrgency}).
 *
 * <p>The lot's days are {@link HoldingPeriod#daysUntilLongTerm}. Not thread-safe: one lives inside
 * one problem build.
 */
final class LongTermWait {
  private final long days;
  private final LocalDate asOf;
  private final SaleUrgency urgency;

  private LongTermWait(long days, LocalDate asOf, SaleUrgency urgency) {
    this.days = days;
    this.asOf = asOf;
    this.urgency = urgency;
  }

  /** Returns the wait of {@code rs} for a problem whose sales are as urgent as {@code urgency}. */
  static LongTermWait of(RuleSet rs, LocalDate asOf, SaleUrgency urgency) {
    // a rule set that ignores tax (optimizer.tax-weight 0) does not wait for a rate either
    boolean taxAware = Params.decimal(rs, "optimizer.tax-weight", "1").signum() > 0;
    return new LongTermWait(
        taxAware ? Params.decimal(rs, "tax.long-term-wait-days", "30").longValueExact() : 0,
        asOf,
        urgency);
  }

  /**
   * Returns the lots of {@code lots} (one position's) that turn long term within the wait, by id:
   * the only ones {@link #holdsBack} may hold back. Empty, and not allocated, when there are none
   * (the usual case) or the rule set does not wait.
   */
  Map<LotId, TaxLot> nearLongTerm(List<TaxLot> lots) {
    Map<LotId, TaxLot> near = Map.of();
    if (days == 0) {
      return near;
    }
    for (TaxLot lot : lots) {
      long left = daysLeft(lot);
      if (left > 0 && left <= days) {
        if (near.isEmpty()) {
          near = new HashMap<>();
        }
        near.put(lot.id(), lot);
      }
    }
    return near;
  }

  /** Returns the days until a sale of {@code lot} is long term. */
  long daysLeft(TaxLot lot) {
    return HoldingPeriod.daysUntilLongTerm(lot, asOf);
  }

  /**
   * Returns whether segment {@code s} of a position of {@code security} in {@code account} is held
   * back until its lot turns long term; {@code near} is the position's {@link #nearLongTerm}.
   */
  boolean holdsBack(
      TaxCostSegment s,
      Map<LotId, TaxLot> near,
      AccountId account,
      SecurityId security,
      MarketData m) {
    if (!near.containsKey(s.lot())
        || s.term() != Term.SHORT
        || s.gainPerDollar().signum() <= 0
        || s.rate().isZero()) {
      return false;
    }
    return !urgency.cannotWait(account, security, m);
  }
}
