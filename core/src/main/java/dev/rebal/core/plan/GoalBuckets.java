package dev.rebal.core.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Splits a household into its goal buckets ({@link GoalBucket}, docs/goals.md "Goal buckets"): one
 * per goal funded by accounts, in the household's goal order, then the shared pool when some
 * account is listed by no goal (or no goal lists an account). Package-private; the planner calls
 * it.
 *
 * <p>Account-funded buckets: each class value is the sum over the goal's accounts of the account's
 * class value divided by the number of goals listing the account, rounded once to cents; the value
 * likewise. The pool is the remainder (household minus the account-funded buckets, class by class),
 * so the buckets add up to the household exactly. A household with no account-funded goal has one
 * bucket, the pool, equal to the household, with the plan's target: its drift is the household's.
 */
final class GoalBuckets {
  private static final MathContext MC = MathContext.DECIMAL128;

  private GoalBuckets() {}

  static ImmutableList<GoalBucket> of(
      Household household,
      HouseholdValuation valuation,
      TargetAllocation planTarget,
      List<GoalPlan> plans,
      Map<AccountId, Integer> listings,
      BigDecimal rest,
      BigDecimal unassigned) {
    Money zero = Money.zero(valuation.total().currency());
    ImmutableList.Builder<GoalBucket> out = ImmutableList.builder();
    Map<AssetClass, Money> inBuckets = new TreeMap<>();
    Money valueInBuckets = zero;
    for (int i = 0; i < household.goals().size(); i++) {
      Goal g = household.goals().get(i);
      if (g.fundingAccounts().isEmpty()) {
        continue;
      }
      Map<AssetClass, BigDecimal> classes = new TreeMap<>();
      BigDecimal value = BigDecimal.ZERO;
      ImmutableSortedMap.Builder<AccountId, Weight> shares = ImmutableSortedMap.naturalOrder();
      for (AccountId a : new TreeSet<>(g.fundingAccounts())) {
        int listed = listings.get(a);
        BigDecimal k = BigDecimal.valueOf(listed);
        shares.put(
            a,
            listed == 1
                ? Weight.ONE
                : Weight.ofComputed(
                    BigDecimal.ONE.divide(k, Weight.SCALE, RoundingMode.HALF_EVEN)));
        value = value.add(share(valuation.accountValues().getOrDefault(a, zero).amount(), listed));
        valuation
            .accountClassValues()
            .getOrDefault(a, ImmutableSortedMap.of())
            .forEach((c, v) -> classes.merge(c, share(v.amount(), listed), BigDecimal::add));
      }
      Map<AssetClass, Money> classValues = new TreeMap<>();
      classes.forEach((c, v) -> classValues.put(c, Money.ofComputed(zero.currency(), v)));
      Money bucketValue = Money.ofComputed(zero.currency(), value);
      classValues.forEach((c, v) -> inBuckets.merge(c, v, Money::plus));
      valueInBuckets = valueInBuckets.plus(bucketValue);
      TargetAllocation target = plans.get(i).allocation();
      out.add(
          new GoalBucket(
              g.id().value(),
              ImmutableList.of(g.id()),
              shares.build(),
              bucketValue,
              target,
              drift(classValues, bucketValue, target)));
    }
    ImmutableSortedMap.Builder<AccountId, Weight> poolAccounts = ImmutableSortedMap.naturalOrder();
    for (AccountId a : valuation.accountValues().keySet()) {
      if (!listings.containsKey(a)) {
        poolAccounts.put(a, Weight.ONE);
      }
    }
    ImmutableSortedMap<AccountId, Weight> poolShares = poolAccounts.build();
    boolean anyBucket = !listings.isEmpty();
    if (!poolShares.isEmpty() || !anyBucket) {
      ImmutableList.Builder<GoalId> poolGoals = ImmutableList.builder();
      Blend blend = new Blend();
      for (int i = 0; i < household.goals().size(); i++) {
        Goal g = household.goals().get(i);
        if (g.fundingShare().isPresent()) {
          poolGoals.add(g.id());
          blend.add(plans.get(i).allocation(), rest.multiply(g.fundingShare().get().value(), MC));
        }
      }
      blend.add(household.target(), unassigned);
      Money poolValue = valuation.total().minus(valueInBuckets);
      Map<AssetClass, Money> classValues = new TreeMap<>();
      valuation
          .classValues()
          .forEach((c, v) -> classValues.put(c, v.minus(inBuckets.getOrDefault(c, zero))));
      TargetAllocation target =
          !anyBucket ? planTarget : blend.isEmpty() ? household.target() : blend.result();
      out.add(
          new GoalBucket(
              GoalBucket.SHARED_POOL,
              poolGoals.build(),
              poolShares,
              poolValue,
              target,
              drift(classValues, poolValue, target)));
    }
    return out.build();
  }

  /** An account's amount split equally among the {@code listed} goals listing it. */
  private static BigDecimal share(BigDecimal amount, int listed) {
    return listed == 1 ? amount : amount.divide(BigDecimal.valueOf(listed), MC);
  }

  /** Drift per class: the target's classes and every class with a value in the bucket. */
  private static ImmutableList<ClassDrift> drift(
      Map<AssetClass, Money> classValues, Money total, TargetAllocation target) {
    TreeSet<AssetClass> all = new TreeSet<>(target.classes().keySet());
    all.addAll(classValues.keySet());
    ImmutableList.Builder<ClassDrift> out = ImmutableList.builder();
    for (AssetClass c : all) {
      ClassTarget t = target.classes().get(c);
      Money value = classValues.getOrDefault(c, Money.zero(total.currency()));
      Weight actual =
          total.isPositive()
              ? Weight.ofComputed(
                  value.amount().divide(total.amount(), Weight.SCALE, RoundingMode.HALF_EVEN))
              : Weight.ZERO;
      out.add(
          new ClassDrift(
              c,
              value,
              actual,
              t == null ? Weight.ZERO : t.weight(),
              t == null ? Weight.ZERO : t.halfWidth()));
    }
    return out.build();
  }
}
