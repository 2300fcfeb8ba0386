package dev.rebal.optimizer.internal;

import java.util.Arrays;
import org.apache.commons.math3.util.FastMath;
import org.apache.commons.math3.util.Precision;

/**
 * The working tableau of one {@link DenseSimplexSolver} solve (its rules are in that class's
 * documentation). Package-private; used once.
 *
 * <p>Rows: the phase-1 objective (only when some row needs an artificial column), the objective,
 * then the constraints. Columns: the variables, one slack or surplus per constraint, the
 * artificials, the right-hand side. Columns that leave the problem after phase 1 stay in the
 * arrays, marked inactive, and every scan skips them; the phase-1 row then stops being updated.
 */
final class Tableau {
  private static final double EPSILON = CommonsMathLpSolver.EPSILON;
  private static final int MAX_ULPS = CommonsMathLpSolver.MAX_ULPS;
  private static final double CUT_OFF = CommonsMathLpSolver.CUT_OFF;

  private final int variables;
  private final int artificialOffset;
  private final int rhs;
  private final int height;
  private final double[][] t;
  private final boolean[] active;
  private final int[] basicRowOfColumn; // -1 when the column is not basic
  private final int[] basicColumnOfRow; // -1 when no column is known basic in the row
  private final int[] ties;
  private int artificials;
  private int first; // the row of the objective being minimised: 0, then 1 after phase 1
  private int constraintStart;
  private int iterations;
  private boolean twins; // findBasis found a row with more than one unit column

  Tableau(LinearProgram p) {
    int n = p.variables();
    int m = p.rows();
    this.variables = n;
    int negatives = 0;
    for (int i = 0; i < m; i++) {
      if (p.rhs(i) < 0) {
        negatives++;
      }
    }
    // the library keeps the first of equal rows (a set of constraints); equal means the same
    // right-hand side bits and the same dense coefficients
    double[][] kept = new double[m][];
    double[] keptRhs = new double[m];
    int[] keptHash = new int[m];
    int width = n + m + negatives + 1;
    int[] slots = new int[Integer.highestOneBit(Math.max(1, m)) * 4]; // kept row + 1, or 0
    int rows = 0;
    int geq = 0;
    for (int i = 0; i < m; i++) {
      double[] row = new double[width];
      for (int q = 0; q < p.rowLength(i); q++) {
        row[p.rowIndex(i, q)] += p.rowValue(i, q);
      }
      double b = p.rhs(i);
      int hash = hash(p, i, row, b);
      int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
      boolean duplicate = false;
      for (; slots[slot] != 0 && !duplicate; slot = (slot + 1) & (slots.length - 1)) {
        int r = slots[slot] - 1;
        duplicate =
            keptHash[r] == hash
                && Double.doubleToRawLongBits(keptRhs[r]) == Double.doubleToRawLongBits(b)
                && sameCoefficients(kept[r], row);
      }
      if (!duplicate) {
        slots[slot] = rows + 1;
        kept[rows] = row;
        keptRhs[rows] = b;
        keptHash[rows] = hash;
        rows++;
        geq += b < 0 ? 1 : 0;
      }
    }
    if (rows < m) {
      width = n + rows + geq + 1;
      for (int r = 0; r < rows; r++) {
        kept[r] = Arrays.copyOf(kept[r], width);
      }
    }
    this.artificials = geq;
    this.artificialOffset = n + rows;
    this.rhs = width - 1;
    int objectives = geq > 0 ? 2 : 1;
    this.height = objectives + rows;
    this.t = new double[height][];
    this.active = new boolean[rhs];
    Arrays.fill(active, true);
    this.basicRowOfColumn = new int[rhs];
    this.basicColumnOfRow = new int[height];
    Arrays.fill(basicRowOfColumn, -1);
    Arrays.fill(basicColumnOfRow, -1);
    this.ties = new int[height];
    this.first = 0;
    this.constraintStart = objectives;

    double[] phase1 = geq > 0 ? new double[width] : null;
    double[] objective = new double[width];
    for (int j = 0; j < n; j++) {
      objective[j] = p.objective(j);
    }
    objective[rhs] = -1.0 * 0.0; // the library stores minus the constant term
    if (phase1 != null) {
      t[0] = phase1;
    }
    t[objectives - 1] = objective;
    int artificial = 0;
    for (int c = 0; c < rows; c++) {
      double[] row = kept[c];
      int r = objectives + c;
      t[r] = row;
      double b = keptRhs[c];
      if (b < 0) {
        for (int j = 0; j < n; j++) {
          row[j] *= -1.0;
        }
        row[rhs] = -1.0 * b;
        row[n + c] = -1;
        int a = artificialOffset + artificial++;
        row[a] = 1;
        phase1[a] = 1;
        for (int j = 0; j < width; j++) {
          phase1[j] = phase1[j] - row[j];
        }
        basicRowOfColumn[a] = r;
        basicColumnOfRow[r] = a;
      } else {
        row[rhs] = b;
        row[n + c] = 1;
        basicRowOfColumn[n + c] = r;
        basicColumnOfRow[r] = n + c;
      }
    }
  }

