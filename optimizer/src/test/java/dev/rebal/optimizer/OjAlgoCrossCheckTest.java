package dev.rebal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimizer's LP optimum (after all reductions, on commons-math3) agrees with the full,
 * independently written LP solved by ojAlgo on 1,000 generated households.
 */
class OjAlgoCrossCheckTest {
  static final int HOUSEHOLDS = 1_000;
  static final double RELATIVE_TOLERANCE = 1e-6;

  @Test
  void optimum_generatedHouseholds_matchesOjAlgoOnFullLp() {
    // given
    List<String> mismatches = new ArrayList<>();
    int optimal = 0;
    int infeasible = 0;
    int resolves = 0;
    for (int seed = 0; seed < HOUSEHOLDS; seed++) {
      Shape shape = seed % 4 == 3 ? Shape.TYPICAL : Shape.SMALL;
      HouseholdProblem problem = ProblemGenerator.generate(shape, seed);

      // when
      // odd seeds start from 4 segments per (account, class), exercising the pricing loop
      HouseholdOptimizer.Solved ours =
          HouseholdOptimizer.standard().solveLp(new Model(problem), seed % 2 == 1);
      resolves += ours.failure == null && ours.solves > 1 ? 1 : 0;
      double reference = ReferenceLp.optimum(problem);

      // then (collected)
      if (ours.failure != null) {
        if (ours.failure instanceof OptimizationResult.Infeasible && Double.isNaN(reference)) {
          infeasible++;
        } else {
          mismatches.add(shape + " seed " + seed + ": ours " + ours.failure + ", ojAlgo "
              + reference);
        }
        continue;
      }
      double value = ours.build.objectiveDollars(ours.x);
      if (Double.isNaN(reference)
          || Math.abs(value - reference) > RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(reference))) {
        mismatches.add(shape + " seed " + seed + ": ours " + value + ", ojAlgo " + reference);
      } else {
        optimal++;
      }
    }
    System.out.printf("cross-check: %d optimal, %d infeasible (both solvers), %d re-solved%n",
        optimal, infeasible, resolves);
    assertThat(mismatches).isEmpty();
    assertThat(resolves).as("households that needed the pricing loop").isGreaterThan(50);
    assertThat(optimal).isGreaterThan(HOUSEHOLDS * 8 / 10);
    assertThat(optimal + infeasible).isEqualTo(HOUSEHOLDS);
  }
}
