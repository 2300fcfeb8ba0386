package dev.rebal.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetException;
import dev.rebal.core.ruleset.SemanticVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

  /** A firm rule, registered in code. */
  private static final class NoCryptoRule implements Rule {
    private final String id;

    NoCryptoRule(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Stage stage() {
      return Stage.CONSTRAINT;
    }

    @Override
    public RuleOutcome evaluate(RuleContext context) {
      return RuleOutcome.pass();
    }
  }

  @Test
  void load_serviceLoader_findsTheBuiltInRules() {
    // when
    RuleRegistry registry = RuleRegistry.load(getClass().getClassLoader());

    // then
    assertThat(registry.rules().keySet())
        .contains(
            "trigger.calendar",
            "trigger.threshold",
            "trigger.cash",
            "trigger.tax",
            "trigger.goal",
            "trigger.goal-bucket",
            "trigger.liquidity",
            "constraint.liquidity-reserve",
            "eligibility.tradable-account",
            "route.verifier");
  }

  @Test
  void select_defaultRuleSet_returnsRulesInStageThenIdOrder() {
    // given
    RuleRegistry registry = RuleRegistry.load(getClass().getClassLoader());

    // when
    List<Rule> rules = registry.select(RuleSet.defaults());

    // then
    assertThat(rules).hasSize(RuleSet.defaults().rules().size());
    assertThat(rules.get(0).stage()).isEqualTo(Stage.ELIGIBILITY);
    assertThat(rules.get(rules.size() - 1).stage()).isEqualTo(Stage.ROUTING);
    assertThat(rules)
        .extracting(Rule::id)
        .containsSubsequence(
            "trigger.calendar",
            "trigger.threshold",
            "constraint.liquidity-reserve",
            "route.concentration");
  }

  @Test
  void select_unknownRuleEnabled_namesIt() {
    RuleSet rs =
        RuleSet.of("x", SemanticVersion.parse("1.0.0"), List.of("firm.no-crypto"), Map.of());
    assertThatThrownBy(() -> RuleRegistry.builder().build().select(rs))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("unknown rule(s) [firm.no-crypto]");
  }

  @Test
  void build_duplicateId_namesBothOwners() {
    assertThatThrownBy(
            () ->
                RuleRegistry.builder()
                    .loadServices(getClass().getClassLoader())
                    .register(new NoCryptoRule("trigger.calendar"))
                    .build())
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining(
            "rule id 'trigger.calendar' is defined by rebal-builtin "
                + "(dev.rebal.core.rule.builtin.CalendarTrigger) and registered "
                + "(dev.rebal.core.rule.RuleRegistryTest$NoCryptoRule)");
  }

  @Test
  void register_firmRule_isSelectableByItsId() {
    RuleRegistry registry =
        RuleRegistry.builder().register(new NoCryptoRule("firm.no-crypto")).build();
    RuleSet rs =
        RuleSet.of("firm", SemanticVersion.parse("1.0.0"), List.of("firm.no-crypto"), Map.of());
    assertThat(registry.select(rs)).extracting(Rule::id).containsExactly("firm.no-crypto");
  }
}
