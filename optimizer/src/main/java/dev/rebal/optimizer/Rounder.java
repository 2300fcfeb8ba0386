package dev.rebal.optimizer;

import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rounds a verified LP point to tradable units and repairs it (docs/optimizer.md section 9): round
 * down, drop trades below the minimum size, then restore what the LP point achieved of the gain
 * budgets, the holding caps, the cash goals (needs, floors, cash goal) and, last, the class bands
 * (without breaking the others); re-check every hard constraint in exact arithmetic (no account
 * cash below zero, no cap breach created or worsened, the household sale limits) and measure every
 * goal left unmet ({@link GoalShortfall}) on the rounded trades. Quantities are counted in units:
 * whole shares, or millionths of a share in fractional accounts. Package-private.
 */
final class Rounder {
  /** Absorbs floating error when converting LP dollars to units before rounding down. */
  static final double UNIT_ROUNDING_SLACK = 1e-9;

  private static final BigDecimal MICRO = new BigDecimal("0.000001");

  private final Model m;
  private final LpBuild build;
  private final double[] x;
  private final long[] buy;
  private final long[][] sell;
  private final long[][] capacity;
  private final BigDecimal[] unit;
  private final BigDecimal[] price;
  // what the LP point achieved, which repairs restore after rounding (soft goals)
  private final BigDecimal[] cashTarget;
  private final BigDecimal gainTarget;
  private final BigDecimal shortTermTarget;
  private final BigDecimal turnoverTarget;
  private final BigDecimal[] capTarget;
  private final double[] lpClassAfter;
  private final double[] inflow;

  Rounder(Model m, LpBuild build, double[] x) {
    this.m = m;
    this.build = build;
    this.x = x;
    int np = m.positions.length;
    buy = new long[np];
    sell = new long[np][];
    capacity = new long[np][];
    unit = new BigDecimal[np];
    price = new BigDecimal[np];
    for (int i = 0; i < np; i++) {
      unit[i] = m.fractional[m.positionAccount[i]] ? MICRO : BigDecimal.ONE;
      price[i] = BigDecimal.valueOf(m.price[m.positionSecurity[i]]);
      sell[i] = new long[m.segments[i].length];
      capacity[i] = new long[m.segments[i].length];
      for (int k = 0; k < capacity[i].length; k++) {
        capacity[i][k] =
            m.segments[i][k].quantity.divide(unit[i], 0, RoundingMode.DOWN).longValueExact();
      }
    }
    LpOutcome lp = new LpOutcome(m, build, x);
    lpClassAfter = lp.classAfter;
    inflow = lp.inflow;
    cashTarget = new BigDecimal[m.accountIds.length];
    for (int a = 0; a < cashTarget.length; a++) {
      // the LP met the goal (within a cent of floating error): restore it exactly; else what
      // it reached, less a cent
      BigDecimal required = required(a);
      BigDecimal reached = cents(lp.cashAfter[a]);
      cashTarget[a] =
          (reached.add(CENT).compareTo(required) >= 0 ? required : reached.subtract(CENT))
              .max(BigDecimal.ZERO.min(account(a).cash().amount()));
    }
    gainTarget = m.problem.gainBudget().map(b -> reachedOr(b.amount(), lp.gain)).orElse(null);
    shortTermTarget =
        m.problem.shortTermGainCap().map(b -> reachedOr(b.amount(), lp.shortTermGain)).orElse(null);
    turnoverTarget =
        m.problem.turnoverCap().map(b -> reachedOr(b.amount(), lp.turnover)).orElse(null);
    capTarget = new BigDecimal[m.securityIds.length];
    for (int s = 0; s < capTarget.length; s++) {
      if (Double.isNaN(m.cap[s])) {
        continue;
      }
      BigDecimal cap = BigDecimal.valueOf(m.cap[s]);
      BigDecimal before = valueBefore(s);
      // within its cap: the cap (hard); above it: what the LP reached, never above today
      capTarget[s] =
          before.compareTo(cap) <= 0 ? cap : before.min(reachedOr(cap, lp.securityValueAfter[s]));
    }
  }

  private static final BigDecimal CENT = new BigDecimal("0.01");

  /** An upper limit the LP met (within a cent) is restored exactly; else what it reached. */
  private static BigDecimal reachedOr(BigDecimal limit, double reached) {
    BigDecimal r = cents(reached);
    return r.subtract(CENT).compareTo(limit) <= 0 ? limit : r.add(CENT);
  }

