package dev.rebal.optimizer.internal;

import java.util.Arrays;

/**
 * A linear program in the one form the optimizer produces: minimise {@code c·x} subject to {@code A
 * x ≤ b} and {@code x ≥ 0}, with {@code A} stored by sparse rows.
 *
 * <p>It is the input of {@link LpSolver}. Upper bounds of variables are ordinary rows. Amounts are
 * scaled (dollars divided by the household value), so right-hand sides are of order one. Built only
 * by the optimizer (and solver tests); accessors copy nothing, so solvers can read it in a loop.
 * This class is immutable and thread-safe.
 */
public final class LinearProgram {
  private final double[] objective;
  private final int[][] rowIndex;
  private final double[][] rowValue;
  private final double[] rhs;

  /**
   * Returns the program {@code min c·x, A x ≤ b, x ≥ 0}; the arrays are kept, not copied.
   *
   * @param objective the objective coefficients {@code c}, one per variable
   * @param rowIndex per row, the variable indices of its non-zeros
   * @param rowValue per row, the coefficients of its non-zeros
   * @param rhs the right-hand sides {@code b}, one per row
   */
  public LinearProgram(double[] objective, int[][] rowIndex, double[][] rowValue, double[] rhs) {
    this.objective = objective;
    this.rowIndex = rowIndex;
    this.rowValue = rowValue;
    this.rhs = rhs;
  }

  /** {@return the number of variables} */
  public int variables() {
    return objective.length;
  }

  /** {@return the number of {@code ≤} rows} */
  public int rows() {
    return rhs.length;
  }

  /**
   * {@return the objective coefficient of variable {@code j}}
   *
   * @param j the variable's index
   */
  public double objective(int j) {
    return objective[j];
  }

  /** {@return a copy of the objective coefficients} */
  public double[] objectiveCopy() {
    return objective.clone();
  }

  /**
   * {@return the number of non-zero coefficients of row {@code i}}
   *
   * @param i the row's index
   */
  public int rowLength(int i) {
    return rowIndex[i].length;
  }

  /**
   * {@return the variable index of the {@code p}-th non-zero of row {@code i}}
   *
   * @param i the row's index
   * @param p the non-zero's position in the row
   */
  public int rowIndex(int i, int p) {
    return rowIndex[i][p];
  }

  /**
   * {@return the coefficient of the {@code p}-th non-zero of row {@code i}}
   *
   * @param i the row's index
   * @param p the non-zero's position in the row
   */
  public double rowValue(int i, int p) {
    return rowValue[i][p];
  }

  /**
   * {@return the right-hand side of row {@code i}}
   *
   * @param i the row's index
   */
  public double rhs(int i) {
    return rhs[i];
  }

  /**
   * {@return row {@code i} as a dense array of length {@link #variables()}}
   *
   * @param i the row's index
   */
  public double[] denseRow(int i) {
    double[] row = new double[objective.length];
    for (int p = 0; p < rowIndex[i].length; p++) {
      row[rowIndex[i][p]] += rowValue[i][p];
    }
    return row;
  }

  /**
   * {@return {@code c·x}}
   *
   * @param x a point, one value per variable
   */
  public double objectiveValue(double[] x) {
    double v = 0;
    for (int j = 0; j < objective.length; j++) {
      v += objective[j] * x[j];
    }
    return v;
  }

  /**
   * {@return row {@code i}'s activity {@code a_i·x}}
   *
   * @param i the row's index
   * @param x a point, one value per variable
   */
  public double activity(int i, double[] x) {
    double v = 0;
    int[] idx = rowIndex[i];
    double[] val = rowValue[i];
    for (int p = 0; p < idx.length; p++) {
      v += val[p] * x[idx[p]];
    }
    return v;
  }

  @Override
  public String toString() {
    return "LinearProgram["
        + variables()
        + " variables, "
        + rows()
        + " rows, rhs="
        + (rhs.length <= 8 ? Arrays.toString(rhs) : "...")
        + "]";
  }
}
