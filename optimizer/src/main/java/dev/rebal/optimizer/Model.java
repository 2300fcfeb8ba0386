package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A household problem converted once to indexed doubles (docs/optimizer.md sections 1-3): accounts,
 * securities, classes, groups and positions sorted by id, so that input order never matters; merged
 * sell segments sorted by cost; goal intervals; and the trade direction of every group.
 * Package-private; built per solve.
 */
final class Model {
  static final int UNRESTRICTED = Integer.MAX_VALUE;

  final HouseholdProblem problem;
  final RebalanceMode mode;
  final double value;
  final double tau;
  final double mu;
  final double theta;

  // accounts
  final AccountId[] accountIds;
  final double[] cash;
  final double[] floor;
  final boolean[] tradable;
  final boolean[] fractional;
  final boolean[] outsideRelocation; // its sales earn no location saving (a donor-advised fund)
  final boolean[] cashApart; // its cash is not the household's: it raises none beyond its needs
  // securities
  final SecurityId[] securityIds;
  final double[] price;
  final int[] securityClass;
  final int[] securityGroup;
  final double[] securityValue;
  final double[] pairLocation; // per account * classes + class: the asset-location cost
  final double[] worstLocation; // per class: the largest pair cost

  final double[] cap; // NaN when uncapped
  final boolean[] saleLimited; // in some household sale limit (always keeps its segments)
  // classes
  final AssetClass[] classes;
  final boolean[] hasGoal;
  final double[] weight;
  final double[] lower;
  final double[] upper;
  final double[] target;
  final double[] bandLower; // the band itself (not the mode's interval), for shortfalls
  final double[] bandUpper;
  // the band tier (docs/optimizer.md, "The band tier"): drift inside the band but outside the
  // mode's interval costs innerWeight, and drift past [edgeLower, edgeUpper] edgeWeight more. That
  // interval is the band narrowed to where the class starts, if it starts inside the band: the tier
  // discounts drift the class already has, never drift a proposal creates. Cash's is the band, with
  // its interval's upper end (idle cash is invested)
  final double[] innerWeight;
  final double[] edgeWeight; // 0 when the mode's interval is the band or the share is 1
  final double[] edgeLower;
  final double[] edgeUpper;
  final boolean[] narrowerThanBand; // the mode's interval is narrower than the band
  // each dollar of drift a proposal creates costs worsenWeight more (docs/optimizer.md, "No drift
  // created"); 0 for cash. Created drift is what a class ends above worseAbove or below
  // worseBelow: past its mode's interval and where it starts or, for a class starting inside its
  // interval, further from its target than it starts, on either side
  final double[] worsenWeight;
  final double[] worseAbove;
  final double[] worseBelow;
  final double[] classValue;
  // goal-bucket class goals, sorted by bucket id then class (section 5); none for most households
  final int buckets;
  final int[] bucketClass;
  final double[] bucketWeight;
  final double[] bucketLower;
  final double[] bucketUpper;
  final double[] bucketClassValue;
  final double[][] bucketShare; // [bucket goal][account], 0 when the account is not in the bucket
  final String[] bucketId;
  final double[] bucketValue;
  final double[] bucketTargetWeight;
  final double[] bucketBandLower; // the band itself, for shortfalls
  final double[] bucketBandUpper;
  // goals beyond the class bands (docs/optimizer.md, "Goals and their priorities")
  final double driftBase; // value + expected inflow − cash held for committed needs
  final double inflow;
  final double[] needReserve; // per account, dollars above the floor for committed needs
  final int cashClass; // the class account cash belongs to, or -1 when the problem has none
  final boolean harvestLosses;
  // groups: direction is decided from the problem (solve, fix the groups traded both ways, solve)
  static final int BOTH = 0;
  static final int BUY_ONLY = 1;
  static final int SELL_ONLY = 2;
  final String[] groups;
  final int[] groupDirection;
  private final boolean[] canBuy;

