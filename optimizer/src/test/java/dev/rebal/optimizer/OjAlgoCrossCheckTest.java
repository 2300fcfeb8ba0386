package dev.rebal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Weight;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
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
      Agreement agreement = compare(ours, reference, shape + " seed " + seed, mismatches);
      optimal += agreement == Agreement.OPTIMAL ? 1 : 0;
      infeasible += agreement == Agreement.INFEASIBLE ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "cross-check: %d optimal, %d infeasible (both solvers), %d re-solved%n",
        optimal, infeasible, resolves);
    assertThat(mismatches).isEmpty();
    assertThat(resolves).as("households that needed the pricing loop").isGreaterThan(50);
    assertThat(optimal).isGreaterThan(HOUSEHOLDS * 8 / 10);
    assertThat(optimal + infeasible).isEqualTo(HOUSEHOLDS);
  }

  static final int BUCKET_HOUSEHOLDS = 300;

  @Test
  void optimum_generatedHouseholdsWithGoalBuckets_matchesOjAlgoOnFullLp() {
    // given
    List<String> mismatches = new ArrayList<>();
    int optimal = 0;
    int infeasible = 0;
    int withBucketRows = 0;
    for (int seed = 0; seed < BUCKET_HOUSEHOLDS; seed++) {
      Shape shape = seed % 4 == 3 ? Shape.TYPICAL : Shape.SMALL;
      HouseholdProblem problem = withBuckets(ProblemGenerator.generate(shape, seed), seed);

      // when
      Model model = new Model(problem);
      HouseholdOptimizer.Solved ours = HouseholdOptimizer.standard().solveLp(model, seed % 2 == 1);
      withBucketRows += model.buckets > 0 ? 1 : 0;
      double reference = ReferenceLp.optimum(problem);

      // then (collected)
      Agreement agreement = compare(ours, reference, shape + " seed " + seed, mismatches);
      optimal += agreement == Agreement.OPTIMAL ? 1 : 0;
      infeasible += agreement == Agreement.INFEASIBLE ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "bucket cross-check: %d optimal, %d infeasible (both solvers)%n", optimal,
        infeasible);
    assertThat(mismatches).isEmpty();
    assertThat(withBucketRows).isEqualTo(BUCKET_HOUSEHOLDS);
    assertThat(optimal).isGreaterThan(BUCKET_HOUSEHOLDS * 8 / 10);
  }

  /**
   * Adds a goal bucket to a generated problem: the first tradable account in full (and, for every
   * third seed, half of the second, as when two goals list it), with the household's class targets
   * shuffled by the seed, bands of 3 points, drift weight 1 or 2.
   */
  static HouseholdProblem withBuckets(HouseholdProblem p, long seed) {
    Random random = new Random(seed);
    List<AccountId> tradable = p.accounts().stream().filter(ProblemAccount::tradable)
        .map(ProblemAccount::id).sorted().toList();
    TreeMap<AccountId, BigDecimal> shares = new TreeMap<>();
    shares.put(tradable.get(0), BigDecimal.ONE);
    if (seed % 3 == 0 && tradable.size() > 1) {
      shares.put(tradable.get(1), new BigDecimal("0.5"));
    }
    List<ClassGoal> goals = new ArrayList<>(p.classGoals());
    goals.sort((x, y) -> x.assetClass().compareTo(y.assetClass()));
    List<Weight> weights = new ArrayList<>(goals.stream().map(g -> g.target().weight()).toList());
    Collections.shuffle(weights, random);
    HouseholdProblem.Builder b = p.toBuilder();
    for (int i = 0; i < goals.size(); i++) {
      b.addBucketGoal(new BucketGoal("G-" + seed, shares, goals.get(i).assetClass(),
          new ClassTarget(weights.get(i), Weight.of("0.03"), Weight.ZERO),
          BigDecimal.valueOf(1 + seed % 2)));
    }
    return b.build();
  }
  /** How our solve and the reference agree on one problem. */
  private enum Agreement { OPTIMAL, INFEASIBLE, MISMATCH }

  /**
   * Compares our solve with the reference optimum (NaN when the reference finds no solution):
   * both infeasible, or both optimal with objectives within {@link #RELATIVE_TOLERANCE}; anything
   * else is a mismatch, added to {@code mismatches} under {@code label}.
   */
  private static Agreement compare(HouseholdOptimizer.Solved ours, double reference, String label,
      List<String> mismatches) {
    if (ours.failure != null) {
      if (ours.failure instanceof OptimizationResult.Infeasible && Double.isNaN(reference)) {
        return Agreement.INFEASIBLE;
      }
      mismatches.add(label + ": ours " + ours.failure + ", ojAlgo " + reference);
      return Agreement.MISMATCH;
    }
    double value = ours.build.objectiveDollars(ours.x);
    if (Double.isNaN(reference)
        || Math.abs(value - reference) > RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(reference))) {
      mismatches.add(label + ": ours " + value + ", ojAlgo " + reference);
      return Agreement.MISMATCH;
    }
    return Agreement.OPTIMAL;
  }
}
