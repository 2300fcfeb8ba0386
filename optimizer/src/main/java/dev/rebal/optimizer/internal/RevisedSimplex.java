package dev.rebal.optimizer.internal;

import java.util.Arrays;

/**
 * The working state of one {@link BoundedSimplexSolver} solve (its rules are in that class's
 * documentation): a revised bounded primal simplex over the rows of a {@link BoundedForm}.
 * Package-private; used once.
 *
 * <p>Variables: the program's {@code n} columns, one slack per row ({@code n + i}, coefficient
 * {@code +1} in row {@code i}, {@code 0 ≤ s}), then one artificial per row whose slack would start
 * negative (coefficient {@code -1}, {@code 0 ≤ r} in phase 1, {@code r = 0} after). Each variable
 * is basic or nonbasic at its lower or upper bound. The basis inverse is dense, stored by columns.
 */
final class RevisedSimplex {
  /** Basis changes between two fresh computations of the basis inverse. */
  static final int REFACTOR_INTERVAL = 100;

  /** Pivots without progress after which Bland's rule takes over. */
  static final int DEGENERATE_LIMIT = 50;

  /** A reduced cost beyond this (in the improving direction) makes a variable a candidate. */
  static final double OPTIMALITY_TOLERANCE = 1e-9;

  /** A phase-1 sum above this means the program is infeasible. */
  static final double FEASIBILITY_TOLERANCE = 1e-9;

  /** Entries of the entering column below this are treated as zero in the ratio test. */
  static final double PIVOT_TOLERANCE = 1e-9;

  /** How far Harris's ratio test lets a basic variable pass its bound. */
  static final double HARRIS_TOLERANCE = 1e-11;

  /** An objective change below this counts as no progress. */
  private static final double PROGRESS = 1e-12;

  /** A pivot below this in a fresh inversion means the basis is singular. */
  private static final double SINGULAR = 1e-11;

  private static final byte BASIC = 0;
  private static final byte AT_LOWER = 1;
  private static final byte AT_UPPER = 2;

  private final BoundedForm form;
  private final int blandAfter;
  private final int n;
  private final int m;
  private final int total;
  private final int[] artificialRow;
  private final double[] lower;
  private final double[] upper;
  private final double[] x;
  private final double[] cost;
  private final double[] reduced;
  private final int[] candidates; // the improving nonbasic variables at the last pricing
  private final byte[] status;
  private final int[] basis; // the variable basic in each position
  private final double[][] inverse; // inverse[k][i] is entry (i, k) of the basis inverse
  private final double[] alpha;
  private final double[] prices;
  private final double[] work;
  private double step; // set by the ratio tests
  private int candidateCount;
  private int iterations;
  private int pivotsSinceRefactor;
  private int degenerate;
  private boolean bland;

  RevisedSimplex(BoundedForm form) {
    this(form, DEGENERATE_LIMIT);
  }

  /** A solve that switches to Bland's rule after {@code blandAfter} pivots without progress. */
  RevisedSimplex(BoundedForm form, int blandAfter) {
    this.form = form;
    this.blandAfter = blandAfter;
    this.n = form.variables;
    this.m = form.rows;
    // residual b - A l with every column at its lower bound
    double[] residual = form.rhs.clone();
    for (int j = 0; j < n; j++) {
      double l = form.lower[j];
      if (l != 0) {
        for (int p = form.columnStart[j]; p < form.columnStart[j + 1]; p++) {
          residual[form.columnRow[p]] -= form.columnValue[p] * l;
        }
      }
    }
    int negative = 0;
    for (int i = 0; i < m; i++) {
      negative += residual[i] < 0 ? 1 : 0;
    }
    this.total = n + m + negative;
    this.artificialRow = new int[negative];
    this.lower = new double[total];
    this.upper = new double[total];
    this.x = new double[total];
    this.cost = new double[total];
    this.reduced = new double[total];
    this.candidates = new int[total];
    this.status = new byte[total];
    this.basis = new int[m];
    this.inverse = new double[m][m];
    this.alpha = new double[m];
    this.prices = new double[m];
    this.work = new double[m];
    System.arraycopy(form.lower, 0, lower, 0, n);
    System.arraycopy(form.upper, 0, upper, 0, n);
    System.arraycopy(form.lower, 0, x, 0, n);
    Arrays.fill(upper, n, total, Double.POSITIVE_INFINITY);
    Arrays.fill(status, AT_LOWER);
    int a = 0;
    for (int i = 0; i < m; i++) {
      if (residual[i] < 0) {
        artificialRow[a] = i;
        int v = n + m + a++;
        basis[i] = v;
        x[v] = -residual[i];
        inverse[i][i] = -1;
        status[v] = BASIC;
      } else {
        basis[i] = n + i;
        x[n + i] = residual[i];
        inverse[i][i] = 1;
        status[n + i] = BASIC;
      }
    }
  }

