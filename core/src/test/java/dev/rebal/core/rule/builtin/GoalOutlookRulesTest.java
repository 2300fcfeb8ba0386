package dev.rebal.core.rule.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.GoalOdds;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the goal outlook (docs/goals.md), under Rebal's default assumptions: US
 * large cap 6.7% compound, 16% volatility; US bonds 4.6%, 5.5%; correlation 0.15.
 */
class GoalOutlookRulesTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final AssetClass LARGE = AssetClass.of("US_LARGE_CAP");
  private static final AssetClass BONDS = AssetClass.of("US_BONDS");
  private static final SecurityId EQF = SecurityId.of("EQF");
  private static final SecurityId BDF = SecurityId.of("BDF");

  private static MarketData market(String equityPrice) {
    return MarketData.builder()
        .putSecurities(
            EQF,
            Security.builder()
                .id(EQF)
                .symbol("EQF")
                .assetClass(LARGE)
                .kind(SecurityKind.ETF)
                .build())
        .putSecurities(
            BDF,
            Security.builder()
                .id(BDF)
                .symbol("BDF")
                .assetClass(BONDS)
                .kind(SecurityKind.ETF)
                .build())
        .prices(
            PriceTable.of(
                List.of(
                    Price.of(EQF, UnitPrice.usd(equityPrice), AS_OF),
                    Price.of(BDF, UnitPrice.usd("100"), AS_OF))))
        .build();
  }

  private static TargetAllocation mix(String equity) {
    BigDecimal e = new BigDecimal(equity);
    TargetAllocation.Builder b = TargetAllocation.builder();
    if (e.signum() > 0) {
      b.putClasses(LARGE, new ClassTarget(Weight.of(e), Weight.of("0.05"), Weight.ZERO));
    }
    if (e.compareTo(BigDecimal.ONE) < 0) {
      b.putClasses(
          BONDS,
          new ClassTarget(Weight.of(BigDecimal.ONE.subtract(e)), Weight.of("0.05"), Weight.ZERO));
    }
    return b.build();
  }

  /** One IRA holding {@code equityShares} of EQF and {@code bondShares} of BDF, and one goal. */
  private static Household household(String id, long equityShares, long bondShares, Goal goal) {
    AccountId ira = AccountId.of("IRA-1");
    return Household.builder()
        .id(HouseholdId.of(id))
        .addAccounts(
            Account.builder()
                .id(ira)
                .type(AccountType.TRADITIONAL_IRA)
                .custodian("C")
                .cash(Money.ZERO_USD)
                .build())
        .addLots(
            TaxLot.builder()
                .id(LotId.of("L-1"))
                .account(ira)
                .security(EQF)
                .quantity(Quantity.of(equityShares))
                .costBasis(Money.usd("1000"))
                .acquired(LocalDate.of(2020, 1, 2))
                .build())
        .addLots(
            TaxLot.builder()
                .id(LotId.of("L-2"))
                .account(ira)
                .security(BDF)
                .quantity(Quantity.of(bondShares))
                .costBasis(Money.usd("1000"))
                .acquired(LocalDate.of(2020, 1, 2))
                .build())
        .addGoals(goal)
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.MARRIED_JOINT)
                .shortTermRate(Weight.of("0.35"))
                .longTermRate(Weight.of("0.15"))
                .shortTermCarryforward(Money.ZERO_USD)
                .longTermCarryforward(Money.ZERO_USD)
                .realizedShortTermYtd(Money.ZERO_USD)
                .realizedLongTermYtd(Money.ZERO_USD)
                .build())
        .target(mix("0.7"))
        .model(Model.builder().id(ModelId.of("M")).build())
        .build();
  }

  private static Goal goal(String amount, LocalDate date, GlidePath path) {
    return Goal.builder()
        .id(GoalId.of("G-1"))
        .name("Goal")
        .kind(GoalKind.RETIREMENT)
        .targetAmount(Money.usd(amount))
        .targetDate(date)
        .priority(1)
        .addFundingAccounts(AccountId.of("IRA-1"))
        .glidePath(path)
        .build();
  }

  private static RuleContext context(Household h, MarketData m, RuleSet rules) {
    HouseholdValuation valuation = HouseholdValuation.of(h, m);
    HouseholdPlan plan =
        GoalPlanner.withDiscountRate(new BigDecimal("0.04")).plan(h, valuation, AS_OF);
    Assessment a =
        Assessment.builder()
            .household(h.id())
            .asOf(AS_OF)
            .valuation(valuation)
            .plan(plan)
            .drift(valuation.driftFrom(plan.target()))
            .projectedDrift(valuation.driftFrom(plan.target()))
            .harvestableLoss(Money.ZERO_USD)
            .excessCash(Money.ZERO_USD)
            .cashShortfall(Money.ZERO_USD)
            .build();
    return RuleContext.of(h, m, AS_OF, rules, a);
  }

  private static Rule rule(String id) {
    return new BuiltInRules()
        .rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Tuition of $120,000 due in two years, funded at a ratio of 1.0: the account holds its present
   * value at 4%, 120,000 / 1.04^2 = $110,946.75. With t = 731 / 365.25 = 2.00137 years and
   * ln(110,946.75 / 120,000) = -0.078441, the closed form P = Phi((ln(V/A) + ln(1 + g) t) / (s
   * sqrt(t))) gives, all in US large cap, (-0.078441 + 0.064851 x 2.00137) / (0.16 x 1.41470) =
   * 0.22686: 59.0%, 10th-percentile outcome $94,515; all in US bonds, (-0.078441 + 0.044973 x
   * 2.00137) / (0.055 x 1.41470) = 0.14866: 55.9%, 10th percentile $109,875. The same funded ratio,
   * a similar probability, and a very different downside: a bad 1-in-10 outcome is $25,485 short in
   * equities and $10,125 short in bonds. Both households are simulated with the same Brownian path
   * (the seed depends on the household id), so the equity goal's estimate is the higher one path by
   * path.
   */
  @Test
  void tuitionFundedAtOne_equitiesAndBonds_differentOddsAndDownside() {
    // given
    Goal tuition =
        goal(
            "120000", LocalDate.of(2028, 6, 30), GlidePath.builder().putSteps(0, mix("1")).build());
    Goal tuitionInBonds =
        goal(
            "120000", LocalDate.of(2028, 6, 30), GlidePath.builder().putSteps(0, mix("0")).build());
    // whole shares: 1,109 at $100 is $110,900, a ratio of 0.9996 (110,900 / 110,946.75)
    MarketData m = market("100");
    Household equities = household("HH-T", 1109, 0, tuition);
    Household bonds = household("HH-T", 0, 1109, tuitionInBonds);

    // when
    GoalOdds eq = context(equities, m, RuleSet.defaults()).goalOutlook().goals().get(0);
    GoalOdds bd = context(bonds, m, RuleSet.defaults()).goalOutlook().goals().get(0);

    // then: $110,900 instead of $110,946.75 moves the closed forms by under 0.1 point and the
    // 10th percentiles by the same factor (to $94,475 and $109,829); 3 standard errors of 1,000
    // paths is 4.7 points
    assertThat(
            context(equities, m, RuleSet.defaults())
                .assessment()
                .plan()
                .goals()
                .get(0)
                .fundedRatio())
        .isEqualByComparingTo("0.9996");
    assertThat(eq.probability().doubleValue()).isCloseTo(0.590, within(0.047));
    assertThat(bd.probability().doubleValue()).isCloseTo(0.559, within(0.047));
    assertThat(eq.probability()).isGreaterThan(bd.probability());
    assertThat(eq.outcome().p10().amount().doubleValue()).isCloseTo(94_475, within(4_000.0));
    assertThat(bd.outcome().p10().amount().doubleValue()).isCloseTo(109_829, within(1_500.0));
    assertThat(eq.shortfallAt10th()).isGreaterThan(bd.shortfallAt10th().plus(Money.usd("10000")));
  }

  /**
   * Retirement: $1,800,000 wanted in 15 years from an IRA of $1,000,000 (7,000 EQF and 3,000 BDF at
   * $100), glide path 70/30 from 10 years out, 50/50 from 5, 30/70 in the last 5. The months from
   * the as-of date are 61 at 70/30, 60 at 50/50 and 59 at 30/70 (a month uses the step of its whole
   * years to the goal date at its start), so ln V_T is normal with mean ln V_0 + 0.86790 and
   * standard deviation 0.35831: P = Phi((ln(1,000,000 / 1,800,000) + 0.86790) / 0.35831) =
   * Phi(0.7818) = 78.3%, above the 70% floor. Equities then fall 30% (EQF to $70): the IRA is worth
   * $790,000, and P = Phi((ln(790,000 / 1,800,000) + 0.86790) / 0.35831) = Phi(0.1239) = 54.9%,
   * below the floor: the trigger fires and the routing rule sends the household to review, each
   * with the figures.
   */
  @Test
  void retirementAfterAMarketDrop_fallsBelowTheFloor_triggersReviewWithTheFigures() {
    // given
    Goal retirement =
        goal(
            "1800000",
            LocalDate.of(2041, 6, 30),
            GlidePath.builder()
                .putSteps(0, mix("0.3"))
                .putSteps(5, mix("0.5"))
                .putSteps(10, mix("0.7"))
                .build());
    Household h = household("HH-R", 7_000, 3_000, retirement);
    RuleSet rules = RuleSet.defaults();

    // when
    RuleContext before = context(h, market("100"), rules);
    RuleContext after = context(h, market("70"), rules);
    RuleOutcome triggerBefore = rule("trigger.goal-outlook").evaluate(before);
    RuleOutcome triggerAfter = rule("trigger.goal-outlook").evaluate(after);
    RuleOutcome routeAfter = rule("route.goal-outlook").evaluate(after);

    // then
    GoalOdds was = before.goalOutlook().goals().get(0);
    GoalOdds now = after.goalOutlook().goals().get(0);
    assertThat(was.probability().doubleValue()).isCloseTo(0.783, within(0.04));
    assertThat(now.probability().doubleValue()).isCloseTo(0.549, within(0.047));
    assertThat(now.outcome().median().amount().doubleValue())
        .isCloseTo(1_881_706, within(60_000.0));
    assertThat(triggerBefore.isPass()).isTrue();
    assertThat(triggerAfter.findings())
        .extracting(Finding::code)
        .containsExactly("trigger.goal-outlook.floor");
    assertThat(triggerAfter.findings().get(0).message())
        .startsWith("goal G-1 (1800000.00 by 2041-06-30): " + now.percent())
        .contains("median " + now.outcome().median().amount().toPlainString())
        .contains("10th percentile " + now.outcome().p10().amount().toPlainString())
        .contains("below the floor 70%")
        .contains(CapitalMarketAssumptions.defaults().label())
        .contains("risk is not raised automatically");
    assertThat(routeAfter.findings())
        .extracting(Finding::code)
        .containsExactly("review.goal-outlook.floor");
  }

  @Test
  void ceilingRule_highProbabilityWithASaferStep_reportsTheLockInFigures() {
    // given: $1,000,000 for $1,000,000 in 12 years at 70/30: nearly certain
    Goal ample =
        goal(
            "1000000",
            LocalDate.of(2038, 6, 30),
            GlidePath.builder()
                .putSteps(0, mix("0.3"))
                .putSteps(5, mix("0.5"))
                .putSteps(10, mix("0.7"))
                .build());
    Household h = household("HH-C", 7_000, 3_000, ample);

    // when
    RuleOutcome out =
        rule("route.goal-outlook-ceiling").evaluate(context(h, market("100"), RuleSet.defaults()));

    // then
    assertThat(out.findings())
        .extracting(Finding::code)
        .containsExactly("review.goal-outlook.lock-in");
    assertThat(out.findings().get(0).message())
        .contains(
            "from the 10-year step to the more "
                + "conservative 5-year step, where the probability is");
  }

  @Test
  void pinnedAssumptionsHash_mismatch_reportedAndNoOutlookComputed() {
    // given
    RuleSet pinned =
        RuleSet.defaults()
            .withParameter("outlook.cma.hash", "0000", SemanticVersion.parse("9.0.0"));
    Household h =
        household(
            "HH-P",
            7_000,
            3_000,
            goal(
                "1800000",
                LocalDate.of(2041, 6, 30),
                GlidePath.builder().putSteps(0, mix("0.5")).build()));

    // when
    RuleOutcome out = rule("route.goal-outlook").evaluate(context(h, market("100"), pinned));

    // then
    assertThat(out.findings())
        .extracting(Finding::code)
        .containsExactly("review.goal-outlook.assumptions");
    assertThat(out.findings().get(0).message()).contains("pins assumptions 0000");
  }

  @Test
  void outlookRules_notInTheDefaultRuleSet() {
    assertThat(RuleSet.defaults().rules())
        .doesNotContain("trigger.goal-outlook", "route.goal-outlook", "route.goal-outlook-ceiling");
    assertThat(ImmutableList.copyOf(new BuiltInRules().rules()))
        .extracting(Rule::id)
        .contains("trigger.goal-outlook", "route.goal-outlook", "route.goal-outlook-ceiling");
  }
}
