package dev.rebal.optimizer;

import dev.rebal.core.security.SecurityId;
import dev.rebal.optimizer.internal.LinearProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One LP built from a {@link Model} (docs/optimizer.md sections 4-7): the kept columns, the rows
 * tagged with their constraint group, and the objective constant. Package-private.
 */
final class LpBuild {
  static final int BUY = 0;
  static final int SELL = 1;
  static final int OVER = 2;
  static final int UNDER = 3;
  static final int REMOVED = 4;
  static final int BUCKET_OVER = 5;
  static final int BUCKET_UNDER = 6;
  static final int BUCKET_REMOVED = 7;
  static final int NEED_SHORT = 8;
  static final int FLOOR_SHORT = 9;
  static final int GOAL_SHORT = 10;
  static final int GAIN_OVER = 11;
  static final int SHORT_TERM_OVER = 12;
  static final int TURNOVER_OVER = 13;
  static final int CAP_RELIEF = 14;
  static final int INFLOW = 15;
  static final int CLASS_DECREASE = 16;
  static final int EDGE_OVER = 17;
  static final int EDGE_UNDER = 18;
  static final int EDGE_REMOVED = 19;
  static final int WORSE_OVER = 20;
  static final int WORSE_UNDER = 21;

  final Model model;
  final LinearProgram program;
  final int[] kind;
  final int[] position;
  final int[] segment;
  final String[] rowGroup; // "" for bound rows, never relaxed
  final double constant; // dollars
  final double goalConstant; // dollars of the constant that belongs to the goals' slack
  final int[] buyColumn; // per position, -1 if none
  final int[][] sellColumn; // per position and merged segment, -1 if none

  private final List<int[]> idx = new ArrayList<>();
  private final List<double[]> val = new ArrayList<>();
  private final List<Double> rhs = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();