  /** Runs phase 1 (if needed) and phase 2 with at most {@code maxIter} iterations in all. */
  LpSolution solve(int maxIter) {
    int artificials = total - n - m;
    if (artificials > 0) {
      Arrays.fill(cost, n + m, total, 1.0);
      LpSolution failed = phase(maxIter, true);
      if (failed != null) {
        return failed;
      }
      double infeasibility = 0;
      for (int v = n + m; v < total; v++) {
        infeasibility += x[v];
      }
      if (infeasibility > FEASIBILITY_TOLERANCE) {
        return LpSolution.failed(LpSolution.Status.INFEASIBLE, "no feasible solution");
      }
      for (int v = n + m; v < total; v++) {
        cost[v] = 0;
        upper[v] = 0;
        if (status[v] != BASIC) {
          x[v] = 0;
          status[v] = AT_LOWER;
        }
      }
    }
    System.arraycopy(form.cost, 0, cost, 0, n);
    LpSolution failed = phase(maxIter, false);
    if (failed != null) {
      return failed;
    }
    double[] point = new double[n];
    for (int j = 0; j < n; j++) {
      point[j] = Math.min(Math.max(x[j], lower[j]), upper[j]);
    }
    return LpSolution.optimal(point);
  }

  /** Minimises the current costs; returns the failure that stops the solve, or null at optimum. */
  private LpSolution phase(int maxIter, boolean phaseOne) {
    degenerate = 0;
    bland = blandAfter == 0;
    boolean fresh = false; // basics and prices recomputed from a fresh inverse, no step since
    computePrices();
    while (true) {
      int q = entering();
      if (q < 0) {
        if (fresh) {
          return null;
        }
        if (!refactor()) {
          return LpSolution.failed(LpSolution.Status.ERROR, "singular basis");
        }
        computeBasics();
        computePrices();
        fresh = true;
        continue;
      }
      if (++iterations > maxIter) {
        return LpSolution.failed(
            LpSolution.Status.ITERATION_LIMIT, "more than " + maxIter + " iterations (BOUNDED)");
      }
      fresh = false;
      int direction = status[q] == AT_LOWER ? 1 : -1;
      column(q, alpha);
      int row = bland ? exactRatio(direction, q) : harrisRatio(direction, q);
      double range = upper[q] - lower[q];
      if (row == -1 && range == Double.POSITIVE_INFINITY) {
        return phaseOne
            ? LpSolution.failed(LpSolution.Status.ERROR, "unbounded phase 1")
            : LpSolution.failed(LpSolution.Status.UNBOUNDED, "unbounded");
      }
      double step = row < 0 ? range : this.step;
      track(Math.abs(reduced[q]) * step);
      for (int i = 0; i < m; i++) {
        double g = direction * alpha[i];
        if (g != 0) {
          x[basis[i]] -= step * g;
        }
      }
      if (row < 0) {
        // a bound flip: the basis, and so the prices, stay
        x[q] = direction > 0 ? upper[q] : lower[q];
        status[q] = direction > 0 ? AT_UPPER : AT_LOWER;
        continue;
      }
      x[q] += direction * step;
      int leaving = basis[row];
      boolean toLower = direction * alpha[row] > 0;
      x[leaving] = toLower ? lower[leaving] : upper[leaving];
      status[leaving] = toLower ? AT_LOWER : AT_UPPER;
      status[q] = BASIC;
      basis[row] = q;
      if (++pivotsSinceRefactor >= REFACTOR_INTERVAL) {
        if (!refactor()) {
          return LpSolution.failed(LpSolution.Status.ERROR, "singular basis");
        }
        computeBasics();
      } else {
        update(row);
      }
      computePrices();
    }
  }

  /** Counts degenerate steps; switches to Bland's rule after too many, back after progress. */
  private void track(double gain) {
    if (gain > PROGRESS) {
      degenerate = 0;
      bland = blandAfter == 0;
    } else if (++degenerate >= blandAfter) {
      bland = true;
    }
  }