  /** Whether each merged segment may be sold whatever its group's direction. */
  final boolean[][] canSell;

  // positions
  final ProblemPosition[] positions;
  final int[] positionAccount;
  final int[] positionSecurity;
  final Segment[][] segments; // merged, sorted by cost
  final boolean[] buyAllowed;
  final boolean[][] sellAllowed;
  final double gainBudget;
  final double shortTermCap;
  final double turnoverCap;

  /**
   * Whether the objective keeps only the goals above the budgets and the budgets themselves (no
   * drift, no concentration reward), while the optimizer finds the least the budgets must be
   * exceeded (HouseholdOptimizer.budgetsFirst).
   */
  boolean budgetsOnly;

  /** The most the gain budget may be exceeded, in dollars of gain; NaN for no limit. */
  double gainOverLimit = Double.NaN;

  /** The most the short-term gain cap may be exceeded, in dollars of gain; NaN for no limit. */
  double shortTermOverLimit = Double.NaN;

  final Map<SecurityId, Integer> securityIndex;
  // rounding margins (dollars) subtracted from right-hand sides on the second pass (section 9)
  final double[] cashMargin;
  final double[] capMargin;
  double gainMargin;
  double shortTermMargin;
  final Map<String, Double> saleLimitMargin = new HashMap<>(); // shares, by sale limit id

  /**
   * A merged sell segment: identical (gain, term, rate) segments of one position. Its quantity and
   * sources grow while {@link #merge} builds it, and are fixed after.
   */
  static final class Segment {
    final double gain;
    final boolean shortTerm;
    final double rate;
    final double costPerDollar;
    BigDecimal quantity;
    final List<Integer> sources = new ArrayList<>();
    final BigDecimal gainExact;
    final BigDecimal rateExact;
    final Term term;
    final boolean harvestable;

    Segment(SellSegment s, double costPerDollar) {
      this.harvestable = s.harvestable();
      this.gainExact = s.gainPerDollar();
      this.rateExact = s.taxRate();
      this.term = s.term();
      this.gain = s.gainPerDollar().doubleValue();
      this.shortTerm = s.term() == Term.SHORT;
      this.rate = s.taxRate().doubleValue();
      this.costPerDollar = costPerDollar;
      this.quantity = BigDecimal.ZERO;
    }

    /** Adds input segment {@code source} of quantity {@code q}; returns this segment. */
    Segment add(int source, BigDecimal q) {
      quantity = quantity.add(q);
      sources.add(source);
      return this;
    }

    boolean sameCost(SellSegment s) {
      return gainExact.compareTo(s.gainPerDollar()) == 0
          && term == s.term()
          && rateExact.compareTo(s.taxRate()) == 0
          && harvestable == s.harvestable();
    }
  }

