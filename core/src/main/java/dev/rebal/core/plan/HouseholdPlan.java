package dev.rebal.core.plan;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.allocation.TargetAllocation;

/**
 * A household's goal-aware target: each goal's plan, the value assigned to no goal, the blended
 * target allocation the household is rebalanced to, and the goal buckets whose drift is tracked on
 * their own. This record is immutable and thread-safe.
 *
 * @param target the blended target allocation (weights sum to exactly 1)
 * @param goals each goal's plan, in the household's goal order
 * @param unassignedValue the value assigned to no goal, managed to the household's static target
 * @param buckets the goal buckets: one per goal funded by accounts (household goal order), then
 *     the shared pool; their values add up to the household's (docs/goals.md)
 */
public record HouseholdPlan(TargetAllocation target, ImmutableList<GoalPlan> goals,
    Money unassignedValue, ImmutableList<GoalBucket> buckets) {
  /** Checks that no component is null. */
  public HouseholdPlan {
    Checks.notNull(target, "target");
    Checks.notNull(goals, "goals");
    Checks.notNull(unassignedValue, "unassignedValue");
    Checks.notNull(buckets, "buckets");
  }

  /**
   * Creates a plan that tracks no goal bucket (the form before buckets existed; {@link
   * GoalPlanner} always fills them in).
   *
   * @param target the blended target allocation (weights sum to exactly 1)
   * @param goals each goal's plan, in the household's goal order
   * @param unassignedValue the value assigned to no goal
   */
  public HouseholdPlan(TargetAllocation target, ImmutableList<GoalPlan> goals,
      Money unassignedValue) {
    this(target, goals, unassignedValue, ImmutableList.of());
  }

  /** Returns the buckets funded by accounts, without the shared pool, in goal order. */
  public ImmutableList<GoalBucket> accountFundedBuckets() {
    return buckets.stream().filter(b -> !b.isSharedPool())
        .collect(ImmutableList.toImmutableList());
  }
}
