package dev.rebal.core.rule.builtin;

import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.math.BigDecimal;

/**
 * Fires on cash to invest (cash above floors of at least {@code trigger.cash.min} dollars and
 * {@code trigger.cash.share} of household value) or on cash below a floor.
 */
final class CashTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.cash";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    var a = context.assessment();
    if (a.cashShortfall().isPositive()) {
      return RuleOutcome.found(
          "trigger.cash.shortfall", "cash below floors by " + a.cashShortfall());
    }
    BigDecimal min = context.param("trigger.cash.min", "5000");
    BigDecimal share =
        context.param("trigger.cash.share", "0.02").multiply(a.valuation().total().amount());
    BigDecimal excess = a.excessCash().amount();
    return excess.compareTo(min) >= 0 && excess.compareTo(share) >= 0
        ? RuleOutcome.found("trigger.cash.deposit", "cash to invest " + a.excessCash())
        : RuleOutcome.pass();
  }
}
