package dev.rebal.core.outlook;

import static dev.rebal.core.outlook.OutlookFixtures.AS_OF;
import static dev.rebal.core.outlook.OutlookFixtures.account;
import static dev.rebal.core.outlook.OutlookFixtures.event;
import static dev.rebal.core.outlook.OutlookFixtures.goal;
import static dev.rebal.core.outlook.OutlookFixtures.household;
import static dev.rebal.core.outlook.OutlookFixtures.mix;
import static dev.rebal.core.outlook.OutlookFixtures.outlook;
import static dev.rebal.core.outlook.OutlookFixtures.twoClasses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Household;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the goal outlook. More value or more inflows never lower a goal's probability nor
 * any percentile of its outcome: every goal draws the same normal numbers for the same path and
 * month (common random numbers), and a goal's value at the end of each month is increasing in its
 * value at the start and in the month's flow, so each path's outcome can only rise, path by path. A
 * later date is different: the added months' returns can be negative on a path, so it holds only in
 * distribution, and only when the median outcome at the earlier date is below the target (see
 * {@link #laterDate_medianBelowTarget_neverLowersTheProbability}).
 */
class GoalOutlookProperties {
  private static final int PATHS = 500;

  /** A one-goal household: value, target, months to goal, glide path and cash flows. */
  record Scenario(long value, long target, int months, GlidePath path, List<Flow> flows) {
    Household build(long extraValue, List<Flow> extraFlows) {
      LocalDate date = AS_OF.plusMonths(months);
      Household.Builder h =
          household("HH-P")
              .addAccounts(account("A-1", String.valueOf(value + extraValue)))
              .addGoals(goal("G-1", "A-1", String.valueOf(target), date, path));
      List<Flow> all = new ArrayList<>(flows);
      all.addAll(extraFlows);
      for (int i = 0; i < all.size(); i++) {
        Flow f = all.get(i);
        h.addLiquidityEvents(
            event(
                "E-" + i,
                f.kind,
                String.valueOf(f.amount),
                AS_OF.plusDays(1 + (long) (f.when * (date.toEpochDay() - AS_OF.toEpochDay() - 1))),
                "A-1"));
      }
      return h.build();
    }
  }

  /** A cash flow at fraction {@code when} of the way to the goal date. */
  record Flow(LiquidityKind kind, long amount, double when) {}

  @Provide
  Arbitrary<Flow> flows() {
    return Combinators.combine(
            Arbitraries.of(LiquidityKind.INFLOW, LiquidityKind.NEED),
            Arbitraries.longs().between(1_000, 200_000),
            Arbitraries.doubles().between(0, 1))
        .as(Flow::new);
  }

  @Provide
  Arbitrary<GlidePath> glidePaths() {
    Arbitrary<String> weight = Arbitraries.of("0", "0.2", "0.5", "0.8", "1");
    return Combinators.combine(weight, weight, weight)
        .as(
            (a, b, c) ->
                GlidePath.builder()
                    .putSteps(0, mix(a))
                    .putSteps(5, mix(b))
                    .putSteps(10, mix(c))
                    .build());
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 2_000_000),
            Arbitraries.longs().between(10_000, 3_000_000),
            Arbitraries.integers().between(1, 360),
            glidePaths(),
            flows().list().ofMaxSize(3))
        .as(Scenario::new);
  }

  @Property(tries = 40)
  void moreValue_neverLowersProbabilityOrAnyPercentile(
      @ForAll("scenarios") Scenario s, @ForAll("extra") long extra) {
    // when
    GoalOdds less = odds(s.build(0, List.of()));
    GoalOdds more = odds(s.build(extra, List.of()));

    // then
    Statistics.collect(
        less.outcome().median().compareTo(more.outcome().median()) < 0
            ? "median rises"
            : "median equal");
    Statistics.coverage(c -> c.check("median rises").percentage(p -> p > 50));
    assertNotWorse(more, less);
  }

  @Property(tries = 40)
  void moreInflows_neverLowerProbabilityOrAnyPercentile(
      @ForAll("scenarios") Scenario s, @ForAll("extra") long amount, @ForAll("when") double when) {
    // when
    GoalOdds without = odds(s.build(0, List.of()));
    GoalOdds with = odds(s.build(0, List.of(new Flow(LiquidityKind.INFLOW, amount, when))));

    // then
    assertNotWorse(with, without);
  }

  /**
   * With a fixed allocation, no flows and positive expected log return m, ln V_T is normal with
   * mean ln V_0 + m T and standard deviation s sqrt(T), so P(V_T >= A) = Phi((ln(V_0 / A) + m T) /
   * (s sqrt(T))). Its derivative in T has the sign of m T - ln(V_0 / A): it rises with T whenever
   * the median outcome at T is at or below the target, but falls for a goal already ahead (V_0 > A
   * and T below ln(V_0 / A) / m), where more time only adds risk. The simulation estimates both
   * probabilities from the same paths; the months added can be bad ones on a given path, so the
   * estimate may dip by sampling error: we allow 3 standard errors of a proportion, sqrt(p (1 - p)
   * / N), which overstates the error of a difference taken on common paths.
   */
  @Property(tries = 40)
  void laterDate_medianBelowTarget_neverLowersTheProbability(
      @ForAll("scenarios") Scenario s,
      @ForAll("equity") String equity,
      @ForAll("moreMonths") int moreMonths) {
    // given
    GlidePath flat = GlidePath.builder().putSteps(0, mix(equity)).build();
    Scenario earlier = new Scenario(Math.max(1, s.value), s.target, s.months, flat, List.of());
    Scenario later =
        new Scenario(Math.max(1, s.value), s.target, s.months + moreMonths, flat, List.of());
    double w = Double.parseDouble(equity);
    double arithmetic =
        w * (Math.log(1.07) + 0.16 * 0.16 / 2) + (1 - w) * (Math.log(1.04) + 0.05 * 0.05 / 2);
    double variance = w * w * 0.0256 + (1 - w) * (1 - w) * 0.0025 + 2 * w * (1 - w) * 0.1 * 0.008;
    double m = arithmetic - variance / 2;
    double t = (AS_OF.plusMonths(s.months).toEpochDay() - AS_OF.toEpochDay()) / 365.25;
    boolean medianBelow = Math.log((double) earlier.value / s.target) + m * t <= 0;
    Statistics.collect(medianBelow ? "median below target" : "ahead");

    // when
    GoalOdds before = odds(earlier.build(0, List.of()));
    GoalOdds after = odds(later.build(0, List.of()));

    // then
    if (medianBelow) {
      double p = before.probability().doubleValue();
      double tolerance = 3 * Math.sqrt(Math.max(p * (1 - p), 1.0 / PATHS) / PATHS);
      assertThat(after.probability().doubleValue()).isGreaterThanOrEqualTo(p - tolerance);
    }
    Statistics.coverage(c -> c.check("median below target").percentage(x -> x > 30));
  }

  @Property(tries = 40)
  void sameSeed_resultsIndependentOfGoalAndEventOrder(
      @ForAll("scenarios") Scenario a, @ForAll("scenarios") Scenario b) {
    // given: two goals on two accounts, with their events, listed in either order
    LocalDate dateA = AS_OF.plusMonths(a.months);
    LocalDate dateB = AS_OF.plusMonths(b.months);
    var goalA = goal("G-A", "A-1", String.valueOf(a.target), dateA, a.path);
    var goalB = goal("G-B", "A-2", String.valueOf(b.target), dateB, b.path);
    List<LiquidityEvent> events = new ArrayList<>();
    for (int i = 0; i < a.flows.size(); i++) {
      events.add(
          event(
              "EA-" + i,
              a.flows.get(i).kind,
              String.valueOf(a.flows.get(i).amount),
              AS_OF.plusDays(1 + (long) (a.flows.get(i).when * 300)),
              "A-1"));
    }
    for (int i = 0; i < b.flows.size(); i++) {
      events.add(
          event(
              "EB-" + i,
              b.flows.get(i).kind,
              String.valueOf(b.flows.get(i).amount),
              AS_OF.plusDays(1 + (long) (b.flows.get(i).when * 300)),
              "A-2"));
    }
    List<LiquidityEvent> reversed = new ArrayList<>(events);
    Collections.reverse(reversed);

    // when
    HouseholdOutlook forward =
        outlook(
            household("HH-O")
                .addAccounts(
                    account("A-1", String.valueOf(a.value)),
                    account("A-2", String.valueOf(b.value)))
                .addGoals(goalA, goalB)
                .addAllLiquidityEvents(events)
                .build(),
            twoClasses(),
            PATHS);
    HouseholdOutlook backward =
        outlook(
            household("HH-O")
                .addAccounts(
                    account("A-2", String.valueOf(b.value)),
                    account("A-1", String.valueOf(a.value)))
                .addGoals(goalB, goalA)
                .addAllLiquidityEvents(reversed)
                .build(),
            twoClasses(),
            PATHS);
    HouseholdOutlook again =
        outlook(
            household("HH-O")
                .addAccounts(
                    account("A-1", String.valueOf(a.value)),
                    account("A-2", String.valueOf(b.value)))
                .addGoals(goalA, goalB)
                .addAllLiquidityEvents(events)
                .build(),
            twoClasses(),
            PATHS);

    // then
    assertThat(again).isEqualTo(forward);
    assertThat(backward.seed()).isEqualTo(forward.seed());
    for (String id : List.of("G-A", "G-B")) {
      assertThat(backward.find(GoalId.of(id))).isEqualTo(forward.find(GoalId.of(id)));
    }
  }

  @Provide
  Arbitrary<Long> extra() {
    return Arbitraries.longs().between(1, 1_000_000);
  }

  @Provide
  Arbitrary<Double> when() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<String> equity() {
    return Arbitraries.of("0", "0.3", "0.6", "1");
  }

  @Provide
  Arbitrary<Integer> moreMonths() {
    return Arbitraries.integers().between(1, 120);
  }

  private static GoalOdds odds(Household h) {
    return outlook(h, twoClasses(), PATHS).goals().get(0);
  }

  private static void assertNotWorse(GoalOdds better, GoalOdds worse) {
    assertThat(better.probability()).isGreaterThanOrEqualTo(worse.probability());
    assertThat(better.outcome().p10()).isGreaterThanOrEqualTo(worse.outcome().p10());
    assertThat(better.outcome().median()).isGreaterThanOrEqualTo(worse.outcome().median());
    assertThat(better.outcome().p90()).isGreaterThanOrEqualTo(worse.outcome().p90());
    assertThat(better.expectedShortfall()).isLessThanOrEqualTo(worse.expectedShortfall());
  }
}
