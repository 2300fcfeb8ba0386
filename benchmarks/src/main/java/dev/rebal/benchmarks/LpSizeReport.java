package dev.rebal.benchmarks;

import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints the LP size (variables, rows, solves) of the benchmark households per shape: median and
 * maximum over the same seeds as {@link OptimizerBenchmark}, and the outcome counts. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.LpSizeReport}.
 */
public final class LpSizeReport {
  private LpSizeReport() {}

  /** Prints the report to standard output. */
  public static void main(String[] args) {
    for (Shape shape : Shape.values()) {
      int n = OptimizerBenchmark.HOUSEHOLDS;
      int[] vars = new int[n];
      int[] rows = new int[n];
      int[] solves = new int[n];
      int optimal = 0;
      for (int i = 0; i < n; i++) {
        OptimizationResult r =
            HouseholdOptimizer.standard().optimize(ProblemGenerator.generate(shape, 1_000 + i));
        vars[i] = r.lpSize().variables();
        rows[i] = r.lpSize().constraints();
        solves[i] = r.lpSize().solves();
        if (r instanceof OptimizationResult.Optimal) {
          optimal++;
        } else {
          System.out.println("  " + shape + " seed " + (1_000 + i) + ": " + r);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%-8s variables median %d max %d | rows median %d max %d | solves median"
              + " %d max %d | optimal %d/%d%n",
          shape,
          median(vars),
          max(vars),
          median(rows),
          max(rows),
          median(solves),
          max(solves),
          optimal,
          n);
    }
  }

  private static int median(int[] a) {
    int[] s = a.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static int max(int[] a) {
    return Arrays.stream(a).max().orElse(0);
  }
}
