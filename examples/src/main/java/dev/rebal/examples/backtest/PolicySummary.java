package dev.rebal.examples.backtest;

import dev.rebal.engine.DecisionOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One policy's results over the book: returns (money-weighted, book level), trading, tracking
 * error, taxes, harvesting, needs and review load. Amounts are in dollars, rates are fractions.
 */
final class PolicySummary {
  final Policy policy;
  final int households;
  final double years;
  final double afterTaxReturn;
  final double preLiquidationReturn;
  final double turnover;
  final double eventsPerHouseholdYear;
  final double reviewsPerHouseholdYear;
  final double trackingErrorOwn;
  final double trackingErrorStatic;
  final double taxPaid;
  final double taxSaved;
  final double liquidationTax;
  final double accruedAtEnd;
  final double realizedShortTerm;
  final double realizedLongTerm;
  final double realizedLosses;
  final double harvested;
  final int needs;
  final int shortfalls;
  final double shortfallAmount;
  final double forcedSold;
  final double startAfterTax;
  final double endBefore;
  final double endAfter;
  final double[] wealth;
  final int problems;
  final int vetoes;
  final int[] outcomes = new int[DecisionOutcome.values().length];
  final java.util.Map<String, Integer> triggers = new java.util.TreeMap<>();

  PolicySummary(Policy policy, List<HouseholdOutcome> hs) {
    this.policy = policy;
    this.households = hs.size();
    int steps = hs.get(0).wealth.length;
    this.years = (steps - 1) / 12.0;
    double[] flows = new double[steps];
    double[] w = new double[steps];
    double s0 = 0;
    double s0Pre = 0;
    double eAfter = 0;
    double eBefore = 0;
    double traded = 0;
    double avgWealth = 0;
    int ev = 0;
    double te = 0;
    double teStatic = 0;
    double tp = 0;
    double ts = 0;
    double acc = 0;
    double st = 0;
    double lt = 0;
    double loss = 0;
    double harv = 0;
    int nd = 0;
    int sf = 0;
    double sfa = 0;
    double forced = 0;
    int probs = 0;
    int veto = 0;
    for (HouseholdOutcome o : hs) {
      for (int t = 0; t < steps; t++) {
        flows[t] += o.flows[t];
        w[t] += o.wealth[t];
        avgWealth += o.wealth[t] / steps;
      }
      s0 += o.startAfterTax;
      s0Pre += o.startWealth;
      eAfter += o.endAfterLiquidation;
      eBefore += o.endBeforeLiquidation;
      traded += o.traded;
      ev += o.events;
      te += stdev(o.activeOwn) * Math.sqrt(12);
      teStatic += stdev(o.activeStatic) * Math.sqrt(12);
      tp += o.taxPaid;
      ts += o.taxSaved;
      acc += o.accruedAtEnd;
      st += o.realizedShortTerm;
      lt += o.realizedLongTerm;
      loss += o.realizedLosses;
      harv += o.harvested;
      nd += o.needs;
      sf += o.shortfalls;
      sfa += o.shortfallAmount;
      forced += o.forcedSold;
      probs += o.problems.size();
      veto += o.vetoes;
      o.outcomes.forEach((k, v) -> outcomes[k.ordinal()] += v);
      o.triggers.forEach((k, v) -> triggers.merge(k, v, Integer::sum));
    }
    double hy = households * years;
    this.afterTaxReturn = irr(s0, flows, eAfter);
    this.preLiquidationReturn = irr(s0Pre, flows, eBefore);
    this.turnover = traded / 2 / avgWealth / years;
    this.eventsPerHouseholdYear = ev / hy;
    this.reviewsPerHouseholdYear = outcomes[DecisionOutcome.REVIEW.ordinal()] / hy;
    this.trackingErrorOwn = te / households;
    this.trackingErrorStatic = teStatic / households;
    this.taxPaid = tp;
    this.taxSaved = ts;
    this.accruedAtEnd = acc;
    this.liquidationTax = eBefore - eAfter;
    this.realizedShortTerm = st;
    this.realizedLongTerm = lt;
    this.realizedLosses = loss;
    this.harvested = harv;
    this.needs = nd;
    this.shortfalls = sf;
    this.shortfallAmount = sfa;
    this.forcedSold = forced;
    this.startAfterTax = s0;
    this.endBefore = eBefore;
    this.endAfter = eAfter;
    this.wealth = w;
    this.problems = probs;
    this.vetoes = veto;
  }

  /**
   * Per-household annualized after-tax returns (households with no managed wealth skipped: NaN).
   */
  static double[] householdReturns(List<HouseholdOutcome> hs) {
    double[] r = new double[hs.size()];
    for (int i = 0; i < r.length; i++) {
      HouseholdOutcome o = hs.get(i);
      r[i] =
          o.startAfterTax > 1000
              ? irr(o.startAfterTax, o.flows, o.endAfterLiquidation)
              : Double.NaN;
    }
    return r;
  }

  /**
   * Returns the annualized money-weighted return: the monthly rate r with {@code start + sum_t
   * flows[t] / (1+r)^t = end / (1+r)^T} (flows are the investor's deposits, negative for
   * withdrawals), found by bisection, compounded to a year.
   */
  static double irr(double start, double[] flows, double end) {
    int n = flows.length - 1;
    double lo = -0.5;
    double hi = 0.5;
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      double f = npv(mid, start, flows, end, n);
      if (f > 0) {
        lo = mid; // the end value is worth more than the money put in: the rate is higher
      } else {
        hi = mid;
      }
    }
    return Math.pow(1 + (lo + hi) / 2, 12) - 1;
  }

  private static double npv(double r, double start, double[] flows, double end, int n) {
    double v = -start;
    double d = 1;
    for (int t = 0; t <= n; t++) {
      if (t > 0) {
        d /= 1 + r;
        v -= flows[t] * d;
      }
    }
    return v + end * d;
  }

  static double stdev(double[] x) {
    if (x.length < 2) {
      return 0;
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    return Math.sqrt(ss / (x.length - 1));
  }

  static List<PolicySummary> of(Backtest.Result r) {
    List<PolicySummary> out = new ArrayList<>();
    for (Policy p : Policy.values()) {
      out.add(new PolicySummary(p, r.outcomes().get(p)));
    }
    return out;
  }
}
