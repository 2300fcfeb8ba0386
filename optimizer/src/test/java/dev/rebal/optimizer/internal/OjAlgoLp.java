package dev.rebal.optimizer.internal;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A {@link LinearProgram} solved by ojAlgo, written independently of the optimizer's solvers: every
 * row, single-variable rows included, becomes an ojAlgo expression with an upper limit. Test scope
 * only; public for rebal-benchmarks, which compares solvers through the test-jar.
 */
public final class OjAlgoLp {
  private OjAlgoLp() {}

  /** ojAlgo's verdict: a status and, when optimal, the objective value. */
  public record Outcome(LpSolution.Status status, double objective) {}

  /** Solves {@code lp} with ojAlgo, every row an expression. */
  public static Outcome solve(LinearProgram lp) {
    return solve(lp, false);
  }

  /**
   * Solves {@code lp} with ojAlgo; with {@code boundsAsBounds}, a row {@code a·x_j ≤ b} with one
   * variable and {@code a > 0} is given to ojAlgo as the upper limit {@code b/a} of {@code x_j}
   * (several: the smallest), which ojAlgo solves far faster on programs of thousands of them.
   */
  public static Outcome solve(LinearProgram lp, boolean boundsAsBounds) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] v = new Variable[lp.variables()];
    double[] upper = new double[v.length];
    java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
    for (int j = 0; j < v.length; j++) {
      v[j] = model.addVariable("x" + j).lower(0).weight(lp.objective(j));
    }
    for (int i = 0; i < lp.rows(); i++) {
      if (boundsAsBounds && lp.rowLength(i) == 1 && lp.rowValue(i, 0) > 0) {
        int j = lp.rowIndex(i, 0);
        upper[j] = Math.min(upper[j], lp.rhs(i) / lp.rowValue(i, 0));
        continue;
      }
      Expression e = model.addExpression("r" + i).upper(lp.rhs(i));
      double[] row = lp.denseRow(i);
      for (int j = 0; j < row.length; j++) {
        if (row[j] != 0) {
          e.set(v[j], row[j]);
        }
      }
    }
    for (int j = 0; j < v.length; j++) {
      if (upper[j] != Double.POSITIVE_INFINITY) {
        v[j].upper(upper[j]);
      }
    }
    Optimisation.Result r = model.minimise();
    Optimisation.State s = r.getState();
    if (s.isOptimal()) {
      return new Outcome(LpSolution.Status.OPTIMAL, r.getValue());
    }
    if (s == Optimisation.State.UNBOUNDED) {
      return new Outcome(LpSolution.Status.UNBOUNDED, Double.NaN);
    }
    if (s == Optimisation.State.INFEASIBLE) {
      return new Outcome(LpSolution.Status.INFEASIBLE, Double.NaN);
    }
    return new Outcome(LpSolution.Status.ERROR, Double.NaN);
  }
}
