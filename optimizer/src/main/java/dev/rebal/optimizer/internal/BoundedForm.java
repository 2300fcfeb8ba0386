package dev.rebal.optimizer.internal;

import java.util.Arrays;

/**
 * A {@link LinearProgram} with its single-variable rows turned into bounds, as {@link
 * BoundedSimplexSolver} solves it: minimise {@code c·x} subject to {@code A x ≤ b} over the
 * remaining rows and {@code l ≤ x ≤ u}, with {@code A} stored by sparse columns. Package-private;
 * built once per solve.
 */
final class BoundedForm {
  /** A lower bound above the upper bound by more than this is infeasible. */
  static final double BOUND_TOLERANCE = 1e-9;

  final int variables;
  final int rows;
  final double[] cost;
  final double[] lower;
  final double[] upper; // +infinity when unbounded
  final double[] rhs; // of the remaining rows
  final int[] columnStart; // columns: remaining-row index and coefficient
  final int[] columnRow;
  final double[] columnValue;

  /** The verdict when the program is decided without a simplex (infeasible bound, non-finite). */
  final LpSolution failure;

  private BoundedForm(
      int variables,
      int rows,
      double[] cost,
      double[] lower,
      double[] upper,
      double[] rhs,
      int[] columnStart,
      int[] columnRow,
      double[] columnValue,
      LpSolution failure) {
    this.variables = variables;
    this.rows = rows;
    this.cost = cost;
    this.lower = lower;
    this.upper = upper;
    this.rhs = rhs;
    this.columnStart = columnStart;
    this.columnRow = columnRow;
    this.columnValue = columnValue;
    this.failure = failure;
  }

  private static BoundedForm failed(LpSolution.Status status, String detail) {
    return new BoundedForm(
        0, 0, null, null, null, null, null, null, null, LpSolution.failed(status, detail));
  }

  /**
   * Returns the bounded form of {@code p}, or one whose {@link #failure} says why there is none.
   */
  static BoundedForm of(LinearProgram p) {
    int n = p.variables();
    double[] cost = p.objectiveCopy();
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(cost[j])) {
        return failed(LpSolution.Status.ERROR, "objective of variable " + j + " is " + cost[j]);
      }
    }
    double[] lower = new double[n];
    double[] upper = new double[n];
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    // the dense scatter of one row, to merge repeated indices; all zero between rows
    double[] scatter = new double[n];
    int[] mergedIndex = new int[n];
    double[] mergedValue = new double[n];
    int[][] keptIndex = new int[p.rows()][];
    double[][] keptValue = new double[p.rows()][];
    double[] keptRhs = new double[p.rows()];
    int rows = 0;
    int nonZeros = 0;
    for (int i = 0; i < p.rows(); i++) {
      double b = p.rhs(i);
      if (Double.isNaN(b) || b == Double.NEGATIVE_INFINITY) {
        return failed(LpSolution.Status.ERROR, "right-hand side of row " + i + " is " + b);
      }
      for (int q = 0; q < p.rowLength(i); q++) {
        double a = p.rowValue(i, q);
        if (!Double.isFinite(a)) {
          clear(p, i, scatter);
          return failed(LpSolution.Status.ERROR, "coefficient " + q + " of row " + i + " is " + a);
        }
        scatter[p.rowIndex(i, q)] += a;
      }
      int count = 0;
      for (int q = 0; q < p.rowLength(i); q++) {
        int j = p.rowIndex(i, q);
        if (scatter[j] != 0) {
          mergedIndex[count] = j;
          mergedValue[count] = scatter[j];
          count++;
          scatter[j] = 0; // a repeated index is taken once
        }
      }
      if (b == Double.POSITIVE_INFINITY) {
        continue; // no constraint
      }
      if (count == 0) {
        if (b < -BOUND_TOLERANCE) {
          return failed(LpSolution.Status.INFEASIBLE, "row " + i + " has no variables");
        }
      } else if (count == 1) {
        int j = mergedIndex[0];
        double a = mergedValue[0];
        if (a > 0) {
          upper[j] = Math.min(upper[j], b / a);
        } else {
          lower[j] = Math.max(lower[j], b / a);
        }
      } else {
        keptIndex[rows] = Arrays.copyOf(mergedIndex, count);
        keptValue[rows] = Arrays.copyOf(mergedValue, count);
        keptRhs[rows] = b;
        rows++;
        nonZeros += count;
      }
    }
    for (int j = 0; j < n; j++) {
      if (lower[j] > upper[j]) {
        if (lower[j] - upper[j] > BOUND_TOLERANCE) {
          return failed(
              LpSolution.Status.INFEASIBLE,
              "bounds of variable " + j + " cross: " + lower[j] + " > " + upper[j]);
        }
        lower[j] = Math.max(0, upper[j]);
        upper[j] = lower[j];
      }
    }
    // the remaining rows by columns
    int[] start = new int[n + 1];
    for (int r = 0; r < rows; r++) {
      for (int j : keptIndex[r]) {
        start[j + 1]++;
      }
    }
    for (int j = 0; j < n; j++) {
      start[j + 1] += start[j];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] columnRow = new int[nonZeros];
    double[] columnValue = new double[nonZeros];
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < keptIndex[r].length; q++) {
        int j = keptIndex[r][q];
        columnRow[fill[j]] = r;
        columnValue[fill[j]] = keptValue[r][q];
        fill[j]++;
      }
    }
    double[] rhs = Arrays.copyOf(keptRhs, rows);
    return new BoundedForm(n, rows, cost, lower, upper, rhs, start, columnRow, columnValue, null);
  }

  private static void clear(LinearProgram p, int i, double[] scatter) {
    for (int q = 0; q < p.rowLength(i); q++) {
      scatter[p.rowIndex(i, q)] = 0;
    }
  }
}
