package dev.rebal.optimizer.internal;

import dev.rebal.core.internal.Checks;

/**
 * An {@link LpSolver} that sends each program to the backend that is fastest for its size: {@link
 * DenseSimplexSolver} below a threshold of variables, {@link BoundedSimplexSolver} at or above it
 * and for every program the dense backend would refuse as {@code TOO_LARGE}
 * (docs/optimizer-large.md).
 *
 * <p>Below the threshold the answer is the dense backend's, bit for bit, so households whose LPs
 * stay small get exactly the points they got from {@link DenseSimplexSolver}. This class is
 * immutable and thread-safe.
 */
public final class SizeRoutingSolver implements LpSolver {
  /**
   * The default threshold in variables: at and above it the bounded solver answers. Set to keep the
   * dense backend's points for all small and typical households and most large ones; the bounded
   * solver is faster from 100-200 variables on (docs/optimizer-large.md).
   */
  public static final int DEFAULT_THRESHOLD = 1_000;

  private static final SizeRoutingSolver STANDARD = new SizeRoutingSolver(DEFAULT_THRESHOLD);

  private final int threshold;

  private SizeRoutingSolver(int threshold) {
    this.threshold = threshold;
  }

  /** {@return the router with the {@link #DEFAULT_THRESHOLD}} */
  public static SizeRoutingSolver standard() {
    return STANDARD;
  }

  /**
   * {@return a router that sends programs of at least {@code variables} variables to the bounded
   * solver}
   *
   * @param variables the smallest number of variables sent to the bounded solver
   * @throws IllegalArgumentException if {@code variables} is negative
   */
  public static SizeRoutingSolver withThreshold(int variables) {
    Checks.isTrue(variables >= 0, "variables", variables, "must be >= 0");
    return new SizeRoutingSolver(variables);
  }

  /** {@return the threshold in variables} */
  public int threshold() {
    return threshold;
  }

  /**
   * {@return whether {@code program} goes to {@link BoundedSimplexSolver}}
   *
   * @param program the program
   */
  public boolean routesToBounded(LinearProgram program) {
    return program.variables() >= threshold || CommonsMathLpSolver.tooLarge(program);
  }

  @Override
  public LpSolution solve(LinearProgram program) {
    return routesToBounded(program)
        ? BoundedSimplexSolver.standard().solve(program)
        : DenseSimplexSolver.standard().solve(program);
  }
}
