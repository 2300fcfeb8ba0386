package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.GoalOdds;
import dev.rebal.core.outlook.GoalOutlook;
import dev.rebal.core.outlook.HouseholdOutlook;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The goal-outlook rules: they read the household's goal outlook ({@link
 * RuleContext#goalOutlook()}, docs/goals.md) and act on each goal's probability of being met. None
 * is in the default rule set; none ever raises a goal's risk: a low probability goes to the advisor
 * with the figures.
 *
 * <table>
 *   <caption>Goal-outlook rules and their parameters</caption>
 *   <tr><th>id</th><th>stage</th><th>code</th><th>fires when</th></tr>
 *   <tr><td>trigger.goal-outlook</td><td>trigger</td><td>trigger.goal-outlook.floor</td>
 *       <td>a goal due after the as-of date has a probability below {@code outlook.floor}
 *       (0.70)</td></tr>
 *   <tr><td>route.goal-outlook</td><td>routing</td><td>review.goal-outlook.floor</td><td>the
 *       same, on any decision that reaches routing, even with no trades; also a goal that cannot be
 *       assessed ({@code review.goal-outlook.unassessed})</td></tr>
 *   <tr><td>route.goal-outlook-ceiling</td><td>routing</td><td>review.goal-outlook.lock-in</td>
 *       <td>a goal's probability is at least {@code outlook.ceiling} (0.95) and its glide path has
 *       a more conservative step than today's: the finding gives the probability at that step, for
 *       the advisor to decide whether to move the goal's bucket there</td></tr>
 * </table>
 *
 * <p>Enable {@code trigger.goal-outlook} and {@code route.goal-outlook} together to send every
 * household with a goal below the floor to review, with the figures in the trigger and the review
 * reason. {@code outlook.paths} (1000) sets the number of paths; {@code outlook.cma.*} carries the
 * assumptions (default: Rebal's), and {@code outlook.cma.hash}, when set, must equal their content
 * hash, so that a rule set pins the assumptions it was approved with (a mismatch is reported as
 * {@code trigger.goal-outlook.assumptions} or {@code review.goal-outlook.assumptions}, and no
 * outlook is computed).
 */
final class GoalOutlookRules {
  private GoalOutlookRules() {}

  static ImmutableList<Rule> all() {
    return ImmutableList.of(
        rule("trigger.goal-outlook", Stage.TRIGGER, c -> floor(c, "trigger.goal-outlook")),
        rule("route.goal-outlook", Stage.ROUTING, c -> floor(c, "review.goal-outlook")),
        rule("route.goal-outlook-ceiling", Stage.ROUTING, GoalOutlookRules::ceiling));
  }

  private static RuleOutcome floor(RuleContext c, String prefix) {
    if (c.household().goals().stream().noneMatch(g -> g.targetDate().isAfter(c.asOf()))) {
      return RuleOutcome.pass();
    }
    Optional<Finding> mismatch = pinMismatch(c, prefix);
    if (mismatch.isPresent()) {
      return new RuleOutcome(ImmutableList.of(mismatch.get()), ImmutableList.of());
    }
    BigDecimal floor = c.param("outlook.floor", "0.70");
    HouseholdOutlook outlook = c.goalOutlook();
    List<Finding> out = new ArrayList<>();
    for (GoalOdds g : outlook.goals()) {
      if (g.targetDate().isAfter(c.asOf()) && g.probability().compareTo(floor) < 0) {
        out.add(
            new Finding(
                prefix + ".floor",
                g.summary()
                    + "; below the floor "
                    + percent(floor)
                    + " ("
                    + outlook.assumptions()
                    + ", "
                    + outlook.paths()
                    + " paths); risk is not raised automatically: review the goal with the client"));
      }
    }
    if (prefix.startsWith("review.")) {
      for (Map.Entry<dev.rebal.core.goal.GoalId, String> e : outlook.unassessed().entrySet()) {
        out.add(
            new Finding(
                prefix + ".unassessed",
                "goal "
                    + e.getKey()
                    + " not assessed: "
                    + e.getValue()
                    + " ("
                    + outlook.assumptions()
                    + ")"));
      }
    }
    return new RuleOutcome(ImmutableList.copyOf(out), ImmutableList.of());
  }

  private static RuleOutcome ceiling(RuleContext c) {
    if (c.household().goals().stream().noneMatch(g -> g.targetDate().isAfter(c.asOf()))) {
      return RuleOutcome.pass();
    }
    Optional<Finding> mismatch = pinMismatch(c, "review.goal-outlook");
    if (mismatch.isPresent()) {
      return new RuleOutcome(ImmutableList.of(mismatch.get()), ImmutableList.of());
    }
    BigDecimal ceiling = c.param("outlook.ceiling", "0.95");
    HouseholdOutlook outlook = c.goalOutlook();
    List<Finding> out = new ArrayList<>();
    for (GoalOdds odds : outlook.goals()) {
      if (!odds.targetDate().isAfter(c.asOf()) || odds.probability().compareTo(ceiling) < 0) {
        continue;
      }
      Goal goal =
          c.household().goals().stream()
              .filter(g -> g.id().equals(odds.goal()))
              .findFirst()
              .orElseThrow();
      int years = (int) Math.max(0, ChronoUnit.YEARS.between(c.asOf(), goal.targetDate()));
      Map.Entry<Integer, TargetAllocation> now = goal.glidePath().steps().floorEntry(years);
      if (now == null) {
        continue;
      }
      Map.Entry<Integer, TargetAllocation> safer =
          goal.glidePath().steps().lowerEntry(now.getKey());
      if (safer == null || safer.getValue().equals(now.getValue())) {
        continue;
      }
      // the same household with the goal held at the safer step from today: same seed, so the two
      // probabilities are compared path by path
      GoalOdds locked = lockedIn(c, goal, now.getKey());
      out.add(
          new Finding(
              "review.goal-outlook.lock-in",
              odds.summary()
                  + "; at or above the "
                  + "ceiling "
                  + percent(ceiling)
                  + ": its bucket may move from the "
                  + now.getKey()
                  + "-year step to the more conservative "
                  + safer.getKey()
                  + "-year step, where the "
                  + "probability is "
                  + locked.percent()
                  + " and the 10th percentile "
                  + locked.outcome().p10().amount().toPlainString()
                  + " ("
                  + outlook.assumptions()
                  + ")"));
    }
    return new RuleOutcome(ImmutableList.copyOf(out), ImmutableList.of());
  }

  private static GoalOdds lockedIn(RuleContext c, Goal goal, int stepNow) {
    GlidePath safer =
        GlidePath.builder()
            .putAllSteps(ImmutableSortedMap.copyOf(goal.glidePath().steps().headMap(stepNow)))
            .build();
    HouseholdOutlook o =
        GoalOutlook.of(CapitalMarketAssumptions.from(c.ruleSet()))
            .withPaths(
                c.param("outlook.paths", String.valueOf(GoalOutlook.DEFAULT_PATHS)).intValue())
            .outlook(c.household(), c.assessment().plan(), c.asOf(), Map.of(goal.id(), safer));
    return o.find(goal.id()).orElseThrow();
  }

  private static Optional<Finding> pinMismatch(RuleContext c, String prefix) {
    Optional<String> pinned = c.ruleSet().find("outlook.cma.hash");
    if (pinned.isEmpty()) {
      return Optional.empty();
    }
    CapitalMarketAssumptions cma = CapitalMarketAssumptions.from(c.ruleSet());
    return pinned.get().equals(cma.contentHash())
        ? Optional.empty()
        : Optional.of(
            new Finding(
                prefix + ".assumptions",
                "the rule set pins assumptions "
                    + pinned.get()
                    + " but carries "
                    + cma.label()
                    + " ("
                    + cma.contentHash()
                    + "); no outlook computed"));
  }

  private static String percent(BigDecimal p) {
    return p.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  private static Rule rule(
      String id, Stage stage, java.util.function.Function<RuleContext, RuleOutcome> check) {
    return new Rule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Stage stage() {
        return stage;
      }

      @Override
      public RuleOutcome evaluate(RuleContext context) {
        return check.apply(context);
      }

      @Override
      public String toString() {
        return id;
      }
    };
  }
}