  Model(HouseholdProblem p) {
    this.problem = p;
    this.mode = p.mode();
    this.tau = p.weights().transactionCostBps().doubleValue() / 10_000.0;
    this.mu = p.weights().turnoverPenalty().doubleValue();
    this.theta = p.weights().taxWeight().doubleValue();

    List<ProblemAccount> accounts = new ArrayList<>(p.accounts());
    accounts.sort(Comparator.comparing(ProblemAccount::id));
    int na = accounts.size();
    accountIds = new AccountId[na];
    cash = new double[na];
    floor = new double[na];
    tradable = new boolean[na];
    fractional = new boolean[na];
    outsideRelocation = new boolean[na];
    cashApart = new boolean[na];
    Map<AccountId, Integer> accountIndex = new HashMap<>();
    for (int a = 0; a < na; a++) {
      ProblemAccount acc = accounts.get(a);
      accountIds[a] = acc.id();
      cash[a] = acc.cash().amount().doubleValue();
      floor[a] = acc.cashFloor().amount().doubleValue();
      tradable[a] = acc.tradable();
      fractional[a] = acc.fractional();
      outsideRelocation[a] = p.outsideRelocation().contains(acc.id());
      cashApart[a] = p.cashApart().contains(acc.id());
      accountIndex.put(acc.id(), a);
    }

    List<ProblemSecurity> secs = new ArrayList<>(p.securities());
    secs.sort(Comparator.comparing(ProblemSecurity::id));
    TreeMap<AssetClass, Integer> classIndex = new TreeMap<>();
    TreeMap<String, Integer> groupIndex = new TreeMap<>();
    for (ProblemSecurity s : secs) {
      classIndex.put(s.assetClass(), 0);
      groupIndex.put(s.washSaleGroup(), 0);
    }
    for (ClassGoal g : p.classGoals()) {
      classIndex.put(g.assetClass(), 0);
    }
    for (BucketGoal g : p.bucketGoals()) {
      classIndex.put(g.assetClass(), 0);
    }
    classes = classIndex.keySet().toArray(new AssetClass[0]);
    for (int c = 0; c < classes.length; c++) {
      classIndex.put(classes[c], c);
    }
    groups = groupIndex.keySet().toArray(new String[0]);
    for (int g = 0; g < groups.length; g++) {
      groupIndex.put(groups[g], g);
    }
    int ns = secs.size();
    securityIds = new SecurityId[ns];
    price = new double[ns];
    securityClass = new int[ns];
    securityGroup = new int[ns];
    securityValue = new double[ns];
    cap = new double[ns];
    Arrays.fill(cap, Double.NaN);
    saleLimited = new boolean[ns];
    Map<SecurityId, Integer> securityIndex = new HashMap<>();
    for (int s = 0; s < ns; s++) {
      ProblemSecurity sec = secs.get(s);
      securityIds[s] = sec.id();
      price[s] = sec.price().amount().doubleValue();
      securityClass[s] = classIndex.get(sec.assetClass());
      securityGroup[s] = groupIndex.get(sec.washSaleGroup());
      securityIndex.put(sec.id(), s);
    }
    for (HoldingCap c : p.holdingCaps()) {
      cap[securityIndex.get(c.security())] = c.maxValue().amount().doubleValue();
    }
    this.securityIndex = securityIndex;
    for (SaleLimit l : p.saleLimits()) {
      for (SecurityId id : l.securities()) {
        saleLimited[securityIndex.get(id)] = true;
      }
    }

    List<ProblemPosition> pos = new ArrayList<>(p.positions());
    pos.sort(
        Comparator.comparing(ProblemPosition::account).thenComparing(ProblemPosition::security));
    int np = pos.size();
    positions = pos.toArray(new ProblemPosition[0]);
    positionAccount = new int[np];
    positionSecurity = new int[np];
    classValue = new double[classes.length];
    double total = 0;
    for (double c : cash) {
      total += c;
    }
    boolean harvest = mode == RebalanceMode.TAX_LOSS_HARVEST;
    this.harvestLosses = p.harvestLosses();
    segments = new Segment[np][];
    for (int i = 0; i < np; i++) {
      ProblemPosition q = positions[i];
      positionAccount[i] = accountIndex.get(q.account());
      int s = securityIndex.get(q.security());
      positionSecurity[i] = s;
      double v = q.held().value().doubleValue() * price[s];
      securityValue[s] += v;
      classValue[securityClass[s]] += v;
      total += v;
      segments[i] = merge(q.segments(), harvest, harvestLosses);
    }
    this.value = total;
    // asset location per (account, class) and the worst per class
    pairLocation = new double[na * classes.length];
    worstLocation = new double[classes.length];
    for (LocationCost c : p.locationCosts()) {
      Integer cl = classIndex.get(c.assetClass());
      if (cl != null) {
        double v = c.perDollar().doubleValue();
        pairLocation[accountIndex.get(c.account()) * classes.length + cl] = v;
        worstLocation[cl] = Math.max(worstLocation[cl], v);
      }
    }
    needReserve = new double[na];
    for (CashReserve r : p.cashReserves()) {
      needReserve[accountIndex.get(r.account())] += r.amount().amount().doubleValue();
    }
    // the needs' cash leaves the drift base as far as their accounts can raise it (cash above
    // the floor and what may be sold there): an unfundable need does not shrink the base
    double needs = 0;
    for (int a = 0; a < na; a++) {
      if (needReserve[a] > 0) {
        double capacity = Math.max(0, cash[a] - floor[a]);
        for (int i = 0; i < np; i++) {
          if (positionAccount[i] == a && tradable[a] && positions[i].sellEligible()) {
            capacity += positions[i].held().value().doubleValue() * price[positionSecurity[i]];
          }
        }
        needs += Math.min(needReserve[a], capacity);
      }
    }
    this.inflow = p.expectedInflow().amount().doubleValue();
    // account cash is a class of its own when the problem names one: its value is all account
    // cash (and cash-equivalent positions) less the needs' cash, plus the inflow until invested
    this.cashClass = p.cashClass().map(classIndex::get).orElse(-1);
    if (cashClass >= 0) {
      double accountCash = 0;
      for (double c : cash) {
        accountCash += c;
      }
      classValue[cashClass] += accountCash - needs + inflow;
    }
    // cash held for committed needs is outside the drift base, an announced inflow inside it
    this.driftBase = Math.max(0, total + inflow - needs);
    this.cashMargin = new double[na];
    this.capMargin = new double[ns];

    List<BucketGoal> bucketGoals = new ArrayList<>(p.bucketGoals());
    bucketGoals.sort(
        Comparator.comparing(BucketGoal::bucket).thenComparing(BucketGoal::assetClass));
    buckets = bucketGoals.size();
    bucketClass = new int[buckets];
    bucketWeight = new double[buckets];
    bucketLower = new double[buckets];
    bucketUpper = new double[buckets];
    bucketClassValue = new double[buckets];
    bucketShare = new double[buckets][na];
    bucketId = new String[buckets];
    bucketValue = new double[buckets];
    bucketTargetWeight = new double[buckets];
    bucketBandLower = new double[buckets];
    bucketBandUpper = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      BucketGoal g = bucketGoals.get(b);
      bucketId[b] = g.bucket();
      bucketClass[b] = classIndex.get(g.assetClass());
      bucketWeight[b] = g.driftWeight().doubleValue();
      double bucketValue = 0;
      for (Map.Entry<AccountId, BigDecimal> e : g.accountShares().entrySet()) {
        int a = accountIndex.get(e.getKey());
        bucketShare[b][a] = e.getValue().doubleValue();
        bucketValue += bucketShare[b][a] * cash[a];
      }
      for (int i = 0; i < np; i++) {
        double share = bucketShare[b][positionAccount[i]];
        if (share > 0) {
          int s = positionSecurity[i];
          double v = share * positions[i].held().value().doubleValue() * price[s];
          bucketValue += v;
          if (securityClass[s] == bucketClass[b]) {
            bucketClassValue[b] += v;
          }
        }
      }
      double t = g.target().weight().value().doubleValue();
      this.bucketValue[b] = bucketValue;
      bucketTargetWeight[b] = t;
      double half = halfInterval(mode, g.target().halfWidth().value().doubleValue());
      double band = g.target().halfWidth().value().doubleValue();
      bucketBandLower[b] = Math.max(0, (t - band) * bucketValue);
      bucketBandUpper[b] = (t + band) * bucketValue;
      bucketLower[b] = Math.max(0, (t - half) * bucketValue);
      bucketUpper[b] = (t + half) * bucketValue;
    }

