package dev.rebal.optimizer;

import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The full household LP of docs/optimizer.md sections 3-6, written independently of the optimizer's
 * code ({@code Model}, {@code LpBuild}) and solved by ojAlgo. Test scope only.
 *
 * <p>None of the optimizer's reductions: one column per eligible buy (in every class, with or
 * without a goal) and per input segment (no merging, no pricing), textbook drift rows {@code H + N
 * − o ≤ U} and {@code L − H − N − v ≤ 0} with possibly negative right-hand sides (no removed
 * columns, no objective constant), a breached cap's breach left as its own column {@code ℓ ≥ H + N
 * − cap} beside the hard never-worse row {@code N ≤ 0}, and an account's cash tiers stated
 * cumulatively: cash after trading {@code ≥ 0} (hard), {@code ≥ need − short_need} and {@code ≥
 * need + floor − short_need − short_floor}. Goals are elastic at the penalties of {@link
 * Priorities}; the drift base is {@code V + inflow − needs}, each need counted as far as its
 * account can raise it (cash above the floor and sellable positions); the inflow is invested by
 * free columns limited to the inflow in sum; account cash is a class of its own when the problem
 * names one.
 *
 * <p>Directions are an input: a group maps to {@link Direction#BUY} (no sale columns), {@link
 * Direction#SELL} (no buy columns) or, when absent, {@link Direction#BOTH}. With every group {@code
 * BOTH} the LP is a relaxation of any choice of directions.
 */
final class ReferenceLp {
  /** The side a wash-sale group may trade. */
  enum Direction {
    BOTH,
    BUY,
    SELL
  }

  private ReferenceLp() {}

  /** Returns the optimum in dollars with every group free to trade both ways. */
  static double relaxation(HouseholdProblem p) {
    return optimum(p, Map.of());
  }

  /**
   * Returns the optimum in dollars of penalty with the given group directions (absent groups trade
   * both ways), or NaN if ojAlgo finds no optimum.
   */
  static double optimum(HouseholdProblem p, Map<String, Direction> directions) {
    // the budgets rank above drift and the concentration breaches, whose penalties are per
    // dollar sold while theirs is per dollar of gain: when the weighted optimum exceeds a budget,
    // the least excess is found without drift and breaches, then held while everything counts
    double[] excess = new double[2];
    double weighted = staged(p, directions, false, null, excess);
    if (Double.isNaN(weighted) || excess[0] <= 1e-9 && excess[1] <= 1e-9) {
      return weighted;
    }
    double[] least = new double[2];
    if (Double.isNaN(staged(p, directions, true, null, least))) {
      return weighted;
    }
    return staged(p, directions, false, least, new double[2]);
  }

