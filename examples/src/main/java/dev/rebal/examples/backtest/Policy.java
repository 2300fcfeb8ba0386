package dev.rebal.examples.backtest;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.money.Weight;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rebalancing policies the backtest compares. Each is a rule set run through the same {@code
 * Rebalancer} (so every trade respects the same compliance, wash-sale and cash constraints) plus an
 * adaptation of the generated household: its bands, whether it carries its goals and sees announced
 * liquidity events, and whether the advisor's gain limits apply.
 *
 * <p>Policies 1 to 5 are "goal-blind": the household's goals are removed (so the engine's plan is
 * the static target) and announced liquidity events are withheld until they hit the account. All
 * six keep {@code trigger.cash} (new money is invested by every policy), the eligibility rule and
 * every routing rule (so review load is measured the same way).
 */
enum Policy {
  /** (1) Calendar: every quarter, trade to target; tax-blind. */
  CALENDAR("Calendar quarterly to target", "cal"),
  /** (2) Naive threshold with absolute bands, back to target; tax-blind: the baseline. */
  THRESHOLD_ABSOLUTE("Threshold, absolute bands", "thr-abs"),
  /** (3) Threshold with relative bands (Daryanani), half way back; tax-blind. */
  THRESHOLD_RELATIVE("Threshold, relative bands", "thr-rel"),
  /** (4) Threshold with absolute bands, tax-aware: tax cost in the LP, loss harvesting. */
  TAX_AWARE_THRESHOLD("Tax-aware threshold", "tax-thr"),
  /**
   * (5) This engine's default rule set run goal-blind: the household without its goals or announced
   * events and with naive threshold's targets and bands, so against (2) it isolates the engine's
   * tax features at the same target allocation.
   */
  ENGINE_GOAL_BLIND("Engine, goal-blind (tax features only)", "engine-gb"),
  /** (6) This engine: {@code Rebalancer.standard()} on the household as generated. */
  ENGINE("Goal- and tax-aware (engine)", "engine");

  /** The naive baseline the bps differences are measured against. */
  static final Policy BASELINE = THRESHOLD_ABSOLUTE;

  private static final String ELIGIBILITY = "eligibility.tradable-account";

  private final String label;
  private final String shortName;

  Policy(String label, String shortName) {
    this.label = label;
    this.shortName = shortName;
  }

  String label() {
    return label;
  }

  String shortName() {
    return shortName;
  }

  /** Returns whether the household keeps its goals and sees liquidity events when announced. */
  boolean goalAware() {
    return this == ENGINE;
  }

  /** Returns whether the advisor's gain budget and short-term cap apply. */
  boolean taxAware() {
    return this == TAX_AWARE_THRESHOLD || this == ENGINE_GOAL_BLIND || this == ENGINE;
  }

  /** Returns the rule set this policy runs. */
  RuleSet ruleSet() {
    return ruleSet(Map.of());
  }

  /**
   * Returns the rule set this policy runs, with {@code taxAwareParams} set over the defaults if the
   * policy is tax-aware (a study of a parameter; empty for the documented runs).
   */
  RuleSet ruleSet(Map<String, String> taxAwareParams) {
    RuleSet plain = plainRuleSet();
    if (!taxAware() || taxAwareParams.isEmpty()) {
      return plain;
    }
    Map<String, String> params = new TreeMap<>(plain.parameters());
    params.putAll(taxAwareParams);
    return RuleSet.of(plain.name() + "-study", plain.version(), plain.rules(), params);
  }

  private RuleSet plainRuleSet() {
    RuleSet defaults = RuleSet.defaults();
    if (this == ENGINE || this == ENGINE_GOAL_BLIND) {
      return defaults;
    }
    Set<String> rules = new TreeSet<>();
    rules.add(ELIGIBILITY);
    rules.add("trigger.cash");
    for (String r : defaults.rules()) {
      if (r.startsWith("route.")) {
        rules.add(r);
      }
    }
    Map<String, String> params = new TreeMap<>(defaults.parameters());
    if (!taxAware()) {
      // a tax-blind rebalancer knows nothing of asset location either, trades a class to the
      // middle of its band whatever the sales realize, and has nothing (no tax, no location) to
      // gain from pushing a class further out of its band, so it keeps the plain drift weights
      params.put("optimizer.location-years", "0");
      params.put("optimizer.in-band-drift-share", "1");
      params.put("optimizer.drift-worsening-weight", "0");
    }
    // a plain rebalancer sells what its rule asks, however recently bought
    params.put("optimizer.min-holding-days", "0");
    switch (this) {
      case CALENDAR:
        rules.add("trigger.calendar");
        params.put("optimizer.mode", "TO_TARGET");
        params.put("optimizer.tax-weight", "0");
        break;
      case THRESHOLD_ABSOLUTE:
        rules.add("trigger.threshold");
        params.put("optimizer.mode", "TO_TARGET");
        params.put("optimizer.tax-weight", "0");
        break;
      case THRESHOLD_RELATIVE:
        rules.add("trigger.threshold");
        params.put("optimizer.mode", "HALFWAY");
        params.put("optimizer.tax-weight", "0");
        break;
      default: // TAX_AWARE_THRESHOLD
        rules.add("trigger.threshold");
        rules.add("trigger.tax");
        params.put("optimizer.mode", "HALFWAY");
        break;
    }
    return RuleSet.of("backtest-" + shortName, SemanticVersion.parse("1.0.0"), rules, params);
  }

  /** Returns the policy's starting household from the generated one. */
  Household adapt(Household generated) {
    if (this == ENGINE) {
      return generated;
    }
    Households.Copy c = Households.copy(generated);
    c.goals = List.of();
    c.events = List.of();
    var p = generated.taxProfile();
    c.taxProfile =
        Households.withGains(
            p,
            p.realizedShortTermYtd(),
            p.realizedLongTermYtd(),
            p.shortTermCarryforward(),
            p.longTermCarryforward(),
            taxAware());
    c.frequency =
        this == CALENDAR
            ? RebalanceFrequency.QUARTERLY
            : this == ENGINE_GOAL_BLIND ? generated.rebalanceFrequency() : RebalanceFrequency.NONE;
    if (this == THRESHOLD_ABSOLUTE || this == TAX_AWARE_THRESHOLD || this == ENGINE_GOAL_BLIND) {
      c.target = bands(generated.target(), "0.03", "0");
    } else if (this == THRESHOLD_RELATIVE) {
      c.target = bands(generated.target(), "0.01", "0.20");
    }
    return c.build();
  }

  /**
   * Returns {@code target} with the given bands: an absolute half-width (at most half the weight,
   * so the band stays above zero) and a relative one.
   */
  static TargetAllocation bands(TargetAllocation target, String absolute, String relative) {
    TargetAllocation.Builder b = TargetAllocation.builder();
    BigDecimal abs = new BigDecimal(absolute);
    for (Map.Entry<AssetClass, ClassTarget> e : target.classes().entrySet()) {
      Weight w = e.getValue().weight();
      BigDecimal half = w.value().divide(BigDecimal.valueOf(2), Weight.SCALE, RoundingMode.DOWN);
      b.putClasses(
          e.getKey(), new ClassTarget(w, Weight.ofComputed(abs.min(half)), Weight.of(relative)));
    }
    return b.build();
  }
}
