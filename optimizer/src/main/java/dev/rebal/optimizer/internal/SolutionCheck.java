package dev.rebal.optimizer.internal;

/**
 * Checks a solver's point against every bound and row of the LP it claims to solve, because
 * commons-math3 3.6.1 can return an infeasible point without any exception (docs/optimizer.md
 * section 8). Internal to the optimizer.
 */
public final class SolutionCheck {
  /** Largest negative value accepted for a variable, in scaled units (fractions of V). */
  public static final double NONNEGATIVITY_TOLERANCE = 1e-9;

  /** Largest row violation {@code a·x − b} accepted, in scaled units (fractions of V). */
  public static final double ROW_TOLERANCE = 1e-7;

  private SolutionCheck() {}

  /** Returns the largest violation, or 0 if the point satisfies the LP within tolerance. */
  public static double worstViolation(LinearProgram lp, double[] x) {
    if (x.length != lp.variables()) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int j = 0; j < x.length; j++) {
      if (!Double.isFinite(x[j])) {
        return Double.POSITIVE_INFINITY;
      }
      if (x[j] < -NONNEGATIVITY_TOLERANCE) {
        worst = Math.max(worst, -x[j]);
      }
    }
    for (int i = 0; i < lp.rows(); i++) {
      double r = lp.activity(i, x) - lp.rhs(i);
      if (r > ROW_TOLERANCE) {
        worst = Math.max(worst, r);
      }
    }
    return worst;
  }

  /** Returns whether the point passes. */
  public static boolean passes(LinearProgram lp, double[] x) {
    return worstViolation(lp, x) == 0;
  }
}