  /**
   * One LP: {@code budgetsOnly} leaves out drift and the breaches' penalty; {@code limits}, if
   * given, bounds the gain budget's and the short-term cap's excess (scaled); {@code excessOut}
   * receives them (scaled). Returns the optimum in dollars, or NaN.
   */
  private static double staged(
      HouseholdProblem p,
      Map<String, Direction> directions,
      boolean budgetsOnly,
      double[] limits,
      double[] excessOut) {
    RebalanceMode mode = p.mode();
    boolean harvestMode = mode == RebalanceMode.TAX_LOSS_HARVEST;
    boolean cashOnly = mode == RebalanceMode.CASH_ONLY;
    Map<String, ProblemSecurity> sec = new HashMap<>();
    for (ProblemSecurity s : p.securities()) {
      sec.put(s.id().value(), s);
    }
    // household value, per account cash and needs, per class and per security holdings
    double value = 0;
    double allCash = 0;
    Map<String, ProblemAccount> acc = new HashMap<>();
    for (ProblemAccount a : p.accounts()) {
      acc.put(a.id().value(), a);
      value += a.cash().amount().doubleValue();
      allCash += a.cash().amount().doubleValue();
    }
    Map<String, Double> held = new HashMap<>(); // security -> dollars
    Map<String, Double> classHeld = new HashMap<>();
    for (ProblemPosition q : p.positions()) {
      ProblemSecurity s = sec.get(q.security().value());
      double v = q.held().value().doubleValue() * s.price().amount().doubleValue();
      value += v;
      held.merge(s.id().value(), v, Double::sum);
      classHeld.merge(s.assetClass().value(), v, Double::sum);
    }
    final double scale = value;
    Map<String, Double> need = new HashMap<>();
    for (CashReserve r : p.cashReserves()) {
      need.merge(r.account().value(), r.amount().amount().doubleValue(), Double::sum);
    }
    // the needs leave the drift base as far as their accounts can raise them: cash above the
    // floor and, in a tradable account, every position that may be sold
    double needs = 0;
    for (Map.Entry<String, Double> e : need.entrySet()) {
      ProblemAccount a = acc.get(e.getKey());
      double raisable =
          Math.max(0, a.cash().amount().doubleValue() - a.cashFloor().amount().doubleValue());
      for (ProblemPosition q : p.positions()) {
        if (q.account().equals(a.id()) && a.tradable() && q.sellEligible()) {
          raisable +=
              q.held().value().doubleValue()
                  * sec.get(q.security().value()).price().amount().doubleValue();
        }
      }
      needs += Math.min(e.getValue(), raisable);
    }
    double inflow = p.expectedInflow().amount().doubleValue();
    double base = Math.max(0, value + inflow - needs);
    String cashClass = p.cashClass().map(AssetClass::value).orElse(null);
    if (cashClass != null) {
      classHeld.merge(cashClass, allCash - needs + inflow, Double::sum);
    }
    Map<String, ClassGoal> goals = new HashMap<>();
    for (ClassGoal g : p.classGoals()) {
      goals.put(g.assetClass().value(), g);
    }

    double tau = p.weights().transactionCostBps().doubleValue() / 10_000;
    double mu = p.weights().turnoverPenalty().doubleValue();
    double theta = p.weights().taxWeight().doubleValue();
    ExpressionsBasedModel model = new ExpressionsBasedModel();

    // trade columns, with the account, security and sign (+1 buy, −1 sale) of each
    List<Variable> cols = new ArrayList<>();
    List<ProblemPosition> colPos = new ArrayList<>();
    List<Double> colSign = new ArrayList<>();
    List<SellSegment> colSeg = new ArrayList<>();
    // asset location: the change in what the holdings cost where they are, plus the class's
    // worst cost on any decrease of the class across the household; a sale at a taxed gain is
    // charged as if nothing bought the class back
    Map<String, Double> locationCost = new HashMap<>();
    Map<String, Double> worstLocation = new HashMap<>();
    for (LocationCost lc : p.locationCosts()) {
      double v = lc.perDollar().doubleValue();
      locationCost.put(lc.account().value() + "/" + lc.assetClass().value(), v);
      worstLocation.merge(lc.assetClass().value(), v, Math::max);
    }
    for (ProblemPosition q : p.positions()) {
      ProblemAccount a = acc.get(q.account().value());
      ProblemSecurity s = sec.get(q.security().value());
      Direction dir = directions.getOrDefault(s.washSaleGroup(), Direction.BOTH);
      boolean deficit =
          a.cash().amount().doubleValue()
              < a.cashFloor().amount().doubleValue() + need.getOrDefault(a.id().value(), 0.0);
      double px = s.price().amount().doubleValue();
      if (dir != Direction.SELL
          && a.tradable()
          && q.buyEligible()
          && q.maxBuy().isPositive()
          && !p.buyBlockedGroups().contains(s.washSaleGroup())
          && !(cashOnly && deficit)) {
        Variable b =
            model
                .addVariable("b" + cols.size())
                .lower(0)
                .weight(tau + mu + q.locationPenalty().doubleValue());
        double max = q.maxBuy().amount().doubleValue();
        if (max < value) {
          b.upper(max / scale);
        }
        cols.add(b);
        colPos.add(q);
        colSign.add(1.0);
        colSeg.add(null);
      }
      if (dir == Direction.BUY || !a.tradable() || !q.sellEligible() || cashOnly && !deficit) {
        continue;
      }
      for (SellSegment g : q.segments()) {
        boolean loss = g.gainPerDollar().compareTo(BigDecimal.ZERO) < 0;
        if (loss && p.lossSaleBlockedGroups().contains(s.washSaleGroup())) {
          continue;
        }
        double gain = g.gainPerDollar().doubleValue();
        boolean lossCounts = harvestMode || p.harvestLosses() && g.harvestable();
        double taxed = lossCounts ? gain : Math.max(0, gain);
        Variable x =
            model
                .addVariable("x" + cols.size())
                .lower(0)
                .upper(g.quantity().value().doubleValue() * px / scale)
                .weight(tau + mu + theta * g.taxRate().doubleValue() * taxed);
        cols.add(x);
        colPos.add(q);
        colSign.add(-1.0);
        colSeg.add(g);
      }
    }
    int n = cols.size();
    Map<String, Map<Variable, Double>> classFlow = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      ProblemPosition q = colPos.get(j);
      String cls = sec.get(q.security().value()).assetClass().value();
      double here = locationCost.getOrDefault(q.account().value() + "/" + cls, 0.0);
      Variable v = cols.get(j);
      SellSegment g = colSeg.get(j);
      if (g != null && g.gainPerDollar().signum() > 0 && g.taxRate().signum() > 0) {
        // a sale that realizes a taxed gain never relocates: it gives up what the account saves
        double worst = worstLocation.getOrDefault(cls, 0.0);
        v.weight(v.getContributionWeight().doubleValue() + worst - here);
        continue;
      }
      v.weight(v.getContributionWeight().doubleValue() + colSign.get(j) * here);
      classFlow
          .computeIfAbsent(cls, k -> new LinkedHashMap<>())
          .merge(v, colSign.get(j), Double::sum);
    }
    for (Map.Entry<String, Map<Variable, Double>> e : classFlow.entrySet()) {
      double worst = worstLocation.getOrDefault(e.getKey(), 0.0);
      if (worst > 0) {
        Variable fewer = model.addVariable("fewer " + e.getKey()).lower(0).weight(worst);
        Expression row = model.addExpression("fewer " + e.getKey()).upper(0);
        e.getValue().forEach((v, c) -> row.set(v, -c));
        row.set(fewer, -1);
      }
    }