    hasGoal = new boolean[classes.length];
    weight = new double[classes.length];
    lower = new double[classes.length];
    upper = new double[classes.length];
    target = new double[classes.length];
    bandLower = new double[classes.length];
    bandUpper = new double[classes.length];
    innerWeight = new double[classes.length];
    edgeWeight = new double[classes.length];
    edgeLower = new double[classes.length];
    edgeUpper = new double[classes.length];
    narrowerThanBand = new boolean[classes.length];
    worsenWeight = new double[classes.length];
    double worsening = p.weights().driftWorsening().doubleValue();
    for (ClassGoal g : p.classGoals()) {
      int c = classIndex.get(g.assetClass());
      hasGoal[c] = true;
      weight[c] = g.driftWeight().doubleValue();
      double t = g.target().weight().value().doubleValue();
      double half = halfInterval(mode, g.target().halfWidth().value().doubleValue());
      target[c] = t * driftBase;
      double band = g.target().halfWidth().value().doubleValue();
      bandLower[c] = Math.max(0, (t - band) * driftBase);
      bandUpper[c] = (t + band) * driftBase;
      lower[c] = Math.max(0, (t - half) * driftBase);
      upper[c] = (t + half) * driftBase;
      narrowerThanBand[c] = half < band;
      boolean tiered = half < band && g.inBandShare().compareTo(BigDecimal.ONE) < 0;
      innerWeight[c] = tiered ? weight[c] * g.inBandShare().doubleValue() : weight[c];
      edgeWeight[c] = tiered ? weight[c] - innerWeight[c] : 0;
      double h = classValue[c];
      edgeLower[c] = c == cashClass ? bandLower[c] : Math.max(bandLower[c], Math.min(h, lower[c]));
      edgeUpper[c] = c == cashClass ? bandUpper[c] : Math.min(bandUpper[c], Math.max(h, upper[c]));
      worsenWeight[c] = weight[c] * worsening;
    }

