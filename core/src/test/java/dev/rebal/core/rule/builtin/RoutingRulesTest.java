package dev.rebal.core.rule.builtin;

import static dev.rebal.core.rule.builtin.RuleFixtures.context;
import static dev.rebal.core.rule.builtin.RuleFixtures.household;
import static dev.rebal.core.rule.builtin.RuleFixtures.impact;
import static dev.rebal.core.rule.builtin.RuleFixtures.proposal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
  private static final Map<String, Rule> RULES =
      RoutingRules.all().stream().collect(Collectors.toMap(Rule::id, Function.identity()));

  private static List<String> route(String ruleId, ProposalImpact impact, boolean withTrade) {
    Household h = household(600, "40000").build();
    RuleContext c = context(h).withProposal(proposal(h, withTrade), impact);
    return RULES.get(ruleId).evaluate(c).findings().stream().map(Finding::code).toList();
  }

  @Test
  void tradeSize_aboveLimit_goesToReview() {
    assertThat(
            route("route.trade-size", impact().largestTrade(Money.usd("1000000.01")).build(), true))
        .containsExactly("review.trade-size");
    assertThat(route("route.trade-size", impact().largestTrade(Money.usd("1000000")).build(), true))
        .isEmpty();
  }

  @Test
  void turnover_smallHousehold_isNotRoutedEvenAboveLimit() {
    // the fixture household is worth $100,000, below the $1,000,000 "large account" line
    assertThat(route("route.turnover", impact().turnover(Weight.of("0.9")).build(), true))
        .isEmpty();
  }

  @Test
  void tax_costAboveLimit_goesToReview() {
    assertThat(route("route.tax", impact().taxCost(Money.usd("10000.01")).build(), true))
        .containsExactly("review.tax");
  }

  @Test
  void shortTermGain_aboveLimit_goesToReview() {
    assertThat(
            route(
                "route.short-term-gain",
                impact().shortTermGain(Money.usd("1000.01")).build(),
                true))
        .containsExactly("review.short-term-gain");
  }

  @Test
  void restricted_anyTouched_goesToReview() {
    assertThat(route("route.restricted", impact().addRestrictedTouched("ACME").build(), true))
        .containsExactly("review.restricted");
  }

  @Test
  void restricted_onlyReductions_areReportedUnlessTheRuleSetReviewsThem() {
    ProposalImpact reduced = impact().addRestrictedReduced("ACME").build();
    assertThat(route("route.restricted", reduced, true)).isEmpty();

    Household h = household(600, "40000").build();
    dev.rebal.core.ruleset.RuleSet strict =
        dev.rebal.core.ruleset.RuleSet.defaults()
            .withParameter(
                "review.restricted.reductions",
                "REVIEW",
                dev.rebal.core.ruleset.RuleSet.defaults().version());
    RuleContext c =
        RuleContext.of(
                h,
                RuleFixtures.MARKET,
                RuleFixtures.AS_OF,
                strict,
                RuleFixtures.assessment(h).build())
            .withProposal(proposal(h, true), reduced);
    assertThat(RULES.get("route.restricted").evaluate(c).findings())
        .extracting(Finding::code)
        .containsExactly("review.restricted");
  }

  @Test
  void concentration_shiftAboveLimit_goesToReview() {
    assertThat(
            route(
                "route.concentration",
                impact().concentrationShift(Weight.of("0.06")).build(),
                true))
        .containsExactly("review.concentration");
  }

  @Test
  void overrideAndVerifier_anyPresent_goToReview() {
    assertThat(route("route.override", impact().addOverrides("O-1").build(), true))
        .containsExactly("review.override");
    assertThat(route("route.verifier", impact().addViolations("short EQ").build(), true))
        .containsExactly("review.verifier");
  }

  @Test
  void anyRule_emptyProposal_isNeverRouted() {
    ProposalImpact everything =
        impact()
            .largestTrade(Money.usd("1000000"))
            .taxCost(Money.usd("1000000"))
            .addViolations("x")
            .build();
    for (String id : RULES.keySet()) {
      assertThat(route(id, everything, false)).as(id).isEmpty();
    }
  }
}
