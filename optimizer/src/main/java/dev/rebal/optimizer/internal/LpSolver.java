package dev.rebal.optimizer.internal;

/**
 * A linear-programming backend of the household optimizer. The optimizer's default is {@link
 * SizeRoutingSolver}, which sends each program to {@link DenseSimplexSolver} (which matches the
 * reference {@link CommonsMathLpSolver} point for point) or to {@link BoundedSimplexSolver} (no
 * size limit) by its size. Internal: embedders program against {@code HouseholdOptimizer}, not
 * against a backend.
 *
 * <p>Implementations must be stateless, thread-safe and deterministic, and must report
 * infeasibility, unboundedness and iteration limits through {@link LpSolution.Status}, not
 * exceptions.
 */
public interface LpSolver {
  /** Solves {@code program}: minimise {@code c·x} subject to {@code A x ≤ b}, {@code x ≥ 0}. */
  LpSolution solve(LinearProgram program);
}
