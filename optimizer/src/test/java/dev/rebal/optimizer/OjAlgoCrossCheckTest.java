package dev.rebal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The optimizer's LP optimum (after all reductions, on the default backend) agrees with the full,
 * independently written LP ({@link ReferenceLp}) solved by ojAlgo, on 1,000 generated households,
 * many of them given a cash class, a committed need, an inflow, a household sale limit or
 * harvestable losses ({@link #withGoals}). (a) With the group directions the optimizer settled on,
 * the two optima are equal; (b) with every group free to trade both ways (a relaxation), the
 * reference is never above ours, and it is the same LP as (a) whenever no group had to be fixed.
 */
class OjAlgoCrossCheckTest {
  static final int HOUSEHOLDS = 1_000;
  static final double RELATIVE_TOLERANCE = 1e-6;

  @Test
  void optimum_generatedHouseholds_matchesOjAlgoOnFullLp() {
    // given
    Tally tally = new Tally();
    int resolves = 0;
    for (int seed = 0; seed < HOUSEHOLDS; seed++) {
      Shape shape = seed % 4 == 3 ? Shape.TYPICAL : Shape.SMALL;
      HouseholdProblem problem = withGoals(ProblemGenerator.generate(shape, seed), seed);

      // when
      // odd seeds start from 4 segments per (account, class), exercising the pricing loop
      Model model = new Model(problem);
      HouseholdOptimizer.Solved ours = HouseholdOptimizer.standard().solveLp(model, seed % 2 == 1);
      resolves += ours.failure == null && ours.solves > 1 ? 1 : 0;

      // then (collected)
      tally.check(problem, model, ours, shape + " seed " + seed);
    }
    System.out.printf(Locale.ROOT, "cross-check: %s, %d re-solved%n", tally, resolves);
    assertThat(tally.mismatches).isEmpty();
    assertThat(resolves).as("households that needed a re-solve").isGreaterThan(50);
    assertThat(tally.optimal).isEqualTo(HOUSEHOLDS);
    assertThat(tally.fixed).as("households with a group fixed to one side").isPositive();
  }

  static final int BUCKET_HOUSEHOLDS = 300;

  @Test
  void optimum_generatedHouseholdsWithGoalBuckets_matchesOjAlgoOnFullLp() {
    // given
    Tally tally = new Tally();
    int withBucketRows = 0;
    for (int seed = 0; seed < BUCKET_HOUSEHOLDS; seed++) {
      Shape shape = seed % 4 == 3 ? Shape.TYPICAL : Shape.SMALL;
      HouseholdProblem problem =
          withGoals(withBuckets(ProblemGenerator.generate(shape, seed), seed), seed);

      // when
      Model model = new Model(problem);
      HouseholdOptimizer.Solved ours = HouseholdOptimizer.standard().solveLp(model, seed % 2 == 1);
      withBucketRows += model.buckets > 0 ? 1 : 0;

      // then (collected)
      tally.check(problem, model, ours, shape + " seed " + seed);
    }
    System.out.printf(Locale.ROOT, "bucket cross-check: %s%n", tally);
    assertThat(tally.mismatches).isEmpty();
    assertThat(withBucketRows).isEqualTo(BUCKET_HOUSEHOLDS);
    assertThat(tally.optimal).isEqualTo(BUCKET_HOUSEHOLDS);
  }

  /**
   * Adds the goals beyond the class bands to a generated problem, by seed: harvestable losses (seed
   * ≡ 1 mod 4: every loss segment of every other position, and the problem harvests), a cash class
   * with a 3% target and a 1 point band (even seeds), an inflow of 4% of the value (seeds ≡ 0 mod
   * 3), a need in the first tradable account of 3% of the value (seeds ≡ 0 mod 5) or of 95% of what
   * the account can raise (≡ 2 mod 5), or of 3% in the last account, tradable or not (≡ 4 mod 10),
   * each at most what its account can raise, a gain budget of −1% of the value (≡ 1 mod 6: losses
   * to realise), a turnover cap of 1% (≡ 5 mod 11), and a sale limit of a fifth of the shares held
   * of the two most valuable securities (≡ 0 or 3 mod 7).
   */
  static HouseholdProblem withGoals(HouseholdProblem p, long seed) {
    HouseholdProblem.Builder b = seed % 4 == 1 ? harvesting(p) : p.toBuilder();
    Map<SecurityId, BigDecimal> price = new TreeMap<>();
    p.securities().forEach(s -> price.put(s.id(), s.price().amount()));
    BigDecimal value = BigDecimal.ZERO;
    Map<SecurityId, BigDecimal> heldValue = new TreeMap<>();
    Map<SecurityId, BigDecimal> heldShares = new TreeMap<>();
    for (ProblemAccount a : p.accounts()) {
      value = value.add(a.cash().amount());
    }
    for (ProblemPosition q : p.positions()) {
      BigDecimal v = q.held().value().multiply(price.get(q.security()));
      value = value.add(v);
      heldValue.merge(q.security(), v, BigDecimal::add);
      heldShares.merge(q.security(), q.held().value(), BigDecimal::add);
    }
    if (seed % 2 == 0) {
      AssetClass cash = AssetClass.of("CASH");
      b.addClassGoal(
          new ClassGoal(
              cash,
              new ClassTarget(Weight.of("0.03"), Weight.of("0.01"), Weight.ZERO),
              BigDecimal.ONE));
      b.cashClass(cash);
    }
    if (seed % 3 == 0) {
      b.expectedInflow(Money.usd(percent(value, 4)));
    }
    if (seed % 7 < 3 && p.accounts().size() > 1) {
      // asset location: each class costs something in the first account, more for odd classes
      Set<AssetClass> classes = new TreeSet<>();
      p.securities().forEach(s -> classes.add(s.assetClass()));
      int k = 0;
      for (AssetClass c : classes) {
        b.addLocationCost(
            new LocationCost(
                p.accounts().get(0).id(), c, new BigDecimal(k++ % 2 == 0 ? "0.004" : "0.02")));
      }
    }
    List<AccountId> tradable =
        p.accounts().stream()
            .filter(ProblemAccount::tradable)
            .map(ProblemAccount::id)
            .sorted()
            .toList();
    if (seed % 5 == 0 || seed % 5 == 2) {
      // the larger need takes 95% of what its account can raise: any sale it cannot make (a sale
      // limit, a blocked loss, a group kept to buying) leaves a need or a floor shortfall
      BigDecimal raisable = raisable(p, tradable.get(0));
      BigDecimal amount =
          seed % 5 == 0
              ? percent(value, 3).min(raisable)
              : raisable.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.DOWN);
      if (amount.signum() > 0) {
        b.addCashReserve(new CashReserve("tuition", tradable.get(0), Money.usd(amount)));
      }
    } else if (seed % 10 == 4) {
      AccountId last =
          p.accounts().stream().map(ProblemAccount::id).max(AccountId::compareTo).orElseThrow();
      BigDecimal amount = percent(value, 3).min(raisable(p, last));
      if (amount.signum() > 0) {
        b.addCashReserve(new CashReserve("tax-bill", last, Money.usd(amount)));
      }
    }
    if (seed % 6 == 1) {
      b.gainBudget(Money.usd(percent(value, 1).negate())); // losses to realise, often not held
    }
    if (seed % 11 == 5) {
      b.turnoverCap(Money.usd(percent(value, 1)));
    }
    if (seed % 7 == 0 || seed % 7 == 3) {
      List<SecurityId> largest =
          heldValue.entrySet().stream()
              .sorted(
                  Map.Entry.<SecurityId, BigDecimal>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(2)
              .map(Map.Entry::getKey)
              .toList();
      BigDecimal shares =
          largest.stream()
              .map(heldShares::get)
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .divide(BigDecimal.valueOf(5), 0, RoundingMode.DOWN);
      b.addSaleLimit(SaleLimit.of("144-" + seed, Set.copyOf(largest), Quantity.of(shares)));
    }
    return b.build();
  }

  /**
   * What account {@code id} can raise: cash above its floor and, if tradable, every position that
   * may be sold (the needs here never exceed it, so each leaves the drift base in full).
   */
  private static BigDecimal raisable(HouseholdProblem p, AccountId id) {
    ProblemAccount a =
        p.accounts().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    BigDecimal sum = a.cash().amount().subtract(a.cashFloor().amount()).max(BigDecimal.ZERO);
    for (ProblemPosition q : p.positions()) {
      if (q.account().equals(id) && a.tradable() && q.sellEligible()) {
        BigDecimal price =
            p.securities().stream()
                .filter(s -> s.id().equals(q.security()))
                .findFirst()
                .orElseThrow()
                .price()
                .amount();
        sum = sum.add(q.held().value().multiply(price));
      }
    }
    return sum.setScale(2, RoundingMode.DOWN);
  }

  private static BigDecimal percent(BigDecimal value, int percent) {
    return value
        .multiply(BigDecimal.valueOf(percent, 2))
        .setScale(2, RoundingMode.DOWN)
        .max(new BigDecimal("0.01"));
  }

  /** A copy of {@code p} that harvests losses, the loss segments of every other position marked. */
  private static HouseholdProblem.Builder harvesting(HouseholdProblem p) {
    HouseholdProblem.Builder b = HouseholdProblem.builder();
    p.accounts().forEach(b::addAccount);
    p.securities().forEach(b::addSecurity);
    for (int i = 0; i < p.positions().size(); i++) {
      ProblemPosition q = p.positions().get(i);
      boolean mark = i % 2 == 0;
      List<SellSegment> segments =
          q.segments().stream()
              .map(
                  s ->
                      new SellSegment(
                          s.quantity(),
                          s.gainPerDollar(),
                          s.term(),
                          s.taxRate(),
                          mark && s.gainPerDollar().signum() < 0))
              .toList();
      b.addPosition(
          new ProblemPosition(
              q.account(),
              q.security(),
              q.held(),
              q.buyEligible(),
              q.maxBuy(),
              q.sellEligible(),
              q.locationPenalty(),
              segments));
    }
    p.classGoals().forEach(b::addClassGoal);
    p.bucketGoals().forEach(b::addBucketGoal);
    p.holdingCaps().forEach(b::addHoldingCap);
    p.cashReserves().forEach(b::addCashReserve);
    p.saleLimits().forEach(b::addSaleLimit);
    p.lossSaleBlockedGroups().forEach(b::blockLossSale);
    p.buyBlockedGroups().forEach(b::blockBuy);
    p.gainBudget().ifPresent(b::gainBudget);
    p.shortTermGainCap().ifPresent(b::shortTermGainCap);
    p.turnoverCap().ifPresent(b::turnoverCap);
    p.cashClass().ifPresent(b::cashClass);
    return b.expectedInflow(p.expectedInflow())
        .minTradeSize(p.minTradeSize())
        .mode(p.mode())
        .weights(p.weights())
        .harvestLosses(true);
  }

  /**
   * Adds a goal bucket to a generated problem: the first tradable account in full (and, for every
   * third seed, half of the second, as when two goals list it), with the household's class targets
   * shuffled by the seed, bands of 3 points, drift weight 1 or 2.
   */
  static HouseholdProblem withBuckets(HouseholdProblem p, long seed) {
    Random random = new Random(seed);
    List<AccountId> tradable =
        p.accounts().stream()
            .filter(ProblemAccount::tradable)
            .map(ProblemAccount::id)
            .sorted()
            .toList();
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
      b.addBucketGoal(
          new BucketGoal(
              "G-" + seed,
              shares,
              goals.get(i).assetClass(),
              new ClassTarget(weights.get(i), Weight.of("0.03"), Weight.ZERO),
              BigDecimal.valueOf(1 + seed % 2)));
    }
    return b.build();
  }

  /** The group directions {@code model} settled on, by group name (both-ways groups omitted). */
  private static Map<String, ReferenceLp.Direction> directions(Model model) {
    Map<String, ReferenceLp.Direction> out = new TreeMap<>();
    for (int g = 0; g < model.groups.length; g++) {
      int d = model.groupDirection[g];
      if (d != Model.BOTH) {
        out.put(
            model.groups[g],
            d == Model.BUY_ONLY ? ReferenceLp.Direction.BUY : ReferenceLp.Direction.SELL);
      }
    }
    return out;
  }

  /** The comparisons of one test, collected so that every household is checked. */
  private static final class Tally {
    final List<String> mismatches = new ArrayList<>();
    int optimal;
    int fixed;
    int relaxationLower;

    /**
     * (a) our optimum equals the reference's with our final directions, within {@link
     * #RELATIVE_TOLERANCE}; (b) when some group was fixed to one side, the reference with every
     * group free is not above ours (with none fixed, (a) already is that LP). Anything else is a
     * mismatch, added under {@code label}.
     */
    void check(
        HouseholdProblem problem, Model model, HouseholdOptimizer.Solved ours, String label) {
      Map<String, ReferenceLp.Direction> directions = directions(model);
      double reference = ReferenceLp.optimum(problem, directions);
      if (ours.failure != null) {
        mismatches.add(label + ": ours " + ours.failure + ", ojAlgo " + reference);
        return;
      }
      double value = ours.build.objectiveDollars(ours.x);
      if (!close(value, reference)) {
        mismatches.add(label + ": ours " + value + ", ojAlgo " + reference + " with " + directions);
        return;
      }
      optimal++;
      if (directions.isEmpty()) {
        return;
      }
      fixed++;
      double relaxed = ReferenceLp.relaxation(problem);
      if (Double.isNaN(relaxed) || relaxed > value && !close(value, relaxed)) {
        mismatches.add(label + ": ours " + value + ", relaxation " + relaxed + " above it");
      } else if (!close(value, relaxed)) {
        relaxationLower++;
      }
    }

    private static boolean close(double a, double b) {
      return !Double.isNaN(b) && Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(b));
    }

    @Override
    public String toString() {
      return optimal
          + " optimal, "
          + mismatches.size()
          + " mismatches, "
          + fixed
          + " with a group fixed to one side (relaxation lower for "
          + relaxationLower
          + ")";
    }
  }
}
