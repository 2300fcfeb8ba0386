package dev.rebal.optimizer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The default {@link LpSolver}: commons-math3's dense two-phase {@link SimplexSolver}.
 *
 * <p><b>Pivot rule.</b> Dantzig's rule (most negative reduced cost) first, because it needs far
 * fewer iterations; if it hits the iteration limit (which on this degenerate model means it is
 * cycling), the LP is solved again with Bland's rule, which cannot cycle.
 *
 * <p><b>Tolerances.</b> {@link #EPSILON} {@code 1e-9} when comparing reduced costs and ratios (the
 * LP is scaled so values are of order one; the library default {@code 1e-6} lost accuracy against
 * the cross-check solver), {@link #MAX_ULPS} 10 and {@link #CUT_OFF} {@code 1e-12} (entries below
 * it are treated as zero). {@code MaxIter} is passed explicitly: {@code 50 · (rows + variables) +
 * 1,000}.
 *
 * <p><b>Size limit.</b> The tableau is dense, {@code (rows + 1) · (variables + rows + artificial +
 * 1)} doubles; LPs above {@link #MAX_CELLS} cells are refused with {@code TOO_LARGE}.
 *
 * <p>commons-math3 3.6.1 can return a point that violates a constraint without any exception; the
 * optimizer checks every solution. After phase 1 it can also return a feasible point that is not
 * the optimum (a column it still counts basic in a row it has left), which no check catches; {@link
 * DenseSimplexSolver} avoids that. This class is immutable and thread-safe.
 */
public final class CommonsMathLpSolver implements LpSolver {
  /** Tolerance on reduced costs and ratios. */
  public static final double EPSILON = 1e-9;

  /** Ulps for floating comparisons inside the solver. */
  public static final int MAX_ULPS = 10;

  /** Entries smaller than this are treated as zero. */
  public static final double CUT_OFF = 1e-12;

  /** Largest tableau accepted, in cells (about 64 MB of doubles). */
  public static final long MAX_CELLS = 8_000_000L;

  private static final CommonsMathLpSolver STANDARD = new CommonsMathLpSolver();

  private CommonsMathLpSolver() {}

  /** {@return the shared instance} */
  public static CommonsMathLpSolver standard() {
    return STANDARD;
  }

  @Override
  public LpSolution solve(LinearProgram program) {
    Optional<LpSolution> decided = withoutSolving(program);
    if (decided.isPresent()) {
      return decided.get();
    }
    return solve(program, maxIterations(program));
  }

  /** Solves {@code program} with at most {@code maxIter} pivots per pivot rule. */
  LpSolution solve(LinearProgram program, int maxIter) {
    int m = program.rows();
    LinearObjectiveFunction f = new LinearObjectiveFunction(program.objectiveCopy(), 0);
    List<LinearConstraint> rows = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      rows.add(new LinearConstraint(program.denseRow(i), Relationship.LEQ, program.rhs(i)));
    }
    LpSolution first = run(f, rows, maxIter, PivotSelectionRule.DANTZIG);
    if (first.status() == LpSolution.Status.ITERATION_LIMIT) {
      return run(f, rows, maxIter, PivotSelectionRule.BLAND);
    }
    return first;
  }

  /**
   * Returns the outcome of {@code program} when no simplex is needed: {@code TOO_LARGE} above
   * {@link #MAX_CELLS}, and the verdict on a program without variables; empty otherwise. Shared
   * with {@link DenseSimplexSolver}.
   */
  static Optional<LpSolution> withoutSolving(LinearProgram program) {
    int n = program.variables();
    int m = program.rows();
    if (tooLarge(program)) {
      long cells = cells(program);
      return Optional.of(
          LpSolution.failed(
              LpSolution.Status.TOO_LARGE, "tableau of " + cells + " cells exceeds " + MAX_CELLS));
    }
    if (n == 0) {
      for (int i = 0; i < m; i++) {
        if (program.rhs(i) < 0) {
          return Optional.of(
              LpSolution.failed(LpSolution.Status.INFEASIBLE, "row " + i + " has no variables"));
        }
      }
      return Optional.of(LpSolution.optimal(new double[0]));
    }
    return Optional.empty();
  }

  /** Returns whether {@code program}'s tableau exceeds {@link #MAX_CELLS}. */
  static boolean tooLarge(LinearProgram program) {
    return cells(program) > MAX_CELLS;
  }

  private static long cells(LinearProgram program) {
    int m = program.rows();
    return (long) (m + 1) * (program.variables() + 2L * m + 1);
  }

  /** Returns the iteration limit of {@code program}: {@code 50 · (rows + variables) + 1,000}. */
  static int maxIterations(LinearProgram program) {
    return 50 * (program.rows() + program.variables()) + 1_000;
  }

  private static LpSolution run(
      LinearObjectiveFunction f,
      List<LinearConstraint> rows,
      int maxIter,
      PivotSelectionRule rule) {
    try {
      PointValuePair p =
          new SimplexSolver(EPSILON, MAX_ULPS, CUT_OFF)
              .optimize(
                  new MaxIter(maxIter),
                  f,
                  new LinearConstraintSet(rows),
                  GoalType.MINIMIZE,
                  new NonNegativeConstraint(true),
                  rule);
      return LpSolution.optimal(p.getPointRef());
    } catch (NoFeasibleSolutionException e) {
      return LpSolution.failed(LpSolution.Status.INFEASIBLE, "no feasible solution");
    } catch (UnboundedSolutionException e) {
      return LpSolution.failed(LpSolution.Status.UNBOUNDED, "unbounded");
    } catch (TooManyIterationsException e) {
      return LpSolution.failed(
          LpSolution.Status.ITERATION_LIMIT, "more than " + maxIter + " iterations (" + rule + ")");
    } catch (RuntimeException e) {
      // any other commons-math failure (e.g. MathIllegalStateException on a degenerate tableau)
      // is a numerical outcome for the caller, never an exception: the household is held
      return LpSolution.failed(LpSolution.Status.ERROR, e.getClass().getSimpleName());
    }
  }
}