  /**
   * Builds the LP.
   *
   * @param kept per position and merged segment, whether it gets a column (if allowed)
   * @param relaxed constraint groups (by {@link ConstraintGroup#toString()}) to leave out
   */
  LpBuild(Model m, boolean[][] kept, Set<String> relaxed) {
    this.model = m;
    double v = m.value;
    int np = m.positions.length;
    List<Integer> kinds = new ArrayList<>();
    List<Integer> pos = new ArrayList<>();
    List<Integer> seg = new ArrayList<>();
    List<Double> cost = new ArrayList<>();
    buyColumn = new int[np];
    sellColumn = new int[np][];
    Arrays.fill(buyColumn, -1);

    // reduction 4: cheapest plain buy per (account, class)
    boolean[] keepBuy = new boolean[np];
    int nc = m.classes.length;
    int[] cheapest = new int[m.accountIds.length * nc];
    Arrays.fill(cheapest, -1);
    for (int i = 0; i < np; i++) {
      if (!m.buyAllowed[i]) {
        continue;
      }
      int s = m.positionSecurity[i];
      boolean plain = Double.isNaN(m.cap[s]) && m.maxBuy(i) == Double.POSITIVE_INFINITY;
      if (!plain) {
        keepBuy[i] = true;
        continue;
      }
      int key = m.positionAccount[i] * nc + m.securityClass[s];
      int best = cheapest[key];
      // positions are sorted by security id, so the first of equal cost has the smallest id
      if (best < 0 || m.buyCost(i) < m.buyCost(best)) {
        cheapest[key] = i;
      }
    }
    for (int c : cheapest) {
      if (c >= 0) {
        keepBuy[c] = true;
      }
    }
    for (int i = 0; i < np; i++) {
      if (keepBuy[i]) {
        buyColumn[i] = kinds.size();
        kinds.add(BUY);
        pos.add(i);
        seg.add(-1);
        cost.add(m.buyCost(i));
      }
      Model.Segment[] segs = m.segments[i];
      sellColumn[i] = new int[segs.length];
      Arrays.fill(sellColumn[i], -1);
      for (int k = 0; k < segs.length; k++) {
        if (m.sellAllowed[i][k] && kept[i][k]) {
          sellColumn[i][k] = kinds.size();
          kinds.add(SELL);
          pos.add(i);
          seg.add(k);
          cost.add(m.sellCost(i, k));
        }
      }
    }
    int tradeColumns = kinds.size();

    // drift columns; rows built later need their indices
    int[] overCol = unset(nc);
    int[] underCol = unset(nc);
    int[] removedCol = unset(nc);
    int[] edgeOverCol = unset(nc);
    int[] edgeUnderCol = unset(nc);
    int[] edgeRemovedCol = unset(nc);
    int[] worseOverCol = unset(nc);
    int[] worseUnderCol = unset(nc);
    double constantDollars = 0;
    for (int c = 0; c < nc; c++) {
      if (!m.hasGoal[c] || m.weight[c] == 0 || m.budgetsOnly) {
        continue;
      }
      // no drift created (docs/optimizer.md): a class starting inside its mode's interval has the
      // interval as its band tier's interval too, so one set of columns at the whole weight
      // measures both (no drift of its own to discount), and its worsening goes on columns of
      // their own, from its distance to target on either side (inside the interval too). Of a
      // class starting outside the interval, a side where it starts inside its band charges the
      // worsening on the band tier's column (or the interval's when the interval is the band),
      // which then measures the drift past both the interval and where the class starts; a side
      // where it starts outside the band, on a column of its own past its start
      double h = m.classValue[c];
      boolean merged = m.startsInsideInterval(c);
      boolean ownColumns = merged && m.worsenWeight[c] > 0;
      double extraAbove = h <= m.bandUpper[c] && !ownColumns ? m.worsenWeight[c] : 0;
      double extraBelow = h >= m.bandLower[c] && !ownColumns ? m.worsenWeight[c] : 0;
      boolean bandColumns = m.narrowerThanBand[c] && !merged;
      constantDollars +=
          driftColumns(
              kinds,
              pos,
              seg,
              cost,
              OVER,
              c,
              merged ? m.weight[c] : m.innerWeight[c],
              bandColumns ? 0 : extraAbove,
              bandColumns ? 0 : extraBelow,
              h,
              m.lower[c],
              m.upper[c],
              overCol,
              underCol,
              removedCol);
      if (bandColumns && (m.edgeWeight[c] > 0 || m.worsenWeight[c] > 0)) {
        // the band tier: drift past the band's edge, or past the interval beyond where the class
        // starts, costs the rest of the weight
        constantDollars +=
            driftColumns(
                kinds,
                pos,
                seg,
                cost,
                EDGE_OVER,
                c,
                m.edgeWeight[c],
                extraAbove,
                extraBelow,
                h,
                m.edgeLower[c],
                m.edgeUpper[c],
                edgeOverCol,
                edgeUnderCol,
                edgeRemovedCol);
      }
      if (m.worsenWeight[c] > 0 && extraAbove == 0) {
        worseOverCol[c] = column(kinds, pos, seg, cost, WORSE_OVER, c, m.worsenWeight[c]);
      }
      if (m.worsenWeight[c] > 0 && extraBelow == 0) {
        worseUnderCol[c] = column(kinds, pos, seg, cost, WORSE_UNDER, c, m.worsenWeight[c]);
      }
    }
    // goal-bucket drift columns (section 5), the same three per bucket goal
    int nb = m.buckets;
    int[] bOverCol = unset(nb);
    int[] bUnderCol = unset(nb);
    int[] bRemovedCol = unset(nb);
    for (int b = 0; b < nb; b++) {
      if (m.bucketWeight[b] == 0 || m.budgetsOnly) {
        continue;
      }
      constantDollars +=
          driftColumns(
              kinds,
              pos,
              seg,
              cost,
              BUCKET_OVER,
              b,
              m.bucketWeight[b],
              0,
              0,
              m.bucketClassValue[b],
              m.bucketLower[b],
              m.bucketUpper[b],
              bOverCol,
              bUnderCol,
              bRemovedCol);
    }
    // goal columns (docs/optimizer.md, "Goals and their priorities"): the slack of each elastic
    // goal, at its priority's penalty per dollar
    int na = m.accountIds.length;
    int[][] cashSlack = new int[na][];
    for (int a = 0; a < na; a++) {
      if (!m.tradable[a]) {
        continue;
      }
      double floorWithMargin = m.floor[a] + m.cashMargin[a];
      cashSlack[a] =
          new int[] {
            m.needReserve[a] > 0
                ? column(kinds, pos, seg, cost, NEED_SHORT, a, Priorities.NEED)
                : -1,
            floorWithMargin > 0
                ? column(kinds, pos, seg, cost, FLOOR_SHORT, a, Priorities.FLOOR)
                : -1
          };
    }
    int gainOver =
        !Double.isNaN(m.gainBudget) && !relaxed.contains("GAIN_BUDGET")
            ? column(kinds, pos, seg, cost, GAIN_OVER, 0, Priorities.GAIN_BUDGET)
            : -1;
    int shortTermOver =
        !Double.isNaN(m.shortTermCap) && !relaxed.contains("SHORT_TERM_GAIN_CAP")
            ? column(kinds, pos, seg, cost, SHORT_TERM_OVER, 0, Priorities.GAIN_BUDGET)
            : -1;
    int turnoverOver =
        !Double.isNaN(m.turnoverCap) && !relaxed.contains("TURNOVER_CAP")
            ? column(kinds, pos, seg, cost, TURNOVER_OVER, 0, Priorities.TURNOVER)
            : -1;
    int ns = m.securityIds.length;
    int[] capRelief = unset(ns);
    double goalDollars = 0;
    for (int s = 0; s < ns; s++) {
      double excess = m.securityValue[s] - m.cap[s]; // NaN when uncapped
      if (excess > 0) {
        capRelief[s] =
            column(
                kinds,
                pos,
                seg,
                cost,
                CAP_RELIEF,
                s,
                m.budgetsOnly ? 0 : -Priorities.CONCENTRATION);
        constantDollars += Priorities.CONCENTRATION * excess;
        goalDollars += Priorities.CONCENTRATION * excess;
      }
    }
    int[] inflowCol = unset(nc);
    if (m.inflow > 0) {
      for (int cl = 0; cl < nc; cl++) {
        if (overCol[cl] >= 0 && cl != m.cashClass) {
          inflowCol[cl] = column(kinds, pos, seg, cost, INFLOW, cl, 0);
        }
      }
    }
    // asset location (section 6): each trade column carries its pair's cost (a buy pays it, a sale
    // that realizes no taxed gain saves it), and what such sales leave the household holding less
    // of a class pays the class's worst cost, so a sale earns the saving only as far as a buy of
    // the class elsewhere matches it (a move to a cheaper account); a harvest and its replacement
    // in one account net to nothing
    boolean[] classSold = new boolean[nc];
    for (int j = 0; j < tradeColumns; j++) {
      if (kinds.get(j) == SELL && m.movesFreely(pos.get(j), seg.get(j))) {
        classSold[m.securityClass[m.positionSecurity[pos.get(j)]]] = true;
      }
    }
    int[] classDecrease = unset(nc);
    for (int cl = 0; cl < nc; cl++) {
      if (classSold[cl] && m.worstLocation[cl] > 0) {
        classDecrease[cl] = column(kinds, pos, seg, cost, CLASS_DECREASE, cl, m.worstLocation[cl]);
      }
    }
    this.constant = constantDollars;
    this.goalConstant = goalDollars;

    int n = kinds.size();
    kind = new int[n];
    position = new int[n];
    segment = new int[n];
    double[] c = new double[n];
    for (int j = 0; j < n; j++) {
      kind[j] = kinds.get(j);
      position[j] = pos.get(j);
      segment[j] = seg.get(j);
      c[j] = cost.get(j);
    }

    // bound rows
    for (int j = 0; j < tradeColumns; j++) {
      int i = position[j];
      if (kind[j] == SELL) {
        double u =
            m.segments[i][segment[j]].quantity.doubleValue() * m.price[m.positionSecurity[i]];
        row("", new int[] {j}, new double[] {1}, u / v);
      } else if (m.maxBuy(i) != Double.POSITIVE_INFINITY) {
        row("", new int[] {j}, new double[] {1}, m.maxBuy(i) / v);
      }
    }
    // cash, per tradable account: never below zero (hard: the slacks are bounded by what they
    // cover), and the floor, the needs and the cash goal as elastic goals
    for (int a = 0; a < na; a++) {
      String g = new ConstraintGroup("CASH", m.accountIds[a].value()).toString();
      if (!m.tradable[a] || relaxed.contains(g)) {
        continue;
      }
      Row r = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        if (m.positionAccount[position[j]] == a) {
          r.add(j, kind[j] == BUY ? 1 : -1);
        }
      }
      if (r.size() == 0) {
        continue; // nothing can change this account's cash
      }
      // a donor-advised fund raises no cash for the household: sales - buys <= what its own floor
      // and needs ask beyond its cash (hard; no trade meets it)
      Row raised = m.cashApart[a] ? r.negated() : null;
      double[] tiers = {m.needReserve[a], m.floor[a] + m.cashMargin[a]};
      double required = 0;
      for (int t = 0; t < tiers.length; t++) {
        if (cashSlack[a][t] >= 0) {
          r.add(cashSlack[a][t], -1);
          row("", new int[] {cashSlack[a][t]}, new double[] {1}, tiers[t] / v);
          required += tiers[t];
        }
      }
      row(g, r.indices(), r.values(), (m.cash[a] - required) / v);
      if (raised != null) {
        double own = m.needReserve[a] + m.floor[a] + m.cashMargin[a];
        row("", raised, Math.max(0, own - m.cash[a]) / v);
      }
    }
    // holding caps: hard for a security within its cap; one above it may not grow (hard) and
    // each dollar of the breach removed is rewarded at the concentration priority
    for (int s = 0; s < ns; s++) {
      String g = new ConstraintGroup("HOLDING_CAP", m.securityIds[s].value()).toString();
      if (Double.isNaN(m.cap[s]) || relaxed.contains(g)) {
        continue;
      }
      Row r = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        if (m.positionSecurity[position[j]] == s) {
          r.add(j, kind[j] == BUY ? 1 : -1);
        }
      }
      if (capRelief[s] >= 0) {
        r.add(capRelief[s], 1);
        row("", new int[] {capRelief[s]}, new double[] {1}, (m.securityValue[s] - m.cap[s]) / v);
        row(g, r.indices(), r.values(), 0);
        continue;
      }
      double slack = m.cap[s] - m.securityValue[s] - m.capMargin[s];
      if (r.size() > 0) {
        row(g, r.indices(), r.values(), Math.max(0, slack) / v);
      }
    }
    // household sale limits (control-person volume limits): hard, summed over every account
    List<SaleLimit> limits = m.problem.saleLimits();
    for (SaleLimit l : limits) {
      String g = new ConstraintGroup("SALE_LIMIT", l.id()).toString();
      double smallest = Double.POSITIVE_INFINITY;
      for (SecurityId id : l.securities()) {
        smallest = Math.min(smallest, m.price[m.securityIndex.get(id)]);
      }
      Row r = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        int sec = m.positionSecurity[position[j]];
        if (kind[j] == SELL && l.securities().contains(m.securityIds[sec])) {
          r.add(j, smallest / m.price[sec]);
        }
      }
      if (r.size() > 0) {
        double shares = l.maxQuantity().value().doubleValue() - saleLimitMargin(m, l);
        row(g, r.indices(), r.values(), Math.max(0, shares) * smallest / v);
      }
    }
    // gain budget, short-term cap, turnover: elastic at their priorities
    if (gainOver >= 0) {
      Row r = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        if (kind[j] == SELL) {
          r.add(j, m.segments[position[j]][segment[j]].gain);
        }
      }
      r.add(gainOver, -1);
      row("GAIN_BUDGET", r.indices(), r.values(), (m.gainBudget - m.gainMargin) / v);
      if (!Double.isNaN(m.gainOverLimit)) {
        row("", new int[] {gainOver}, new double[] {1}, m.gainOverLimit / v);
      }
    }
    if (shortTermOver >= 0) {
      Row r = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        if (kind[j] == SELL && m.segments[position[j]][segment[j]].shortTerm) {
          r.add(j, m.segments[position[j]][segment[j]].gain);
        }
      }
      r.add(shortTermOver, -1);
      row("SHORT_TERM_GAIN_CAP", r.indices(), r.values(), (m.shortTermCap - m.shortTermMargin) / v);
      if (!Double.isNaN(m.shortTermOverLimit)) {
        row("", new int[] {shortTermOver}, new double[] {1}, m.shortTermOverLimit / v);
      }
    }
    if (turnoverOver >= 0) {
      Row r = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        r.add(j, 1);
      }
      r.add(turnoverOver, -1);
      row("TURNOVER_CAP", r.indices(), r.values(), m.turnoverCap / v);
    }
    // an announced inflow is invested where the classes need it, at no cost
    if (m.inflow > 0) {
      Row r = new Row();
      for (int cl = 0; cl < nc; cl++) {
        if (inflowCol[cl] >= 0) {
          r.add(inflowCol[cl], 1);
        }
      }
      if (r.size() > 0) {
        row("", r.indices(), r.values(), m.inflow / v);
      }
    }
    // class-decrease rows: sales that realize no taxed gain − buys of the class − decrease ≤ 0
    Row[] decrease = new Row[nc];
    for (int j = 0; j < tradeColumns; j++) {
      int cl = m.securityClass[m.positionSecurity[position[j]]];
      if (classDecrease[cl] >= 0 && (kind[j] == BUY || m.movesFreely(position[j], segment[j]))) {
        decrease[cl] = decrease[cl] == null ? new Row() : decrease[cl];
        decrease[cl].add(j, kind[j] == SELL ? 1 : -1);
      }
    }
    for (int cl = 0; cl < nc; cl++) {
      if (decrease[cl] != null) {
        decrease[cl].add(classDecrease[cl], -1);
        row("", decrease[cl], 0);
      }
    }
    // drift rows (section 5): every right-hand side is >= 0
    for (int cl = 0; cl < nc; cl++) {
      if (overCol[cl] < 0) {
        continue;
      }
      Row net = new Row();
      if (cl == m.cashClass) {
        // account cash: every sale adds to it, every buy and every dollar of inflow invested
        // takes from it
        for (int j = 0; j < tradeColumns; j++) {
          // a cash-equivalent bought or sold stays in the cash class
          if (m.securityClass[m.positionSecurity[position[j]]] != cl) {
            net.add(j, kind[j] == BUY ? -1 : 1);
          }
        }
        for (int other = 0; other < nc; other++) {
          if (inflowCol[other] >= 0) {
            net.add(inflowCol[other], -1);
          }
        }
      } else {
        for (int j = 0; j < tradeColumns; j++) {
          if (m.securityClass[m.positionSecurity[position[j]]] == cl) {
            net.add(j, kind[j] == BUY ? 1 : -1);
          }
        }
        if (inflowCol[cl] >= 0) {
          net.add(inflowCol[cl], 1);
        }
      }
      driftRows(
          net,
          m.classValue[cl],
          m.upper[cl],
          m.lower[cl],
          overCol[cl],
          underCol[cl],
          removedCol[cl],
          v);
      if (edgeOverCol[cl] >= 0) {
        driftRows(
            net,
            m.classValue[cl],
            m.edgeUpper[cl],
            m.edgeLower[cl],
            edgeOverCol[cl],
            edgeUnderCol[cl],
            edgeRemovedCol[cl],
            v);
      }
      // drift the proposal creates, on columns of their own: N - p <= (worseAbove - H) / v and
      // -N - p <= (H - worseBelow) / v (0 for a class that starts outside its band)
      if (worseOverCol[cl] >= 0) {
        row("", net.with(worseOverCol[cl], -1), (m.worseAbove[cl] - m.classValue[cl]) / v);
      }
      if (worseUnderCol[cl] >= 0) {
        row(
            "",
            net.negated().with(worseUnderCol[cl], -1),
            (m.classValue[cl] - m.worseBelow[cl]) / v);
      }
    }
    for (int b = 0; b < nb; b++) {
      if (bOverCol[b] < 0) {
        continue;
      }
      Row net = new Row();
      for (int j = 0; j < tradeColumns; j++) {
        int i = position[j];
        double share = m.bucketShare[b][m.positionAccount[i]];
        if (share > 0 && m.securityClass[m.positionSecurity[i]] == m.bucketClass[b]) {
          net.add(j, kind[j] == BUY ? share : -share);
        }
      }
      driftRows(
          net,
          m.bucketClassValue[b],
          m.bucketUpper[b],
          m.bucketLower[b],
          bOverCol[b],
          bUnderCol[b],
          bRemovedCol[b],
          v);
    }

    int rows = rhs.size();
    int[][] ri = new int[rows][];
    double[][] rv = new double[rows][];
    double[] b = new double[rows];
    rowGroup = new String[rows];
    for (int i = 0; i < rows; i++) {
      ri[i] = idx.get(i);
      rv[i] = val.get(i);
      b[i] = rhs.get(i);
      rowGroup[i] = groups.get(i);
    }
    program = new LinearProgram(c, ri, rv, b);
  }

  /**
   * Adds the drift rows of one class goal (household or bucket): {@code net} is the class's net
   * purchase, {@code h} its value now, {@code [lo, up]} its goal interval; every right-hand side is
   * {@code >= 0} (section 5).
   */
  private void driftRows(
      Row net, double h, double up, double lo, int over, int under, int removed, double v) {
    if (h > up) {
      // e + N - o <= 0, e <= H - U, -N - v <= H - L
      row("", net.with(removed, 1).with(over, -1), 0);
      row("", new int[] {removed}, new double[] {1}, (h - up) / v);
      row("", net.negated().with(under, -1), (h - lo) / v);
    } else if (h < lo) {
      // e - N - v <= 0, e <= L - H, N - o <= U - H
      row("", net.negated().with(removed, 1).with(under, -1), 0);
      row("", new int[] {removed}, new double[] {1}, (lo - h) / v);
      row("", net.with(over, -1), (up - h) / v);
    } else {
      row("", net.with(over, -1), (up - h) / v);
      row("", net.negated().with(under, -1), (h - lo) / v);
    }
  }

  /**
   * Adds the over and under columns of drift goal {@code i} (a class or a bucket goal) at weight
   * {@code w} (plus {@code extraOver} and {@code extraUnder}, charged only on a side where the goal
   * starts inside, so never offset by the removed column), and the removed column when its value
   * {@code h} starts outside [{@code lo}, {@code up}]; records their indices and returns the
   * objective constant the removed column offsets. The kinds are {@code overKind}, {@code overKind
   * + 1} (under) and {@code overKind + 2} (removed).
   */
  private static double driftColumns(
      List<Integer> kinds,
      List<Integer> pos,
      List<Integer> seg,
      List<Double> cost,
      int overKind,
      int i,
      double w,
      double extraOver,
      double extraUnder,
      double h,
      double lo,
      double up,
      int[] overCol,
      int[] underCol,
      int[] removedCol) {
    overCol[i] = column(kinds, pos, seg, cost, overKind, i, w + extraOver);
    underCol[i] = column(kinds, pos, seg, cost, overKind + 1, i, w + extraUnder);
    if (h > up || h < lo) {
      removedCol[i] = column(kinds, pos, seg, cost, overKind + 2, i, -w);
      return w * (h > up ? h - up : lo - h);
    }
    return 0;
  }

  /** {@return an array of {@code n} column indices, each -1 (no column)} */
  private static int[] unset(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  /** Adds one column without a position and returns its index. */
  private static int column(
      List<Integer> kinds,
      List<Integer> pos,
      List<Integer> seg,
      List<Double> cost,
      int kind,
      int index,
      double c) {
    kinds.add(kind);
    pos.add(-1);
    seg.add(index);
    cost.add(c);
    return kinds.size() - 1;
  }

  private void row(String group, int[] i, double[] v, double b) {
    idx.add(i);
    val.add(v);
    rhs.add(b);
    groups.add(group);
  }

  private void row(String group, Row r, double b) {
    row(group, r.indices(), r.values(), b);
  }

  /** Shares a sale limit keeps back for rounding on the second pass (one per sold column). */
  private static double saleLimitMargin(Model m, SaleLimit l) {
    return m.saleLimitMargin.getOrDefault(l.id(), 0.0);
  }

  /**
   * Returns the part of the objective at scaled point {@code x} that prices the goals' slack
   * (needs, floors, budgets, caps), in dollars of penalty: the rest is drift, tax and cost.
   */
  double goalDollars(double[] x) {
    double sum = goalConstant;
    double[] c = program.objectiveCopy();
    for (int j = 0; j < x.length; j++) {
      if (kind[j] >= NEED_SHORT && kind[j] <= CAP_RELIEF) {
        sum += c[j] * x[j] * model.value;
      }
    }
    return sum;
  }

  /** Returns the objective in dollars of penalty at scaled point {@code x}. */
  double objectiveDollars(double[] x) {
    return program.objectiveValue(x) * model.value + constant;
  }

  /** A sparse row under construction. */
  private static final class Row {
    private int[] i = new int[8];
    private double[] v = new double[8];
    private int n;

    void add(int j, double value) {
      if (n == i.length) {
        i = Arrays.copyOf(i, n * 2);
        v = Arrays.copyOf(v, n * 2);
      }
      i[n] = j;
      v[n] = value;
      n++;
    }

    int size() {
      return n;
    }

    int[] indices() {
      return Arrays.copyOf(i, n);
    }

    double[] values() {
      return Arrays.copyOf(v, n);
    }

    Row with(int j, double value) {
      Row r = copy();
      r.add(j, value);
      return r;
    }

    Row negated() {
      Row r = copy();
      for (int k = 0; k < r.n; k++) {
        r.v[k] = -r.v[k];
      }
      return r;
    }

    private Row copy() {
      Row r = new Row();
      r.i = Arrays.copyOf(i, Math.max(n, 1) + 1);
      r.v = Arrays.copyOf(v, Math.max(n, 1) + 1);
      r.n = n;
      return r;
    }
  }
}
