package dev.rebal.optimizer.internal;

import java.util.Optional;

/**
 * The default {@link LpSolver}: a dense two-phase tableau simplex written for the household LP,
 * which takes pivot for pivot the path of {@link CommonsMathLpSolver} (commons-math3 3.6.1's {@code
 * SimplexSolver} with the same tolerances) and returns the same point, bit for bit, without that
 * library's per-solve set-up work (docs/optimizer.md section 8, docs/performance.md).
 *
 * <p><b>Why it exists.</b> On a 300-lot household the library spent about five sixths of its time
 * outside the pivots: a boxed {@code Integer} per tableau cell when it drops the phase-1 objective,
 * a scan of every column for the basis, constraint objects hashed into a set. The pivots themselves
 * are a small share. This class keeps the algorithm and drops the overhead.
 *
 * <p><b>Same path, same point.</b> The rows are those the library would build: duplicate rows
 * removed (the first kept), rows with a negative right-hand side negated and given a surplus and an
 * artificial column; the phase-1 objective is the negated sum of those rows, summed in the same
 * order. The entering column is the most negative reduced cost (first on ties), or under Bland's
 * rule the first negative one with a positive entry; the leaving row is the minimum ratio among
 * entries above {@link CommonsMathLpSolver#CUT_OFF}, and on a tie an artificial variable leaves
 * first, then the row whose basic variable has the smallest index. After phase 1 the columns with a
 * positive phase-1 reduced cost and the non-basic artificial columns leave the problem and the
 * basis is found again by looking for unit columns. Every cell is updated by the same
 * floating-point operations in the same order ({@code x / p}, {@code x - y * m}), and Java's
 * arithmetic is exact IEEE 754, so the tableaux agree to the bit. The property {@code
 * DenseSimplexSolverProperties} compares the two solvers on random and on household LPs.
 *
 * <p><b>One departure.</b> After phase 1 the library can count two identical unit columns as basic
 * in one row; when a pivot replaces that row's basic variable it releases only one of them, and the
 * other keeps the row's value while the entering variable is read as 0, a point that is not the
 * optimum. This class releases every column basic in the pivot row ({@code Tableau.pivot}): same
 * pivots, and a different point only where the library's is wrong.
 *
 * <p>Programs with a non-finite coefficient or right-hand side are passed to {@link
 * CommonsMathLpSolver} unchanged. The size limit is the same. This class is immutable and
 * thread-safe.
 */
public final class DenseSimplexSolver implements LpSolver {
  private static final DenseSimplexSolver STANDARD = new DenseSimplexSolver();

  private DenseSimplexSolver() {}

  /** {@return the shared instance} */
  public static DenseSimplexSolver standard() {
    return STANDARD;
  }

  @Override
  public LpSolution solve(LinearProgram program) {
    Optional<LpSolution> decided = CommonsMathLpSolver.withoutSolving(program);
    if (decided.isPresent()) {
      return decided.get();
    }
    return solve(program, CommonsMathLpSolver.maxIterations(program));
  }

  /**
   * Solves {@code program} (at least one variable) with at most {@code maxIter} pivots per pivot
   * rule.
   */
  LpSolution solve(LinearProgram program, int maxIter) {
    if (!finite(program)) {
      return CommonsMathLpSolver.standard().solve(program, maxIter);
    }
    LpSolution first = new Tableau(program).solve(maxIter, false);
    if (first.status() == LpSolution.Status.ITERATION_LIMIT) {
      return new Tableau(program).solve(maxIter, true);
    }
    return first;
  }

  private static boolean finite(LinearProgram program) {
    for (int j = 0; j < program.variables(); j++) {
      if (!Double.isFinite(program.objective(j))) {
        return false;
      }
    }
    for (int i = 0; i < program.rows(); i++) {
      if (!Double.isFinite(program.rhs(i))) {
        return false;
      }
      for (int p = 0; p < program.rowLength(i); p++) {
        if (!Double.isFinite(program.rowValue(i, p))) {
          return false;
        }
      }
    }
    return true;
  }
}
