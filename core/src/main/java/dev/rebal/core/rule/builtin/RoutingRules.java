package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.math.BigDecimal;
import java.util.function.BiFunction;

/**
 * The built-in routing rules: each sends a proposal to review, with its reason code, when the
 * proposal's impact passes a limit from the rule set. An empty proposal is never routed.
 *
 * <table>
 *   <caption>Routing rules and their parameters</caption>
 *   <tr><th>id</th><th>reason code</th><th>parameter (default)</th></tr>
 *   <tr><td>route.turnover</td><td>review.turnover</td><td>review.turnover.max (0.30) of an
 *       account of at least review.turnover.min-value (1000000)</td></tr>
 *   <tr><td>route.trade-size</td><td>review.trade-size</td><td>review.trade.max (1000000)</td></tr>
 *   <tr><td>route.tax</td><td>review.tax</td><td>review.tax.max (10000) of tax cost</td></tr>
 *   <tr><td>route.short-term-gain</td><td>review.short-term-gain</td>
 *       <td>review.short-term-gain.max (1000)</td></tr>
 *   <tr><td>route.restricted</td><td>review.restricted</td><td>a trade in an issuer under a
 *       control-person limit or blackout, or a buy of a capped security; sales toward an exclusion
 *       or cap too when review.restricted.reductions is REVIEW (default REPORT)</td></tr>
 *   <tr><td>route.concentration</td><td>review.concentration</td>
 *       <td>review.concentration.shift.max (0.05)</td></tr>
 *   <tr><td>route.override</td><td>review.override</td><td>any override applied</td></tr>
 *   <tr><td>route.verifier</td><td>review.verifier</td><td>any verifier violation</td></tr>
 *   <tr><td>route.unmet-goal</td><td>review.unmet-goal</td><td>a goal left unmet of a kind in
 *       review.unmet-goal.kinds (NEED,CASH_FLOOR) by at least review.unmet-goal.min (100)
 *       dollars</td></tr>
 *   <tr><td>route.gift</td><td>review.gift</td><td>a gift in kind of at least review.gift.max
 *       (0: every gift, since a gift is irrevocable)</td></tr>
 *   <tr><td>route.data-warning</td><td>review.data-warning</td><td>any data warning</td></tr>
 * </table>
 */
final class RoutingRules {
  private RoutingRules() {}

  static ImmutableList<Rule> all() {
    return ImmutableList.of(
        rule(
            "route.turnover",
            (c, i) -> {
              BigDecimal max = c.param("review.turnover.max", "0.30");
              BigDecimal minValue = c.param("review.turnover.min-value", "1000000");
              boolean large = c.assessment().valuation().total().amount().compareTo(minValue) >= 0;
              return large && i.turnover().value().compareTo(max) > 0
                  ? RuleOutcome.found(
                      "review.turnover",
                      "turnover "
                          + i.turnover()
                          + " above "
                          + max
                          + " of a household of "
                          + c.assessment().valuation().total())
                  : RuleOutcome.pass();
            }),
        rule(
            "route.trade-size",
            (c, i) -> {
              BigDecimal max = c.param("review.trade.max", "1000000");
              return i.largestTrade().amount().compareTo(max) > 0
                  ? RuleOutcome.found(
                      "review.trade-size", "largest trade " + i.largestTrade() + " above " + max)
                  : RuleOutcome.pass();
            }),
        rule(
            "route.tax",
            (c, i) -> {
              BigDecimal max = c.param("review.tax.max", "10000");
              return i.taxCost().amount().compareTo(max) > 0
                  ? RuleOutcome.found("review.tax", "tax cost " + i.taxCost() + " above " + max)
                  : RuleOutcome.pass();
            }),
        rule(
            "route.short-term-gain",
            (c, i) -> {
              BigDecimal max = c.param("review.short-term-gain.max", "1000");
              return i.shortTermGain().amount().compareTo(max) > 0
                  ? RuleOutcome.found(
                      "review.short-term-gain",
                      "short-term gain " + i.shortTermGain() + " above " + max)
                  : RuleOutcome.pass();
            }),
        rule(
            "route.restricted",
            (c, i) -> {
              boolean reductions =
                  "REVIEW"
                      .equals(c.ruleSet().find("review.restricted.reductions").orElse("REPORT"));
              if (!i.restrictedTouched().isEmpty()) {
                return RuleOutcome.found(
                    "review.restricted", "trades restricted " + i.restrictedTouched());
              }
              return reductions && !i.restrictedReduced().isEmpty()
                  ? RuleOutcome.found(
                      "review.restricted",
                      "sells restricted "
                          + i.restrictedReduced()
                          + " toward its exclusion or cap (review.restricted.reductions REVIEW)")
                  : RuleOutcome.pass();
            }),
        rule(
            "route.concentration",
            (c, i) -> {
              BigDecimal max = c.param("review.concentration.shift.max", "0.05");
              return i.concentrationShift().value().compareTo(max) > 0
                  ? RuleOutcome.found(
                      "review.concentration",
                      "concentration shifts by " + i.concentrationShift() + ", above " + max)
                  : RuleOutcome.pass();
            }),
        rule(
            "route.override",
            (c, i) ->
                i.overrides().isEmpty()
                    ? RuleOutcome.pass()
                    : RuleOutcome.found("review.override", "overrides " + i.overrides())),
        rule(
            "route.verifier",
            (c, i) ->
                i.violations().isEmpty()
                    ? RuleOutcome.pass()
                    : RuleOutcome.found("review.verifier", "verifier: " + i.violations())),
        rule(
            "route.unmet-goal",
            (c, i) -> {
              java.util.Set<String> kinds =
                  new java.util.TreeSet<>(
                      java.util.Arrays.asList(
                          c.ruleSet()
                              .find("review.unmet-goal.kinds")
                              .orElse("NEED,CASH_FLOOR")
                              .split(",")));
              BigDecimal min = c.param("review.unmet-goal.min", "100");
              java.util.List<String> routed = new java.util.ArrayList<>();
              for (dev.rebal.core.assess.UnmetGoal g : i.unmetGoals()) {
                if (kinds.contains(g.kind()) && g.amount().amount().compareTo(min) >= 0) {
                  routed.add(g.toString());
                }
              }
              return routed.isEmpty()
                  ? RuleOutcome.pass()
                  : RuleOutcome.found("review.unmet-goal", "left unmet: " + routed);
            }),
        rule(
            "route.gift",
            (c, i) -> {
              BigDecimal max = c.param("review.gift.max", "0");
              return i.giftedValue().isPositive() && i.giftedValue().amount().compareTo(max) >= 0
                  ? RuleOutcome.found(
                      "review.gift",
                      "gives "
                          + i.giftedValue()
                          + " in kind to charity, irrevocable (review.gift.max "
                          + max
                          + ")")
                  : RuleOutcome.pass();
            }),
        rule(
            "route.data-warning",
            (c, i) ->
                c.assessment().warnings().isEmpty()
                    ? RuleOutcome.pass()
                    : RuleOutcome.found(
                        "review.data-warning",
                        c.assessment().warnings().size()
                            + " data warning(s): "
                            + c.assessment().warnings().get(0))));
  }

  private static Rule rule(String id, BiFunction<RuleContext, ProposalImpact, RuleOutcome> check) {
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Stage stage() {
        return Stage.ROUTING;
      }

      @Override
      public RuleOutcome evaluate(RuleContext context) {
        if (context.proposal().isEmpty() || context.proposal().get().isEmpty()) {
          return RuleOutcome.pass();
        }
        return check.apply(context, context.impact().orElseThrow());
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }
}
