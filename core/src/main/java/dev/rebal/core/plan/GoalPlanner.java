package dev.rebal.core.plan;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a household's target from its goals ("mental accounts": Das, Markowitz, Scheid and
 * Statman, 2010): each goal's glide-path allocation at its years to goal, weighted by the value
 * assigned to it, plus the household's static target for value assigned to no goal. Held-away
 * accounts count.
 *
 * <p>The construction, with its worked example, is in {@code docs/goals.md}:
 *
 * <ol>
 *   <li>An account listed by a goal's {@code fundingAccounts} gives its whole value to that goal
 *       (split equally if several goals list it).
 *   <li>The rest of the household, {@code R}, is shared: a goal with a {@code fundingShare} s gets
 *       {@code s * R}; what no share claims is unassigned.
 *   <li>Years to goal are whole years from the as-of date to the goal date (at least 0); the goal's
 *       allocation is its glide path at those years.
 *   <li>The target weight of class c is {@code (sum over goals of V_g * w_g(c) + U * w_static(c)) /
 *       (sum V_g + U)}; bands are the same value-weighted averages of the contributing bands.
 *       Weights are rounded half-even to 10 places and the rounding residual goes to the largest
 *       class, so they sum to exactly 1.
 *   <li>The funded ratio is the assigned value over the target amount discounted at {@code rate} a
 *       year: whole years compound, the fraction of a year is simple interest.
 *   <li>The household is split into goal buckets ({@link GoalBucket}): one per goal funded by
 *       accounts, and the shared pool of the rest, each with its own target and drift.
 * </ol>
 *
 * <p>A household without goals, or with no value, gets its static target. This class is immutable
 * and thread-safe. Each planner keeps the growth factors it has computed, which depend only on its
 * rate and the whole years and days to a goal, in a bounded concurrent memo of its own; there is no
 * state shared between planners. {@link #withDiscountRate} returns the shared {@link #standard()}
 * planner for the default rate and a new planner for any other, so a caller that plans many
 * households at another rate keeps its planner and reuses it.
 */
public final class GoalPlanner {
  private static final MathContext MC = MathContext.DECIMAL128;

  /** How many growth factors a planner keeps: a book's goals fall on a few thousand dates. */
  private static final int MEMO_LIMIT = 4096;

  /** The default rate, {@code goal.discount-rate} of the default rule set. */
  private static final BigDecimal STANDARD_RATE = new BigDecimal("0.04");

  /** The planner for the default rate; a constant, its memo a pure function of the rate. */
  private static final GoalPlanner STANDARD = new GoalPlanner(STANDARD_RATE);

  private final BigDecimal discountRate;

  /** Growth factors by {@code years * 366 + days}, exactly as {@code growth} computes them. */
  private final Map<Long, BigDecimal> growths = new ConcurrentHashMap<>();

  private GoalPlanner(BigDecimal discountRate) {
    this.discountRate = discountRate;
  }

  /** {@return the planner that discounts goal amounts at the default 0.04 a year (shared)} */
  public static GoalPlanner standard() {
    return STANDARD;
  }

  /**
   * {@return a planner that discounts goal amounts at {@code discountRate} a year: {@link
   * #standard()} for 0.04 (at scale 2, as rule sets write it), a new planner otherwise} Which one
   * is returned depends on the argument only, never on earlier calls.
   *
   * @param discountRate a yearly rate, e.g. 0.04, not negative
   * @throws IllegalArgumentException if {@code discountRate} is null or negative
   */
  public static GoalPlanner withDiscountRate(BigDecimal discountRate) {
    Checks.notNull(discountRate, "discountRate");
    Checks.isTrue(discountRate.signum() >= 0, "discountRate", discountRate, "must not be negative");
    // equals, not compareTo: the same value at another scale could give other decimals
    return STANDARD_RATE.equals(discountRate) ? STANDARD : new GoalPlanner(discountRate);
  }

  /** {@return the yearly rate at which this planner discounts goal amounts} */
  public BigDecimal discountRate() {
    return discountRate;
  }

  /**
   * Plans {@code household} as of {@code asOf}.
   *
   * @param household a household without validation errors
   * @param valuation its valuation
   * @param asOf the as-of date
   * @return the household's plan: its goal buckets and funded ratios
   */
  public HouseholdPlan plan(Household household, HouseholdValuation valuation, LocalDate asOf) {
    Checks.notNull(household, "household");
    Checks.notNull(valuation, "valuation");
    Checks.notNull(asOf, "asOf");
    Money total = valuation.total();
    Map<AccountId, Integer> listings = new TreeMap<>();
    for (Goal g : household.goals()) {
      for (AccountId a : g.fundingAccounts()) {
        listings.merge(a, 1, Integer::sum);
      }
    }
    Money accountAssigned = Money.zero(total.currency());
    for (AccountId a : listings.keySet()) {
      accountAssigned =
          accountAssigned.plus(
              valuation.accountValues().getOrDefault(a, Money.zero(total.currency())));
    }
    Money rest = total.minus(accountAssigned);
    List<BigDecimal> assigned = new ArrayList<>();
    BigDecimal sharedOut = BigDecimal.ZERO;
    for (Goal g : household.goals()) {
      BigDecimal v = BigDecimal.ZERO;
      for (AccountId a : g.fundingAccounts()) {
        BigDecimal value =
            valuation.accountValues().getOrDefault(a, Money.zero(total.currency())).amount();
        int goals = listings.get(a);
        // an account listed by one goal only: dividing by 1 gives the value itself, same scale,
        // when it fits the context's precision
        v =
            v.add(
                goals == 1 && value.precision() <= MC.getPrecision()
                    ? value
                    : value.divide(BigDecimal.valueOf(goals), MC));
      }
      if (g.fundingShare().isPresent()) {
        BigDecimal share = rest.amount().multiply(g.fundingShare().get().value(), MC);
        v = v.add(share);
        sharedOut = sharedOut.add(share);
      }
      assigned.add(v);
    }
    BigDecimal unassigned = rest.amount().subtract(sharedOut, MC);

    ImmutableList.Builder<GoalPlan> plans = ImmutableList.builder();
    Blend blend = new Blend();
    for (int i = 0; i < household.goals().size(); i++) {
      Goal g = household.goals().get(i);
      int years = (int) Math.max(0, ChronoUnit.YEARS.between(asOf, g.targetDate()));
      TargetAllocation allocation = g.glidePath().allocationAt(years);
      Money pv = presentValue(g.targetAmount(), asOf, g.targetDate());
      BigDecimal funded =
          pv.isPositive()
              ? assigned.get(i).divide(pv.amount(), 4, RoundingMode.HALF_EVEN)
              : BigDecimal.ZERO.setScale(4);
      plans.add(
          new GoalPlan(
              g.id(),
              Money.ofComputed(total.currency(), assigned.get(i)),
              years,
              allocation,
              pv,
              funded));
      blend.add(allocation, assigned.get(i));
    }
    blend.add(household.target(), unassigned);
    TargetAllocation target =
        household.goals().isEmpty() || total.amount().signum() <= 0
            ? household.target()
            : blend.result();
    ImmutableList<GoalPlan> goalPlans = plans.build();
    Map<AccountId, Integer> listed = com.google.common.collect.ImmutableSortedMap.copyOf(listings);
    BigDecimal restAmount = rest.amount();
    return HouseholdPlan.withLazyBuckets(
        target,
        goalPlans,
        Money.ofComputed(total.currency(), unassigned),
        () ->
            GoalBuckets.of(
                household, valuation, target, goalPlans, listed, restAmount, unassigned));
  }

  private Money presentValue(Money amount, LocalDate asOf, LocalDate date) {
    if (!date.isAfter(asOf)) {
      return amount;
    }
    long years = ChronoUnit.YEARS.between(asOf, date);
    long days = ChronoUnit.DAYS.between(asOf.plusYears(years), date);
    Long key = years * 366 + days; // days < 366: distinct per (years, days)
    BigDecimal growth = growths.get(key);
    if (growth == null) {
      growth = growth(years, days);
      if (growths.size() < MEMO_LIMIT) {
        growths.put(key, growth);
      }
    }
    return Money.ofComputed(amount.currency(), amount.amount().divide(growth, MC));
  }

  /** Returns {@code (1 + rate)^years * (1 + rate * days / 365)}, each step at 34 digits. */
  private BigDecimal growth(long years, long days) {
    return BigDecimal.ONE
        .add(discountRate)
        .pow((int) years, MC)
        .multiply(
            BigDecimal.ONE.add(
                discountRate
                    .multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(365), MC)),
            MC);
  }
}
