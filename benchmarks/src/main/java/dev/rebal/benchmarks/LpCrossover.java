package dev.rebal.benchmarks;

import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SolverBackends;
import dev.rebal.optimizer.internal.BoundedSimplexSolver;
import dev.rebal.optimizer.internal.DenseSimplexSolver;
import dev.rebal.optimizer.internal.LinearProgram;
import dev.rebal.optimizer.internal.LpShapes;
import dev.rebal.optimizer.internal.LpSolver;
import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where {@link BoundedSimplexSolver} overtakes {@link DenseSimplexSolver}: every LP the optimizer
 * solves for generated households (64 typical, 64 large, all modes drawn from the seed; 16 large in
 * tax-loss-harvest mode) and the synthetic programs of {@code LpShapes} at 200 to 8,000 variables,
 * each solved {@code REPS} times by both after a warm-up, timed by the thread's CPU time (robust to
 * other processes on a shared machine, unlike JMH's wall clock). Prints, per size bin of variables,
 * the programs, the median CPU time of each solver and the median of the per-program ratio dense /
 * bounded. Not run by the build; run it by hand:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.LpCrossover [WARMUP] [REPS]
 * }</pre>
 */
public final class LpCrossover {
  private static final int[] BINS = {0, 100, 200, 400, 700, 1_000, 1_600, 3_000, 6_000, 10_000};

  private LpCrossover() {}

  /** Prints one line per size bin. */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<LinearProgram> programs = new ArrayList<>();
    LpSolver capture =
        lp -> {
          programs.add(lp);
          return DenseSimplexSolver.standard().solve(lp);
        };
    for (int i = 0; i < 64; i++) {
      SolverBackends.optimizer(capture)
          .optimize(ProblemGenerator.generate(Shape.TYPICAL, 1_000 + i));
      SolverBackends.optimizer(capture).optimize(ProblemGenerator.generate(Shape.LARGE, 1_000 + i));
    }
    for (int i = 0; i < 16; i++) {
      SolverBackends.optimizer(capture)
          .optimize(
              ProblemGenerator.generate(Shape.LARGE, 2_000 + i, RebalanceMode.TAX_LOSS_HARVEST));
    }
    int households = programs.size();
    for (int size : new int[] {200, 500, 1_000, 1_500, 3_000, 8_000}) {
      for (int seed = 1; seed <= 4; seed++) {
        programs.add(LpShapes.household(size, seed));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int w = 0; w < warmup; w++) {
      for (LinearProgram lp : programs) {
        BoundedSimplexSolver.standard().solve(lp);
        if (lp.variables() <= 1_600) {
          DenseSimplexSolver.standard().solve(lp);
        }
      }
    }
    int bins = BINS.length - 1;
    List<List<double[]>> byBin = new ArrayList<>();
    for (int b = 0; b < 2 * bins; b++) {
      byBin.add(new ArrayList<>());
    }
    for (int k = 0; k < programs.size(); k++) {
      LinearProgram lp = programs.get(k);
      double bounded = median(threads, lp, BoundedSimplexSolver.standard(), reps);
      double dense =
          lp.variables() <= 1_600
              ? median(threads, lp, DenseSimplexSolver.standard(), reps)
              : Double.NaN;
      int bin = 0;
      while (bin < bins - 1 && lp.variables() >= BINS[bin + 1]) {
        bin++;
      }
      byBin.get(bin + (k < households ? 0 : bins)).add(new double[] {bounded, dense});
    }
    System.out.println("source     variables      LPs  bounded ms  dense ms  dense/bounded");
    for (int b = 0; b < 2 * bins; b++) {
      List<double[]> rows = byBin.get(b);
      if (rows.isEmpty()) {
        continue;
      }
      int bin = b % bins;
      double[] bt = rows.stream().mapToDouble(r -> r[0]).sorted().toArray();
      double[] dt =
          rows.stream().mapToDouble(r -> r[1]).filter(d -> !Double.isNaN(d)).sorted().toArray();
      double[] ratio =
          rows.stream()
              .filter(r -> !Double.isNaN(r[1]))
              .mapToDouble(r -> r[1] / r[0])
              .sorted()
              .toArray();
      System.out.printf(
          Locale.ROOT,
          "%-10s %5d-%-6d %6d %11.4f %9s %14s%n",
          b < bins ? "household" : "shape",
          BINS[bin],
          BINS[bin + 1] - 1,
          rows.size(),
          bt[bt.length / 2],
          dt.length == 0 ? "-" : String.format(Locale.ROOT, "%.4f", dt[dt.length / 2]),
          ratio.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", ratio[ratio.length / 2]));
    }
  }

  /** Returns the median CPU time of {@code reps} solves of {@code lp}, in milliseconds. */
  private static double median(ThreadMXBean threads, LinearProgram lp, LpSolver solver, int reps) {
    double[] t = new double[reps];
    for (int r = 0; r < reps; r++) {
      long start = threads.getCurrentThreadCpuTime();
      solver.solve(lp);
      t[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }
}
