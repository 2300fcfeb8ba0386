package dev.rebal.core.rule.builtin;

import dev.rebal.core.household.Account;
import dev.rebal.core.money.Weight;
import dev.rebal.core.plan.GoalBucket;
import dev.rebal.core.plan.WatchedBuckets;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fires when a goal bucket the household watches ({@link WatchedBuckets}: funded by accounts, worth
 * at least {@code trigger.goal-bucket.min-value} (25000 dollars), with a tradable account, funding
 * a goal due within {@code trigger.goal-bucket.horizon-days} (1826, five years)) has an asset class
 * outside its band by more than {@code trigger.threshold.tolerance} (0.001). The shared pool is not
 * checked: with one bucket its drift is the household's, which {@code trigger.threshold} watches,
 * and with several it is the household's drift less the buckets', which the optimizer has no rows
 * for. Cash is not checked either: idle cash is the cash trigger's. Drift is today's: an expected
 * inflow is not assigned to an account. A drift no proposal can bring back does not fire:
 *
 * <ul>
 *   <li>a class over the bucket's band of which the bucket's tradable accounts (not held away) hold
 *       no more than the tolerance's share of the bucket, as for {@code trigger.threshold};
 *   <li>a class under it when those accounts hold nothing above its target to sell for it (no
 *       class, and no cash above their floors, beyond that share).
 * </ul>
 *
 * A bucket funded by a 401(k) the firm does not manage, full of stocks, and by IRAs all in bonds
 * would otherwise fire every month. Each proposal would then trade elsewhere at a taxed gain while
 * the bucket stayed where it was.
 *
 * <p>In the default rule set since 1.3.0; the engine gives the optimizer the same buckets' drift
 * rows, so a proposal fixes what the trigger saw, and a bucket it cannot bring back is reported as
 * a {@code BUCKET_DRIFT} goal left unmet (docs/rules.md).
 */
final class GoalBucketTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.goal-bucket";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    BigDecimal tolerance = context.param("trigger.threshold.tolerance", "0.001");
    BigDecimal minValue = context.param("trigger.goal-bucket.min-value", "25000");
    long horizon = context.param("trigger.goal-bucket.horizon-days", "1826").longValue();
    List<String> out = new ArrayList<>();
    for (GoalBucket b :
        WatchedBuckets.of(
            context.household(), context.assessment().plan(), context.asOf(), minValue, horizon)) {
      List<String> classes = new ArrayList<>();
      // a drift counts only above the tolerance's share of the bucket, so must a holding to move it
      BigDecimal movable = tolerance.multiply(b.value().amount());
      // the lots are scanned only when a class is out of band: most buckets are inside
      TradableHoldings tradable = null;
      Boolean funded = null;
      for (ClassDrift d : b.outOfBand()) {
        if (d.assetClass().equals(HouseholdValuation.CASH)
            || d.absoluteDrift().value().subtract(d.halfWidth().value()).compareTo(tolerance)
                <= 0) {
          continue;
        }
        if (tradable == null) {
          tradable = holdings(context, b);
        }
        if (d.drift().isNegative()) {
          if (funded == null) {
            funded = hasSource(context, b, tradable, movable);
          }
          if (!funded) {
            continue; // nothing in the bucket's tradable accounts to sell for it
          }
        } else if (!tradable.holdsMoreThan(d.assetClass(), movable)) {
          continue; // overweight only where the firm may not trade: no proposal can lower it
        }
        classes.add(
            d.assetClass() + " " + d.actual() + " vs " + d.target() + " +/- " + d.halfWidth());
      }
      if (!classes.isEmpty()) {
        out.add("bucket " + b.id() + " (" + b.value() + "): " + String.join("; ", classes));
      }
    }
    return out.isEmpty()
        ? RuleOutcome.pass()
        : RuleOutcome.found("trigger.goal-bucket", "out of band: " + String.join(" | ", out));
  }

  /** What the tradable accounts of bucket {@code b} hold, each at its share in the bucket. */
  private static TradableHoldings holdings(RuleContext context, GoalBucket b) {
    return TradableHoldings.of(
        context,
        a ->
            Optional.ofNullable(b.accountShares().get(a))
                .map(Weight::value)
                .orElse(BigDecimal.ZERO));
  }

  /**
   * Whether bucket {@code b} has something to sell for an underweight class: a class above its
   * target of which its tradable accounts hold more than {@code movable}, or cash above its target
   * with more than {@code movable} above the floors of those accounts.
   */
  private static boolean hasSource(
      RuleContext context, GoalBucket b, TradableHoldings tradable, BigDecimal movable) {
    for (ClassDrift d : b.drift()) {
      if (d.drift().isNegative() || d.drift().isZero()) {
        continue;
      }
      if (d.assetClass().equals(HouseholdValuation.CASH)) {
        BigDecimal spare = BigDecimal.ZERO;
        for (Account a : context.household().accounts()) {
          Weight share = b.accountShares().get(a.id());
          if (share != null && a.tradable() && !a.heldAway()) {
            spare =
                spare.add(
                    a.cash()
                        .minus(a.cashFloor())
                        .amount()
                        .max(BigDecimal.ZERO)
                        .multiply(share.value()));
          }
        }
        if (spare.compareTo(movable) > 0) {
          return true;
        }
      } else if (tradable.holdsMoreThan(d.assetClass(), movable)) {
        return true;
      }
    }
    return false;
  }
}
