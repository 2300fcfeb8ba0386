package dev.rebal.optimizer;

import dev.rebal.optimizer.internal.LpSolver;

/**
 * Test access to {@link HouseholdOptimizer} on another LP backend, for the solver tests of {@code
 * dev.rebal.optimizer.internal} and the benchmarks (through the test jar). The backend choice is
 * not public API: embedders get {@link HouseholdOptimizer#standard()}.
 */
public final class SolverBackends {
  private SolverBackends() {}

  /**
   * Returns an optimizer that solves its LPs with {@code solver}.
   *
   * @param solver the backend, e.g. one that records each program and delegates
   * @return the optimizer
   */
  public static HouseholdOptimizer optimizer(LpSolver solver) {
    return HouseholdOptimizer.withSolver(solver);
  }
}
