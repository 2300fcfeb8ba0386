package dev.rebal.core.rule.builtin;

import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.math.BigDecimal;

/** Fires when harvestable losses reach {@code trigger.tax.min-loss} dollars. */
final class TaxHarvestTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.tax";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    BigDecimal min = context.param("trigger.tax.min-loss", "10000");
    var loss = context.assessment().harvestableLoss();
    return loss.amount().compareTo(min) >= 0
        ? RuleOutcome.found("trigger.tax.harvest", "harvestable losses " + loss)
        : RuleOutcome.pass();
  }
}
