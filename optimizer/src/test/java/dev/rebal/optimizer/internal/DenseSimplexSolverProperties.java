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
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link DenseSimplexSolver} against {@link CommonsMathLpSolver}: the same status, detail and
 * point, compared bit for bit ({@code -0.0} and {@code 0.0} differ; a different point only where
 * the library reads a row's value into a column that has left the row, and then the dense point is
 * checked against ojAlgo, {@link OjAlgoLp}), on the LPs the optimizer builds for generated
 * households in every mode, and on random LPs made to be degenerate (small integer coefficients, so
 * that ratios tie), with negative right-hand sides (phase 1), duplicate and empty rows, and
 * infeasible or unbounded programs.
 */
class DenseSimplexSolverProperties {
  private static final DenseSimplexSolver DENSE = DenseSimplexSolver.standard();
  private static final CommonsMathLpSolver LIBRARY = CommonsMathLpSolver.standard();

  /** How far a point may move on a degenerate pivot, in scaled units. */
  private static final double DEGENERATE = 1e-9;

  @Property(tries = 120)
  void solve_householdLps_sameAsCommonsMath(
      @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 0, max = 4) int modeIndex) {
    // given: every LP the optimizer solves for one generated household
    RebalanceMode mode = RebalanceMode.values()[modeIndex];
    HouseholdProblem problem =
        ProblemGenerator.generate(seed % 4 == 0 ? Shape.TYPICAL : Shape.SMALL, seed, mode);
    List<LinearProgram> programs = new ArrayList<>();
    SolverBackends.optimizer(
            lp -> {
              programs.add(lp);
              return LIBRARY.solve(lp);
            })
        .optimize(problem);

    // then
    for (LinearProgram lp : programs) {
      Statistics.collect(phaseOne(lp) ? "phase 1" : "no phase 1");
      assertSame(lp);
    }
  }

  @Property(tries = 1500)
  void solve_randomDegenerateLps_sameAsCommonsMath(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    // given
    LinearProgram lp = randomProgram(new SplittableRandom(seed));

    // then
    LpSolution library = assertSame(lp);
    Statistics.collect(library.status(), phaseOne(lp) ? "phase 1" : "no phase 1");
    Statistics.coverage(
        c -> {
          c.check(LpSolution.Status.OPTIMAL, "phase 1").percentage(p -> p > 10);
          c.check(LpSolution.Status.INFEASIBLE, "phase 1").percentage(p -> p > 1);
          c.check(LpSolution.Status.UNBOUNDED, "no phase 1").percentage(p -> p > 1);
        });
  }

  @Property(tries = 500)
  void solve_fewIterationsAllowed_sameLimitsAndBlandFallback(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
      @ForAll @IntRange(min = 1, max = 6) int maxIter) {
    // given: so few pivots that Dantzig's rule often runs out and Bland's rule takes over
    LinearProgram lp = randomProgram(new SplittableRandom(seed));

    // when
    LpSolution library = LIBRARY.solve(lp, maxIter);
    LpSolution dense = DENSE.solve(lp, maxIter);

    // then
    Statistics.collect(library.status(), library.detail().contains("BLAND") ? "Bland" : "");
    Statistics.coverage(
        c -> c.check(LpSolution.Status.ITERATION_LIMIT, "Bland").percentage(p -> p > 5));
    assertSame(lp, library, dense);
  }

  @Example
  void solve_duplicateRows_firstKeptAsByTheLibrary() {
    // given: x0 + x1 <= 4 twice, x0 <= 3, x1 >= 1 (as -x1 <= -1), minimise -x0 - 2 x1
    LinearProgram lp =
        new LinearProgram(
            new double[] {-1, -2},
            new int[][] {{0, 1}, {0}, {0, 1}, {1}},
            new double[][] {{1, 1}, {1}, {1, 1}, {-1}},
            new double[] {4, 3, 4, -1});

    // when
    LpSolution solution = DENSE.solve(lp);

    // then
    assertThat(solution.status()).isEqualTo(LpSolution.Status.OPTIMAL);
    assertThat(solution.point()).containsExactly(0.0, 4.0);
    assertSame(lp);
  }

  @Example
  void solve_nonFiniteCoefficient_answeredByTheLibrary() {
    // given
    LinearProgram lp =
        new LinearProgram(
            new double[] {-1}, new int[][] {{0}}, new double[][] {{Double.NaN}}, new double[] {1});

    // then
    assertSame(lp);
  }

  @Example
  void solve_zeroCostTwinOfASlackLeavesAfterPhaseOne_optimumWhereTheLibraryIsNot() {
    // given: minimise 1.4 x0 - 0.7 x1 + 1.4 x2 - 2 x4 + 2 x5 - 3 x6 - 3 x7 with
    // 3 x5 - 2 x6 + 3 x7 <= -1, 3 x0 + x3 + x4 <= 5, 2 x1 - x5 + x6 + 3 x7 <= 4. After phase 1
    // the column of x3 (cost 0) is the same unit column as the slack of the second row; x4 then
    // enters in that row, and both x3 and the slack leave it
    LinearProgram lp =
        new LinearProgram(
            new double[] {1.4, -0.7, 1.4, 0, -2, 2, -3, -3},
            new int[][] {{5, 6, 7}, {0, 3, 4}, {1, 5, 6, 7}},
            new double[][] {{3, -2, 3}, {3, 1, 1}, {2, -1, 1, 3}},
            new double[] {-1, 5, 4});

    // when
    LpSolution dense = DENSE.solve(lp);
    LpSolution library = LIBRARY.solve(lp);

    // then: x4 = 5, x5 = 7, x6 = 11, objective -29 as ojAlgo finds; commons-math3 3.6.1 still
    // counts x3 basic in that row and reports x3 = 5, x4 = 0 (objective -19)
    assertThat(dense.status()).isEqualTo(LpSolution.Status.OPTIMAL);
    assertThat(dense.point())
        .containsExactly(
            new double[] {0, 0, 0, 0, 5, 7, 11, 0}, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lp.objectiveValue(dense.point()))
        .isCloseTo(OjAlgoLp.solve(lp).objective(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lp.objectiveValue(library.point()))
        .isCloseTo(-19.0, org.assertj.core.data.Offset.offset(1e-9));
    assertSame(lp);
  }

  private static LpSolution assertSame(LinearProgram lp) {
    LpSolution library = LIBRARY.solve(lp);
    assertSame(lp, library, DENSE.solve(lp));
    return library;
  }

  /**
   * Asserts the same status, detail and point bit for bit; the point may differ only where the
   * library's point is not the optimum (a column it still counts basic in a row it has left, see
   * {@code Tableau.pivot}): then the dense point must be at ojAlgo's objective, and the library's
   * point worse, infeasible, or (on a degenerate pivot, where the value read into the wrong column
   * is zero up to rounding) within {@link #DEGENERATE} of the dense point.
   */
  private static void assertSame(LinearProgram lp, LpSolution library, LpSolution dense) {
    assertThat(dense.status()).as("status of %s", lp).isEqualTo(library.status());
    assertThat(dense.detail()).isEqualTo(library.detail());
    if (java.util.Arrays.equals(bits(dense.point()), bits(library.point()))) {
      return;
    }
    assertThat(dense.status()).as("point of %s", lp).isEqualTo(LpSolution.Status.OPTIMAL);
    assertThat(SolutionCheck.worstViolation(lp, dense.point())).as("check of %s", lp).isZero();
    OjAlgoLp.Outcome reference = OjAlgoLp.solve(lp);
    assertThat(reference.status()).as("ojAlgo on %s", lp).isEqualTo(LpSolution.Status.OPTIMAL);
    double ours = lp.objectiveValue(dense.point());
    double tolerance = 1e-6 * Math.max(1, Math.abs(reference.objective()));
    assertThat(ours)
        .as("objective against ojAlgo on %s", lp)
        .isCloseTo(reference.objective(), org.assertj.core.data.Offset.offset(tolerance));
    boolean libraryFeasible = SolutionCheck.passes(lp, library.point());
    boolean libraryWorse = lp.objectiveValue(library.point()) > ours + tolerance;
    if (libraryFeasible && !libraryWorse) {
      // a degenerate pivot: the value the library read into the wrong column is zero up to rounding
      for (int j = 0; j < lp.variables(); j++) {
        assertThat(dense.point()[j])
            .as("variable %s of %s", j, lp)
            .isCloseTo(library.point()[j], org.assertj.core.data.Offset.offset(DEGENERATE));
      }
    }
  }

  private static long[] bits(double[] x) {
    long[] b = new long[x.length];
    for (int j = 0; j < x.length; j++) {
      b[j] = Double.doubleToRawLongBits(x[j]);
    }
    return b;
  }

  private static boolean phaseOne(LinearProgram lp) {
    for (int i = 0; i < lp.rows(); i++) {
      if (lp.rhs(i) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A random LP of 1-12 variables and 0-14 rows: coefficients in {-2, ..., 3} (mostly zero),
   * right-hand sides in {-3, ..., 6} (some scaled by an awkward factor), a row repeated now and
   * then, sometimes no upper bounds (so some programs are unbounded).
   */
  private static LinearProgram randomProgram(SplittableRandom r) {
    int n = r.nextInt(1, 13);
    int m = r.nextInt(0, 15);
    double scale = r.nextBoolean() ? 1 : 1.0 / 3;
    double[] c = new double[n];
    for (int j = 0; j < n; j++) {
      c[j] = r.nextInt(-3, 3) * (r.nextBoolean() ? 1 : 0.7);
    }
    List<int[]> idx = new ArrayList<>();
    List<double[]> val = new ArrayList<>();
    List<Double> rhs = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (i > 0 && r.nextInt(8) == 0) {
        int copy = r.nextInt(i);
        idx.add(idx.get(copy));
        val.add(val.get(copy));
        rhs.add(rhs.get(copy));
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
      idx.add(is.stream().mapToInt(Integer::intValue).toArray());
      val.add(vs.stream().mapToDouble(Double::doubleValue).toArray());
      rhs.add(r.nextInt(-3, 7) * (r.nextInt(4) == 0 ? 0.1 : 1));
    }
    if (r.nextInt(4) != 0) {
      for (int j = 0; j < n; j++) {
        idx.add(new int[] {j});
        val.add(new double[] {1});
        rhs.add((double) r.nextInt(1, 5));
      }
    }
    double[] b = new double[rhs.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = rhs.get(i);
    }
    return new LinearProgram(c, idx.toArray(new int[0][]), val.toArray(new double[0][]), b);
  }
}
