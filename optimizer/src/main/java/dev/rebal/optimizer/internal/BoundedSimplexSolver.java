package dev.rebal.optimizer.internal;

/**
 * An {@link LpSolver} for large programs: a revised primal simplex that keeps single-variable rows
 * as bounds of their variable instead of rows, so its work grows with the few coupling rows (cash,
 * caps, budgets, drift) and not with the thousands of lot capacities (docs/optimizer-large.md).
 *
 * <p><b>Bounds as bounds.</b> A row with one non-zero coefficient {@code a} on variable {@code j}
 * is {@code x_j ≤ b/a} when {@code a > 0} and {@code x_j ≥ b/a} when {@code a < 0}; several such
 * rows on one variable give the tightest bounds. A row without non-zero coefficients is dropped
 * when {@code b ≥ 0} and makes the program infeasible otherwise. Only the remaining rows, each with
 * a slack column, enter the simplex, whose variables then carry {@code l_j ≤ x_j ≤ u_j}.
 *
 * <p><b>Method.</b> The basis inverse of the remaining rows is kept dense and updated by one
 * elementary transformation per basis change; it is computed afresh every {@value
 * RevisedSimplex#REFACTOR_INTERVAL} basis changes and before optimality is declared. Nonbasic
 * variables sit at a bound; a variable whose entering step reaches its other bound first only
 * changes bound (no basis change). Phase 1 gives each row whose slack would start negative an
 * artificial column and minimises their sum; a remaining sum above {@code 1e-9} means infeasible.
 * Pricing is Dantzig's rule (largest reduced cost), the ratio test Harris's two-pass test with a
 * tolerance of {@code 1e-11}, which prefers large pivots; after {@value
 * RevisedSimplex#DEGENERATE_LIMIT} pivots without progress the solver switches to Bland's rule
 * (smallest index entering, exact ratio test with the smallest index leaving on ties), which cannot
 * cycle, until the objective decreases again.
 *
 * <p><b>Tolerances.</b> The program is scaled (values of order one), so tolerances are absolute:
 * {@code 1e-9} on reduced costs, on the phase-1 sum and on pivot entries. The point returned is
 * checked against every original row and bound with the optimizer's own {@link SolutionCheck}
 * tolerances before it is reported optimal; a point that fails is reported as {@code ERROR}.
 *
 * <p>The iteration limit is that of the other backends, {@code 50 · (rows + variables) + 1,000}.
 * There is no size limit. Statuses are {@code OPTIMAL}, {@code INFEASIBLE}, {@code UNBOUNDED},
 * {@code ITERATION_LIMIT} and {@code ERROR} (a non-finite number in the program, a singular basis
 * or a failed check); no exception reaches the caller. This class is immutable and thread-safe, and
 * the same program always gives the same point.
 */
public final class BoundedSimplexSolver implements LpSolver {
  private static final BoundedSimplexSolver STANDARD = new BoundedSimplexSolver();

  private BoundedSimplexSolver() {}

  /** {@return the shared instance} */
  public static BoundedSimplexSolver standard() {
    return STANDARD;
  }

  @Override
  public LpSolution solve(LinearProgram program) {
    return solve(program, CommonsMathLpSolver.maxIterations(program));
  }

  /** Solves {@code program} with at most {@code maxIter} iterations (pivots and bound flips). */
  LpSolution solve(LinearProgram program, int maxIter) {
    return solve(program, maxIter, RevisedSimplex.DEGENERATE_LIMIT);
  }

  /**
   * Solves {@code program} with at most {@code maxIter} iterations, switching to Bland's rule after
   * {@code blandAfter} pivots without progress (0: Bland's rule throughout).
   */
  LpSolution solve(LinearProgram program, int maxIter, int blandAfter) {
    try {
      BoundedForm form = BoundedForm.of(program);
      if (form.failure != null) {
        return form.failure;
      }
      LpSolution solution = new RevisedSimplex(form, blandAfter).solve(maxIter);
      if (solution.status() == LpSolution.Status.OPTIMAL) {
        double worst = SolutionCheck.worstViolation(program, solution.point());
        if (worst != 0) {
          return LpSolution.failed(
              LpSolution.Status.ERROR, "point violates the program by " + worst);
        }
      }
      return solution;
    } catch (RuntimeException e) {
      // a defect, never a verdict on the program: reported, not thrown, as the interface asks
      return LpSolution.failed(LpSolution.Status.ERROR, e.getClass().getSimpleName());
    }
  }
}
