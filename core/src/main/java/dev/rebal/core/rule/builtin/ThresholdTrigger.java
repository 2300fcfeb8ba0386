package dev.rebal.core.rule.builtin;

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
 * Fires when an asset class is outside its band (absolute or relative, whichever is wider) after
 * expected inflows within the horizon are counted as invested at target, so an inflow that will fix
 * an overweight does not cause a sale now. Cash above its target (or untargeted) is left to the
 * cash trigger, which fires only on cash the firm can invest; cash below target fires here. A class
 * must be outside its band by more than {@code trigger.threshold.tolerance} (0.001), so that a
 * trade to the band edge that rounded a hair short does not fire again. A class over its band that
 * the household holds only in held-away or untradable accounts (or holds elsewhere for no more than
 * the tolerance's share of its value) does not fire: no proposal can lower it (a sale there is not
 * the firm's, and no trade elsewhere changes the class's value or the household's total), so firing
 * would only trade other classes month after month while the drift stays.
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
    boolean cashTargeted =
        context.assessment().plan().target().classes().containsKey(HouseholdValuation.CASH);
    // hysteresis: a trade to the band edge rounds to whole shares and may stop a hair outside it
    BigDecimal tolerance = context.param("trigger.threshold.tolerance", "0.001");
    // the lots are scanned only when some class is over its band: most households are inside
    TradableHoldings tradable = null;
    BigDecimal movable = null; // the tolerance's share of the household: what a sale must move
    for (ClassDrift d : context.assessment().projectedDrift().outOfBand()) {
      if (d.absoluteDrift().value().subtract(d.halfWidth().value()).compareTo(tolerance) <= 0) {
        continue;
      }
      if (d.assetClass().equals(HouseholdValuation.CASH)
          && (!cashTargeted || !d.drift().isNegative())) {
        continue;
      }
      if (!d.drift().isNegative()) {
        if (tradable == null) {
          tradable = TradableHoldings.of(context, a -> BigDecimal.ONE);
          movable = tolerance.multiply(context.assessment().projectedDrift().total().amount());
        }
        if (!tradable.holdsMoreThan(d.assetClass(), movable)) {
          continue; // overweight only where the firm may not trade: no proposal can lower it
        }
      }
      out.add(d.assetClass() + " " + d.actual() + " vs " + d.target() + " +/- " + d.halfWidth());
    }
    return out.isEmpty()
        ? RuleOutcome.pass()
        : RuleOutcome.found("trigger.threshold", "out of band: " + String.join("; ", out));
  }
}