    // cash per tradable account: never below zero (hard); needs, then the floor, elastic
    for (ProblemAccount a : p.accounts()) {
      if (!a.tradable()) {
        continue;
      }
      String id = a.id().value();
      double cash = a.cash().amount().doubleValue();
      double needHere = need.getOrDefault(id, 0.0);
      double floor = a.cashFloor().amount().doubleValue();
      // spent = buys − sales; cash after = cash − spent
      Expression never = model.addExpression("cash>=0 " + id).upper(cash / scale);
      Variable shortNeed = model.addVariable("need short " + id).lower(0).weight(Priorities.NEED);
      Variable shortFloor =
          model.addVariable("floor short " + id).lower(0).weight(Priorities.FLOOR);
      Expression needRow = model.addExpression("need " + id).upper((cash - needHere) / scale);
      needRow.set(shortNeed, -1);
      Expression floorRow =
          model.addExpression("floor " + id).upper((cash - needHere - floor) / scale);
      floorRow.set(shortNeed, -1);
      floorRow.set(shortFloor, -1);
      for (int j = 0; j < n; j++) {
        if (colPos.get(j).account().value().equals(id)) {
          never.set(cols.get(j), colSign.get(j));
          needRow.set(cols.get(j), colSign.get(j));
          floorRow.set(cols.get(j), colSign.get(j));
        }
      }
      if (p.cashApart().contains(a.id())) {
        // a fund whose cash is not the household's raises none beyond its own floor and needs
        Expression raised =
            model
                .addExpression("cash apart " + id)
                .upper(Math.max(0, needHere + floor - cash) / scale);
        for (int j = 0; j < n; j++) {
          if (colPos.get(j).account().value().equals(id)) {
            raised.set(cols.get(j), -colSign.get(j));
          }
        }
      }
    }
    // holding caps: hard below the cap; a breach never grows and what is left of it is penalised
    for (HoldingCap c : p.holdingCaps()) {
      String id = c.security().value();
      double h = held.getOrDefault(id, 0.0);
      double cap = c.maxValue().amount().doubleValue();
      Expression grow = model.addExpression("cap " + id).upper(Math.max(0, cap - h) / scale);
      Expression left = null;
      if (h > cap) {
        Variable breach =
            model
                .addVariable("breach " + id)
                .lower(0)
                .weight(budgetsOnly ? 0 : Priorities.CONCENTRATION);
        left = model.addExpression("breach left " + id).upper((cap - h) / scale);
        left.set(breach, -1);
      }
      for (int j = 0; j < n; j++) {
        if (colPos.get(j).security().value().equals(id)) {
          grow.set(cols.get(j), colSign.get(j));
          if (left != null) {
            left.set(cols.get(j), colSign.get(j));
          }
        }
      }
    }
    // household sale limits, in shares summed over every account (hard)
    for (SaleLimit l : p.saleLimits()) {
      Expression row =
          model
              .addExpression("sale limit " + l.id())
              .upper(l.maxQuantity().value().doubleValue() / scale);
      for (int j = 0; j < n; j++) {
        ProblemPosition q = colPos.get(j);
        if (colSign.get(j) < 0 && l.securities().contains(q.security())) {
          row.set(cols.get(j), 1 / sec.get(q.security().value()).price().amount().doubleValue());
        }
      }
    }
    // gain budget, short-term cap and turnover cap: elastic, the excess unbounded
    Variable[] budgetExcess = new Variable[2];
    if (p.gainBudget().isPresent()) {
      Expression row =
          elastic(
              model,
              "gain",
              p.gainBudget().get().amount().doubleValue() / scale,
              Priorities.GAIN_BUDGET);
      budgetExcess[0] = model.getVariable(model.countVariables() - 1);
      for (int j = 0; j < n; j++) {
        if (colSeg.get(j) != null) {
          row.set(cols.get(j), colSeg.get(j).gainPerDollar().doubleValue());
        }
      }
    }
    if (p.shortTermGainCap().isPresent()) {
      Expression row =
          elastic(
              model,
              "short-term",
              p.shortTermGainCap().get().amount().doubleValue() / scale,
              Priorities.GAIN_BUDGET);
      budgetExcess[1] = model.getVariable(model.countVariables() - 1);
      for (int j = 0; j < n; j++) {
        if (colSeg.get(j) != null && colSeg.get(j).term() == Term.SHORT) {
          row.set(cols.get(j), colSeg.get(j).gainPerDollar().doubleValue());
        }
      }
    }
    if (p.turnoverCap().isPresent()) {
      Expression row =
          elastic(
              model,
              "turnover",
              p.turnoverCap().get().amount().doubleValue() / scale,
              Priorities.TURNOVER);
      for (int j = 0; j < n; j++) {
        row.set(cols.get(j), 1);
      }
    }

