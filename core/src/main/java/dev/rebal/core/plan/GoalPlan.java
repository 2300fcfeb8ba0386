package dev.rebal.core.plan;

import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.math.BigDecimal;

/**
 * One goal's part of a household plan: the value assigned to it, whole years to its date, the
 * glide-path allocation at those years, the present value of its target amount and its funded ratio
 * (assigned value over that present value, 4 decimal places). This record is immutable and
 * thread-safe.
 *
 * @param goal the goal's id
 * @param assignedValue the household value assigned to the goal
 * @param yearsToGoal whole years from the as-of date to the goal date, at least 0
 * @param allocation the glide-path allocation at {@code yearsToGoal}
 * @param presentValueOfTarget the target amount discounted to the as-of date
 * @param fundedRatio assigned value over the present value of the target
 */
public record GoalPlan(
    GoalId goal,
    Money assignedValue,
    int yearsToGoal,
    TargetAllocation allocation,
    Money presentValueOfTarget,
    BigDecimal fundedRatio) {
  /**
   * Checks that no component is null.
   *
   * @param goal the goal's id
   * @param assignedValue the household value assigned to the goal
   * @param yearsToGoal whole years from the as-of date to the goal date, at least 0
   * @param allocation the glide-path allocation at {@code yearsToGoal}
   * @param presentValueOfTarget the target amount discounted to the as-of date
   * @param fundedRatio assigned value over the present value of the target
   */
  public GoalPlan {
    Checks.notNull(goal, "goal");
    Checks.notNull(assignedValue, "assignedValue");
    Checks.notNull(allocation, "allocation");
    Checks.notNull(presentValueOfTarget, "presentValueOfTarget");
    Checks.notNull(fundedRatio, "fundedRatio");
  }
}
