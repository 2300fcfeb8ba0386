package dev.rebal.core.outlook;

import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that a correlation matrix is positive definite by factoring it, {@code R = L L^T}, with
 * the Cholesky algorithm (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., algorithm
 * 4.2.1): the factorization exists exactly when every pivot is positive. A positive definite matrix
 * gives every portfolio a positive variance. Pivots below {@link #MIN_PIVOT} count as not positive:
 * such a matrix is singular to working precision (two classes perfectly correlated, or one a
 * combination of others).
 */
final class CorrelationCheck {
  /** The smallest pivot accepted. */
  static final double MIN_PIVOT = 1e-10;

  private CorrelationCheck() {}

  /**
   * Returns null if the matrix is positive definite, otherwise the class at which a pivot was not
   * positive and the pivot.
   */
  static String firstFailure(
      Map<AssetClass, ClassAssumption> classes, Map<String, BigDecimal> correlations) {
    List<AssetClass> order = new ArrayList<>(classes.keySet());
    int n = order.size();
    double[][] r = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          r[i][j] = 1.0;
        } else {
          String a = order.get(Math.min(i, j)).value();
          String b = order.get(Math.max(i, j)).value();
          BigDecimal rho = correlations.get(a.compareTo(b) < 0 ? a + "." + b : b + "." + a);
          r[i][j] = rho == null ? 0.0 : rho.doubleValue();
        }
      }
    }
    double[][] l = new double[n][n];
    for (int j = 0; j < n; j++) {
      double d = r[j][j];
      for (int k = 0; k < j; k++) {
        d -= l[j][k] * l[j][k];
      }
      if (!(d > MIN_PIVOT)) {
        return "pivot " + d + " at " + order.get(j);
      }
      l[j][j] = Math.sqrt(d);
      for (int i = j + 1; i < n; i++) {
        double s = r[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = s / l[j][j];
      }
    }
    return null;
  }
}
