package dev.rebal.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SolverBackends;
import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link BoundedSimplexSolver} against {@link DenseSimplexSolver} and ojAlgo ({@link OjAlgoLp}):
 * the same status and, when optimal, objective values within {@code 1e-6} relative and a point that
 * passes {@link SolutionCheck}, on random degenerate programs full of single-variable rows and on
 * the programs the optimizer builds for generated households.
 */
class BoundedSimplexSolverProperties {
  static final double RELATIVE_TOLERANCE = 1e-6;
  private static final BoundedSimplexSolver BOUNDED = BoundedSimplexSolver.standard();
  private static final DenseSimplexSolver DENSE = DenseSimplexSolver.standard();

  @Property(tries = 1500)
  void solve_randomPrograms_agreesWithDense(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    // given
    LinearProgram lp = randomProgram(new SplittableRandom(seed));

    // when
    LpSolution ours = BOUNDED.solve(lp);

    // then
    LpSolution dense = DENSE.solve(lp);
    Statistics.collect(dense.status(), negativeRhs(lp) ? "phase 1" : "no phase 1");
    Statistics.coverage(
        c -> {
          c.check(LpSolution.Status.OPTIMAL, "phase 1").percentage(p -> p > 10);
          c.check(LpSolution.Status.OPTIMAL, "no phase 1").percentage(p -> p > 10);
          c.check(LpSolution.Status.INFEASIBLE, "phase 1").percentage(p -> p > 2);
          c.check(LpSolution.Status.UNBOUNDED, "no phase 1").percentage(p -> p > 2);
        });
    assertAgrees(lp, ours, dense.status(), objective(lp, dense), "dense");
  }

  @Property(tries = 150)
  void solve_randomPrograms_agreesWithOjAlgo(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    // given
    LinearProgram lp = randomProgram(new SplittableRandom(seed));

    // when
    LpSolution ours = BOUNDED.solve(lp);

    // then
    OjAlgoLp.Outcome ojAlgo = OjAlgoLp.solve(lp);
    Statistics.collect(ojAlgo.status());
    assertAgrees(lp, ours, ojAlgo.status(), ojAlgo.objective(), "ojAlgo");
  }