  /**
   * Runs both phases with at most {@code maxIter} pivots in all, Bland's entering rule if {@code
   * bland}, and returns the outcome.
   */
  LpSolution solve(int maxIter, boolean bland) {
    if (artificials > 0) {
      while (!isOptimal()) {
        LpSolution failed = iterate(maxIter, bland);
        if (failed != null) {
          return failed;
        }
      }
      if (!Precision.equals(t[0][rhs], 0d, EPSILON)) {
        return LpSolution.failed(LpSolution.Status.INFEASIBLE, "no feasible solution");
      }
      dropPhase1();
    }
    while (!isOptimal()) {
      LpSolution failed = iterate(maxIter, bland);
      if (failed != null) {
        return failed;
      }
    }
    double[] x = solution();
    for (double v : x) {
      if (Precision.compareTo(v, 0d, EPSILON) < 0) {
        return LpSolution.failed(LpSolution.Status.INFEASIBLE, "no feasible solution");
      }
    }
    return LpSolution.optimal(x);
  }

  private static int hash(LinearProgram p, int i, double[] row, double b) {
    int h = Long.hashCode(Double.doubleToRawLongBits(b));
    int last = -1;
    boolean sortedNonZero = true;
    for (int q = 0; q < p.rowLength(i) && sortedNonZero; q++) {
      sortedNonZero = p.rowIndex(i, q) > last && p.rowValue(i, q) != 0;
      last = p.rowIndex(i, q);
    }
    // the hash of the dense row's non-zeros, from the sparse row when they are the same list
    if (sortedNonZero) {
      for (int q = 0; q < p.rowLength(i); q++) {
        h = mix(h, p.rowIndex(i, q), p.rowValue(i, q));
      }
    } else {
      for (int j = 0; j < p.variables(); j++) {
        if (row[j] != 0) {
          h = mix(h, j, row[j]);
        }
      }
    }
    return h;
  }

  private static int mix(int h, int index, double value) {
    return 31 * (31 * h + index) + Long.hashCode(Double.doubleToRawLongBits(value));
  }

  private boolean sameCoefficients(double[] a, double[] b) {
    for (int j = 0; j < variables; j++) {
      if (a[j] != b[j]) {
        return false;
      }
    }
    return true;
  }

  private boolean isOptimal() {
    double[] objective = t[first];
    for (int c = 0; c < rhs; c++) {
      if (active[c] && Precision.compareTo(objective[c], 0d, EPSILON) < 0) {
        return false;
      }
    }
    return true;
  }

  /** One pivot; returns the failure that stops the solve, or null to go on. */
  private LpSolution iterate(int maxIter, boolean bland) {
    if (++iterations > maxIter) {
      return LpSolution.failed(
          LpSolution.Status.ITERATION_LIMIT,
          "more than " + maxIter + " iterations (" + (bland ? "BLAND" : "DANTZIG") + ")");
    }
    int column = enteringColumn(bland);
    int row = leavingRow(column);
    if (row < 0) {
      return LpSolution.failed(LpSolution.Status.UNBOUNDED, "unbounded");
    }
    pivot(column, row);
    return null;
  }

  private int enteringColumn(boolean bland) {
    double[] objective = t[first];
    double min = 0;
    int column = -1;
    for (int c = 0; c < rhs; c++) {
      if (active[c] && objective[c] < min) {
        min = objective[c];
        column = c;
        if (bland && hasPositiveEntry(c)) {
          break;
        }
      }
    }
    return column;
  }

  private boolean hasPositiveEntry(int column) {
    for (int r = constraintStart; r < height; r++) {
      if (Precision.compareTo(t[r][column], 0d, CUT_OFF) > 0) {
        return true;
      }
    }
    return false;
  }