    if (cashClass >= 0) {
      // idle cash is never a drift to leave alone: cash above its target (plus what must stay,
      // the floors and the cash of accounts that cannot trade) is invested in every mode, as
      // the cash trigger counts it; only the lower side of cash follows the mode
      double mustStay = 0;
      for (int a = 0; a < na; a++) {
        mustStay += tradable[a] ? Math.min(cash[a], floor[a]) : cash[a];
      }
      upper[cashClass] = target[cashClass] + mustStay;
      bandUpper[cashClass] += mustStay;
      edgeUpper[cashClass] = upper[cashClass];
      // cash is what the other classes trade through; its own drift keeps its plain weights
      worsenWeight[cashClass] = 0;
    }
    worseAbove = new double[classes.length];
    worseBelow = new double[classes.length];
    for (int c = 0; c < classes.length; c++) {
      double h = classValue[c];
      if (startsInsideInterval(c)) {
        double distance = Math.abs(h - target[c]);
        worseAbove[c] = target[c] + distance;
        worseBelow[c] = target[c] - distance;
      } else {
        worseAbove[c] = Math.max(h, upper[c]);
        worseBelow[c] = Math.min(h, lower[c]);
      }
    }
    gainBudget = p.gainBudget().map(m -> m.amount().doubleValue()).orElse(Double.NaN);
    shortTermCap = p.shortTermGainCap().map(m -> m.amount().doubleValue()).orElse(Double.NaN);
    turnoverCap = p.turnoverCap().map(m -> m.amount().doubleValue()).orElse(Double.NaN);