  private static BigDecimal cents(double d) {
    return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** The cash the account should hold after trading: floor, needs and cash goal. */
  private BigDecimal required(int a) {
    BigDecimal r = account(a).cashFloor().amount();
    for (CashReserve reserve : m.problem.cashReserves()) {
      if (reserve.account().equals(m.accountIds[a])) {
        r = r.add(reserve.amount().amount());
      }
    }
    return r;
  }

  /** What the LP point does, in dollars: the levels the repairs restore after rounding. */
  private static final class LpOutcome {
    final double[] cashAfter;
    final double[] securityValueAfter;
    final double[] classAfter; // with the inflow the LP plans to invest
    final double[] inflow; // that inflow, by class
    double gain;
    double shortTermGain;
    double turnover;

    LpOutcome(Model m, LpBuild b, double[] x) {
      cashAfter = m.cash.clone();
      securityValueAfter = m.securityValue.clone();
      classAfter = m.classValue.clone();
      inflow = new double[m.classes.length];
      for (int j = 0; j < x.length; j++) {
        double d = x[j] * m.value;
        if (b.kind[j] == LpBuild.INFLOW) {
          inflow[b.segment[j]] += d;
          classAfter[b.segment[j]] += d;
        } else if (b.kind[j] == LpBuild.BUY) {
          int i = b.position[j];
          cashAfter[m.positionAccount[i]] -= d;
          securityValueAfter[m.positionSecurity[i]] += d;
          classAfter[m.securityClass[m.positionSecurity[i]]] += d;
          turnover += d;
        } else if (b.kind[j] == LpBuild.SELL) {
          int i = b.position[j];
          Model.Segment seg = m.segments[i][b.segment[j]];
          cashAfter[m.positionAccount[i]] += d;
          securityValueAfter[m.positionSecurity[i]] -= d;
          classAfter[m.securityClass[m.positionSecurity[i]]] -= d;
          turnover += d;
          gain += seg.gain * d;
          if (seg.shortTerm) {
            shortTermGain += seg.gain * d;
          }
        }
      }
    }
  }

  static ObjectiveBreakdown zeroBreakdown() {
    Money z = Money.ZERO_USD;
    return new ObjectiveBreakdown(z, z, z, z, z, z);
  }

  OptimizationResult round(LpSize size) {
    double v = m.value;
    for (int j = 0; j < x.length; j++) {
      int i = build.position[j];
      if (build.kind[j] == LpBuild.BUY) {
        buy[i] = units(i, x[j] * v);
      } else if (build.kind[j] == LpBuild.SELL) {
        int k = build.segment[j];
        sell[i][k] = Math.min(capacity[i][k], units(i, x[j] * v));
      }
    }
    BigDecimal min = m.problem.minTradeSize().amount();
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] > 0 && amount(i, buy[i]).compareTo(min) < 0) {
        buy[i] = 0;
      }
      long sold = sold(i);
      if (sold > 0 && amount(i, sold).compareTo(min) < 0) {
        java.util.Arrays.fill(sell[i], 0);
      }
    }
    repairBudgets();
    repairCaps();
    repairCash();
    repairSaleLimits();
    repairBands();
    Set<String> broken = violations();
    if (!broken.isEmpty()) {
      List<ConstraintGroup> groups = new ArrayList<>();
      for (String g : broken) {
        int open = g.indexOf('[');
        groups.add(
            open < 0
                ? new ConstraintGroup(g, "")
                : new ConstraintGroup(g.substring(0, open), g.substring(open + 1, g.length() - 1)));
      }
      return new OptimizationResult.Infeasible(
          groups, "rounding to tradable quantities could not restore these constraints", size);
    }
    // drift, tax and cost at the LP point: the goals' slack is reported as shortfalls instead
    double lpObjective = build.objectiveDollars(x) - build.goalDollars(x);
    ObjectiveBreakdown breakdown = breakdown();
    Money lp = money(lpObjective);
    return new OptimizationResult.Optimal(
        trades(),
        breakdown,
        lp,
        breakdown.total().minus(lp),
        size,
        new Shortfalls(m, this).measure(),
        BandEdgeStops.measure(m, build, x, this));
  }

  private long units(int i, double dollars) {
    double perUnit = m.price[m.positionSecurity[i]] * unit[i].doubleValue();
    return Math.max(0, (long) Math.floor(dollars / perUnit + UNIT_ROUNDING_SLACK));
  }

  private BigDecimal amount(int i, long units) {
    return BigDecimal.valueOf(units).multiply(unit[i]).multiply(price[i]);
  }

  private long sold(int i) {
    long s = 0;
    for (long u : sell[i]) {
      s += u;
    }
    return s;
  }

  private static long ceilUnits(BigDecimal dollars, BigDecimal perUnit) {
    return dollars.divide(perUnit, 0, RoundingMode.CEILING).longValueExact();
  }

  // ---- exact evaluation ----

  /**
   * Cash after the trades, each trade's value rounded to cents as a trade's estimated value is (so
   * the check agrees to the cent with the verifier's ledger).
   */
  private BigDecimal cashAfter(int a) {
    BigDecimal c = account(a).cash().amount();
    for (int i = 0; i < buy.length; i++) {
      if (m.positionAccount[i] == a) {
        c = c.add(tradeValue(i, sold(i))).subtract(tradeValue(i, buy[i]));
      }
    }
    return c;
  }

  private BigDecimal tradeValue(int i, long units) {
    return units == 0 ? BigDecimal.ZERO : Money.ofComputed(Money.USD, amount(i, units)).amount();
  }

  /** The cash the repairs restore in account {@code a}: what the LP point reached of its goals. */
  private BigDecimal floorOf(int a) {
    return cashTarget[a];
  }

  BigDecimal exactCashAfter(int a) {
    return cashAfter(a);
  }

  BigDecimal exactValueAfter(int s) {
    return valueAfter(s);
  }

  BigDecimal exactGain(boolean shortOnly) {
    return gain(shortOnly);
  }

  BigDecimal exactTurnover() {
    return turnover();
  }

  /** Net dollars bought (positive) or sold of class {@code c} by the rounded trades. */
  BigDecimal exactNet(int c) {
    return exactNet(c, -1);
  }

  /** Cash sold minus cash bought over every account (positive: cash raised). */
  BigDecimal exactCashFlow() {
    BigDecimal flow = BigDecimal.ZERO;
    for (int i = 0; i < buy.length; i++) {
      flow = flow.add(amount(i, sold(i))).subtract(amount(i, buy[i]));
    }
    return flow;
  }

  /** Net dollars bought (positive) or sold of class {@code c} in account {@code a} (-1: all). */
  BigDecimal exactNet(int c, int a) {
    BigDecimal net = BigDecimal.ZERO;
    for (int i = 0; i < buy.length; i++) {
      if ((a < 0 || m.positionAccount[i] == a) && m.securityClass[m.positionSecurity[i]] == c) {
        net = net.add(amount(i, buy[i])).subtract(amount(i, sold(i)));
      }
    }
    return net;
  }

  BigDecimal requiredCash(int a) {
    return required(a);
  }

  private BigDecimal valueBefore(int s) {
    BigDecimal v = BigDecimal.ZERO;
    for (int i = 0; i < m.positions.length; i++) {
      if (m.positionSecurity[i] == s) {
        v = v.add(m.positions[i].held().value().multiply(price[i]));
      }
    }
    return v;
  }

  /** Shares sold of the securities of {@code l}. */
  private BigDecimal soldUnder(SaleLimit l) {
    BigDecimal q = BigDecimal.ZERO;
    for (int i = 0; i < sell.length; i++) {
      if (l.securities().contains(m.securityIds[m.positionSecurity[i]])) {
        q = q.add(BigDecimal.valueOf(sold(i)).multiply(unit[i]));
      }
    }
    return q;
  }

  private boolean saleLimitsHold() {
    for (SaleLimit l : m.problem.saleLimits()) {
      if (soldUnder(l).compareTo(l.maxQuantity().value()) > 0) {
        return false;
      }
    }
    return true;
  }

  private ProblemAccount account(int a) {
    for (ProblemAccount acc : m.problem.accounts()) {
      if (acc.id().equals(m.accountIds[a])) {
        return acc;
      }
    }
    throw new IllegalStateException("unknown account " + m.accountIds[a]);
  }

  private BigDecimal gain(boolean shortOnly) {
    BigDecimal g = BigDecimal.ZERO;
    for (int i = 0; i < sell.length; i++) {
      for (int k = 0; k < sell[i].length; k++) {
        Model.Segment s = m.segments[i][k];
        if (sell[i][k] > 0 && (!shortOnly || s.shortTerm)) {
          g = g.add(s.gainExact.multiply(amount(i, sell[i][k])));
        }
      }
    }
    return g;
  }

  private BigDecimal turnover() {
    BigDecimal t = BigDecimal.ZERO;
    for (int i = 0; i < buy.length; i++) {
      t = t.add(amount(i, buy[i] + sold(i)));
    }
    return t;
  }

  private BigDecimal valueAfter(int s) {
    BigDecimal v = BigDecimal.ZERO;
    for (int i = 0; i < buy.length; i++) {
      if (m.positionSecurity[i] == s) {
        v =
            v.add(m.positions[i].held().value().multiply(price[i]))
                .add(amount(i, buy[i]))
                .subtract(amount(i, sold(i)));
      }
    }
    return v;
  }

  private boolean budgetsHold() {
    return (gainTarget == null || gain(false).compareTo(gainTarget) <= 0)
        && (shortTermTarget == null || gain(true).compareTo(shortTermTarget) <= 0)
        && (turnoverTarget == null || turnover().compareTo(turnoverTarget) <= 0);
  }

  /** Whether the hard limits a raised sale must keep hold: sale limits and caps. */
  private boolean hardLimitsHold() {
    if (!saleLimitsHold()) {
      return false;
    }
    for (int s = 0; s < capTarget.length; s++) {
      if (capTarget[s] != null
          && valueAfter(s).compareTo(capTarget[s]) > 0
          && valueAfter(s).compareTo(valueBefore(s)) > 0) {
        return false;
      }
    }
    return true;
  }

  // ---- repairs ----

  /**
   * Brings the gains back within the budgets that rounding broke, keeping the LP's priorities: a
   * need's cash and an account's floor come before the gain budget. First a loss sale the LP made
   * is raised (rounded up rather than down, a unit at a time), which also adds cash; then the sale
   * with the largest gain per dollar is cut, but never below what its account must keep. What is
   * left over is reported as the budget's shortfall.
   */
  private void repairBudgets() {
    if (gainTarget != null) {
      offsetWithLosses(gainTarget, false);
      reduceGains(gainTarget, false);
    }
    if (shortTermTarget != null) {
      offsetWithLosses(shortTermTarget, true);
      reduceGains(shortTermTarget, true);
    }
  }

  /**
   * Raises the loss sales the LP made, largest loss per unit first, while the gain is above {@code
   * cap}: by the units that cover the excess, within the segment's room, when every hard limit and
   * the turnover target still hold.
   */
  private void offsetWithLosses(BigDecimal cap, boolean shortOnly) {
    Set<String> tried = new TreeSet<>();
    while (gain(shortOnly).compareTo(cap) > 0) {
      int[] seg = soldSegment(false, shortOnly, tried);
      if (seg == null) {
        return;
      }
      int bi = seg[0];
      int bk = seg[1];
      tried.add(bi + "/" + bk);
      BigDecimal perUnit = amount(bi, 1).multiply(m.segments[bi][bk].gainExact).negate();
      long add =
          Math.min(
              capacity[bi][bk] - sell[bi][bk], ceilUnits(gain(shortOnly).subtract(cap), perUnit));
      sell[bi][bk] += add;
      if (!hardLimitsHold() || turnoverTarget != null && turnover().compareTo(turnoverTarget) > 0) {
        sell[bi][bk] -= add;
      }
    }
  }

  /**
   * Returns the sold segment {@code {position, segment}} with the largest gain per dollar ({@code
   * gains}) or the largest loss per dollar that may still be raised (otherwise), short-term only
   * when {@code shortOnly}, not in {@code excluded}; null when there is none.
   */
  private int[] soldSegment(boolean gains, boolean shortOnly, Set<String> excluded) {
    int bi = -1;
    int bk = -1;
    for (int i = 0; i < sell.length; i++) {
      for (int k = 0; k < sell[i].length; k++) {
        Model.Segment s = m.segments[i][k];
        boolean side =
            gains ? s.gain > 0 : s.gain < 0 && m.sellAllowed[i][k] && capacity[i][k] > sell[i][k];
        if (sell[i][k] > 0
            && side
            && (!shortOnly || s.shortTerm)
            && !excluded.contains(i + "/" + k)
            && (bi < 0
                || (gains ? s.gain > m.segments[bi][bk].gain : s.gain < m.segments[bi][bk].gain))) {
          bi = i;
          bk = k;
        }
      }
    }
    return bi < 0 ? null : new int[] {bi, bk};
  }

  /** Reduces sales of limited securities, smallest gain first kept, until every limit holds. */
  private void repairSaleLimits() {
    for (SaleLimit l : m.problem.saleLimits()) {
      for (int i = sell.length - 1; i >= 0; i--) {
        BigDecimal excess = soldUnder(l).subtract(l.maxQuantity().value());
        if (excess.signum() <= 0) {
          break;
        }
        if (!l.securities().contains(m.securityIds[m.positionSecurity[i]])) {
          continue;
        }
        for (int k = sell[i].length - 1; k >= 0 && excess.signum() > 0; k--) {
          long cut =
              Math.min(
                  sell[i][k], excess.divide(unit[i], 0, RoundingMode.CEILING).longValueExact());
          sell[i][k] -= cut;
          excess = soldUnder(l).subtract(l.maxQuantity().value());
        }
      }
    }
  }

  /**
   * Reduces the sale with the largest gain per dollar until the gain is within {@code cap}, never
   * leaving the sale's account below the cash the LP point kept there (its needs and floor).
   */
  private void reduceGains(BigDecimal cap, boolean shortOnly) {
    Set<String> spent = new TreeSet<>();
    while (gain(shortOnly).compareTo(cap) > 0) {
      int[] seg = soldSegment(true, shortOnly, spent);
      if (seg == null) {
        return;
      }
      int bi = seg[0];
      int bk = seg[1];
      int a = m.positionAccount[bi];
      BigDecimal perUnit = amount(bi, 1).multiply(m.segments[bi][bk].gainExact);
      long cut = Math.min(sell[bi][bk], ceilUnits(gain(shortOnly).subtract(cap), perUnit));
      BigDecimal keep = floorOf(a);
      sell[bi][bk] -= cut;
      while (cut > 0 && cashAfter(a).compareTo(keep) < 0) {
        // the account needs this sale's cash: give back units until it keeps what it must
        long back = Math.min(cut, ceilUnits(keep.subtract(cashAfter(a)), amount(bi, 1)));
        sell[bi][bk] += back;
        cut -= back;
        spent.add(bi + "/" + bk);
      }
    }
  }

  private void repairCaps() {
    for (HoldingCap c : m.problem.holdingCaps()) {
      int s = indexOf(c);
      BigDecimal excess = valueAfter(s).subtract(capTarget[s]);
      for (int i = 0; i < buy.length && excess.signum() > 0; i++) {
        if (m.positionSecurity[i] == s && buy[i] > 0) {
          buy[i] -= Math.min(buy[i], ceilUnits(excess, amount(i, 1)));
          excess = valueAfter(s).subtract(capTarget[s]);
        }
      }
      for (int i = 0; i < buy.length && excess.signum() > 0; i++) {
        if (m.positionSecurity[i] == s) {
          raiseSells(i, excess);
          excess = valueAfter(s).subtract(capTarget[s]);
        }
      }
    }
  }

  private int indexOf(HoldingCap c) {
    for (int s = 0; s < m.securityIds.length; s++) {
      if (m.securityIds[s].equals(c.security())) {
        return s;
      }
    }
    throw new IllegalStateException("unknown capped security " + c.security());
  }

  private void repairCash() {
    for (int a = 0; a < m.accountIds.length; a++) {
      if (!m.tradable[a]) {
        continue;
      }
      BigDecimal floor = floorOf(a);
      BigDecimal deficit = floor.subtract(cashAfter(a));
      if (deficit.signum() <= 0) {
        continue;
      }
      // reduce buys, largest first
      while (deficit.signum() > 0) {
        int best = -1;
        for (int i = 0; i < buy.length; i++) {
          if (m.positionAccount[i] == a
              && buy[i] > 0
              && (best < 0 || amount(i, buy[i]).compareTo(amount(best, buy[best])) > 0)) {
            best = i;
          }
        }
        if (best < 0) {
          break;
        }
        buy[best] -= Math.min(buy[best], ceilUnits(deficit, amount(best, 1)));
        deficit = floor.subtract(cashAfter(a));
      }
      // raise sales within the budgets first; then, as the LP ranks a need's cash and a floor
      // above the gain budgets and the turnover cap, past them
      for (int pass = 0; pass < 2 && deficit.signum() > 0; pass++) {
        for (int i = 0; i < buy.length && deficit.signum() > 0; i++) {
          if (m.positionAccount[i] == a) {
            raiseSells(i, deficit, pass == 1);
            deficit = floor.subtract(cashAfter(a));
          }
        }
      }
    }
  }

  /**
   * Brings back inside its band each class the LP point put inside it and rounding down left
   * outside (a buy rounded down below the lower edge, a sale rounded down above the upper one):
   * otherwise a proposal aimed at the band's edge leaves the class a share outside, and the next
   * day's threshold trigger fires again for the few hundred dollars. Below: one more unit of a buy
   * of the class, paid from the account's cash above what it must keep, by trimming another buy
   * there or by raising a sale there, of a class that stays inside its band. Above: less of a buy
   * of the class, then more of a sale. Every other repair's target still holds; a step that would
   * break one is undone.
   */
  private void repairBands() {
    BigDecimal[] after = classesAfter();
    for (int c = 0; c < m.classes.length; c++) {
      if (!m.hasGoal[c] || m.weight[c] == 0 || c == m.cashClass) {
        continue;
      }
      BigDecimal lower = BigDecimal.valueOf(m.bandLower[c]);
      BigDecimal upper = BigDecimal.valueOf(m.bandUpper[c]);
      if (after[c].compareTo(lower) < 0 && lpClassAfter[c] >= m.bandLower[c] - 1) {
        for (int i = 0; i < buy.length && after[c].compareTo(lower) < 0; i++) {
          if (buy[i] > 0 && m.securityClass[m.positionSecurity[i]] == c) {
            raiseBuy(i, lower.subtract(after[c]), upper, after);
            after = classesAfter();
          }
        }
      } else if (after[c].compareTo(upper) > 0 && lpClassAfter[c] <= m.bandUpper[c] + 1) {
        for (int i = 0; i < buy.length && after[c].compareTo(upper) > 0; i++) {
          if (buy[i] > 0 && m.securityClass[m.positionSecurity[i]] == c) {
            buy[i] -= Math.min(buy[i], ceilUnits(after[c].subtract(upper), amount(i, 1)));
            if (buy[i] > 0 && amount(i, buy[i]).compareTo(m.problem.minTradeSize().amount()) < 0) {
              buy[i] = 0;
            }
            after = classesAfter();
          }
        }
        for (int i = 0; i < buy.length && after[c].compareTo(upper) > 0; i++) {
          if (sold(i) > 0 && m.securityClass[m.positionSecurity[i]] == c) {
            raiseSells(i, after[c].subtract(upper));
            after = classesAfter();
          }
        }
      }
    }
  }

  /** Whether a buy or a sale is below the minimum trade size (the repairs of bands make none). */
  private boolean anyTradeBelowMinimum() {
    BigDecimal min = m.problem.minTradeSize().amount();
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] > 0 && amount(i, buy[i]).compareTo(min) < 0
          || sold(i) > 0 && amount(i, sold(i)).compareTo(min) < 0) {
        return true;
      }
    }
    return false;
  }

  /** The expected inflow the LP plans to invest, over every class. */
  double plannedInvestment() {
    double sum = 0;
    for (double d : inflow) {
      sum += d;
    }
    return sum;
  }

  /** {@link #plannedInvestment()} summed exactly, class by class. */
  BigDecimal exactPlannedInvestment() {
    BigDecimal sum = BigDecimal.ZERO;
    for (double d : inflow) {
      sum = sum.add(BigDecimal.valueOf(d));
    }
    return sum;
  }

  /**
   * Each class's value after the rounded trades and the inflow the LP plans to invest, the cash
   * class's from the accounts' cash flows.
   */
  BigDecimal[] exactClassesAfter() {
    BigDecimal[] after = classesAfter();
    if (m.cashClass >= 0) {
      // a cash equivalent's trade moves value inside the cash class: its sale's proceeds are not
      // new cash (exactCashFlow counts them, exactNet takes them back)
      after[m.cashClass] =
          BigDecimal.valueOf(m.classValue[m.cashClass])
              .add(exactCashFlow())
              .add(exactNet(m.cashClass))
              .subtract(exactPlannedInvestment());
    }
    return after;
  }

  /** Each class's value after the rounded trades and the inflow the LP plans to invest. */
  BigDecimal[] classesAfter() {
    BigDecimal[] after = new BigDecimal[m.classes.length];
    for (int c = 0; c < after.length; c++) {
      after[c] = BigDecimal.valueOf(m.classValue[c]).add(BigDecimal.valueOf(inflow[c]));
    }
    for (int i = 0; i < buy.length; i++) {
      long net = buy[i] - sold(i);
      if (net != 0) {
        int c = m.securityClass[m.positionSecurity[i]];
        after[c] = after[c].add(amount(i, net));
      }
    }
    return after;
  }

  /**
   * Raises buy {@code i} by the units that cover {@code dollars}, keeping its class at most {@code
   * upper}, paid from its account's spare cash, by trimming the account's other buys or by raising
   * its sales, of classes that stay inside their bands; undone when it cannot be paid or breaks a
   * limit. {@code before} holds each class's value before the step.
   */
  private void raiseBuy(int i, BigDecimal dollars, BigDecimal upper, BigDecimal[] before) {
    int a = m.positionAccount[i];
    int c = m.securityClass[m.positionSecurity[i]];
    long[] buysBefore = buy.clone();
    long[][] sellsBefore = new long[sell.length][];
    for (int j = 0; j < sell.length; j++) {
      sellsBefore[j] = sell[j].clone();
    }
    buy[i] += ceilUnits(dollars, amount(i, 1));
    BigDecimal missing = floorOf(a).subtract(cashAfter(a));
    BigDecimal[] after = classesAfter();
    for (int j = 0; j < buy.length && missing.signum() > 0; j++) {
      if (j != i && m.positionAccount[j] == a && buy[j] > 0 && mayGiveUp(j, c)) {
        long cut =
            Math.min(Math.min(buy[j], unitsAboveBand(j, after)), ceilUnits(missing, amount(j, 1)));
        if (cut > 0) {
          buy[j] -= cut;
          missing = floorOf(a).subtract(cashAfter(a));
          after = classesAfter();
        }
      }
    }
    for (int j = 0; j < buy.length && missing.signum() > 0; j++) {
      if (m.positionAccount[j] == a && mayGiveUp(j, c)) {
        long room = unitsAboveBand(j, after);
        if (room > 0) {
          raiseSells(j, missing.min(BigDecimal.valueOf(room).multiply(amount(j, 1))));
          missing = floorOf(a).subtract(cashAfter(a));
          after = classesAfter();
        }
      }
    }
    if (missing.signum() > 0
        || amount(i, buy[i]).compareTo(m.positions[i].maxBuy().amount()) > 0
        || after[c].compareTo(upper) > 0
        || anyClassPushedBelowBand(c, before, after)
        || anyTradeBelowMinimum()
        || !budgetsHold()
        || !hardLimitsHold()) {
      System.arraycopy(buysBefore, 0, buy, 0, buy.length);
      for (int j = 0; j < sell.length; j++) {
        sell[j] = sellsBefore[j];
      }
    }
  }

  /**
   * Whether position {@code j} may pay for a buy of class {@code c}: another class, with a band.
   */
  private boolean mayGiveUp(int j, int c) {
    int cj = m.securityClass[m.positionSecurity[j]];
    return cj != c && cj != m.cashClass && m.hasGoal[cj];
  }

  /**
   * The whole units of position {@code j}'s class above its band's lower edge, at {@code after}.
   */
  private long unitsAboveBand(int j, BigDecimal[] after) {
    int cj = m.securityClass[m.positionSecurity[j]];
    BigDecimal room = after[cj].subtract(BigDecimal.valueOf(m.bandLower[cj]));
    return room.signum() > 0 ? room.divide(amount(j, 1), 0, RoundingMode.DOWN).longValue() : 0;
  }

  /**
   * Whether a class other than {@code c} at or above its band's lower edge {@code before} is below
   * it {@code after}.
   */
  private boolean anyClassPushedBelowBand(int c, BigDecimal[] before, BigDecimal[] after) {
    for (int k = 0; k < m.classes.length; k++) {
      BigDecimal lower = BigDecimal.valueOf(m.bandLower[k]);
      if (k != c
          && k != m.cashClass
          && m.hasGoal[k]
          && before[k].compareTo(lower) >= 0
          && after[k].compareTo(lower) < 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Raises allowed sales of position {@code i}, cheapest segment first, by up to {@code dollars},
   * within the budgets.
   */
  private void raiseSells(int i, BigDecimal dollars) {
    raiseSells(i, dollars, false);
  }

  /**
   * Raises allowed sales of position {@code i}, cheapest segment first, by up to {@code dollars};
   * the hard limits always hold, the gain budgets and the turnover cap unless {@code budgetsYield}.
   */
  private void raiseSells(int i, BigDecimal dollars, boolean budgetsYield) {
    if (groupBought(m.securityGroup[m.positionSecurity[i]])) {
      return; // a repair never sells a group the proposal buys (no offsetting trades)
    }
    BigDecimal min = m.problem.minTradeSize().amount();
    BigDecimal need = dollars;
    for (int k = 0; k < sell[i].length && need.signum() > 0; k++) {
      long room = capacity[i][k] - sell[i][k];
      if (!m.sellAllowed[i][k] || room <= 0) {
        continue;
      }
      long add = Math.min(room, ceilUnits(need, amount(i, 1)));
      // a repair makes no sale below the minimum trade size (the engine would drop it, and the
      // cash with it): it sells at least the minimum
      BigDecimal belowMinimum = min.subtract(amount(i, sold(i) + add));
      if (belowMinimum.signum() > 0) {
        add = Math.min(room, add + ceilUnits(belowMinimum, amount(i, 1)));
      }
      sell[i][k] += add;
      if (!budgetsYield && !budgetsHold() || !hardLimitsHold()) {
        sell[i][k] -= add;
        continue;
      }
      need = need.subtract(amount(i, add));
    }
  }

  /**
   * Returns every hard constraint group violated by the rounded trades, in exact arithmetic: an
   * account's cash below zero (or below what it was, when it was already negative), a security
   * within its cap ending above it or one above its cap ending higher than today, a household sale
   * limit exceeded.
   */
  private Set<String> violations() {
    Set<String> out = new TreeSet<>();
    for (int a = 0; a < m.accountIds.length; a++) {
      BigDecimal before = account(a).cash().amount();
      if (m.tradable[a] && cashAfter(a).compareTo(before.min(BigDecimal.ZERO)) < 0) {
        out.add(new ConstraintGroup("CASH", m.accountIds[a].value()).toString());
      }
    }
    for (HoldingCap c : m.problem.holdingCaps()) {
      int s = indexOf(c);
      BigDecimal limit = c.maxValue().amount().max(valueBefore(s));
      if (valueAfter(s).compareTo(limit) > 0) {
        out.add(new ConstraintGroup("HOLDING_CAP", c.security().value()).toString());
      }
    }
    for (SaleLimit l : m.problem.saleLimits()) {
      if (soldUnder(l).compareTo(l.maxQuantity().value()) > 0) {
        out.add(new ConstraintGroup("SALE_LIMIT", l.id()).toString());
      }
    }
    return out;
  }

  /** Whether the rounded trades buy any security of wash-sale group {@code g}. */
  private boolean groupBought(int g) {
    for (int i = 0; i < buy.length; i++) {
      if (buy[i] > 0 && m.securityGroup[m.positionSecurity[i]] == g) {
        return true;
      }
    }
    return false;
  }

  // ---- output ----

  private List<ProposedTrade> trades() {
    List<ProposedTrade> out = new ArrayList<>();
    for (int i = 0; i < buy.length; i++) {
      ProblemPosition p = m.positions[i];
      if (buy[i] > 0) {
        out.add(
            new ProposedTrade(
                p.account(),
                p.security(),
                Side.BUY,
                quantity(i, buy[i]),
                Money.ofComputed(Money.USD, amount(i, buy[i])),
                List.of()));
      }
      long sold = sold(i);
      if (sold > 0) {
        BigDecimal[] perSource = new BigDecimal[p.segments().size()];
        java.util.Arrays.fill(perSource, BigDecimal.ZERO);
        for (int k = 0; k < sell[i].length; k++) {
          BigDecimal left = BigDecimal.valueOf(sell[i][k]).multiply(unit[i]);
          for (int src : m.segments[i][k].sources) { // relief order
            BigDecimal take = left.min(p.segments().get(src).quantity().value());
            perSource[src] = perSource[src].add(take);
            left = left.subtract(take);
          }
        }
        List<Quantity> segs = new ArrayList<>();
        for (BigDecimal q : perSource) {
          segs.add(Quantity.ofComputed(q));
        }
        out.add(
            new ProposedTrade(
                p.account(),
                p.security(),
                Side.SELL,
                quantity(i, sold),
                Money.ofComputed(Money.USD, amount(i, sold)),
                segs));
      }
    }
    return out;
  }

  private Quantity quantity(int i, long units) {
    return Quantity.ofComputed(BigDecimal.valueOf(units).multiply(unit[i]));
  }

  private ObjectiveBreakdown breakdown() {
    double[] net = new double[m.classes.length];
    double[] freeNet = new double[m.classes.length];
    double traded = 0;
    double tax = 0;
    double location = 0;
    for (int i = 0; i < buy.length; i++) {
      double perUnit = m.price[m.positionSecurity[i]] * unit[i].doubleValue();
      double b = buy[i] * perUnit;
      int c = m.securityClass[m.positionSecurity[i]];
      net[c] += b;
      traded += b;
      // a buy pays its pair's location cost, a sale that realizes no taxed gain saves it (the
      // class's decrease below), any other sale gives up what the pair saves
      location += (m.positions[i].locationPenalty().doubleValue() + m.locationOf(i)) * b;
      freeNet[c] += b;
      for (int k = 0; k < sell[i].length; k++) {
        double s = sell[i][k] * perUnit;
        net[c] -= s;
        traded += s;
        if (m.movesFreely(i, k)) {
          location -= m.locationOf(i) * s;
          freeNet[c] -= s;
        } else {
          location += (m.worstLocation[c] - m.locationOf(i)) * s;
        }
        tax += m.theta * m.segments[i][k].costPerDollar * s;
      }
    }
    for (int c = 0; c < net.length; c++) {
      location += m.worstLocation[c] * Math.max(0, -freeNet[c]);
    }
    // the inflow the LP plans to invest, and account cash as a class of its own
    double invested = plannedInvestment();
    // account cash gains every sale and pays every buy, except of a cash equivalent, whose trade
    // moves value inside the cash class (as the LP's cash row counts it)
    double cashFlow = 0;
    for (int c = 0; c < net.length; c++) {
      if (c != m.cashClass) {
        cashFlow -= net[c];
      }
    }
    double drift = 0;
    for (int c = 0; c < net.length; c++) {
      if (m.hasGoal[c]) {
        double after =
            c == m.cashClass
                ? m.classValue[c] + cashFlow - invested
                : m.classValue[c] + net[c] + inflow[c];
        drift +=
            m.innerWeight[c] * (Math.max(0, after - m.upper[c]) + Math.max(0, m.lower[c] - after))
                + m.edgeWeight[c]
                    * (Math.max(0, after - m.edgeUpper[c]) + Math.max(0, m.edgeLower[c] - after))
                + m.worsenWeight[c]
                    * (Math.max(0, after - m.worseAbove[c]) + Math.max(0, m.worseBelow[c] - after));
      }
    }
    for (int bk = 0; bk < m.buckets; bk++) {
      double after = m.bucketClassValue[bk];
      for (int i = 0; i < buy.length; i++) {
        double share = m.bucketShare[bk][m.positionAccount[i]];
        if (share == 0 || m.securityClass[m.positionSecurity[i]] != m.bucketClass[bk]) {
          continue;
        }
        double perUnit = m.price[m.positionSecurity[i]] * unit[i].doubleValue();
        double units = buy[i];
        for (int k = 0; k < sell[i].length; k++) {
          units -= sell[i][k];
        }
        after += share * units * perUnit;
      }
      drift +=
          m.bucketWeight[bk]
              * (Math.max(0, after - m.bucketUpper[bk]) + Math.max(0, m.bucketLower[bk] - after));
    }
    double tc = m.tau * traded;
    double turnover = m.mu * traded;
    return new ObjectiveBreakdown(
        money(drift),
        money(tax),
        money(tc),
        money(location),
        money(turnover),
        money(drift + tax + tc + location + turnover));
  }

  private static Money money(double d) {
    return Money.ofComputed(Money.USD, BigDecimal.valueOf(d));
  }
}
