package dev.rebal.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/goals.md: a $1,000,000 household with an education goal funded by one
 * account and a retirement goal funded by 75% of the rest.
 */
class GoalPlannerTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final AssetClass EQ = AssetClass.of("EQUITY");
  private static final AssetClass BD = AssetClass.of("BOND");
  private static final MarketData NO_SECURITIES =
      MarketData.builder().prices(PriceTable.builder().build()).build();

  private static TargetAllocation alloc(String eq, String bd, String band) {
    return BucketExample.alloc(eq, bd, band);
  }

  private static Account cashAccount(String id, AccountType type, String cash) {
    return Account.builder()
        .id(AccountId.of(id))
        .type(type)
        .custodian("C")
        .cash(Money.usd(cash))
        .build();
  }

  private static Household.Builder household() {
    return Household.builder()
        .id(HouseholdId.of("HH-1"))
        .addAccounts(cashAccount("ED-1", AccountType.TAXABLE, "100000"))
        .addAccounts(cashAccount("TAX-1", AccountType.TAXABLE, "300000"))
        .addAccounts(cashAccount("IRA-1", AccountType.TRADITIONAL_IRA, "600000"))
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
        .target(alloc("0.6", "0.4", "0.05"))
        .model(Model.builder().id(ModelId.of("M")).build());
  }

  private static Goal education() {
    return BucketExample.tuition();
  }

  private static Goal education(String id) {
    return BucketExample.tuition(id, "ED-1");
  }

  private static Goal retirement() {
    return BucketExample.retirement();
  }

  private static HouseholdPlan plan(Household h) {
    return GoalPlanner.withDiscountRate(new BigDecimal("0.04"))
        .plan(h, HouseholdValuation.of(h, NO_SECURITIES), AS_OF);
  }

  @Test
  void plan_workedExample_blendsGoalAllocationsByAssignedValue() {
    // given: education gets ED-1 ($100,000); retirement 75% of the other $900,000 ($675,000);
    // $225,000 is unassigned and follows the static 60/40.
    Household h = household().addGoals(education(), retirement()).build();

    // when
    HouseholdPlan plan = plan(h);

    // then: equity = (100,000 x 0.2 + 675,000 x 0.8 + 225,000 x 0.6) / 1,000,000 = 0.695
    //       bond   = (100,000 x 0.8 + 675,000 x 0.2 + 225,000 x 0.4) / 1,000,000 = 0.305
    //       equity band = (100,000 x 0.03 + 900,000 x 0.05) / 1,000,000 = 0.048
    assertThat(plan.target().classes().get(EQ).weight()).isEqualTo(Weight.of("0.695"));
    assertThat(plan.target().classes().get(BD).weight()).isEqualTo(Weight.of("0.305"));
    assertThat(plan.target().classes().get(EQ).absoluteBand()).isEqualTo(Weight.of("0.048"));
    assertThat(plan.target().totalWeight()).isEqualTo(Weight.ONE);
    assertThat(plan.unassignedValue()).isEqualTo(Money.usd("225000"));
    assertThat(plan.goals())
        .extracting(GoalPlan::assignedValue)
        .containsExactly(Money.usd("100000"), Money.usd("675000"));
  }

  @Test
  void plan_glidePathStep_followsWholeYearsToGoal() {
    // given
    Household h = household().addGoals(education(), retirement()).build();

    // when
    List<GoalPlan> goals = plan(h).goals();

    // then: 2 years to tuition uses the 0-year step; 20 years to retirement the 10-year step
    assertThat(goals.get(0).yearsToGoal()).isEqualTo(2);
    assertThat(goals.get(0).allocation().classes().get(EQ).weight()).isEqualTo(Weight.of("0.2"));
    assertThat(goals.get(1).yearsToGoal()).isEqualTo(20);
    assertThat(goals.get(1).allocation().classes().get(EQ).weight()).isEqualTo(Weight.of("0.8"));
  }

  @Test
  void plan_fundedRatio_discountsTargetAmount() {
    // given: $120,000 due in exactly 2 years at 4%: PV = 120,000 / 1.04^2 = 120,000 / 1.0816
    //        = 110,946.75; funded ratio = 100,000 / 110,946.75 = 0.9013
    Household h = household().addGoals(education()).build();

    // when
    GoalPlan edu = plan(h).goals().get(0);

    // then
    assertThat(edu.presentValueOfTarget()).isEqualTo(Money.usd("110946.75"));
    assertThat(edu.fundedRatio()).isEqualByComparingTo("0.9013");
  }

  @Test
  void plan_presentValue_sameAsDirectFormulaWhateverPlannersCameBefore() {
    // given: goals 0 to 40 years and a few days away, planned twice under rates asked in turn
    // (the planner memoises growth factors per rate; 0.040 is 0.04 at another scale)
    String[] rates = {"0.04", "0.040", "0.05", "0", "0.04"};
    for (int pass = 0; pass < 2; pass++) {
      for (String rate : rates) {
        BigDecimal r = new BigDecimal(rate);
        for (int years = 0; years <= 40; years += 3) {
          for (int days : new int[] {0, 1, 59, 180, 365}) {
            LocalDate date = AS_OF.plusYears(years).plusDays(days);
            Money amount = Money.usd("123456.78");
            Household h = household().addGoals(goalOn(date, amount)).build();

            // when
            GoalPlan goal =
                GoalPlanner.withDiscountRate(r)
                    .plan(h, HouseholdValuation.of(h, NO_SECURITIES), AS_OF)
                    .goals()
                    .get(0);

            // then: the same decimal (value and scale) as the formula computed afresh
            assertThat(goal.presentValueOfTarget().amount())
                .isEqualTo(directPresentValue(amount.amount(), r, date));
          }
        }
      }
    }
  }

  @Test
  void withDiscountRate_sameOtherRateTwice_returnsPlannersThatShareNoState() {
    // given / when: a planner per call, never one remembered from an earlier call
    GoalPlanner first = GoalPlanner.withDiscountRate(new BigDecimal("0.05"));
    GoalPlanner second = GoalPlanner.withDiscountRate(new BigDecimal("0.05"));

    // then
    assertThat(second).isNotSameAs(first);
    assertThat(second.discountRate()).isEqualTo(new BigDecimal("0.05"));
  }

  @Test
  void withDiscountRate_defaultRate_returnsStandardWhateverWasAskedBefore() {
    // given: other rates asked first
    GoalPlanner.withDiscountRate(new BigDecimal("0.05"));
    GoalPlanner.withDiscountRate(BigDecimal.ZERO);

    // when
    GoalPlanner planner = GoalPlanner.withDiscountRate(new BigDecimal("0.04"));

    // then: the shared planner for 0.04; 0.040 (another scale) is not that rate
    assertThat(planner).isSameAs(GoalPlanner.standard());
    assertThat(GoalPlanner.withDiscountRate(new BigDecimal("0.040")))
        .isNotSameAs(GoalPlanner.standard())
        .extracting(GoalPlanner::discountRate)
        .isEqualTo(new BigDecimal("0.040"));
  }

  private static Goal goalOn(LocalDate date, Money amount) {
    Goal edu = education();
    return Goal.builder()
        .id(edu.id())
        .name(edu.name())
        .kind(edu.kind())
        .targetAmount(amount)
        .targetDate(date)
        .priority(edu.priority())
        .addAllFundingAccounts(edu.fundingAccounts())
        .glidePath(edu.glidePath())
        .build();
  }

  /** The present value as the planner computed it before its memo: the decimals to compare. */
  private static BigDecimal directPresentValue(BigDecimal amount, BigDecimal rate, LocalDate date) {
    if (!date.isAfter(AS_OF)) {
      return Money.usd(amount.toPlainString()).amount();
    }
    long years = java.time.temporal.ChronoUnit.YEARS.between(AS_OF, date);
    long days = java.time.temporal.ChronoUnit.DAYS.between(AS_OF.plusYears(years), date);
    java.math.MathContext mc = java.math.MathContext.DECIMAL128;
    BigDecimal growth =
        BigDecimal.ONE
            .add(rate)
            .pow((int) years, mc)
            .multiply(
                BigDecimal.ONE.add(
                    rate.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(365), mc)),
                mc);
    return Money.ofComputed(Money.USD, amount.divide(growth, mc)).amount();
  }

  @Test
  void plan_noGoals_usesStaticTarget() {
    Household h = household().build();
    assertThat(plan(h).target()).isEqualTo(h.target());
    assertThat(plan(h).unassignedValue()).isEqualTo(Money.usd("1000000"));
  }

  @Test
  void plan_accountListedByTwoGoals_isSplitEqually() {
    // given: both goals list ED-1
    Goal other = education("G-2");
    Household h = household().addGoals(education(), other).build();

    // then
    assertThat(plan(h).goals())
        .extracting(GoalPlan::assignedValue)
        .containsExactly(Money.usd("50000"), Money.usd("50000"));
  }
}
