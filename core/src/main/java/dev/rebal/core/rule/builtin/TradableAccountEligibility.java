package dev.rebal.core.rule.builtin;

import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;

/** Holds a household that has no account the firm may trade: there is nothing to propose. */
final class TradableAccountEligibility implements Rule {
  @Override
  public String id() {
    return "eligibility.tradable-account";
  }

  @Override
  public Stage stage() {
    return Stage.ELIGIBILITY;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    boolean any =
        context.household().accounts().stream().anyMatch(a -> a.tradable() && !a.heldAway());
    return any
        ? RuleOutcome.pass()
        : RuleOutcome.found("eligibility.no-tradable-account", "no tradable account");
  }
}