  @Property(tries = 60)
  void solve_householdPrograms_agreesWithDense(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 4) int modeIndex) {
    // given: every LP the optimizer solves for one generated household
    RebalanceMode mode = RebalanceMode.values()[modeIndex];
    HouseholdProblem problem =
        ProblemGenerator.generate(seed % 3 == 0 ? Shape.TYPICAL : Shape.SMALL, seed, mode);
    List<LinearProgram> programs = collect(problem);

    // then
    for (LinearProgram lp : programs) {
      LpSolution ours = BOUNDED.solve(lp);
      LpSolution dense = DENSE.solve(lp);
      Statistics.collect(dense.status(), negativeRhs(lp) ? "phase 1" : "no phase 1");
      assertAgrees(lp, ours, dense.status(), objective(lp, dense), "dense");
    }
  }

  @Property(tries = 8)
  void solve_householdPrograms_agreesWithOjAlgo(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 4) int modeIndex) {
    // given
    RebalanceMode mode = RebalanceMode.values()[modeIndex];
    List<LinearProgram> programs = collect(ProblemGenerator.generate(Shape.SMALL, seed, mode));

    // then
    for (LinearProgram lp : programs) {
      OjAlgoLp.Outcome ojAlgo = OjAlgoLp.solve(lp);
      Statistics.collect(ojAlgo.status());
      assertAgrees(lp, BOUNDED.solve(lp), ojAlgo.status(), ojAlgo.objective(), "ojAlgo");
    }
  }

  @Property(tries = 500)
  void solve_blandsRuleEarlyOrThroughout_agreesWithDense(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll @IntRange(min = 0, max = 2) int blandAfter) {
    // given: Bland's rule (and its exact ratio test) from the start, or after 1 or 2 pivots
    // without progress, instead of after 50
    LinearProgram lp = randomProgram(new SplittableRandom(seed));

    // when
    LpSolution ours = BOUNDED.solve(lp, CommonsMathLpSolver.maxIterations(lp), blandAfter);

    // then
    LpSolution dense = DENSE.solve(lp);
    Statistics.collect(dense.status());
    assertAgrees(lp, ours, dense.status(), objective(lp, dense), "dense");
  }

  @Property(tries = 300)
  void solve_fewIterationsAllowed_reportsTheLimit(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    // given
    LinearProgram lp = randomProgram(new SplittableRandom(seed));

    // when
    LpSolution limited = BOUNDED.solve(lp, 1);
    LpSolution full = BOUNDED.solve(lp);

    // then: a verdict reached within one iteration is the full verdict, or the limit is reported
    Statistics.collect(limited.status());
    Statistics.coverage(c -> c.check(LpSolution.Status.ITERATION_LIMIT).percentage(p -> p > 20));
    if (limited.status() == LpSolution.Status.ITERATION_LIMIT) {
      assertThat(limited.detail()).isEqualTo("more than 1 iterations (BOUNDED)");
    } else {
      assertThat(limited.status()).isEqualTo(full.status());
      assertThat(limited.point()).containsExactly(full.point());
    }
  }

  /** Returns every program the optimizer solves for {@code problem} (answered by the dense one). */
  static List<LinearProgram> collect(HouseholdProblem problem) {
    List<LinearProgram> programs = new ArrayList<>();
    SolverBackends.optimizer(
            lp -> {
              programs.add(lp);
              return DENSE.solve(lp);
            })
        .optimize(problem);
    return programs;
  }

  /**
   * Asserts that {@code ours} has the reference's status and, when optimal, a point that passes the
   * optimizer's check with an objective within {@link #RELATIVE_TOLERANCE} of the reference.
   */
  static void assertAgrees(
      LinearProgram lp,
      LpSolution ours,
      LpSolution.Status status,
      double objective,
      String reference) {
    assertThat(ours.status())
        .as("status against %s on %s (%s)", reference, lp, ours.detail())
        .isEqualTo(status);
    if (status == LpSolution.Status.OPTIMAL) {
      assertThat(SolutionCheck.worstViolation(lp, ours.point())).as("check of %s", lp).isZero();
      assertThat(lp.objectiveValue(ours.point()))
          .as("objective against %s on %s", reference, lp)
          .isCloseTo(
              objective,
              org.assertj.core.data.Offset.offset(
                  RELATIVE_TOLERANCE * Math.max(1, Math.abs(objective))));
    }
  }

  private static double objective(LinearProgram lp, LpSolution s) {
    return s.status() == LpSolution.Status.OPTIMAL ? lp.objectiveValue(s.point()) : Double.NaN;
  }

  private static boolean negativeRhs(LinearProgram lp) {
    for (int i = 0; i < lp.rows(); i++) {
      if (lp.rhs(i) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A random program of 1-14 variables: 0-10 coupling rows with coefficients in {-2, ..., 3}
   * (mostly zero, so ratios tie and pivots are degenerate), right-hand sides in {-3, ..., 6} (one
   * in six negative) (some scaled by 0.1), rows repeated now and then, a repeated index in a row
   * now and then; and single-variable rows: upper bounds (up to three on one variable, with
   * coefficients 1, 2 or 0.5), lower bounds written as {@code -a x ≤ -b}, empty rows, or no bounds
   * at all (so some programs are unbounded).
   */
  static LinearProgram randomProgram(SplittableRandom r) {
    int n = r.nextInt(1, 15);
    int m = r.nextInt(0, 11);
    double scale = r.nextBoolean() ? 1 : 1.0 / 3;
    double[] c = new double[n];
    for (int j = 0; j < n; j++) {
      c[j] = r.nextInt(-3, 3) * (r.nextBoolean() ? 1 : 0.7);
    }
    List<int[]> idx = new ArrayList<>();
    List<double[]> val = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    boolean bounded = r.nextInt(5) != 0;
    for (int j = 0; j < n && bounded; j++) {
      int bounds = r.nextInt(4) == 0 ? r.nextInt(2, 4) : 1;
      for (int k = 0; k < bounds; k++) {
        double a = new double[] {1, 2, 0.5}[r.nextInt(3)];
        add(idx, val, rhs, new int[] {j}, new double[] {a}, a * r.nextInt(0, 5));
      }
      if (r.nextInt(10) == 0) {
        add(idx, val, rhs, new int[] {j}, new double[] {-1}, -r.nextInt(0, 3) * 0.5);
      }
    }
    for (int i = 0; i < m; i++) {
      int at = r.nextInt(idx.size() + 1);
      if (i > 0 && r.nextInt(8) == 0) {
        int copy = r.nextInt(idx.size());
        insert(idx, val, rhs, at, idx.get(copy), val.get(copy), rhs.get(copy));
        continue;
      }
      if (r.nextInt(20) == 0) {
        insert(idx, val, rhs, at, new int[0], new double[0], r.nextInt(-1, 2) * 1.0);
        continue;
      }
      List<Integer> is = new ArrayList<>();
      List<Double> vs = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        int a = r.nextInt(6) < 3 ? 0 : r.nextInt(-2, 4);
        if (a != 0) {
          is.add(j);
          vs.add(a * scale);
        }
      }
      if (!is.isEmpty() && r.nextInt(10) == 0) {
        is.add(is.get(0));
        vs.add(scale);
      }
      insert(
          idx,
          val,
          rhs,
          at,
          is.stream().mapToInt(Integer::intValue).toArray(),
          vs.stream().mapToDouble(Double::doubleValue).toArray(),
          (r.nextInt(6) == 0 ? -r.nextInt(1, 4) : r.nextInt(0, 7)) * (r.nextInt(4) == 0 ? 0.1 : 1));
    }
    double[] b = new double[rhs.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = rhs.get(i);
    }
    return new LinearProgram(c, idx.toArray(new int[0][]), val.toArray(new double[0][]), b);
  }

  private static void add(
      List<int[]> idx, List<double[]> val, List<Double> rhs, int[] i, double[] v, double b) {
    insert(idx, val, rhs, idx.size(), i, v, b);
  }

  private static void insert(
      List<int[]> idx,
      List<double[]> val,
      List<Double> rhs,
      int at,
      int[] i,
      double[] v,
      double b) {
    idx.add(at, i);
    val.add(at, v);
    rhs.add(at, b);
  }
}
