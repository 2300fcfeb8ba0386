package dev.rebal.engine.internal;

import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.optimizer.CashReserve;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When a sale the engine would otherwise hold back must be offered after all: the household is
 * short of cash, the position's account must raise cash (a committed need, cash below its floor),
 * its security is above a concentration cap, or its class has drifted past twice its band's
 * half-width. {@link LongTermWait} and {@link RecentPurchaseHold} ask it. Not thread-safe: one
 * lives inside one problem build.
 */
final class SaleUrgency {
  private final Assessment assessment;
  private final BandBreach breach;
  private final boolean householdShort;
  private final Set<AccountId> raisingCash = new TreeSet<>();
  private final Set<SecurityId> aboveCap = new TreeSet<>();

  private SaleUrgency(Assessment assessment, BandBreach breach) {
    this.assessment = assessment;
    this.breach = breach;
    this.householdShort = assessment.cashShortfall().isPositive();
  }

  /**
   * Returns the urgency of a problem of household {@code h} with these needs and constraints. An
   * account raises cash for its needs only while its cash above the floor is short of them: one
   * that already holds its reserve (yesterday's proposal raised it) holds back its recent purchases
   * like any other.
   */
  static SaleUrgency of(
      Household h,
      Assessment assessment,
      List<CashReserve> needs,
      TradeConstraints tc,
      RuleSet rs) {
    SaleUrgency u = new SaleUrgency(assessment, BandBreach.of(rs));
    Map<AccountId, Money> reserved = new TreeMap<>();
    needs.forEach(n -> reserved.merge(n.account(), n.amount(), Money::plus));
    reserved.forEach(
        (id, amount) -> {
          boolean covered =
              h.findAccount(id)
                  .map(a -> a.cash().minus(a.cashFloor()).compareTo(amount) >= 0)
                  .orElse(false);
          if (!covered) {
            u.raisingCash.add(id);
          }
        });
    for (ConcentrationLimit cap : tc.caps()) {
      if (cap.currentValue().compareTo(cap.maxValue()) > 0) {
        u.aboveCap.addAll(cap.securities());
      }
    }
    return u;
  }

  /**
   * Returns whether the class of {@code security} is above its band by more than the threshold
   * trigger's tolerance (so that a sale of it moves the household toward its target).
   */
  boolean classAboveBand(SecurityId security, MarketData m) {
    return assessment
        .drift()
        .find(m.lookupSecurity(security).assetClass())
        .map(d -> !d.drift().isNegative() && breach.outOfBand(d))
        .orElse(false);
  }

  /**
   * Returns whether {@code account} must raise cash: the household is short of cash (below its
   * floors), or the account holds the reserve of a committed need.
   */
  boolean mustRaiseCash(AccountId account) {
    return householdShort || raisingCash.contains(account);
  }

  /** Returns whether a sale of {@code security} in {@code account} cannot wait. */
  boolean cannotWait(AccountId account, SecurityId security, MarketData m) {
    if (mustRaiseCash(account) || aboveCap.contains(security)) {
      return true;
    }
    ClassDrift drift =
        assessment.drift().find(m.lookupSecurity(security).assetClass()).orElse(null);
    return drift != null
        && drift.absoluteDrift().compareTo(drift.halfWidth().plus(drift.halfWidth())) > 0;
  }
}
