package dev.rebal.core.outlook;

import static dev.rebal.core.outlook.OutlookFixtures.AS_OF;
import static dev.rebal.core.outlook.OutlookFixtures.account;
import static dev.rebal.core.outlook.OutlookFixtures.event;
import static dev.rebal.core.outlook.OutlookFixtures.flat;
import static dev.rebal.core.outlook.OutlookFixtures.goal;
import static dev.rebal.core.outlook.OutlookFixtures.household;
import static dev.rebal.core.outlook.OutlookFixtures.mix;
import static dev.rebal.core.outlook.OutlookFixtures.outlook;
import static dev.rebal.core.outlook.OutlookFixtures.phi;
import static dev.rebal.core.outlook.OutlookFixtures.twoClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class GoalOutlookTest {
  private static final LocalDate IN_5_YEARS = LocalDate.of(2031, 6, 30);

  /** One goal, $100,000 all in EQUITY (7% compound, 16% volatility), $130,000 wanted in 5 years. */
  private static Household oneEquityGoal() {
    return household("HH-CF")
        .addAccounts(account("A-1", "100000"))
        .addGoals(goal("G-1", "A-1", "130000", IN_5_YEARS, flat(mix("1"))))
        .build();
  }

  /**
   * The closed form. With one class held throughout and no cash flows, the log value at the goal
   * date is normal: ln V_T = ln V_0 + ln(1 + g) t + s sqrt(t) Z, so P(V_T >= A) = Phi((ln(V_0 / A)
   * + ln(1 + g) t) / (s sqrt(t))), t in years of 365.25 days. Here t = 1,826 / 365.25 = 4.99932,
   * ln(100,000 / 130,000) = -0.262364, ln(1.07) t = 0.338247, s sqrt(t) = 0.357747: P =
   * Phi(0.21211) = 0.5840.
   *
   * <p>Tolerance: the simulation's monthly log returns sum to exactly that normal (a constant
   * allocation, no flows), and the inverse-normal approximation errs by under 1e-9, so the only
   * error is sampling: the estimate is a binomial proportion whose standard error is sqrt(p (1 - p)
   * / N), 0.0049 for 10,000 paths and 0.0156 for 1,000. We allow 3 standard errors (a 99.7%
   * interval); the seed is fixed by the inputs, so the test is deterministic.
   */
  @Test
  void outlook_oneClassNoFlows_matchesTheClosedFormWithinMonteCarloError() {
    double t = ChronoUnit.DAYS.between(AS_OF, IN_5_YEARS) / 365.25;
    double expected =
        phi((Math.log(100_000.0 / 130_000.0) + Math.log(1.07) * t) / (0.16 * Math.sqrt(t)));
    assertThat(expected).isCloseTo(0.5840, within(0.0001));
    for (int paths : new int[] {1_000, 10_000}) {
      // when
      GoalOdds odds = outlook(oneEquityGoal(), twoClasses(), paths).goals().get(0);

      // then
      double tolerance = 3 * Math.sqrt(expected * (1 - expected) / paths);
      assertThat(odds.probability().doubleValue())
          .as("%d paths", paths)
          .isCloseTo(expected, within(tolerance));
      assertThat(odds.standardError().doubleValue())
          .isCloseTo(Math.sqrt(expected * (1 - expected) / paths), within(0.001));
    }
  }

  @Test
  void outlook_oneClassNoFlows_medianMatchesTheClosedForm() {
    // given: the median of V_T is V_0 (1 + g)^t = 100,000 x 1.07^4.99932 = 140,245; the sample
    // median's standard error in log terms is 1.2533 s sqrt(t) / sqrt(N) = 0.0045 for 10,000 paths
    double t = ChronoUnit.DAYS.between(AS_OF, IN_5_YEARS) / 365.25;
    double median = 100_000 * Math.pow(1.07, t);

    // when
    GoalOdds odds = outlook(oneEquityGoal(), twoClasses(), 10_000).goals().get(0);

    // then: within 3 standard errors, in log terms
    assertThat(Math.log(odds.outcome().median().amount().doubleValue() / median))
        .isCloseTo(0.0, within(3 * 1.2533 * 0.16 * Math.sqrt(t) / 100));
    assertThat(odds.outcome().p10()).isLessThan(odds.outcome().median());
  }

  @Test
  void outlook_sameInputs_identicalResultAndSeedFromInputs() {
    // when
    HouseholdOutlook a = outlook(oneEquityGoal(), twoClasses(), 1_000);
    HouseholdOutlook b = outlook(oneEquityGoal(), twoClasses(), 1_000);

    // then
    assertThat(a).isEqualTo(b);
    assertThat(a.assumptionsHash()).isEqualTo(twoClasses().contentHash());
    assertThat(a.assumptions()).startsWith("test 1 (");
  }

  @Test
  void outlook_goalsInAnotherOrder_sameOddsPerGoal() {
    // given
    Household.Builder base =
        household("HH-2").addAccounts(account("A-1", "100000"), account("A-2", "50000"));
    var edu = goal("G-EDU", "A-1", "120000", LocalDate.of(2028, 6, 30), flat(mix("0.2")));
    var ret = goal("G-RET", "A-2", "150000", LocalDate.of(2046, 6, 30), flat(mix("0.8")));

    // when
    HouseholdOutlook forward =
        outlook(
            household("HH-2")
                .addAccounts(account("A-1", "100000"), account("A-2", "50000"))
                .addGoals(edu, ret)
                .build(),
            twoClasses(),
            1_000);
    HouseholdOutlook backward = outlook(base.addGoals(ret, edu).build(), twoClasses(), 1_000);

    // then
    assertThat(backward.find(GoalId.of("G-EDU"))).isEqualTo(forward.find(GoalId.of("G-EDU")));
    assertThat(backward.find(GoalId.of("G-RET"))).isEqualTo(forward.find(GoalId.of("G-RET")));
  }

  @Test
  void outlook_needLargerThanTheGoal_floorsAtZeroAndNeverMeets() {
    // given: a $300,000 need in a year empties the $100,000 account (it would have to triple first)
    Household h =
        household("HH-3")
            .addAccounts(account("A-1", "100000"))
            .addGoals(goal("G-1", "A-1", "50000", IN_5_YEARS, flat(mix("0.6"))))
            .addLiquidityEvents(
                event("E-1", LiquidityKind.NEED, "300000", AS_OF.plusYears(1), "A-1"))
            .build();

    // when
    GoalOdds odds = outlook(h, twoClasses(), 1_000).goals().get(0);

    // then
    assertThat(odds.probability()).isEqualByComparingTo("0");
    assertThat(odds.outcome().p90()).isEqualTo(Money.usd("0"));
    assertThat(odds.expectedShortfall()).isEqualTo(Money.usd("50000"));
    assertThat(odds.shortfallWhenShort()).isEqualTo(Money.usd("50000"));
  }

  @Test
  void outlook_classWithoutAssumptions_goalIsUnassessedWithTheReason() {
    // given
    TargetAllocation gold =
        TargetAllocation.builder()
            .putClasses(
                AssetClass.of("GOLD"), new ClassTarget(Weight.ONE, Weight.of("0.05"), Weight.ZERO))
            .build();
    Household h =
        household("HH-4")
            .addAccounts(account("A-1", "100000"))
            .addGoals(goal("G-1", "A-1", "50000", IN_5_YEARS, flat(gold)))
            .build();

    // when
    HouseholdOutlook o = outlook(h, twoClasses(), 1_000);

    // then
    assertThat(o.goals()).isEmpty();
    assertThat(o.unassessed())
        .containsEntry(GoalId.of("G-1"), "no capital market assumptions for class GOLD");
  }

  @Test
  void outlook_withFan_hasTodayEachAnniversaryAndTheGoalDate() {
    // when
    GoalOdds odds =
        GoalOutlook.of(twoClasses())
            .withFan(true)
            .outlook(oneEquityGoal(), OutlookFixtures.plan(oneEquityGoal()), AS_OF)
            .goals()
            .get(0);

    // then: today (every path at $100,000), 4 anniversaries, and the goal date
    assertThat(odds.fan()).hasSize(6);
    assertThat(odds.fan().get(0).date()).isEqualTo(AS_OF);
    assertThat(odds.fan().get(0).p10()).isEqualTo(Money.usd("100000"));
    assertThat(odds.fan().get(0).p90()).isEqualTo(Money.usd("100000"));
    assertThat(odds.fan().get(5)).isEqualTo(odds.outcome());
    assertThat(odds.fan().get(4).p90().compareTo(odds.fan().get(1).p90())).isPositive();
  }

  @Test
  void withPaths_zero_throwsNamingTheValue() {
    assertThatThrownBy(() -> GoalOutlook.of(twoClasses()).withPaths(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("paths: must be from 1 to 1000000, was 0");
  }
}
