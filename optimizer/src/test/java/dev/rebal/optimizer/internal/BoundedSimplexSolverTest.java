package dev.rebal.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SolverBackends;
import dev.rebal.optimizer.testing.ProblemGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BoundedSimplexSolver} on small programs whose answer is worked out by hand, and on large
 * programs of the optimizer's shape against ojAlgo; {@link SizeRoutingSolver}'s routing.
 */
class BoundedSimplexSolverTest {
  private static final BoundedSimplexSolver BOUNDED = BoundedSimplexSolver.standard();

  @Test
  void solve_boundRows_tightestUpperAndLowerBoundsKept() {
    // given: minimise -x0 + x1 with x0 <= 4, 2 x0 <= 6 (so x0 <= 3), -x1 <= -1 (x1 >= 1),
    // -2 x1 <= -1 (x1 >= 0.5), x0 + x1 <= 10
    LinearProgram lp =
        new LinearProgram(
            new double[] {-1, 1},
            new int[][] {{0}, {0}, {1}, {1}, {0, 1}},
            new double[][] {{1}, {2}, {-1}, {-2}, {1, 1}},
            new double[] {4, 6, -1, -1, 10});

    // when
    LpSolution s = BOUNDED.solve(lp);

    // then: x0 at its tightest upper bound 3, x1 at its tightest lower bound 1
    assertThat(s.status()).isEqualTo(LpSolution.Status.OPTIMAL);
    assertThat(s.point()).containsExactly(3.0, 1.0);
  }

  @Test
  void solve_repeatedIndexInARow_coefficientsSummed() {
    // given: x0 + x0 <= 3 is 2 x0 <= 3, a bound; minimise -x0
    LinearProgram lp =
        new LinearProgram(
            new double[] {-1}, new int[][] {{0, 0}}, new double[][] {{1, 1}}, new double[] {3});

    // then
    assertThat(BOUNDED.solve(lp).point()).containsExactly(1.5);
  }

  @Test
  void solve_crossingBounds_infeasible() {
    // given: x0 <= 1 and x0 >= 2
    LinearProgram lp =
        new LinearProgram(
            new double[] {1},
            new int[][] {{0}, {0}},
            new double[][] {{1}, {-1}},
            new double[] {1, -2});

    // then
    LpSolution s = BOUNDED.solve(lp);
    assertThat(s.status()).isEqualTo(LpSolution.Status.INFEASIBLE);
    assertThat(s.detail()).isEqualTo("bounds of variable 0 cross: 2.0 > 1.0");
  }

  @Test
  void solve_emptyRowWithNegativeRhs_infeasible() {
    // given: 0 <= -1
    LinearProgram lp =
        new LinearProgram(
            new double[] {1}, new int[][] {{}}, new double[][] {{}}, new double[] {-1});

    // then
    assertThat(BOUNDED.solve(lp).status()).isEqualTo(LpSolution.Status.INFEASIBLE);
  }

  @Test
  void solve_nonFiniteCoefficient_errorNotException() {
    // given
    LinearProgram lp =
        new LinearProgram(
            new double[] {-1, 1},
            new int[][] {{0, 1}},
            new double[][] {{Double.NaN, 1}},
            new double[] {1});

    // then
    LpSolution s = BOUNDED.solve(lp);
    assertThat(s.status()).isEqualTo(LpSolution.Status.ERROR);
    assertThat(s.detail()).isEqualTo("coefficient 0 of row 0 is NaN");
  }

