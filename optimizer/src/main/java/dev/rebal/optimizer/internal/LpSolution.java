package dev.rebal.optimizer.internal;

import dev.rebal.core.internal.Checks;

/**
 * What an {@link LpSolver} returns: a status and, when optimal, the point found.
 *
 * <p>The optimizer never trusts the point: it checks every row and bound before use. This class is
 * immutable and thread-safe.
 */
public final class LpSolution {
  /** The solver's verdict. */
  public enum Status {
    /** A point was found that the solver claims optimal. */
    OPTIMAL,
    /** The solver proved (or claims) that no point satisfies every row. */
    INFEASIBLE,
    /** The objective is unbounded below. */
    UNBOUNDED,
    /** The iteration limit was reached. */
    ITERATION_LIMIT,
    /** The LP is larger than the backend accepts. */
    TOO_LARGE,
    /** Any other solver failure. */
    ERROR
  }

  private final Status status;
  private final double[] point;
  private final String detail;

  private LpSolution(Status status, double[] point, String detail) {
    this.status = status;
    this.point = point;
    this.detail = detail;
  }

  /**
   * {@return an optimal solution at {@code point} (copied)}
   *
   * @param point the optimal point, one value per variable
   */
  public static LpSolution optimal(double[] point) {
    return new LpSolution(Status.OPTIMAL, Checks.notNull(point, "point").clone(), "");
  }

  /**
   * {@return a failed solution with a status other than {@code OPTIMAL} and a detail message}
   *
   * @param status why there is no optimum
   * @param detail what happened, for messages
   */
  public static LpSolution failed(Status status, String detail) {
    Checks.isTrue(
        Checks.notNull(status, "status") != Status.OPTIMAL,
        "status",
        status,
        "must not be OPTIMAL");
    return new LpSolution(status, new double[0], Checks.notNull(detail, "detail"));
  }

  /** {@return the status} */
  public Status status() {
    return status;
  }

  /**
   * {@return the value of variable {@code j}; only for {@code OPTIMAL}}
   *
   * @param j the variable's index
   */
  public double value(int j) {
    return point[j];
  }

  /** {@return a copy of the point (empty unless {@code OPTIMAL})} */
  public double[] point() {
    return point.clone();
  }

  /** {@return the solver's explanation of a failure, or empty} */
  public String detail() {
    return detail;
  }
}