    // eligibility; the direction of each wash-sale group is decided from the problem
    Set<String> lossBlocked = p.lossSaleBlockedGroups();
    Set<String> buyBlocked = p.buyBlockedGroups();
    boolean cashOnly = mode == RebalanceMode.CASH_ONLY;
    canBuy = new boolean[np];
    canSell = new boolean[np][];
    for (int i = 0; i < np; i++) {
      int a = positionAccount[i];
      int s = positionSecurity[i];
      int g = securityGroup[s];
      boolean deficit = cash[a] < floor[a] + needReserve[a];
      ProblemPosition q = positions[i];
      canBuy[i] =
          tradable[a]
              && q.buyEligible()
              && q.maxBuy().isPositive()
              && !buyBlocked.contains(groups[g])
              && hasGoal[securityClass[s]]
              && !(cashOnly && deficit);
      canSell[i] = new boolean[segments[i].length];
      for (int k = 0; k < segments[i].length; k++) {
        boolean loss = segments[i][k].gain < 0;
        canSell[i][k] =
            tradable[a]
                && q.sellEligible()
                && !(loss && lossBlocked.contains(groups[g]))
                && !(cashOnly && !deficit);
      }
    }
    groupDirection = new int[groups.length];
    buyAllowed = new boolean[np];
    sellAllowed = new boolean[np][];
    for (int i = 0; i < np; i++) {
      sellAllowed[i] = new boolean[segments[i].length];
    }
    applyDirections();
  }

  /**
   * Takes the directions {@code other} fixed (a group the last solution both bought and sold, in
   * one account or across accounts, keeps the side it traded more), for a second pass.
   */
  void copyDirections(Model other) {
    System.arraycopy(other.groupDirection, 0, groupDirection, 0, groupDirection.length);
    applyDirections();
  }

  /** Sets every group's direction to {@code directions} (a copy of {@link #groupDirection}). */
  void setDirections(int[] directions) {
    System.arraycopy(directions, 0, groupDirection, 0, groupDirection.length);
    applyDirections();
  }

  /** Fixes group {@code g} to selling or to buying (see {@link #copyDirections}). */
  void fixDirection(int g, boolean sells) {
    groupDirection[g] = sells ? SELL_ONLY : BUY_ONLY;
    applyDirections();
  }

  private void applyDirections() {
    for (int i = 0; i < positions.length; i++) {
      int dir = groupDirection[securityGroup[positionSecurity[i]]];
      buyAllowed[i] = canBuy[i] && dir != SELL_ONLY;
      for (int k = 0; k < segments[i].length; k++) {
        sellAllowed[i][k] = canSell[i][k] && dir != BUY_ONLY;
      }
    }
  }

  /**
   * Whether class {@code c}, not cash, starts inside its mode's interval: it has no drift of its
   * own for the band tier to discount, and any drift a proposal gives it is created.
   */
  boolean startsInsideInterval(int c) {
    return c != cashClass && classValue[c] >= lower[c] && classValue[c] <= upper[c];
  }

  /** Half-width of the goal interval of {@code mode} (section 2) for a band half-width. */
  private static double halfInterval(RebalanceMode mode, double band) {
    switch (mode) {
      case TO_BAND_EDGE:
      case TAX_LOSS_HARVEST:
        return band;
      case HALFWAY:
        return band / 2;
      default:
        return 0;
    }
  }

  private static final Comparator<Segment> BY_COST =
      Comparator.<Segment>comparingDouble(x -> x.costPerDollar)
          .thenComparing(x -> x.gainExact)
          .thenComparing(x -> x.term)
          .thenComparing(x -> x.rateExact);

  /** Merges segments with identical (gain, term, rate) and sorts them by cost per dollar. */
  private Segment[] merge(List<SellSegment> in, boolean harvest, boolean harvestMarked) {
    List<Segment> out = new ArrayList<>();
    for (int k = 0; k < in.size(); k++) {
      SellSegment s = in.get(k);
      int found = -1;
      for (int j = 0; j < out.size(); j++) {
        if (out.get(j).sameCost(s)) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        double g = s.gainPerDollar().doubleValue();
        // a loss is a benefit only when harvesting (every loss in harvest mode, the segments the
        // tax module found worth harvesting when the tax trigger joins a rebalance)
        double taxed = harvest || harvestMarked && s.harvestable() ? g : Math.max(g, 0);
        double cost = s.taxRate().doubleValue() * taxed;
        out.add(new Segment(s, cost).add(k, s.quantity().value()));
      } else {
        out.get(found).add(k, s.quantity().value());
      }
    }
    if (out.size() > 1) {
      out.sort(BY_COST);
    }
    return out.toArray(new Segment[0]);
  }

  /**
   * Sets the rounding margins from an LP point: each traded column may lose up to one unit when
   * rounded down, so cash floors, caps and gain budgets are tightened by that much.
   */
  void setRoundingMargins(LpBuild b, double[] x) {
    for (int j = 0; j < x.length; j++) {
      if (b.kind[j] != LpBuild.BUY && b.kind[j] != LpBuild.SELL || x[j] <= 0) {
        continue;
      }
      int i = b.position[j];
      double perUnit = price[positionSecurity[i]] * unit(i);
      cashMargin[positionAccount[i]] += perUnit;
      if (b.kind[j] == LpBuild.SELL) {
        capMargin[positionSecurity[i]] += perUnit;
        for (SaleLimit l : problem.saleLimits()) {
          if (l.securities().contains(securityIds[positionSecurity[i]])) {
            saleLimitMargin.merge(l.id(), unit(i), Double::sum);
          }
        }
        Segment seg = segments[i][b.segment[j]];
        if (seg.gain < 0) {
          gainMargin += -seg.gain * perUnit;
          if (seg.shortTerm) {
            shortTermMargin += -seg.gain * perUnit;
          }
        }
      }
    }
  }

  /**
   * Cost per dollar of selling merged segment {@code k} of position {@code i}, its LP column's
   * coefficient. A sale that realizes no taxed gain ({@link #movesFreely}) saves its pair's
   * location cost, since holding less of the class there saves it; LpBuild's class-decrease row
   * charges the class's worst cost on what such sales leave the household holding less of the class
   * overall, so only a move to a cheaper account earns it (docs/optimizer.md, "Asset location").
   * Any other sale gives up what the pair saves against the worst account, as if nothing bought the
   * class back: no gain is realized to relocate.
   */
  double sellCost(int i, int k) {
    double tax = tau + mu + theta * segments[i][k].costPerDollar;
    return movesFreely(i, k) ? tax - locationOf(i) : tax + giveUp(i);
  }

  /**
   * Whether a sale of merged segment {@code k} of position {@code i} realizes no taxed gain (a
   * loss, no gain, or an account whose sales are not taxed), so it may move its class to a cheaper
   * account; never in an account outside relocation.
   */
  boolean movesFreely(int i, int k) {
    Segment s = segments[i][k];
    return !outsideRelocation[positionAccount[i]] && (s.gain <= 0 || s.rate == 0);
  }

  /**
   * Cost per dollar of a sale of merged segment {@code k} of position {@code i} that no buy of its
   * class elsewhere matches: the transaction and tax cost plus what the pair saves against the
   * class's worst account, never below the transaction and tax cost. It orders the segments of one
   * (account, class), which share the location terms, and tells a sale that pays by itself (a
   * harvest).
   */
  double unmatchedSellCost(int i, int k) {
    return tau + mu + theta * segments[i][k].costPerDollar + giveUp(i);
  }

  /** The asset-location cost of position {@code i}'s (account, class) pair. */
  double locationOf(int i) {
    return pairLocation[positionAccount[i] * classes.length + securityClass[positionSecurity[i]]];
  }

  /**
   * What a sale of position {@code i} gives up for location: its class's worst cost less its own.
   */
  private double giveUp(int i) {
    return worstLocation[securityClass[positionSecurity[i]]] - locationOf(i);
  }

  /** Cost per dollar of buying position {@code i}. */
  double buyCost(int i) {
    return tau + mu + positions[i].locationPenalty().doubleValue() + locationOf(i);
  }

  /** Largest buy of position {@code i} in dollars, or infinity when it binds nothing. */
  double maxBuy(int i) {
    double m = positions[i].maxBuy().amount().doubleValue();
    return m >= value ? Double.POSITIVE_INFINITY : m;
  }

  /** Units per share traded in position {@code i}'s account: 1 or 1e-6 (fractional). */
  double unit(int i) {
    return fractional[positionAccount[i]] ? 1e-6 : 1.0;
  }
}
