package dev.rebal.core.outlook;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.plan.GoalPlan;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a household's goal outlook: for each goal, a seeded Monte Carlo of the value assigned to
 * it today, month by month to its target date along its glide path, with the household's dated cash
 * flows, under the given {@link CapitalMarketAssumptions}.
 *
 * <pre>{@code
 * HouseholdOutlook outlook = GoalOutlook.of(CapitalMarketAssumptions.defaults())
 *     .outlook(household, assessment.plan(), asOf);
 * outlook.goals().forEach(g -> System.out.println(g.summary()));
 * }</pre>
 *
 * <h2>Method</h2>
 * Each asset class's price follows a geometric Brownian motion whose median growth is its expected
 * compound return g: log drift {@code ln(1 + g)}, arithmetic drift {@code a = ln(1 + g) + s^2/2}
 * for volatility s, and the classes' log returns are correlated as the assumptions say. A goal's
 * assets are held at its glide-path allocation w for the month (the step at the whole years from the
 * month's start to the goal date) and rebalanced to it continuously, so over a month of {@code dt}
 * years their log return is normal with mean {@code (w.a - w'Sw/2) dt} and variance {@code w'Sw dt}
 * (S the covariance matrix): the exact law of a continuously rebalanced portfolio of correlated
 * lognormal classes. Months are calendar months from the as-of date, {@code dt} their actual days
 * over 365.25; the last month ends on the goal date.
 *
 * <p>Every goal of a household uses the same standard normal {@code z(p, k)} for path p and month k
 * (common random numbers): a goal's result does not depend on the other goals or their order, and
 * two households that differ only in one goal's value or cash flows are compared path by path. The
 * seed comes from the inputs (SHA-256 of the household id, the as-of date and the assumptions'
 * hash), never from a clock; normal numbers are described in {@code Normals}.
 *
 * <p>Cash flows are the household's liquidity events dated after the as-of date and not after the
 * goal date: an inflow adds, a need or gift subtracts, at the end of its month. An event in an
 * account that goals list as funding goes to those goals (split equally); any other event changes the
 * shared rest of the household, and so each share-funded goal by its share. A goal's value never
 * goes below zero. Amounts are nominal: the target amount is what is needed on the date, and the
 * outcomes are in dollars of their date.
 *
 * <p>This class is immutable and thread-safe; each call allocates its own arrays. A household of
 * three goals, 1,000 paths and 30 years runs in about a millisecond (docs/performance figures in
 * {@code docs/goals.md}).
 */
public final class GoalOutlook {
  /** The default number of paths. */
  public static final int DEFAULT_PATHS = 1_000;
  /** The most paths an outlook may ask for. */
  public static final int MAX_PATHS = 1_000_000;
  private static final double DAYS_PER_YEAR = 365.25;

  private final CapitalMarketAssumptions assumptions;
  private final int paths;
  private final boolean fan;

  private GoalOutlook(CapitalMarketAssumptions assumptions, int paths, boolean fan) {
    this.assumptions = assumptions;
    this.paths = paths;
    this.fan = fan;
  }

  /** Returns an outlook under {@code assumptions}, with 1,000 paths and no fan. */
  public static GoalOutlook of(CapitalMarketAssumptions assumptions) {
    return new GoalOutlook(Checks.notNull(assumptions, "assumptions"), DEFAULT_PATHS, false);
  }

  /**
   * Returns a copy that runs {@code paths} paths.
   *
   * @param paths from 1 to {@link #MAX_PATHS}; the Monte Carlo error of a probability p is {@code
   *     sqrt(p (1 - p) / paths)}, at most 1.6 points for 1,000 paths
   */
  public GoalOutlook withPaths(int paths) {
    Checks.isTrue(paths >= 1 && paths <= MAX_PATHS, "paths", paths,
        "must be from 1 to " + MAX_PATHS);
    return new GoalOutlook(assumptions, paths, fan);
  }

  /** Returns a copy that also records each goal's percentiles at every anniversary (a fan chart). */
  public GoalOutlook withFan(boolean fan) {
    return new GoalOutlook(assumptions, paths, fan);
  }

  /** Returns the assumptions. */
  public CapitalMarketAssumptions assumptions() {
    return assumptions;
  }

  /** Returns the number of paths. */
  public int paths() {
    return paths;
  }

  /**
   * Returns the outlook of {@code household}, valued with {@code marketData} and planned with goal
   * amounts discounted at {@code discountRate} (which affects the plan's funded ratios, not the
   * outlook).
   */
  public HouseholdOutlook outlook(Household household, MarketData marketData, LocalDate asOf,
      BigDecimal discountRate) {
    Checks.notNull(household, "household");
    HouseholdValuation valuation = HouseholdValuation.of(household, marketData);
    return outlook(household, GoalPlanner.withDiscountRate(discountRate)
        .plan(household, valuation, asOf), asOf);
  }

  /**
   * Returns the outlook of {@code household} as of {@code asOf}, from the values its plan assigns to
   * its goals.
   *
   * @param household a household without validation errors
   * @param plan its plan as of {@code asOf} (one goal plan per goal, in goal order)
   * @param asOf the as-of date
   * @throws IllegalArgumentException if the plan does not match the household's goals
   */
  public HouseholdOutlook outlook(Household household, HouseholdPlan plan, LocalDate asOf) {
    return outlook(household, plan, asOf, Map.of());
  }

  /**
   * Returns the outlook of {@code household} as of {@code asOf} had some goals other glide paths: a
   * what-if with the same seed, so that its probabilities compare path by path with {@link
   * #outlook(Household, HouseholdPlan, LocalDate)}'s.
   *
   * @param household a household without validation errors
   * @param plan its plan as of {@code asOf} (one goal plan per goal, in goal order)
   * @param asOf the as-of date
   * @param glidePaths the glide path to use instead, by goal id (other goals keep theirs)
   * @throws IllegalArgumentException if the plan does not match the household's goals
   */
  public HouseholdOutlook outlook(Household household, HouseholdPlan plan, LocalDate asOf,
      Map<GoalId, GlidePath> glidePaths) {
    Checks.notNull(household, "household");
    Checks.notNull(plan, "plan");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(glidePaths, "glidePaths");
    List<Goal> goals = household.goals();
    Checks.isTrue(plan.goals().size() == goals.size(), "plan.goals", plan.goals().size(),
        "must have one plan per goal (" + goals.size() + ")");
    long seed = seed(household, asOf);
    ImmutableSortedMap.Builder<GoalId, String> unassessed = ImmutableSortedMap.naturalOrder();
    List<Lane> lanes = new ArrayList<>();
    Map<TargetAllocation, double[]> moments = new HashMap<>();
    Map<AccountId, Integer> listings = new TreeMap<>();
    for (Goal g : goals) {
      g.fundingAccounts().forEach(a -> listings.merge(a, 1, Integer::sum));
    }
    List<LiquidityEvent> events = new ArrayList<>(household.liquidityEvents());
    events.sort(Comparator.comparing(LiquidityEvent::date)
        .thenComparing(e -> e.id().value()));
    for (int i = 0; i < goals.size(); i++) {
      Goal g = goals.get(i);
      GoalPlan gp = plan.goals().get(i);
      Checks.isTrue(gp.goal().equals(g.id()), "plan.goals[" + i + "].goal", gp.goal(),
          "must be goal " + g.id());
      GlidePath path = glidePaths.getOrDefault(g.id(), g.glidePath());
      String missing = missingClass(path, g, asOf);
      if (missing != null) {
        unassessed.put(g.id(), "no capital market assumptions for class " + missing);
        continue;
      }
      lanes.add(lane(g, path, gp, asOf, moments, listings, events));
    }
    ImmutableList.Builder<GoalOdds> odds = ImmutableList.builder();
    if (!lanes.isEmpty()) {
      simulate(lanes, seed);
      for (Lane lane : lanes) {
        odds.add(lane.odds(paths));
      }
    }
    return new HouseholdOutlook(household.id(), asOf, assumptions.label(),
        assumptions.contentHash(), paths, seed, odds.build(), unassessed.build());
  }

  /** Returns the first class of a glide-path step used before the goal date without assumptions. */
  private String missingClass(GlidePath path, Goal g, LocalDate asOf) {
    int years = (int) Math.max(0, ChronoUnit.YEARS.between(asOf, g.targetDate()));
    for (int y = 0; y <= years; y++) {
      for (AssetClass c : path.allocationAt(y).classes().keySet()) {
        if (!assumptions.classes().containsKey(c)) {
          return c.value();
        }
      }
    }
    return null;
  }

  private long seed(Household household, LocalDate asOf) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] d = md.digest(("rebal-outlook\n" + household.id().value() + "\n" + asOf + "\n"
          + assumptions.contentHash()).getBytes(StandardCharsets.UTF_8));
      long s = 0;
      for (int i = 0; i < 8; i++) {
        s = (s << 8) | (d[i] & 0xFF);
      }
      return s;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Lays out one goal's months: drift, volatility and cash flow per month, on arrays. */
  private Lane lane(Goal g, GlidePath path, GoalPlan gp, LocalDate asOf, Map<TargetAllocation, double[]> moments,
      Map<AccountId, Integer> listings, List<LiquidityEvent> events) {
    LocalDate target = g.targetDate();
    int months = 0;
    while (asOf.plusMonths(months).isBefore(target)) {
      months++;
    }
    double[] drift = new double[months];
    double[] vol = new double[months];
    double[] flow = new double[months];
    boolean[] hasFlow = new boolean[months];
    LocalDate start = asOf;
    int lastYears = -1;
    double[] m = null;
    for (int k = 0; k < months; k++) {
      LocalDate end = k == months - 1 ? target : asOf.plusMonths(k + 1);
      double dt = ChronoUnit.DAYS.between(start, end) / DAYS_PER_YEAR;
      int years = (int) Math.max(0, ChronoUnit.YEARS.between(start, target));
      if (years != lastYears) {
        m = moments.computeIfAbsent(path.allocationAt(years), this::moments);
        lastYears = years;
      }
      drift[k] = m[0] * dt;
      vol[k] = m[1] * StrictMath.sqrt(dt);
      start = end;
    }
    for (LiquidityEvent e : events) {
      if (!e.date().isAfter(asOf) || e.date().isAfter(target)) {
        continue;
      }
      double share;
      if (e.account().isPresent() && listings.containsKey(e.account().get())) {
        share = g.fundingAccounts().contains(e.account().get())
            ? 1.0 / listings.get(e.account().get()) : 0.0;
      } else {
        share = g.fundingShare().map(w -> w.value().doubleValue()).orElse(0.0);
      }
      if (share == 0.0) {
        continue;
      }
      int k = 0;
      while (asOf.plusMonths(k + 1).isBefore(e.date())) {
        k++;
      }
      k = Math.min(k, months - 1);
      double amount = e.amount().amount().doubleValue() * share;
      flow[k] += e.kind() == LiquidityKind.INFLOW ? amount : -amount;
      hasFlow[k] = true;
    }
    int[] fanMonth = new int[0];
    LocalDate[] fanDates = new LocalDate[0];
    if (fan) {
      List<Integer> ms = new ArrayList<>();
      List<LocalDate> ds = new ArrayList<>();
      ms.add(0);
      ds.add(asOf);
      for (int y = 1; asOf.plusYears(y).isBefore(target); y++) {
        ms.add(12 * y);
        ds.add(asOf.plusYears(y));
      }
      if (months > 0) {
        ms.add(months);
        ds.add(target);
      }
      fanMonth = ms.stream().mapToInt(Integer::intValue).toArray();
      fanDates = ds.toArray(new LocalDate[0]);
    }
    return new Lane(g, gp, drift, vol, flow, hasFlow, fanMonth, fanDates, paths);
  }

  /**
   * Returns {mean log return a year, volatility a year} of a portfolio held at {@code allocation}:
   * {@code w.a - w'Sw/2} and {@code sqrt(w'Sw)}.
   */
  private double[] moments(TargetAllocation allocation) {
    List<AssetClass> classes = new ArrayList<>(allocation.classes().keySet());
    int n = classes.size();
    double[] w = new double[n];
    double[] s = new double[n];
    double arithmetic = 0;
    for (int i = 0; i < n; i++) {
      ClassTarget t = allocation.classes().get(classes.get(i));
      ClassAssumption a = assumptions.classes().get(classes.get(i));
      w[i] = t.weight().value().doubleValue();
      s[i] = a.volatility().doubleValue();
      arithmetic += w[i] * (StrictMath.log1p(a.expectedReturn().doubleValue()) + s[i] * s[i] / 2);
    }
    double variance = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double rho = i == j ? 1.0
            : assumptions.correlation(classes.get(i), classes.get(j)).doubleValue();
        variance += w[i] * w[j] * s[i] * s[j] * rho;
      }
    }
    variance = Math.max(0.0, variance);
    return new double[] {arithmetic - variance / 2, StrictMath.sqrt(variance)};
  }

  /** Runs every path: month k's normal is shared by every goal still running in month k. */
  private void simulate(List<Lane> lanes, long seed) {
    int horizon = 0;
    for (Lane l : lanes) {
      horizon = Math.max(horizon, l.months);
    }
    Lane[] ls = lanes.toArray(new Lane[0]);
    int n = ls.length;
    double[] log = new double[n];
    Normals normals = new Normals(seed);
    for (int p = 0; p < paths; p++) {
      normals.startPath(p);
      for (int g = 0; g < n; g++) {
        log[g] = ls[g].startLog;
        ls[g].recordFan(0, p, log[g]);
      }
      for (int k = 0; k < horizon; k++) {
        double z = normals.next();
        for (int g = 0; g < n; g++) {
          Lane l = ls[g];
          if (k >= l.months) {
            continue;
          }
          double x = log[g] + l.drift[k] + l.vol[k] * z;
          if (l.hasFlow[k]) {
            double v = (x == Double.NEGATIVE_INFINITY ? 0.0 : StrictMath.exp(x)) + l.flow[k];
            x = v > 0 ? StrictMath.log(v) : Double.NEGATIVE_INFINITY;
          }
          log[g] = x;
          l.recordFan(k + 1, p, x);
        }
      }
      for (int g = 0; g < n; g++) {
        ls[g].terminal[p] = log[g];
      }
    }
  }

  /** One goal's months on arrays, and its paths' log values. */
  private static final class Lane {
    final Goal goal;
    final GoalPlan plan;
    final int months;
    final double[] drift;
    final double[] vol;
    final double[] flow;
    final boolean[] hasFlow;
    final double startLog;
    final double[] terminal;
    /** For each month 0..months, the fan point recorded after it, or -1. */
    final int[] fanAt;
    final LocalDate[] fanDates;
    final double[][] fanLogs;

    Lane(Goal goal, GoalPlan plan, double[] drift, double[] vol, double[] flow, boolean[] hasFlow,
        int[] fanMonths, LocalDate[] fanDates, int paths) {
      this.goal = goal;
      this.plan = plan;
      this.months = drift.length;
      this.drift = drift;
      this.vol = vol;
      this.flow = flow;
      this.hasFlow = hasFlow;
      double v0 = plan.assignedValue().amount().doubleValue();
      this.startLog = v0 > 0 ? StrictMath.log(v0) : Double.NEGATIVE_INFINITY;
      this.terminal = new double[paths];
      this.fanAt = new int[months + 1];
      Arrays.fill(fanAt, -1);
      for (int i = 0; i < fanMonths.length; i++) {
        fanAt[fanMonths[i]] = i;
      }
      this.fanDates = fanDates;
      this.fanLogs = new double[fanMonths.length][fanMonths.length == 0 ? 0 : paths];
    }

    void recordFan(int month, int path, double log) {
      int i = fanAt[month];
      if (i >= 0) {
        fanLogs[i][path] = log;
      }
    }

    GoalOdds odds(int paths) {
      Money amount = goal.targetAmount();
      double a = amount.amount().doubleValue();
      double logA = a > 0 ? StrictMath.log(a) : Double.NEGATIVE_INFINITY;
      int met = 0;
      double shortfall = 0;
      int short_ = 0;
      for (int p = 0; p < paths; p++) {
        double x = terminal[p];
        if (x >= logA) {
          met++;
        } else {
          double v = x == Double.NEGATIVE_INFINITY ? 0.0 : StrictMath.exp(x);
          shortfall += Math.max(0.0, a - v);
          short_++;
        }
      }
      double p = met / (double) paths;
      BigDecimal probability = BigDecimal.valueOf(met).divide(BigDecimal.valueOf(paths), 4,
          RoundingMode.HALF_EVEN);
      BigDecimal se = BigDecimal.valueOf(Math.sqrt(p * (1 - p) / paths))
          .setScale(4, RoundingMode.HALF_EVEN);
      double[] sorted = terminal.clone();
      Arrays.sort(sorted);
      FanPoint outcome = point(goal.targetDate(), sorted, amount);
      ImmutableList.Builder<FanPoint> fan = ImmutableList.builder();
      for (int i = 0; i < fanLogs.length; i++) {
        double[] s = fanLogs[i].clone();
        Arrays.sort(s);
        fan.add(point(fanDates[i], s, amount));
      }
      return new GoalOdds(goal.id(), amount, goal.targetDate(), plan.assignedValue(), probability,
          se, outcome, money(amount, shortfall / paths),
          money(amount, short_ == 0 ? 0.0 : shortfall / short_), fan.build());
    }

    private static FanPoint point(LocalDate date, double[] sortedLogs, Money like) {
      return new FanPoint(date, quantile(sortedLogs, 0.10, like), quantile(sortedLogs, 0.25, like),
          quantile(sortedLogs, 0.50, like), quantile(sortedLogs, 0.75, like),
          quantile(sortedLogs, 0.90, like));
    }

    /**
     * Returns the {@code q} quantile of the sorted log values, interpolated linearly between the
     * two nearest ranks ({@code (n - 1) q}), as money.
     */
    private static Money quantile(double[] sorted, double q, Money like) {
      double h = (sorted.length - 1) * q;
      int lo = (int) Math.floor(h);
      int hi = Math.min(sorted.length - 1, lo + 1);
      double x = sorted[lo] == Double.NEGATIVE_INFINITY || sorted[hi] == Double.NEGATIVE_INFINITY
          ? (h - lo > 0 ? sorted[hi] : sorted[lo])
          : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
      return money(like, x == Double.NEGATIVE_INFINITY ? 0.0 : StrictMath.exp(x));
    }

    private static Money money(Money like, double value) {
      return Money.ofComputed(like.currency(), BigDecimal.valueOf(value));
    }
  }
}
