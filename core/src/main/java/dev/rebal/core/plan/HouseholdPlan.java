package dev.rebal.core.plan;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.allocation.TargetAllocation;

/**
 * A household's goal-aware target: each goal's plan, the value assigned to no goal, and the blended
 * target allocation the household is rebalanced to. This record is immutable and thread-safe.
 *
 * @param target the blended target allocation (weights sum to exactly 1)
 * @param goals each goal's plan, in the household's goal order
 * @param unassignedValue the value assigned to no goal, managed to the household's static target
 */
public record HouseholdPlan(TargetAllocation target, ImmutableList<GoalPlan> goals,
    Money unassignedValue) {
  /** Checks that no component is null. */
  public HouseholdPlan {
    Checks.notNull(target, "target");
    Checks.notNull(goals, "goals");
    Checks.notNull(unassignedValue, "unassignedValue");
  }
}
