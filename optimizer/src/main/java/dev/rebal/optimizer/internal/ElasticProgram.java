package dev.rebal.optimizer.internal;

import java.util.Arrays;

/**
 * The safer formulation (docs/optimizer.md section 8): every row with a negative right-hand side
 * {@code −D} becomes {@code row + z ≤ 0} with a covered-deficit variable {@code 0 ≤ z ≤ D} rewarded
 * by {@link #PENALTY} per unit. All right-hand sides are then non-negative, so the simplex starts
 * at the origin with no artificial variables. Internal to the optimizer.
 */
public final class ElasticProgram {
  /** Reward per scaled unit of covered deficit: far above any dual of this model. */
  static final double PENALTY = 1e4;

  /** A deficit counts as covered within this many scaled units. */
  static final double COVER_TOLERANCE = 1e-7;

  final LinearProgram original;

  /** The elastic program to solve. */
  public final LinearProgram program;

  final int[] deficitRow; // per z variable, its original row
  final double[] deficit;

  /**
   * Returns the elastic form of {@code lp}.
   *
   * @param lp the program as built
   */
  public ElasticProgram(LinearProgram lp) {
    this.original = lp;
    int n = lp.variables();
    int m = lp.rows();
    int count = 0;
    for (int i = 0; i < m; i++) {
      if (lp.rhs(i) < 0) {
        count++;
      }
    }
    deficitRow = new int[count];
    deficit = new double[count];
    double[] c = Arrays.copyOf(lp.objectiveCopy(), n + count);
    int[][] ri = new int[m + count][];
    double[][] rv = new double[m + count][];
    double[] b = new double[m + count];
    int z = 0;
    for (int i = 0; i < m; i++) {
      int len = lp.rowLength(i);
      int[] idx = new int[len + (lp.rhs(i) < 0 ? 1 : 0)];
      double[] val = new double[idx.length];
      for (int p = 0; p < len; p++) {
        idx[p] = lp.rowIndex(i, p);
        val[p] = lp.rowValue(i, p);
      }
      if (lp.rhs(i) < 0) {
        idx[len] = n + z;
        val[len] = 1;
        deficitRow[z] = i;
        deficit[z] = -lp.rhs(i);
        c[n + z] = -PENALTY;
        ri[m + z] = new int[] {n + z};
        rv[m + z] = new double[] {1};
        b[m + z] = deficit[z];
        z++;
        b[i] = 0;
      } else {
        b[i] = lp.rhs(i);
      }
      ri[i] = idx;
      rv[i] = val;
    }
    program = new LinearProgram(c, ri, rv, b);
  }

  /** Returns the original rows whose deficit is not covered at elastic point {@code x}. */
  public int[] uncovered(double[] x) {
    int n = original.variables();
    return java.util.stream.IntStream.range(0, deficit.length)
        .filter(z -> x[n + z] < deficit[z] - COVER_TOLERANCE)
        .map(z -> deficitRow[z])
        .toArray();
  }

  /** Returns the original variables of elastic point {@code x}. */
  public double[] originalPoint(double[] x) {
    return Arrays.copyOf(x, original.variables());
  }
}
