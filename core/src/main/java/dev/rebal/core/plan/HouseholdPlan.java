package dev.rebal.core.plan;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.util.List;
import java.util.Objects;

/**
 * A household's goal-aware target: each goal's plan, the value assigned to no goal, the blended
 * target allocation the household is rebalanced to, and the goal buckets whose drift is tracked on
 * their own.
 *
 * <p>The buckets are computed on first use when {@link GoalPlanner} made the plan: most decisions
 * never read them (the bucket trigger is opt-in), and the daily screen plans every household. A
 * plan behaves as a value (equality, hash code and text cover all four parts, as a record's would).
 * This class is immutable and thread-safe.
 */
public final class HouseholdPlan {
  private final TargetAllocation target;
  private final ImmutableList<GoalPlan> goals;
  private final Money unassignedValue;
  private final Supplier<ImmutableList<GoalBucket>> buckets;

  /**
   * Creates a plan.
   *
   * @param target the blended target allocation (weights sum to exactly 1)
   * @param goals each goal's plan, in the household's goal order
   * @param unassignedValue the value assigned to no goal, managed to the household's static target
   * @param buckets the goal buckets: one per goal funded by accounts (household goal order), then
   *     the shared pool; their values add up to the household's (docs/goals.md)
   */
  public HouseholdPlan(
      TargetAllocation target,
      List<GoalPlan> goals,
      Money unassignedValue,
      List<GoalBucket> buckets) {
    this(
        target,
        ImmutableList.copyOf(Checks.noNulls(goals, "goals")),
        unassignedValue,
        Suppliers.ofInstance(ImmutableList.copyOf(Checks.noNulls(buckets, "buckets"))));
  }

  /**
   * Creates a plan that tracks no goal bucket (the form before buckets existed; {@link GoalPlanner}
   * always fills them in).
   *
   * @param target the blended target allocation (weights sum to exactly 1)
   * @param goals each goal's plan, in the household's goal order
   * @param unassignedValue the value assigned to no goal
   */
  public HouseholdPlan(TargetAllocation target, List<GoalPlan> goals, Money unassignedValue) {
    this(target, goals, unassignedValue, List.of());
  }

  private HouseholdPlan(
      TargetAllocation target,
      ImmutableList<GoalPlan> goals,
      Money unassignedValue,
      Supplier<ImmutableList<GoalBucket>> buckets) {
    this.target = Checks.notNull(target, "target");
    this.goals = Checks.notNull(goals, "goals");
    this.unassignedValue = Checks.notNull(unassignedValue, "unassignedValue");
    this.buckets = buckets;
  }

  /** A plan whose buckets {@code compute} gives on first use, once (for {@link GoalPlanner}). */
  static HouseholdPlan withLazyBuckets(
      TargetAllocation target,
      ImmutableList<GoalPlan> goals,
      Money unassignedValue,
      Supplier<ImmutableList<GoalBucket>> compute) {
    return new HouseholdPlan(
        target,
        goals,
        unassignedValue,
        Suppliers.memoize(() -> Checks.notNull(compute.get(), "buckets")));
  }

  /** {@return the blended target allocation (weights sum to exactly 1)} */
  public TargetAllocation target() {
    return target;
  }

  /** {@return each goal's plan, in the household's goal order} */
  public ImmutableList<GoalPlan> goals() {
    return goals;
  }

  /** {@return the value assigned to no goal, managed to the household's static target} */
  public Money unassignedValue() {
    return unassignedValue;
  }

  /**
   * {@return the goal buckets: one per goal funded by accounts (household goal order), then the
   * shared pool; their values add up to the household's (docs/goals.md)}
   */
  public ImmutableList<GoalBucket> buckets() {
    return buckets.get();
  }

  /** {@return the buckets funded by accounts, without the shared pool, in goal order} */
  public ImmutableList<GoalBucket> accountFundedBuckets() {
    return buckets().stream()
        .filter(b -> !b.isSharedPool())
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns whether {@code o} is a plan with equal target, goals, unassigned value and buckets. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HouseholdPlan)) {
      return false;
    }
    HouseholdPlan other = (HouseholdPlan) o;
    return target.equals(other.target)
        && goals.equals(other.goals)
        && unassignedValue.equals(other.unassignedValue)
        && buckets().equals(other.buckets());
  }

  /** Returns a hash code over all four parts. */
  @Override
  public int hashCode() {
    return Objects.hash(target, goals, unassignedValue, buckets());
  }

  /** Returns the plan's text, in the form a record's would have. */
  @Override
  public String toString() {
    return "HouseholdPlan[target="
        + target
        + ", goals="
        + goals
        + ", unassignedValue="
        + unassignedValue
        + ", buckets="
        + buckets()
        + "]";
  }
}
