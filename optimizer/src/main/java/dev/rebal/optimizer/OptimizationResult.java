package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.util.List;

/**
 * The outcome of optimising one household: {@link Optimal}, {@link Infeasible} or {@link
 * NumericalFailure}. Infeasible, unbounded and iteration-limit outcomes are results, never
 * exceptions, so the engine can hold the household for review with a precise reason.
 */
public sealed interface OptimizationResult
    permits OptimizationResult.Optimal,
        OptimizationResult.Infeasible,
        OptimizationResult.NumericalFailure {

  /** {@return the size of the last LP solved} */
  LpSize lpSize();

  /**
   * An optimal proposal, rounded and repaired.
   *
   * @param trades the trades, sorted by account, security and side
   * @param objective the objective at the rounded trades
   * @param lpObjective the LP optimum before rounding, in dollars of penalty
   * @param roundingCost the objective at the rounded trades minus the LP optimum
   * @param lpSize the LP size
   * @param shortfalls the goals the proposal leaves unmet (partial progress), by priority, each
   *     with its dollars; empty when every goal is met
   * @param bandEdgeStops the classes the band tier left short of the mode's interval, by class
   */
  record Optimal(
      List<ProposedTrade> trades,
      ObjectiveBreakdown objective,
      Money lpObjective,
      Money roundingCost,
      LpSize lpSize,
      List<GoalShortfall> shortfalls,
      List<BandEdgeStop> bandEdgeStops)
      implements OptimizationResult {
    /**
     * Checks that no component is null.
     *
     * @param trades the trades, sorted by account, security and side
     * @param objective the objective at the rounded trades
     * @param lpObjective the LP optimum before rounding, in dollars of penalty
     * @param roundingCost the objective at the rounded trades minus the LP optimum
     * @param lpSize the LP size
     * @param shortfalls the goals the proposal leaves unmet (partial progress), by priority, each
     *     with its dollars; empty when every goal is met
     * @param bandEdgeStops the classes the band tier left short of the mode's interval, by class
     */
    public Optimal {
      trades = List.copyOf(Checks.noNulls(trades, "trades"));
      Checks.notNull(objective, "objective");
      Checks.notNull(lpObjective, "lpObjective");
      Checks.notNull(roundingCost, "roundingCost");
      Checks.notNull(lpSize, "lpSize");
      shortfalls = List.copyOf(Checks.noNulls(shortfalls, "shortfalls"));
      bandEdgeStops = List.copyOf(Checks.noNulls(bandEdgeStops, "bandEdgeStops"));
    }

    /**
     * An optimal proposal whose classes the band tier stopped nowhere short of the mode's interval.
     *
     * @param trades the trades, sorted by account, security and side
     * @param objective the objective at the rounded trades
     * @param lpObjective the LP optimum before rounding, in dollars of penalty
     * @param roundingCost the objective at the rounded trades minus the LP optimum
     * @param lpSize the LP size
     * @param shortfalls the goals the proposal leaves unmet, by priority
     */
    public Optimal(
        List<ProposedTrade> trades,
        ObjectiveBreakdown objective,
        Money lpObjective,
        Money roundingCost,
        LpSize lpSize,
        List<GoalShortfall> shortfalls) {
      this(trades, objective, lpObjective, roundingCost, lpSize, shortfalls, List.of());
    }

    /**
     * An optimal proposal that leaves no goal unmet.
     *
     * @param trades the trades, sorted by account, security and side
     * @param objective the objective at the rounded trades
     * @param lpObjective the LP optimum before rounding, in dollars of penalty
     * @param roundingCost the objective at the rounded trades minus the LP optimum
     * @param lpSize the LP size
     */
    public Optimal(
        List<ProposedTrade> trades,
        ObjectiveBreakdown objective,
        Money lpObjective,
        Money roundingCost,
        LpSize lpSize) {
      this(trades, objective, lpObjective, roundingCost, lpSize, List.of(), List.of());
    }
  }

  /**
   * No proposal satisfies every hard constraint.
   *
   * @param conflicting the groups whose removal alone makes the problem feasible, sorted; if no
   *     single group does, every group present (they conflict jointly)
   * @param detail a short explanation for the review queue
   * @param lpSize the LP size
   */
  record Infeasible(List<ConstraintGroup> conflicting, String detail, LpSize lpSize)
      implements OptimizationResult {
    /**
     * Checks that no component is null.
     *
     * @param conflicting the groups whose removal alone makes the problem feasible, sorted; if no
     *     single group does, every group present (they conflict jointly)
     * @param detail a short explanation for the review queue
     * @param lpSize the LP size
     */
    public Infeasible {
      conflicting = List.copyOf(Checks.noNulls(conflicting, "conflicting"));
      Checks.notNull(detail, "detail");
      Checks.notNull(lpSize, "lpSize");
    }
  }

  /**
   * The solver failed (iteration limit, unbounded, too large, or a solution that failed the
   * residual check twice); the household must be held for review.
   *
   * @param reason a stable code: {@code ITERATION_LIMIT}, {@code UNBOUNDED}, {@code TOO_LARGE},
   *     {@code CHECK_FAILED} or {@code SOLVER_ERROR}
   * @param detail a short explanation
   * @param lpSize the LP size
   */
  record NumericalFailure(String reason, String detail, LpSize lpSize)
      implements OptimizationResult {
    /**
     * Checks that no component is null.
     *
     * @param reason a stable code: {@code ITERATION_LIMIT}, {@code UNBOUNDED}, {@code TOO_LARGE},
     *     {@code CHECK_FAILED} or {@code SOLVER_ERROR}
     * @param detail a short explanation
     * @param lpSize the LP size
     */
    public NumericalFailure {
      Checks.notBlank(reason, "reason");
      Checks.notNull(detail, "detail");
      Checks.notNull(lpSize, "lpSize");
    }
  }
}
