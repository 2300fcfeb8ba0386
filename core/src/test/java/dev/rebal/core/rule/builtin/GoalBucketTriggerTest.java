package dev.rebal.core.rule.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.plan.BucketExample;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.valuation.HouseholdValuation;
import org.junit.jupiter.api.Test;

/** {@code trigger.goal-bucket} on the goal-bucket worked example ({@link BucketExample}). */
class GoalBucketTriggerTest {

  private static RuleOutcome evaluate(Household h) {
    HouseholdValuation valuation = HouseholdValuation.of(h, BucketExample.MARKET);
    HouseholdPlan plan = BucketExample.plan(h);
    Assessment a =
        Assessment.builder()
            .household(h.id())
            .asOf(BucketExample.AS_OF)
            .valuation(valuation)
            .plan(plan)
            .drift(valuation.driftFrom(plan.target()))
            .projectedDrift(valuation.driftFrom(plan.target()))
            .harvestableLoss(Money.ZERO_USD)
            .addAllUpcomingNeeds(ImmutableList.of())
            .excessCash(Money.ZERO_USD)
            .cashShortfall(Money.ZERO_USD)
            .build();
    return new GoalBucketTrigger()
        .evaluate(
            RuleContext.of(h, BucketExample.MARKET, BucketExample.AS_OF, RuleSet.defaults(), a));
  }

  private static Household withTuition(long edEquity, long edBond) {
    return BucketExample.household(edEquity, edBond)
        .addGoals(BucketExample.tuition(), BucketExample.retirement())
        .build();
  }

  @Test
  void evaluate_bucketOutOfBandWhileHouseholdInBand_fires() {
    // given: ED-1 70/30 against 20/80 +-3; the household is 70/30 against 69.5/30.5 +-4.8
    Household h = BucketExample.household();

    // when
    RuleOutcome out = evaluate(h);

    // then
    assertThat(out.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("trigger.goal-bucket");
              assertThat(f.message())
                  .contains("bucket G-EDU")
                  .contains("EQUITY 0.7")
                  .doesNotContain("shared-pool");
            });
    assertThat(
            new ThresholdTrigger()
                .evaluate(
                    RuleContext.of(
                        h,
                        BucketExample.MARKET,
                        BucketExample.AS_OF,
                        RuleSet.defaults(),
                        assessmentOf(h)))
                .isPass())
        .isTrue();
  }

  private static Assessment assessmentOf(Household h) {
    HouseholdValuation valuation = HouseholdValuation.of(h, BucketExample.MARKET);
    HouseholdPlan plan = BucketExample.plan(h);
    return Assessment.builder()
        .household(h.id())
        .asOf(BucketExample.AS_OF)
        .valuation(valuation)
        .plan(plan)
        .drift(valuation.driftFrom(plan.target()))
        .projectedDrift(valuation.driftFrom(plan.target()))
        .harvestableLoss(Money.ZERO_USD)
        .excessCash(Money.ZERO_USD)
        .cashShortfall(Money.ZERO_USD)
        .build();
  }

  @Test
  void evaluate_bucketAtItsTarget_passes() {
    // given: ED-1 20/80
    Household h = withTuition(200, 800);

    // when / then
    assertThat(evaluate(h).isPass()).isTrue();
  }

  @Test
  void evaluate_driftBeyondBandByExactlyTheTolerance_passes() {
    // given: equity 23,100 / 100,000 = 0.231: |0.231 - 0.20| - 0.03 = 0.001, not above 0.001
    Household h = withTuition(231, 769);

    // when / then
    assertThat(evaluate(h).isPass()).isTrue();
  }

  @Test
  void evaluate_driftBeyondBandByMoreThanTheTolerance_fires() {
    // given: equity 0.232: 0.002 outside the band, above the 0.001 tolerance
    Household h = withTuition(232, 768);

    // when / then
    assertThat(evaluate(h).findings())
        .extracting(Finding::code)
        .containsExactly("trigger.goal-bucket");
  }

  @Test
  void evaluate_bucketBelowMinimumValue_passes() {
    // given: ED-1 worth 24,900 (below 25,000), 70/30
    Household h = withTuition(175, 74);

    // when / then
    assertThat(evaluate(h).isPass()).isTrue();
  }

  @Test
  void evaluate_bucketAtMinimumValue_fires() {
    // given: ED-1 worth exactly 25,000, 70/30
    Household h = withTuition(175, 75);

    // when / then
    assertThat(evaluate(h).findings())
        .extracting(Finding::code)
        .containsExactly("trigger.goal-bucket");
  }

  @Test
  void evaluate_onlyThePoolOutOfBand_passes() {
    // given: share-funded goals only: one bucket, the pool, far out of band (equity 0.63 vs 0.75
    // +-0.05
    // fires trigger.threshold, not this rule)
    Household h = BucketExample.household(0, 1000).addGoals(BucketExample.retirement()).build();

    // when / then
    assertThat(BucketExample.plan(h).buckets().get(0).outOfBand()).isNotEmpty();
    assertThat(evaluate(h).isPass()).isTrue();
  }
}