  /**
   * Returns the entering variable: under Dantzig's rule the candidate with the largest reduced cost
   * in absolute value (the first on ties), under Bland's rule the first candidate; -1 when none.
   * Only the variables that were candidates when the prices were last computed are scanned: until
   * the next basis change the prices stay, and a bound flip only takes a candidate out.
   */
  private int entering() {
    int chosen = -1;
    double best = 0;
    for (int c = 0; c < candidateCount; c++) {
      int j = candidates[c];
      byte s = status[j];
      if (s == BASIC || upper[j] == lower[j]) {
        continue;
      }
      double d = reduced[j];
      double gain = s == AT_LOWER ? -d : d;
      if (gain > OPTIMALITY_TOLERANCE) {
        if (bland) {
          return j;
        }
        if (gain > best) {
          best = gain;
          chosen = j;
        }
      }
    }
    return chosen;
  }

  /**
   * Harris's two-pass ratio test: the largest step allowed when every basic variable may pass its
   * bound by {@link #HARRIS_TOLERANCE}, then among the rows that block within it the one with the
   * largest pivot. Sets {@link #step}; returns the row, or -1 when the entering variable reaches
   * its own other bound first (or nothing blocks).
   */
  private int harrisRatio(int direction, int q) {
    double limit = upper[q] - lower[q];
    for (int i = 0; i < m; i++) {
      double g = direction * alpha[i];
      int b = basis[i];
      if (g > PIVOT_TOLERANCE) {
        limit = Math.min(limit, (x[b] - lower[b] + HARRIS_TOLERANCE) / g);
      } else if (g < -PIVOT_TOLERANCE && upper[b] != Double.POSITIVE_INFINITY) {
        limit = Math.min(limit, (upper[b] - x[b] + HARRIS_TOLERANCE) / -g);
      }
    }
    if (upper[q] - lower[q] <= limit) {
      return -1;
    }
    int chosen = -1;
    double largest = 0;
    for (int i = 0; i < m; i++) {
      double g = direction * alpha[i];
      int b = basis[i];
      double ratio;
      if (g > PIVOT_TOLERANCE) {
        ratio = (x[b] - lower[b]) / g;
      } else if (g < -PIVOT_TOLERANCE && upper[b] != Double.POSITIVE_INFINITY) {
        ratio = (upper[b] - x[b]) / -g;
      } else {
        continue;
      }
      if (ratio <= limit && Math.abs(g) > largest) {
        largest = Math.abs(g);
        chosen = i;
        step = Math.max(ratio, 0);
      }
    }
    return chosen;
  }

  /**
   * The textbook ratio test used with Bland's rule: the smallest step, ties broken by the smallest
   * variable index, a bound flip preferred. Sets {@link #step}; returns the row or -1.
   */
  private int exactRatio(int direction, int q) {
    double limit = Double.POSITIVE_INFINITY;
    int chosen = -1;
    for (int i = 0; i < m; i++) {
      double g = direction * alpha[i];
      int b = basis[i];
      double ratio;
      if (g > PIVOT_TOLERANCE) {
        ratio = Math.max(x[b] - lower[b], 0) / g;
      } else if (g < -PIVOT_TOLERANCE && upper[b] != Double.POSITIVE_INFINITY) {
        ratio = Math.max(upper[b] - x[b], 0) / -g;
      } else {
        continue;
      }
      if (ratio < limit || ratio == limit && chosen >= 0 && b < basis[chosen]) {
        limit = ratio;
        chosen = i;
      }
    }
    if (upper[q] - lower[q] <= limit) {
      return -1;
    }
    step = limit;
    return chosen;
  }

  /** Sets {@code out} to the basis inverse times the column of variable {@code j}. */
  private void column(int j, double[] out) {
    if (j < n) {
      Arrays.fill(out, 0);
      for (int p = form.columnStart[j]; p < form.columnStart[j + 1]; p++) {
        double v = form.columnValue[p];
        double[] c = inverse[form.columnRow[p]];
        for (int i = 0; i < m; i++) {
          out[i] += v * c[i];
        }
      }
    } else if (j < n + m) {
      System.arraycopy(inverse[j - n], 0, out, 0, m);
    } else {
      double[] c = inverse[artificialRow[j - n - m]];
      for (int i = 0; i < m; i++) {
        out[i] = -c[i];
      }
    }
  }

