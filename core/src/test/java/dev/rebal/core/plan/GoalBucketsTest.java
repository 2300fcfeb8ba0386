package dev.rebal.core.plan;

import static dev.rebal.core.plan.BucketExample.BD;
import static dev.rebal.core.plan.BucketExample.EQ;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import org.junit.jupiter.api.Test;

/** The goal-bucket worked example of docs/goals.md ({@link BucketExample}). */
class GoalBucketsTest {

  private static ClassDrift drift(GoalBucket b, dev.rebal.core.security.AssetClass c) {
    return b.drift().stream().filter(d -> d.assetClass().equals(c)).findFirst().orElseThrow();
  }

  @Test
  void plan_tuitionFundedByAccount_isABucketWithItsOwnDrift() {
    // given: ED-1 holds $70,000 equity and $30,000 bonds; its goal's 0-year step is 20/80 +-3
    Household h = BucketExample.household();

    // when
    HouseholdPlan plan = BucketExample.plan(h);

    // then: the tuition bucket, then the pool
    assertThat(plan.buckets()).extracting(GoalBucket::id).containsExactly("G-EDU", "shared-pool");
    GoalBucket edu = plan.buckets().get(0);
    assertThat(edu.isSharedPool()).isFalse();
    assertThat(edu.goals()).containsExactly(GoalId.of("G-EDU"));
    assertThat(edu.accountShares()).containsOnlyKeys(AccountId.of("ED-1"));
    assertThat(edu.value()).isEqualTo(Money.usd("100000"));
    // equity: 70,000 / 100,000 = 0.70 vs 0.20: drift +0.50, band 0.03: out of band
    assertThat(drift(edu, EQ).actual()).isEqualTo(Weight.of("0.7"));
    assertThat(drift(edu, EQ).drift()).isEqualTo(Weight.of("0.5"));
    assertThat(drift(edu, EQ).isOutOfBand()).isTrue();
    // bonds: 30,000 / 100,000 = 0.30 vs 0.80: drift -0.50
    assertThat(drift(edu, BD).drift()).isEqualTo(Weight.of("-0.5"));
    assertThat(plan.accountFundedBuckets()).containsExactly(edu);
  }

  @Test
  void plan_workedExample_poolIsTheRestAtTheBlendOfSharesAndUnassigned() {
    // given
    Household h = BucketExample.household();

    // when
    GoalBucket pool = BucketExample.plan(h).buckets().get(1);

    // then: R = 900,000: retirement 675,000 at 80/20, unassigned 225,000 at 60/40
    //   equity target = (675,000 x 0.8 + 225,000 x 0.6) / 900,000 = 675,000 / 900,000 = 0.75
    //   equity held = 250,000 + 380,000 = 630,000; 630,000 / 900,000 = 0.70: drift -0.05, at
    //   the band's edge (0.05), so inside
    assertThat(pool.isSharedPool()).isTrue();
    assertThat(pool.goals()).containsExactly(GoalId.of("G-RET"));
    assertThat(pool.accountShares()).containsOnlyKeys(AccountId.of("IRA-1"), AccountId.of("TAX-1"));
    assertThat(pool.value()).isEqualTo(Money.usd("900000"));
    assertThat(pool.target().classes().get(EQ).weight()).isEqualTo(Weight.of("0.75"));
    assertThat(drift(pool, EQ).drift()).isEqualTo(Weight.of("-0.05"));
    assertThat(pool.outOfBand()).isEmpty();
  }

  @Test
  void plan_workedExample_dollarDriftsOfBucketsAddUpToTheHousehold() {
    // given: household equity 700,000 vs 0.695 x 1,000,000 = 695,000: +5,000 (in band)
    Household h = BucketExample.household();

    // when
    HouseholdPlan plan = BucketExample.plan(h);

    // then: tuition +50,000 (70,000 - 20,000), pool -45,000 (630,000 - 675,000)
    Money sum = Money.ZERO_USD;
    Money values = Money.ZERO_USD;
    for (GoalBucket b : plan.buckets()) {
      Money target = b.value().multipliedBy(b.target().classes().get(EQ).weight().value());
      sum = sum.plus(drift(b, EQ).value().minus(target));
      values = values.plus(b.value());
    }
    assertThat(sum).isEqualTo(Money.usd("5000"));
    assertThat(values).isEqualTo(Money.usd("1000000"));
    assertThat(
            HouseholdValuation.of(h, BucketExample.MARKET)
                .driftFrom(plan.target())
                .isOutOfBalance())
        .isFalse();
  }

  @Test
  void plan_onlyShareFundedGoals_oneBucketWhoseDriftIsTheHouseholds() {
    // given
    Household h = BucketExample.household(700, 300).addGoals(BucketExample.retirement()).build();

    // when
    HouseholdPlan plan = BucketExample.plan(h);

    // then
    assertThat(plan.buckets()).hasSize(1);
    GoalBucket pool = plan.buckets().get(0);
    assertThat(pool.isSharedPool()).isTrue();
    assertThat(pool.target()).isEqualTo(plan.target());
    assertThat(pool.value()).isEqualTo(Money.usd("1000000"));
    assertThat(pool.drift())
        .isEqualTo(
            HouseholdValuation.of(h, BucketExample.MARKET).driftFrom(plan.target()).classes());
    assertThat(plan.accountFundedBuckets()).isEmpty();
  }

  @Test
  void plan_noGoals_oneBucketAtTheStaticTarget() {
    // given
    Household h = BucketExample.household(700, 300).build();

    // when
    HouseholdPlan plan = BucketExample.plan(h);

    // then
    assertThat(plan.buckets())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.isSharedPool()).isTrue();
              assertThat(b.target()).isEqualTo(h.target());
              assertThat(b.goals()).isEmpty();
            });
  }

  @Test
  void plan_accountListedByTwoGoals_givesHalfOfItToEach() {
    // given: a second goal also lists ED-1
    Goal other = BucketExample.tuition("G-EDU2", "ED-1");
    Household h =
        BucketExample.household(700, 300).addGoals(BucketExample.tuition(), other).build();

    // when
    HouseholdPlan plan = BucketExample.plan(h);

    // then: each gets 35,000 equity and 15,000 bonds; the pool is TAX-1 and IRA-1 at 60/40
    assertThat(plan.buckets())
        .extracting(GoalBucket::id)
        .containsExactly("G-EDU", "G-EDU2", "shared-pool");
    for (GoalBucket b : plan.accountFundedBuckets()) {
      assertThat(b.value()).isEqualTo(Money.usd("50000"));
      assertThat(drift(b, EQ).value()).isEqualTo(Money.usd("35000"));
      assertThat(b.accountShares().get(AccountId.of("ED-1"))).isEqualTo(Weight.of("0.5"));
    }
    assertThat(plan.buckets().get(2).value()).isEqualTo(Money.usd("900000"));
    assertThat(plan.buckets().get(2).target()).isEqualTo(h.target());
  }

  @Test
  void plan_everyAccountListed_noPool() {
    // given: one goal funded by all three accounts
    Goal all = BucketExample.tuition("G-EDU", "ED-1", "TAX-1", "IRA-1");
    Household h = BucketExample.household(700, 300).addGoals(all).build();

    // when
    HouseholdPlan plan = BucketExample.plan(h);

    // then
    assertThat(plan.buckets())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.id()).isEqualTo("G-EDU");
              assertThat(b.value()).isEqualTo(Money.usd("1000000"));
              assertThat(b.target()).isEqualTo(plan.target());
            });
  }
}
