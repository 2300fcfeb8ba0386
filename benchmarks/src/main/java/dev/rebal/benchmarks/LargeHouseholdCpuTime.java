package dev.rebal.benchmarks;

import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SolverBackends;
import dev.rebal.optimizer.internal.LinearProgram;
import dev.rebal.optimizer.internal.LpSolver;
import dev.rebal.optimizer.internal.SizeRoutingSolver;
import dev.rebal.optimizer.testing.ProblemGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The households of {@link LargeHouseholdBenchmark} (8 accounts, 200 securities, {@code LOTS} lots,
 * tax-loss-harvest mode, seeds 7-10) optimised on {@link SizeRoutingSolver}, timed by the thread's
 * CPU time (robust to other processes, unlike JMH's wall clock): the whole optimisation, and its LP
 * solves alone (per household, the mean over the four). After {@code WARMUP} passes, {@code REPS}
 * runs per household; prints the median and maximum in milliseconds of CPU and the LP sizes. Not
 * run by the build:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.LargeHouseholdCpuTime [LOTS] [WARMUP] [REPS]
 * }</pre>
 */
public final class LargeHouseholdCpuTime {
  private LargeHouseholdCpuTime() {}

  /** Prints the figures. */
  public static void main(String[] args) {
    int lots = args.length > 0 ? Integer.parseInt(args[0]) : 8_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    HouseholdProblem[] problems = new HouseholdProblem[4];
    List<LinearProgram> programs = new ArrayList<>();
    LpSolver router = SizeRoutingSolver.standard();
    for (int i = 0; i < problems.length; i++) {
      problems[i] = ProblemGenerator.generate(8, 200, lots, 7 + i, RebalanceMode.TAX_LOSS_HARVEST);
      SolverBackends.optimizer(
              lp -> {
                programs.add(lp);
                return router.solve(lp);
              })
          .optimize(problems[i]);
    }
    HouseholdOptimizer optimizer = SolverBackends.optimizer(router);
    for (int w = 0; w < warmup; w++) {
      for (HouseholdProblem p : problems) {
        optimizer.optimize(p);
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] whole = new double[problems.length * reps];
    int k = 0;
    for (int r = 0; r < reps; r++) {
      for (HouseholdProblem p : problems) {
        long start = threads.getCurrentThreadCpuTime();
        optimizer.optimize(p);
        whole[k++] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      }
    }
    double[] lp = new double[reps];
    for (int r = 0; r < reps; r++) {
      long start = threads.getCurrentThreadCpuTime();
      for (LinearProgram program : programs) {
        router.solve(program);
      }
      lp[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6 / problems.length;
    }
    Arrays.sort(whole);
    System.out.printf(
        Locale.ROOT,
        "%d lots: LPs %s variables%n",
        lots,
        programs.stream().map(LinearProgram::variables).toList());
    System.out.printf(
        Locale.ROOT,
        "optimize: CPU median %.1f ms, max %.1f ms%n",
        whole[whole.length / 2],
        whole[whole.length - 1]);
    Arrays.sort(lp);
    System.out.printf(
        Locale.ROOT,
        "LP solves per household (mean over the four): CPU median %.1f ms, max %.1f" + " ms%n",
        lp[lp.length / 2],
        lp[lp.length - 1]);
  }
}