  /** Sets the prices {@code y = c_B B⁻¹} and every nonbasic variable's reduced cost. */
  private void computePrices() {
    for (int k = 0; k < m; k++) {
      double[] c = inverse[k];
      double y = 0;
      for (int i = 0; i < m; i++) {
        y += cost[basis[i]] * c[i];
      }
      prices[k] = y;
    }
    for (int j = 0; j < n; j++) {
      if (status[j] == BASIC) {
        reduced[j] = 0;
        continue;
      }
      double d = cost[j];
      for (int p = form.columnStart[j]; p < form.columnStart[j + 1]; p++) {
        d -= prices[form.columnRow[p]] * form.columnValue[p];
      }
      reduced[j] = d;
    }
    for (int i = 0; i < m; i++) {
      reduced[n + i] = status[n + i] == BASIC ? 0 : cost[n + i] - prices[i];
    }
    for (int a = 0; a < artificialRow.length; a++) {
      int v = n + m + a;
      reduced[v] = status[v] == BASIC ? 0 : cost[v] + prices[artificialRow[a]];
    }
    candidateCount = 0;
    for (int j = 0; j < total; j++) {
      byte s = status[j];
      if (s != BASIC
          && upper[j] != lower[j]
          && (s == AT_LOWER ? -reduced[j] : reduced[j]) > OPTIMALITY_TOLERANCE) {
        candidates[candidateCount++] = j;
      }
    }
  }

  /** Sets the basic variables from the nonbasic ones: {@code x_B = B⁻¹ (b − N x_N)}. */
  private void computeBasics() {
    double[] r = work;
    System.arraycopy(form.rhs, 0, r, 0, m);
    for (int j = 0; j < n; j++) {
      double v = x[j];
      if (status[j] != BASIC && v != 0) {
        for (int p = form.columnStart[j]; p < form.columnStart[j + 1]; p++) {
          r[form.columnRow[p]] -= form.columnValue[p] * v;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      int s = n + i;
      if (status[s] != BASIC) {
        r[i] -= x[s];
      }
    }
    for (int a = 0; a < artificialRow.length; a++) {
      int v = n + m + a;
      if (status[v] != BASIC) {
        r[artificialRow[a]] += x[v];
      }
    }
    for (int i = 0; i < m; i++) {
      x[basis[i]] = 0;
    }
    for (int k = 0; k < m; k++) {
      double rk = r[k];
      if (rk != 0) {
        double[] c = inverse[k];
        for (int i = 0; i < m; i++) {
          x[basis[i]] += c[i] * rk;
        }
      }
    }
  }

  /** Updates the inverse after the entering column {@link #alpha} replaced position {@code r}. */
  private void update(int r) {
    double pivot = alpha[r];
    for (int k = 0; k < m; k++) {
      double[] c = inverse[k];
      double v = c[r] / pivot;
      if (v != 0) {
        for (int i = 0; i < m; i++) {
          c[i] -= alpha[i] * v;
        }
      }
      c[r] = v;
    }
  }

  /**
   * Computes the basis inverse afresh by Gauss-Jordan elimination with partial pivoting; returns
   * false if the basis is singular.
   */
  private boolean refactor() {
    pivotsSinceRefactor = 0;
    double[][] b = new double[m][m]; // row-major basis
    for (int k = 0; k < m; k++) {
      int v = basis[k];
      if (v < n) {
        for (int p = form.columnStart[v]; p < form.columnStart[v + 1]; p++) {
          b[form.columnRow[p]][k] = form.columnValue[p];
        }
      } else if (v < n + m) {
        b[v - n][k] = 1;
      } else {
        b[artificialRow[v - n - m]][k] = -1;
      }
    }
    double[][] inv = new double[m][m]; // row-major inverse
    for (int i = 0; i < m; i++) {
      inv[i][i] = 1;
    }
    for (int c = 0; c < m; c++) {
      int p = c;
      for (int i = c + 1; i < m; i++) {
        if (Math.abs(b[i][c]) > Math.abs(b[p][c])) {
          p = i;
        }
      }
      if (Math.abs(b[p][c]) < SINGULAR) {
        return false;
      }
      double[] t = b[p];
      b[p] = b[c];
      b[c] = t;
      t = inv[p];
      inv[p] = inv[c];
      inv[c] = t;
      double pivot = b[c][c];
      for (int k = 0; k < m; k++) {
        b[c][k] /= pivot;
        inv[c][k] /= pivot;
      }
      for (int i = 0; i < m; i++) {
        double f = b[i][c];
        if (i != c && f != 0) {
          for (int k = 0; k < m; k++) {
            b[i][k] -= f * b[c][k];
            inv[i][k] -= f * inv[c][k];
          }
        }
      }
    }
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        inverse[k][i] = inv[i][k];
      }
    }
    return true;
  }
}