  @Test
  void solve_phaseOneNeeded_feasiblePointFound() {
    // given: minimise x0 + x1 with x0 + x1 >= 2 (as -x0 - x1 <= -2), x0 <= 1.5, x1 <= 1.5,
    // x0 - x1 <= 0.5
    LinearProgram lp =
        new LinearProgram(
            new double[] {1, 2},
            new int[][] {{0, 1}, {0}, {1}, {0, 1}},
            new double[][] {{-1, -1}, {1}, {1}, {1, -1}},
            new double[] {-2, 1.5, 1.5, 0.5});

    // when
    LpSolution s = BOUNDED.solve(lp);

    // then: x0 as large as x0 - x1 <= 0.5 allows: x0 = 1.25, x1 = 0.75
    assertThat(s.status()).isEqualTo(LpSolution.Status.OPTIMAL);
    assertThat(s.point()[0]).isCloseTo(1.25, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.point()[1]).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void solve_randomProgramOfSeed577010400_bothSolversAgreeWithOjAlgo() {
    // given: the program on which the two solvers once disagreed (-29 against -19). Minimise
    // 1.4 x0 - 0.7 x1 + 1.4 x2 - 2 x4 + 2 x5 - 3 x6 - 3 x7 with
    // 3 x5 - 2 x6 + 3 x7 <= -1, 3 x0 + x3 + x4 <= 5, 2 x1 - x5 + x6 + 3 x7 <= 4: after phase 1
    // the zero-cost x3 is the twin of row 1's slack, and x4 later takes that row
    LinearProgram lp =
        BoundedSimplexSolverProperties.randomProgram(new SplittableRandom(577010400L));
    assertThat(lp.variables()).isEqualTo(8);
    assertThat(lp.rows()).isEqualTo(3);

    // when
    LpSolution bounded = BOUNDED.solve(lp);
    LpSolution dense = DenseSimplexSolver.standard().solve(lp);

    // then: both optimal, feasible and at ojAlgo's objective, -29 (x4 = 5, x5 = 7, x6 = 11)
    OjAlgoLp.Outcome reference = OjAlgoLp.solve(lp);
    assertThat(reference.status()).isEqualTo(LpSolution.Status.OPTIMAL);
    assertThat(reference.objective()).isCloseTo(-29.0, org.assertj.core.data.Offset.offset(1e-9));
    for (LpSolution s : List.of(bounded, dense)) {
      BoundedSimplexSolverProperties.assertAgrees(
          lp, s, reference.status(), reference.objective(), "ojAlgo");
      for (int i = 0; i < lp.rows(); i++) {
        assertThat(lp.activity(i, s.point()))
            .as("row %s", i)
            .isLessThanOrEqualTo(lp.rhs(i) + SolutionCheck.ROW_TOLERANCE);
      }
      for (double v : s.point()) {
        assertThat(v).isGreaterThanOrEqualTo(0.0);
      }
      assertThat(s.point()[4]).isCloseTo(5.0, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void solve_largeProgramOfTheOptimizersShape_matchesOjAlgo() {
    // given: 2,500 variables, about 2,440 of them sell segments with a capacity row
    LinearProgram lp = LpShapes.household(2_500, 13);
    assertThat(lp.variables()).isEqualTo(2_500);
    assertThat(CommonsMathLpSolver.tooLarge(lp)).isTrue();

    // when
    LpSolution ours = BOUNDED.solve(lp);

    // then
    OjAlgoLp.Outcome reference = OjAlgoLp.solve(lp, true);
    BoundedSimplexSolverProperties.assertAgrees(
        lp, ours, reference.status(), reference.objective(), "ojAlgo");
  }

  @Test
  void optimize_householdOf8000LotsInHarvestMode_solvedThroughTheRouter() {
    // given: 8 accounts, 200 securities, 8,000 lots; its LP is beyond the dense backend's limit
    HouseholdProblem problem =
        ProblemGenerator.generate(8, 200, 8_000, 7, RebalanceMode.TAX_LOSS_HARVEST);
    List<LinearProgram> programs = new ArrayList<>();
    SizeRoutingSolver router = SizeRoutingSolver.standard();

    // when
    OptimizationResult result =
        SolverBackends.optimizer(
                lp -> {
                  programs.add(lp);
                  return router.solve(lp);
                })
            .optimize(problem);

    // then: optimal (every point passed the optimizer's check), where the dense backend refuses
    assertThat(result).isInstanceOf(OptimizationResult.Optimal.class);
    assertThat(programs)
        .anyMatch(
            lp ->
                lp.variables() > 3_000
                    && DenseSimplexSolver.standard().solve(lp).status()
                        == LpSolution.Status.TOO_LARGE);
  }

  @Test
  void route_belowThreshold_denseAnswerBitForBit() {
    // given: the programs of a typical household, all below the threshold
    List<LinearProgram> programs =
        BoundedSimplexSolverProperties.collect(
            ProblemGenerator.generate(ProblemGenerator.Shape.TYPICAL, 3, RebalanceMode.TO_TARGET));
    SizeRoutingSolver router = SizeRoutingSolver.standard();

    // then
    assertThat(programs).isNotEmpty();
    for (LinearProgram lp : programs) {
      assertThat(router.routesToBounded(lp)).isFalse();
      LpSolution routed = router.solve(lp);
      LpSolution dense = DenseSimplexSolver.standard().solve(lp);
      assertThat(routed.status()).isEqualTo(dense.status());
      assertThat(bits(routed.point())).containsExactly(bits(dense.point()));
    }
  }

  @Test
  void route_atThresholdOrTooLargeForDense_boundedSolver() {
    // given
    LinearProgram wide = LpShapes.household(SizeRoutingSolver.DEFAULT_THRESHOLD, 5);
    LinearProgram small = LpShapes.household(200, 5);

    // then
    assertThat(SizeRoutingSolver.standard().routesToBounded(wide)).isTrue();
    assertThat(SizeRoutingSolver.standard().routesToBounded(small)).isFalse();
    assertThat(SizeRoutingSolver.withThreshold(100).routesToBounded(small)).isTrue();
    // too many cells for the dense tableau, whatever the threshold
    assertThat(
            SizeRoutingSolver.withThreshold(Integer.MAX_VALUE)
                .routesToBounded(LpShapes.household(2_000, 5)))
        .isTrue();
    assertThat(SizeRoutingSolver.standard().solve(wide).status())
        .isEqualTo(LpSolution.Status.OPTIMAL);
  }

  private static long[] bits(double[] x) {
    long[] b = new long[x.length];
    for (int j = 0; j < x.length; j++) {
      b[j] = Double.doubleToRawLongBits(x[j]);
    }
    return b;
  }
}
