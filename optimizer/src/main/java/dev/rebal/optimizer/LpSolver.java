package dev.rebal.optimizer;

/**
 * A linear-programming backend. The default is {@link DenseSimplexSolver}, which matches the
 * reference {@link CommonsMathLpSolver} point for point; a firm may plug
 * another (for households beyond its size limit) through {@link HouseholdOptimizer#withSolver}:
 * {@link BoundedSimplexSolver} has no size limit, and {@link SizeRoutingSolver} sends each program
 * to the dense or the bounded backend by its size.
 *
 * <p>Implementations must be stateless, thread-safe and deterministic, and must report
 * infeasibility, unboundedness and iteration limits through {@link LpSolution.Status}, not
 * exceptions.
 */
public interface LpSolver {
  /**
   * Solves {@code program}: minimise {@code c·x} subject to {@code A x ≤ b}, {@code x ≥ 0}.
   *
   * @param program the program
   * @return the optimal point, or why there is none
   */
  LpSolution solve(LinearProgram program);
}
