package dev.rebal.core.rule.builtin;

import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import java.util.ArrayList;
import java.util.List;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;

/**
 * Fires when an asset class is outside its band (absolute or relative, whichever is wider) after expected inflows within the horizon are counted as invested at target, so an inflow that will fix an overweight does not cause a sale now. Untargeted cash is left to the cash trigger.
 */
final class ThresholdTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.threshold";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    List<String> out = new ArrayList<>();
    boolean cashTargeted = context.assessment().plan().target().classes()
        .containsKey(HouseholdValuation.CASH);
    for (ClassDrift d : context.assessment().projectedDrift().outOfBand()) {
      if (d.assetClass().equals(HouseholdValuation.CASH) && !cashTargeted) {
        continue;
      }
      out.add(d.assetClass() + " " + d.actual() + " vs " + d.target() + " +/- " + d.halfWidth());
    }
    return out.isEmpty() ? RuleOutcome.pass()
        : RuleOutcome.found("trigger.threshold", "out of band: " + String.join("; ", out));
  }
}
