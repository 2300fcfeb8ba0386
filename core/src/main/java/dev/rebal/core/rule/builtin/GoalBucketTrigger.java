package dev.rebal.core.rule.builtin;

import dev.rebal.core.plan.GoalBucket;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a goal bucket funded by accounts (docs/goals.md) has an asset class outside its band
 * by more than {@code trigger.threshold.tolerance} (0.001), and the bucket is worth at least
 * {@code trigger.goal-bucket.min-value} (25000 dollars) and has a tradable account (one that is
 * neither held away nor non-tradable: otherwise no trade could fix it). The shared pool is not
 * checked: with one
 * bucket its drift is the household's, which {@code trigger.threshold} watches, and with several it
 * is the household's drift less the buckets', which the optimizer has no rows for (a trigger on it
 * could fire on a drift no trade is asked to fix). Cash is not checked either: the optimizer treats
 * cash as what is not invested, so a bucket's cash moves only with its other classes, and idle cash
 * is the cash trigger's. Drift is today's: an expected inflow is not assigned to an account.
 *
 * <p>The rule is not in the default rule set: a firm enables it ({@code rule trigger.goal-bucket}),
 * and the engine then gives the optimizer the buckets' drift rows. Why it is opt-in is in {@code
 * docs/rules.md} (on the generated book it sends many households to review).
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
    List<String> out = new ArrayList<>();
    java.util.Set<dev.rebal.core.household.AccountId> tradable = new java.util.HashSet<>();
    for (var a : context.household().accounts()) {
      if (a.tradable() && !a.heldAway()) {
        tradable.add(a.id());
      }
    }
    for (GoalBucket b : context.assessment().plan().accountFundedBuckets()) {
      if (b.value().amount().compareTo(minValue) < 0
          || b.accountShares().keySet().stream().noneMatch(tradable::contains)) {
        continue;
      }
      List<String> classes = new ArrayList<>();
      for (ClassDrift d : b.outOfBand()) {
        if (d.assetClass().equals(HouseholdValuation.CASH)
            || d.absoluteDrift().value().subtract(d.halfWidth().value())
                .compareTo(tolerance) <= 0) {
          continue;
        }
        classes.add(d.assetClass() + " " + d.actual() + " vs " + d.target() + " +/- "
            + d.halfWidth());
      }
      if (!classes.isEmpty()) {
        out.add("bucket " + b.id() + " (" + b.value() + "): " + String.join("; ", classes));
      }
    }
    return out.isEmpty() ? RuleOutcome.pass()
        : RuleOutcome.found("trigger.goal-bucket", "out of band: " + String.join(" | ", out));
  }
}