    // class drift: net purchase N_c of each class with a goal and a positive weight
    Map<String, Variable> invest = new HashMap<>();
    if (inflow > 0) {
      Expression limit = model.addExpression("inflow").upper(inflow / scale);
      for (ClassGoal g : p.classGoals()) {
        String c = g.assetClass().value();
        if (g.driftWeight().signum() > 0 && !c.equals(cashClass)) {
          Variable f = model.addVariable("invest " + c).lower(0);
          limit.set(f, 1);
          invest.put(c, f);
        }
      }
    }
    for (ClassGoal g : p.classGoals()) {
      if (g.driftWeight().signum() == 0 || budgetsOnly) {
        continue;
      }
      String c = g.assetClass().value();
      double[] interval =
          interval(
              mode,
              g.target().weight().value().doubleValue(),
              g.target().halfWidth().value().doubleValue(),
              base);
      if (c.equals(cashClass)) {
        // cash above its target and what must stay (floors, untradable accounts' cash) is
        // invested in every mode
        double mustStay = 0;
        for (ProblemAccount a : p.accounts()) {
          double cash = a.cash().amount().doubleValue();
          mustStay += a.tradable() ? Math.min(cash, a.cashFloor().amount().doubleValue()) : cash;
        }
        interval[1] = g.target().weight().value().doubleValue() * base + mustStay;
      }
      double h = classHeld.getOrDefault(c, 0.0);
      Map<Variable, Double> net = new LinkedHashMap<>();
      for (int j = 0; j < n; j++) {
        ProblemPosition q = colPos.get(j);
        double sign = colSign.get(j);
        if (sec.get(q.security().value()).assetClass().value().equals(c)) {
          net.merge(cols.get(j), sign, Double::sum);
        }
        if (c.equals(cashClass)) {
          net.merge(cols.get(j), -sign, Double::sum); // a sale adds to cash, a buy takes from it
        }
      }
      if (c.equals(cashClass)) {
        invest.values().forEach(f -> net.merge(f, -1.0, Double::sum));
      } else if (invest.containsKey(c)) {
        net.merge(invest.get(c), 1.0, Double::sum);
      }
      double share = g.inBandShare().doubleValue();
      double[] band =
          interval(
              RebalanceMode.TO_BAND_EDGE,
              g.target().weight().value().doubleValue(),
              g.target().halfWidth().value().doubleValue(),
              base);
      if (share < 1 && interval[1] - interval[0] < band[1] - band[0]) {
        // the band tier: the share inside the band, the rest of the weight past its edge (cash's
        // upper edge stays its interval's: idle cash is invested in every mode)
        if (c.equals(cashClass)) {
          band[1] = interval[1];
        } else {
          // the tier discounts drift the class has, never drift created: its band narrowed to
          // where the class starts
          band[0] = Math.max(band[0], Math.min(h, interval[0]));
          band[1] = Math.min(band[1], Math.max(h, interval[1]));
        }
        double w = g.driftWeight().doubleValue();
        driftRows(model, "class " + c, w * share, h, interval, net, scale);
        driftRows(model, "band " + c, w - w * share, h, band, net, scale);
      } else {
        driftRows(model, "class " + c, g.driftWeight().doubleValue(), h, interval, net, scale);
      }
      double worsening = p.weights().driftWorsening().doubleValue();
      if (worsening > 0 && !c.equals(cashClass)) {
        // no drift created: drift past the interval beyond where the class starts; for a class
        // starting inside its interval, drift beyond its distance from target, on either side
        double t = g.target().weight().value().doubleValue() * base;
        boolean inside = h >= interval[0] && h <= interval[1];
        double[] from =
            inside
                ? new double[] {t - Math.abs(h - t), t + Math.abs(h - t)}
                : new double[] {Math.min(h, interval[0]), Math.max(h, interval[1])};
        driftRows(
            model, "worse " + c, g.driftWeight().doubleValue() * worsening, h, from, net, scale);
      }
    }
    // goal-bucket drift: the share-weighted class holdings and trades of the bucket's accounts
    int bn = 0;
    for (BucketGoal bg : p.bucketGoals()) {
      if (bg.driftWeight().signum() == 0 || budgetsOnly) {
        continue;
      }
      String c = bg.assetClass().value();
      double bucketValue = 0;
      double h = 0;
      for (ProblemAccount a : p.accounts()) {
        BigDecimal share = bg.accountShares().get(a.id());
        if (share != null) {
          bucketValue += share.doubleValue() * a.cash().amount().doubleValue();
        }
      }
      for (ProblemPosition q : p.positions()) {
        BigDecimal share = bg.accountShares().get(q.account());
        if (share != null) {
          ProblemSecurity s = sec.get(q.security().value());
          double v =
              share.doubleValue()
                  * q.held().value().doubleValue()
                  * s.price().amount().doubleValue();
          bucketValue += v;
          h += s.assetClass().value().equals(c) ? v : 0;
        }
      }
      Map<Variable, Double> net = new LinkedHashMap<>();
      for (int j = 0; j < n; j++) {
        ProblemPosition q = colPos.get(j);
        BigDecimal share = bg.accountShares().get(q.account());
        if (share != null && sec.get(q.security().value()).assetClass().value().equals(c)) {
          net.merge(cols.get(j), colSign.get(j) * share.doubleValue(), Double::sum);
        }
      }
      double[] interval =
          interval(
              mode,
              bg.target().weight().value().doubleValue(),
              bg.target().halfWidth().value().doubleValue(),
              bucketValue);
      driftRows(model, "bucket " + bn++, bg.driftWeight().doubleValue(), h, interval, net, scale);
    }