  private int leavingRow(int column) {
    double minRatio = Double.MAX_VALUE;
    int count = 0;
    for (int r = constraintStart; r < height; r++) {
      double entry = t[r][column];
      if (Precision.compareTo(entry, 0d, CUT_OFF) > 0) {
        double ratio = FastMath.abs(t[r][rhs] / entry);
        int cmp = Double.compare(ratio, minRatio);
        if (cmp == 0) {
          ties[count++] = r;
        } else if (cmp < 0) {
          minRatio = ratio;
          count = 0;
          ties[count++] = r;
        }
      }
    }
    if (count <= 1) {
      return count == 0 ? -1 : ties[0];
    }
    // a tie: first an artificial variable that can leave, then the smallest basic index
    for (int k = 0; k < count && artificials > 0; k++) {
      int r = ties[k];
      for (int a = artificialOffset; a < artificialOffset + artificials; a++) {
        if (Precision.equals(t[r][a], 1d, MAX_ULPS) && basicRowOfColumn[a] == r) {
          return r;
        }
      }
    }
    int minIndex = Integer.MAX_VALUE;
    int chosen = -1;
    for (int k = 0; k < count; k++) {
      int basic = basicColumnOfRow[ties[k]];
      if (basic < minIndex) {
        minIndex = basic;
        chosen = ties[k];
      }
    }
    return chosen;
  }

  private void pivot(int column, int row) {
    double[] pivotRow = t[row];
    double pivot = pivotRow[column];
    for (int j = 0; j <= rhs; j++) {
      pivotRow[j] /= pivot;
    }
    for (int i = first; i < height; i++) {
      if (i == row) {
        continue;
      }
      double[] target = t[i];
      double multiplier = target[column];
      if (multiplier != 0.0) {
        for (int j = 0; j <= rhs; j++) {
          target[j] -= pivotRow[j] * multiplier;
        }
      }
    }
    // Every column basic in the pivot row leaves, not only the one recorded for the row. After
    // phase 1, findBasis can find two identical unit columns in one row (a zero-cost variable that
    // is the twin of a slack): the row records the later one, and both say they are basic in it.
    // The library (commons-math3 3.6.1, updateBasicVariables) clears only the recorded one, so the
    // twin stays "basic" in a row it no longer owns; when its index is smaller than the entering
    // column's, the solution reads the row's value into the twin and reports 0 for the entering
    // variable: a point that is not the optimum (or not feasible). While no pivot touches the row
    // the twins stay identical columns, so the twin's value is right and nothing changes; the
    // pivot path never reads basicRowOfColumn after phase 1, so it stays the library's.
    if (twins) {
      for (int c = 0; c < rhs; c++) {
        if (basicRowOfColumn[c] == row) {
          basicRowOfColumn[c] = -1;
        }
      }
    } else {
      int previous = basicColumnOfRow[row];
      if (previous >= 0) {
        basicRowOfColumn[previous] = -1;
      }
    }
    basicRowOfColumn[column] = row;
    basicColumnOfRow[row] = column;
  }

  /**
   * Leaves phase 1: the columns with a positive phase-1 reduced cost and the non-basic artificial
   * columns become inactive, the phase-1 row is dropped, and the basis is found again from the unit
   * columns.
   */
  private void dropPhase1() {
    double[] phase1 = t[0];
    for (int c = 0; c < artificialOffset; c++) {
      if (Precision.compareTo(phase1[c], 0d, EPSILON) > 0) {
        active[c] = false;
      }
    }
    for (int a = artificialOffset; a < artificialOffset + artificials; a++) {
      if (basicRowOfColumn[a] < 0) {
        active[a] = false;
      }
    }
    artificials = 0;
    first = 1;
    constraintStart = 2;
    findBasis();
  }

  /** Marks as basic, in each row, the active columns that are unit vectors over the live rows. */
  private void findBasis() {
    int[] state = new int[rhs]; // -1 no 1 seen yet, >= 0 the row of the 1, -2 not a unit column
    Arrays.fill(state, -1);
    for (int r = first; r < height; r++) {
      double[] row = t[r];
      for (int c = 0; c < rhs; c++) {
        double e = row[c];
        if (e == 0.0 || !active[c] || state[c] == -2) {
          continue;
        }
        if (state[c] == -1 && Precision.equals(e, 1d, MAX_ULPS)) {
          state[c] = r;
        } else if (!Precision.equals(e, 0d, MAX_ULPS)) {
          state[c] = -2;
        }
      }
    }
    Arrays.fill(basicRowOfColumn, -1);
    Arrays.fill(basicColumnOfRow, -1);
    for (int c = 0; c < rhs; c++) {
      if (active[c] && state[c] >= 0) {
        twins |= basicColumnOfRow[state[c]] >= 0;
        basicRowOfColumn[c] = state[c];
        basicColumnOfRow[state[c]] = c;
      }
    }
  }

  /**
   * The point: each variable's right-hand side in the row where it is basic, or 0 when it is not
   * basic, inactive, basic in the objective row or in a row another variable already took.
   */
  private double[] solution() {
    double[] x = new double[variables];
    boolean[] taken = new boolean[height];
    for (int j = 0; j < variables; j++) {
      int r = active[j] ? basicRowOfColumn[j] : -1;
      if (r >= 0 && r != first && !taken[r]) {
        taken[r] = true;
        x[j] = t[r][rhs];
      }
    }
    return x;
  }
}
