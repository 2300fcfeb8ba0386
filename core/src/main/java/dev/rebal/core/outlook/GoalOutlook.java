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
 *
 * Each asset class's price follows a geometric Brownian motion whose median growth is its expected
 * compound return g: log drift {@code ln(1 + g)}, arithmetic drift {@code a = ln(1 + g) + s^2/2}
 * for volatility s, and the classes' log returns are correlated as the assumptions say. A goal's
 * assets are held at its glide-path allocation w for the month (the step at the whole years from
 * the month's start to the goal date) and rebalanced to it continuously, so over a month of {@code
 * dt} years their log return is normal with mean {@code (w.a - w'Sw/2) dt} and variance {@code w'Sw
 * dt} (S the covariance matrix): the exact law of a continuously rebalanced portfolio of correlated
 * lognormal classes. Months are calendar months from the as-of date, {@code dt} their actual days
 * over 365.25; the last month ends on the goal date.
 *
 * <p>Every goal of a household follows the same Brownian motion W on path p (common random
 * numbers): a goal's result does not depend on the other goals or their order, and two households
 * that differ only in one goal's value or cash flows are compared path by path. W is drawn only at
 * the month boundaries some goal needs (allocation changes, cash flows, fan points, the goal date),
 * by a Brownian bridge whose draws depend only on the path and the boundary ({@code Bridge}), which
 * gives the same law as month-by-month steps at a fraction of the draws. The seed comes from the
 * inputs (SHA-256 of the household id, the as-of date and the assumptions' hash), never from a
 * clock; normal numbers are described in {@code Normals}.
 *
 * <p>Cash flows are the household's liquidity events dated after the as-of date and not after the
 * goal date: an inflow adds, a need or gift subtracts, at the end of its month. An event in an
 * account that goals list as funding goes to those goals (split equally); any other event changes
 * the shared rest of the household, and so each share-funded goal by its share. A goal's value
 * never goes below zero. Amounts are nominal: the target amount is what is needed on the date, and
 * the outcomes are in dollars of their date.
 *
 * <p>This class is immutable and thread-safe; each call allocates its own arrays. The cost of a
 * household of three goals, 1,000 paths and 30 years is measured by {@code OutlookBenchmark}
 * (figures in {@code docs/goals.md}).
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

  /**
   * {@return an outlook under {@code assumptions}, with 1,000 paths and no fan}
   *
   * @param assumptions the capital market assumptions
   */
  public static GoalOutlook of(CapitalMarketAssumptions assumptions) {
    return new GoalOutlook(Checks.notNull(assumptions, "assumptions"), DEFAULT_PATHS, false);
  }

  /**
   * {@return a copy that runs {@code paths} paths}
   *
   * @param paths from 1 to {@link #MAX_PATHS}; the Monte Carlo error of a probability p is {@code
   *     sqrt(p (1 - p) / paths)}, at most 1.6 points for 1,000 paths
   */
  public GoalOutlook withPaths(int paths) {
    Checks.isTrue(
        paths >= 1 && paths <= MAX_PATHS, "paths", paths, "must be from 1 to " + MAX_PATHS);
    return new GoalOutlook(assumptions, paths, fan);
  }

  /**
   * {@return a copy that also records each goal's percentiles at every anniversary (a fan chart)}
   *
   * @param fan whether to record the percentiles
   */
  public GoalOutlook withFan(boolean fan) {
    return new GoalOutlook(assumptions, paths, fan);
  }

  /** {@return the assumptions} */
  public CapitalMarketAssumptions assumptions() {
    return assumptions;
  }

  /** {@return the number of paths} */
  public int paths() {
    return paths;
  }

  /**
   * {@return the outlook of {@code household}, valued with {@code marketData} and planned with goal
   * amounts discounted at {@code discountRate} (which affects the plan's funded ratios, not the
   * outlook)}
   *
   * @param household the household
   * @param marketData the security master and prices
   * @param asOf the as-of date
   * @param discountRate the rate goal amounts are discounted at, a decimal fraction a year
   */
  public HouseholdOutlook outlook(
      Household household, MarketData marketData, LocalDate asOf, BigDecimal discountRate) {
    Checks.notNull(household, "household");
    HouseholdValuation valuation = HouseholdValuation.of(household, marketData);
    return outlook(
        household,
        GoalPlanner.withDiscountRate(discountRate).plan(household, valuation, asOf),
        asOf);
  }

  /**
   * {@return the outlook of {@code household} as of {@code asOf}, from the values its plan assigns
   * to its goals}
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
   * {@return the outlook of {@code household} as of {@code asOf} had some goals other glide paths:
   * a what-if with the same seed, so that its probabilities compare path by path with {@link
   * #outlook(Household, HouseholdPlan, LocalDate)}'s}
   *
   * @param household a household without validation errors
   * @param plan its plan as of {@code asOf} (one goal plan per goal, in goal order)
   * @param asOf the as-of date
   * @param glidePaths the glide path to use instead, by goal id (other goals keep theirs)
   * @throws IllegalArgumentException if the plan does not match the household's goals
   */
  public HouseholdOutlook outlook(
      Household household, HouseholdPlan plan, LocalDate asOf, Map<GoalId, GlidePath> glidePaths) {
    Checks.notNull(household, "household");
    Checks.notNull(plan, "plan");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(glidePaths, "glidePaths");
    List<Goal> goals = household.goals();
    Checks.isTrue(
        plan.goals().size() == goals.size(),
        "plan.goals",
        plan.goals().size(),
        "must have one plan per goal (" + goals.size() + ")");
    long seed = seed(household, asOf);
    ImmutableSortedMap.Builder<GoalId, String> unassessed = ImmutableSortedMap.naturalOrder();
    LocalDate last = asOf;
    for (Goal g : goals) {
      last = g.targetDate().isAfter(last) ? g.targetDate() : last;
    }
    Months months = new Months(asOf, last);
    List<Lane> lanes = new ArrayList<>();
    Map<TargetAllocation, double[]> moments = new HashMap<>();
    Map<AccountId, Integer> listings = new TreeMap<>();
    for (Goal g : goals) {
      g.fundingAccounts().forEach(a -> listings.merge(a, 1, Integer::sum));
    }
    List<LiquidityEvent> events = new ArrayList<>(household.liquidityEvents());
    events.sort(Comparator.comparing(LiquidityEvent::date).thenComparing(e -> e.id().value()));
    for (int i = 0; i < goals.size(); i++) {
      Goal g = goals.get(i);
      GoalPlan gp = plan.goals().get(i);
      Checks.isTrue(
          gp.goal().equals(g.id()),
          "plan.goals[" + i + "].goal",
          gp.goal(),
          "must be goal " + g.id());
      GlidePath path = glidePaths.getOrDefault(g.id(), g.glidePath());
      String missing = missingClass(path, g, asOf);
      if (missing != null) {
        unassessed.put(g.id(), "no capital market assumptions for class " + missing);
        continue;
      }
      lanes.add(lane(g, path, gp, asOf, moments, listings, events, months));
    }
    ImmutableList.Builder<GoalOdds> odds = ImmutableList.builder();
    if (!lanes.isEmpty()) {
      simulate(lanes, seed, months);
      for (Lane lane : lanes) {
        odds.add(lane.odds(paths));
      }
    }
    return new HouseholdOutlook(
        household.id(),
        asOf,
        assumptions.label(),
        assumptions.contentHash(),
        paths,
        seed,
        odds.build(),
        unassessed.build());
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
      byte[] d =
          md.digest(
              ("rebal-outlook\n"
                      + household.id().value()
                      + "\n"
                      + asOf
                      + "\n"
                      + assumptions.contentHash())
                  .getBytes(StandardCharsets.UTF_8));
      long s = 0;
      for (int i = 0; i < 8; i++) {
        s = (s << 8) | (d[i] & 0xFF);
      }
      return s;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Lays out one goal: its months' allocations reduced to the month boundaries where something
   * happens (the allocation changes, a cash flow, a fan point, the goal date), as segments on
   * arrays.
   */
  private Lane lane(
      Goal g,
      GlidePath path,
      GoalPlan gp,
      LocalDate asOf,
      Map<TargetAllocation, double[]> moments,
      Map<AccountId, Integer> listings,
      List<LiquidityEvent> events,
      Months months) {
    LocalDate target = g.targetDate();
    int m = months.monthOf(target);
    // allocation of month k (1..m), which covers boundaries k-1 to k: the step at whole years from
    // the month's start to the goal date; only its changes matter
    double[][] monthMoments = new double[m + 1][];
    int lastYears = -1;
    double[] current = null;
    for (int k = 1; k <= m; k++) {
      int years = (int) Math.max(0, ChronoUnit.YEARS.between(months.date(k - 1), target));
      if (years != lastYears) {
        current = moments.computeIfAbsent(path.allocationAt(years), this::moments);
        lastYears = years;
      }
      monthMoments[k] = current;
    }
    double[] flowAt = new double[m + 1];
    boolean[] hasFlow = new boolean[m + 1];
    for (LiquidityEvent e : events) {
      if (!e.date().isAfter(asOf) || e.date().isAfter(target)) {
        continue;
      }
      double share;
      if (e.account().isPresent() && listings.containsKey(e.account().get())) {
        share =
            g.fundingAccounts().contains(e.account().get())
                ? 1.0 / listings.get(e.account().get())
                : 0.0;
      } else {
        share = g.fundingShare().map(w -> w.value().doubleValue()).orElse(0.0);
      }
      if (share == 0.0) {
        continue;
      }
      int k = Math.min(months.monthOf(e.date()), m);
      double amount = e.amount().amount().doubleValue() * share;
      flowAt[k] += e.kind() == LiquidityKind.INFLOW ? amount : -amount;
      hasFlow[k] = true;
    }
    List<LocalDate> fanDates = new ArrayList<>();
    int[] fanAt = new int[m + 1];
    Arrays.fill(fanAt, -1);
    if (fan) {
      fanDates.add(asOf);
      for (int y = 1; 12 * y < m; y++) {
        fanAt[12 * y] = fanDates.size();
        fanDates.add(months.date(12 * y));
      }
      if (m > 0) {
        fanAt[m] = fanDates.size();
        fanDates.add(target);
      }
    }
    // the last month ends on the goal date: a fraction f of the calendar month, whose shock is
    // sqrt(f) times the month's Brownian increment (the same law as a shorter month's)
    double lastDays =
        m == 0 ? 0 : ChronoUnit.DAYS.between(months.date(m - 1), target) / DAYS_PER_YEAR;
    boolean partial = m > 0 && lastDays < months.tau(m) - months.tau(m - 1);
    List<Integer> boundaries = new ArrayList<>();
    for (int k = 1; k <= m; k++) {
      boolean change = k < m && monthMoments[k + 1] != monthMoments[k];
      if (k == m || (k == m - 1 && partial) || change || hasFlow[k] || fanAt[k] >= 0) {
        boundaries.add(k);
      }
    }
    int n = boundaries.size();
    int[] from = new int[n];
    int[] to = new int[n];
    double[] drift = new double[n];
    double[] vol = new double[n];
    double[] flow = new double[n];
    boolean[] flows = new boolean[n];
    int[] fanIndex = new int[n];
    int prev = 0;
    for (int i = 0; i < n; i++) {
      int k = boundaries.get(i);
      double[] mo = monthMoments[k];
      from[i] = prev;
      to[i] = k;
      if (k == m && partial) {
        double f = lastDays / (months.tau(m) - months.tau(m - 1));
        drift[i] = mo[0] * lastDays;
        vol[i] = mo[1] * StrictMath.sqrt(f);
      } else {
        drift[i] = mo[0] * (months.tau(k) - months.tau(prev));
        vol[i] = mo[1];
      }
      flow[i] = flowAt[k];
      flows[i] = hasFlow[k];
      fanIndex[i] = fanAt[k];
      prev = k;
    }
    return new Lane(
        g,
        gp,
        m,
        from,
        to,
        drift,
        vol,
        flow,
        flows,
        fanIndex,
        fanDates.toArray(new LocalDate[0]),
        paths);
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
        double rho =
            i == j ? 1.0 : assumptions.correlation(classes.get(i), classes.get(j)).doubleValue();
        variance += w[i] * w[j] * s[i] * s[j] * rho;
      }
    }
    variance = Math.max(0.0, variance);
    return new double[] {arithmetic - variance / 2, StrictMath.sqrt(variance)};
  }

  /**
   * Runs every path. Each path is one Brownian motion W in years, shared by every goal; W is drawn
   * only at the month boundaries some goal needs, by a Brownian bridge on a binary tree of months
   * (see {@link Bridge}), and each goal's log value moves by {@code drift + vol (W(to) - W(from))}
   * over each of its segments.
   */
  private void simulate(List<Lane> lanes, long seed, Months months) {
    Lane[] ls = lanes.toArray(new Lane[0]);
    int horizon = 0;
    for (Lane l : ls) {
      horizon = Math.max(horizon, l.months);
    }
    boolean[] needed = new boolean[horizon + 1];
    for (Lane l : ls) {
      for (int k : l.to) {
        needed[k] = true;
      }
      for (int k : l.from) {
        needed[k] = true;
      }
    }
    Bridge bridge = Bridge.of(months, horizon, needed);
    double[] w = new double[bridge.size() + 1];
    Normals normals = new Normals(seed);
    for (int p = 0; p < paths; p++) {
      normals.startPath(p);
      bridge.fill(normals, w);
      for (Lane l : ls) {
        l.run(p, w);
      }
    }
  }

  /**
   * The months of an outlook: boundary k is the as-of date plus k calendar months, and its time
   * {@code tau(k)} is the days from the as-of date over 365.25; beyond the last goal's month the
   * months are a twelfth of a year each (only the bridge's tree reaches there).
   */
  static final class Months {
    private final LocalDate asOf;
    private final int horizon;
    private final LocalDate[] dates;
    private final double[] tau;

    Months(LocalDate asOf, LocalDate last) {
      this.asOf = asOf;
      int m = 0;
      while (asOf.plusMonths(m).isBefore(last)) {
        m++;
      }
      this.horizon = m;
      this.dates = new LocalDate[m + 1];
      this.tau = new double[m + 1];
      for (int k = 0; k <= m; k++) {
        dates[k] = asOf.plusMonths(k);
        tau[k] = ChronoUnit.DAYS.between(asOf, dates[k]) / DAYS_PER_YEAR;
      }
    }

    /** Returns the first month whose end boundary is on or after {@code date} (0 if not after). */
    int monthOf(LocalDate date) {
      if (!date.isAfter(asOf)) {
        return 0;
      }
      int lo = 1;
      int hi = horizon;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (dates[mid].isBefore(date)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    LocalDate date(int k) {
      return dates[k];
    }

    double tau(int k) {
      return k <= horizon ? tau[k] : tau[horizon] + (k - horizon) / 12.0;
    }
  }

  /**
   * The Brownian bridge that draws a path's W at the month boundaries needed. The tree's root spans
   * boundaries 0 to N, the smallest power of two at least the horizon; W(0) = 0 and W(N) is drawn
   * with normal number 0; node i spanning [l, r) draws W at its midpoint m given W(l) and W(r),
   * {@code W(l) + (t_m - t_l) / (t_r - t_l) (W(r) - W(l)) + sqrt((t_m - t_l)(t_r - t_m) / (t_r -
   * t_l)) z}, with normal number i (children 2i and 2i + 1), and only where some needed boundary
   * lies strictly inside [l, r). A node's number depends only on the tree, never on which other
   * nodes a household needs, so two households that need different boundaries see the same W at the
   * boundaries both need: this is what makes results compare path by path. The nodes visited are
   * the same on every path, so they are listed once, parents first.
   */
  static final class Bridge {
    private final int size;
    private final double rootSd;
    private final int[] node;
    private final int[] left;
    private final int[] mid;
    private final int[] right;
    private final double[] weight;
    private final double[] sd;

    private Bridge(int size, double rootSd, List<double[]> visits) {
      this.size = size;
      this.rootSd = rootSd;
      int n = visits.size();
      node = new int[n];
      left = new int[n];
      mid = new int[n];
      right = new int[n];
      weight = new double[n];
      sd = new double[n];
      for (int i = 0; i < n; i++) {
        double[] v = visits.get(i);
        node[i] = (int) v[0];
        left[i] = (int) v[1];
        mid[i] = (int) v[2];
        right[i] = (int) v[3];
        weight[i] = v[4];
        sd[i] = v[5];
      }
    }

    static Bridge of(Months months, int horizon, boolean[] needed) {
      int size = 1;
      while (size < horizon) {
        size <<= 1;
      }
      int[] count = new int[size + 1];
      for (int k = 1; k <= size; k++) {
        count[k] = count[k - 1] + (k <= horizon && needed[k] ? 1 : 0);
      }
      List<double[]> visits = new ArrayList<>();
      visit(months, count, 1, 0, size, visits);
      return new Bridge(size, StrictMath.sqrt(months.tau(size)), visits);
    }

    private static void visit(
        Months months, int[] count, int id, int l, int r, List<double[]> out) {
      if (r - l < 2 || count[r - 1] - count[l] == 0) {
        return;
      }
      int m = (l + r) >>> 1;
      double tl = months.tau(l);
      double tm = months.tau(m);
      double tr = months.tau(r);
      out.add(
          new double[] {
            id, l, m, r, (tm - tl) / (tr - tl), StrictMath.sqrt((tm - tl) * (tr - tm) / (tr - tl))
          });
      visit(months, count, 2 * id, l, m, out);
      visit(months, count, 2 * id + 1, m, r, out);
    }

    int size() {
      return size;
    }

    /** Fills {@code w} at the needed boundaries (and the nodes above them) for the current path. */
    void fill(Normals normals, double[] w) {
      w[0] = 0.0;
      w[size] = rootSd * normals.at(0);
      for (int i = 0; i < node.length; i++) {
        double wl = w[left[i]];
        w[mid[i]] = wl + weight[i] * (w[right[i]] - wl) + sd[i] * normals.at(node[i]);
      }
    }
  }

  /** One goal's segments on arrays, and its paths' log values. */
  private static final class Lane {
    final Goal goal;
    final GoalPlan plan;
    final int months;
    final int[] from;
    final int[] to;
    final double[] drift;
    final double[] vol;
    final double[] flow;
    final boolean[] hasFlow;
    final int[] fanIndex;
    final double startLog;
    final double[] terminal;
    final LocalDate[] fanDates;
    final double[][] fanLogs;

    Lane(
        Goal goal,
        GoalPlan plan,
        int months,
        int[] from,
        int[] to,
        double[] drift,
        double[] vol,
        double[] flow,
        boolean[] hasFlow,
        int[] fanIndex,
        LocalDate[] fanDates,
        int paths) {
      this.goal = goal;
      this.plan = plan;
      this.months = months;
      this.from = from;
      this.to = to;
      this.drift = drift;
      this.vol = vol;
      this.flow = flow;
      this.hasFlow = hasFlow;
      this.fanIndex = fanIndex;
      double v0 = plan.assignedValue().amount().doubleValue();
      this.startLog = v0 > 0 ? StrictMath.log(v0) : Double.NEGATIVE_INFINITY;
      this.terminal = new double[paths];
      this.fanDates = fanDates;
      this.fanLogs = new double[fanDates.length][paths];
    }

    /** Moves path {@code p}'s log value along the segments, given W at their ends. */
    void run(int p, double[] w) {
      double x = startLog;
      if (fanLogs.length > 0) {
        fanLogs[0][p] = x;
      }
      for (int i = 0; i < to.length; i++) {
        x += drift[i] + vol[i] * (w[to[i]] - w[from[i]]);
        if (hasFlow[i]) {
          double v = (x == Double.NEGATIVE_INFINITY ? 0.0 : StrictMath.exp(x)) + flow[i];
          x = v > 0 ? StrictMath.log(v) : Double.NEGATIVE_INFINITY;
        }
        if (fanIndex[i] >= 0) {
          fanLogs[fanIndex[i]][p] = x;
        }
      }
      terminal[p] = x;
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
      BigDecimal probability =
          BigDecimal.valueOf(met).divide(BigDecimal.valueOf(paths), 4, RoundingMode.HALF_EVEN);
      BigDecimal se =
          BigDecimal.valueOf(Math.sqrt(p * (1 - p) / paths)).setScale(4, RoundingMode.HALF_EVEN);
      double[] sorted = terminal.clone();
      Arrays.sort(sorted);
      FanPoint outcome = point(goal.targetDate(), sorted, amount);
      ImmutableList.Builder<FanPoint> fan = ImmutableList.builder();
      for (int i = 0; i < fanLogs.length; i++) {
        double[] s = fanLogs[i].clone();
        Arrays.sort(s);
        fan.add(point(fanDates[i], s, amount));
      }
      return new GoalOdds(
          goal.id(),
          amount,
          goal.targetDate(),
          plan.assignedValue(),
          probability,
          se,
          outcome,
          money(amount, shortfall / paths),
          money(amount, short_ == 0 ? 0.0 : shortfall / short_),
          fan.build());
    }

    private static FanPoint point(LocalDate date, double[] sortedLogs, Money like) {
      return new FanPoint(
          date,
          quantile(sortedLogs, 0.10, like),
          quantile(sortedLogs, 0.25, like),
          quantile(sortedLogs, 0.50, like),
          quantile(sortedLogs, 0.75, like),
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
      double x =
          sorted[lo] == Double.NEGATIVE_INFINITY || sorted[hi] == Double.NEGATIVE_INFINITY
              ? (h - lo > 0 ? sorted[hi] : sorted[lo])
              : sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
      return money(like, x == Double.NEGATIVE_INFINITY ? 0.0 : StrictMath.exp(x));
    }

    private static Money money(Money like, double value) {
      return Money.ofComputed(like.currency(), BigDecimal.valueOf(value));
    }
  }
}