    for (int k = 0; k < 2 && limits != null; k++) {
      if (budgetExcess[k] != null) {
        budgetExcess[k].upper(limits[k]);
      }
    }
    Optimisation.Result r = model.minimise();
    if (!r.getState().isOptimal()) {
      return Double.NaN;
    }
    for (int k = 0; k < 2; k++) {
      excessOut[k] =
          budgetExcess[k] == null ? 0 : r.get(model.indexOf(budgetExcess[k])).doubleValue();
    }
    return r.getValue() * scale;
  }

  /** Adds {@code row − excess ≤ rhs} with the excess penalised at {@code penalty}. */
  private static Expression elastic(
      ExpressionsBasedModel model, String name, double rhs, double penalty) {
    Variable excess = model.addVariable(name + " excess").lower(0).weight(penalty);
    Expression row = model.addExpression(name).upper(rhs);
    row.set(excess, -1);
    return row;
  }

  /** {@code H + N − o ≤ U} and {@code L − H − N − v ≤ 0}, {@code o} and {@code v} at weight w. */
  private static void driftRows(
      ExpressionsBasedModel model,
      String name,
      double w,
      double h,
      double[] interval,
      Map<Variable, Double> net,
      double scale) {
    Variable over = model.addVariable("over " + name).lower(0).weight(w);
    Variable under = model.addVariable("under " + name).lower(0).weight(w);
    Expression up = model.addExpression("up " + name).upper((interval[1] - h) / scale);
    up.set(over, -1);
    Expression down = model.addExpression("down " + name).upper((h - interval[0]) / scale);
    down.set(under, -1);
    net.forEach(
        (v, coefficient) -> {
          if (coefficient != 0) {
            up.set(v, coefficient);
            down.set(v, -coefficient);
          }
        });
  }

  /** The mode's goal interval {@code [L, U]} in dollars around {@code target × base}. */
  private static double[] interval(RebalanceMode mode, double target, double band, double base) {
    double half =
        switch (mode) {
          case TO_BAND_EDGE, TAX_LOSS_HARVEST -> band;
          case HALFWAY -> band / 2;
          default -> 0;
        };
    return new double[] {Math.max(0, (target - half) * base), (target + half) * base};
  }
}
