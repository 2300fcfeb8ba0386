package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a goal's glide path stepped since the last rebalance, or a goal entered its final
 * {@code trigger.goal.horizon-days} days since then.
 */
final class GoalTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.goal";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    var h = context.household();
    if (h.lastRebalanced().isEmpty()) {
      return RuleOutcome.pass();
    }
    LocalDate last = h.lastRebalanced().get();
    int horizon = context.param("trigger.goal.horizon-days", "180").intValue();
    List<Finding> out = new ArrayList<>();
    for (Goal g : h.goals()) {
      int yearsThen = (int) Math.max(0, ChronoUnit.YEARS.between(last, g.targetDate()));
      int yearsNow = (int) Math.max(0, ChronoUnit.YEARS.between(context.asOf(), g.targetDate()));
      if (!g.glidePath().allocationAt(yearsThen).equals(g.glidePath().allocationAt(yearsNow))) {
        out.add(
            new Finding(
                "trigger.goal.glidepath",
                "goal "
                    + g.id()
                    + " glide path stepped from "
                    + yearsThen
                    + " to "
                    + yearsNow
                    + " years to goal"));
      }
      LocalDate window = g.targetDate().minusDays(horizon);
      if (last.isBefore(window) && !context.asOf().isBefore(window)) {
        out.add(
            new Finding(
                "trigger.goal.approaching",
                "goal " + g.id() + " due " + g.targetDate() + " is within " + horizon + " days"));
      }
    }
    return new RuleOutcome(ImmutableList.copyOf(out), ImmutableList.of());
  }
}
