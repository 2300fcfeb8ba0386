package dev.rebal.engine;

import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.RuleRegistry;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import java.util.TreeSet;

/** A firm trigger rule that throws for one household: how the batch tests make work fail. */
final class BrokenRule implements Rule {
  private final String household;

  private BrokenRule(String household) {
    this.household = household;
  }

  /** Returns a rebalancer with the default rules plus one that throws for {@code household}. */
  static Rebalancer rebalancerFailing(String household) {
    TreeSet<String> ids = new TreeSet<>(RuleSet.defaults().rules());
    ids.add("firm.broken");
    RuleSet rs =
        RuleSet.of("firm", SemanticVersion.parse("1.0.0"), ids, RuleSet.defaults().parameters());
    return Rebalancer.of(
        rs,
        RuleRegistry.builder()
            .loadServices(BrokenRule.class.getClassLoader())
            .register(new BrokenRule(household))
            .build());
  }

  @Override
  public String id() {
    return "firm.broken";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    if (context.household().id().value().equals(household)) {
      throw new IllegalStateException("boom");
    }
    return RuleOutcome.pass();
  }
}
