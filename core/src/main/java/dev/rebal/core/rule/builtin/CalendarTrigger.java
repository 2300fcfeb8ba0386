package dev.rebal.core.rule.builtin;

import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;

/**
 * Fires when the household's calendar date has come: its {@code rebalanceFrequency} months after
 * the last rebalance, or at once if it was never rebalanced. {@code NONE} never fires.
 */
final class CalendarTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.calendar";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    var h = context.household();
    int months = h.rebalanceFrequency().months();
    if (months == 0) {
      return RuleOutcome.pass();
    }
    if (h.lastRebalanced().isEmpty()) {
      return RuleOutcome.found(
          "trigger.calendar", "never rebalanced; schedule " + h.rebalanceFrequency());
    }
    var due = h.lastRebalanced().get().plusMonths(months);
    return context.asOf().isBefore(due)
        ? RuleOutcome.pass()
        : RuleOutcome.found(
            "trigger.calendar",
            h.rebalanceFrequency()
                + " rebalance due "
                + due
                + " (last "
                + h.lastRebalanced().get()
                + ")");
  }
}
