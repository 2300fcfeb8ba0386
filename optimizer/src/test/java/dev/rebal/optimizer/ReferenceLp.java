package dev.rebal.optimizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The full household LP of docs/optimizer.md written independently of the optimizer's code, with
 * none of its reductions (one column per eligible buy and per input segment, textbook L1 drift
 * rows with possibly negative right-hand sides), solved by ojAlgo. Test scope only.
 */
final class ReferenceLp {
  private ReferenceLp() {}

  /** Returns the optimum in dollars of penalty, or NaN if ojAlgo finds no optimum. */
  static double optimum(HouseholdProblem p) {
    RebalanceMode mode = p.mode();
    boolean harvest = mode == RebalanceMode.TAX_LOSS_HARVEST;
    boolean cashOnly = mode == RebalanceMode.CASH_ONLY;
    Map<String, ProblemSecurity> sec = new HashMap<>();
    for (ProblemSecurity s : p.securities()) {
      sec.put(s.id().value(), s);
    }
    Map<String, ProblemAccount> acc = new HashMap<>();
    double total = 0;
    for (ProblemAccount a : p.accounts()) {
      acc.put(a.id().value(), a);
      total += a.cash().amount().doubleValue();
    }
    Map<String, Double> classValue = new HashMap<>();
    for (ProblemPosition q : p.positions()) {
      ProblemSecurity s = sec.get(q.security().value());
      double v = q.held().value().doubleValue() * s.price().amount().doubleValue();
      total += v;
      classValue.merge(s.assetClass().value(), v, Double::sum);
    }
    final double value = total;
    Map<String, ClassGoal> goals = new HashMap<>();
    for (ClassGoal g : p.classGoals()) {
      goals.put(g.assetClass().value(), g);
    }
    // direction per group: the group's class is that of its smallest security id
    Map<String, String> groupClass = new HashMap<>();
    p.securities().stream().sorted((x, y) -> x.id().compareTo(y.id()))
        .forEach(s -> groupClass.putIfAbsent(s.washSaleGroup(), s.assetClass().value()));
    Set<String> canBuy = new HashSet<>();
    Set<String> canSell = new HashSet<>();
    Set<String> hasLoss = new HashSet<>();
    Set<String> raisesCash = new HashSet<>();
    for (ProblemPosition q : p.positions()) {
      ProblemAccount a = acc.get(q.account().value());
      ProblemSecurity s = sec.get(q.security().value());
      boolean deficit = a.cash().compareTo(a.cashFloor()) < 0;
      if (buyable(p, q, a, s, goals, cashOnly, deficit)) {
        canBuy.add(s.washSaleGroup());
      }
      for (SellSegment g : q.segments()) {
        if (sellable(p, q, a, s, g, cashOnly, deficit)) {
          canSell.add(s.washSaleGroup());
          if (g.gainPerDollar().signum() < 0) {
            hasLoss.add(s.washSaleGroup());
          }
          if (deficit) {
            raisesCash.add(s.washSaleGroup());
          }
        }
      }
    }
    // goal buckets: value and class value over the bucket's account shares
    Map<BucketGoal, double[]> bucketInterval = new HashMap<>();
    for (BucketGoal bg : p.bucketGoals()) {
      double bucketValue = 0;
      double classHeld = 0;
      for (ProblemAccount a : p.accounts()) {
        BigDecimal share = bg.accountShares().get(a.id());
        if (share != null) {
          bucketValue += share.doubleValue() * a.cash().amount().doubleValue();
        }
      }
      for (ProblemPosition q : p.positions()) {
        BigDecimal share = bg.accountShares().get(q.account());
        if (share == null) {
          continue;
        }
        ProblemSecurity s = sec.get(q.security().value());
        double v = share.doubleValue() * q.held().value().doubleValue()
            * s.price().amount().doubleValue();
        bucketValue += v;
        if (s.assetClass().equals(bg.assetClass())) {
          classHeld += v;
        }
      }
      double t = bg.target().weight().value().doubleValue();
      double band = bg.target().halfWidth().value().doubleValue();
      double half = mode == RebalanceMode.TO_BAND_EDGE || harvest ? band
          : mode == RebalanceMode.HALFWAY ? band / 2 : 0;
      double up = (t + half) * bucketValue;
      double lo = Math.max(0, (t - half) * bucketValue);
      bucketInterval.put(bg, new double[] {lo, up, classHeld, t * bucketValue});
    }
    // with buckets, regions vote on the direction: each bucket, and the pool (household less
    // buckets), against its target in the class
    Set<String> regionOver = new HashSet<>();
    if (!p.bucketGoals().isEmpty()) {
      Map<String, Double> poolOver = new HashMap<>(); // class -> pool value minus pool target
      for (ClassGoal g : p.classGoals()) {
        String c = g.assetClass().value();
        poolOver.put(c, classValue.getOrDefault(c, 0.0)
            - g.target().weight().value().doubleValue() * value);
      }
      Map<String, Double> inBuckets = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (BucketGoal bg : p.bucketGoals()) {
        double[] iv = bucketInterval.get(bg);
        poolOver.computeIfPresent(bg.assetClass().value(), (k, d) -> d - iv[2] + iv[3]);
        if (seen.add(bg.bucket())) {
          bg.accountShares().forEach((a, sh) -> inBuckets.merge(a.value(), sh.doubleValue(),
              Double::sum));
        }
      }
      for (ProblemPosition q : p.positions()) {
        ProblemAccount a = acc.get(q.account().value());
        ProblemSecurity s = sec.get(q.security().value());
        boolean deficit = a.cash().compareTo(a.cashFloor()) < 0;
        if (q.segments().stream().noneMatch(g -> sellable(p, q, a, s, g, cashOnly, deficit))) {
          continue;
        }
        String c = s.assetClass().value();
        boolean vote = inBuckets.getOrDefault(a.id().value(), 0.0) < 1 - 1e-9
            && poolOver.getOrDefault(c, 0.0) > 0;
        for (BucketGoal bg : p.bucketGoals()) {
          double[] iv = bucketInterval.get(bg);
          vote |= bg.assetClass().value().equals(c) && bg.accountShares().containsKey(q.account())
              && iv[2] > iv[3];
        }
        if (vote) {
          regionOver.add(s.washSaleGroup());
        }
      }
    }
    Set<String> sells = new HashSet<>();
    for (String g : groupClass.keySet()) {
      if (!canSell.contains(g)) {
        continue;
      }
      if (!canBuy.contains(g)) {
        sells.add(g);
        continue;
      }
      String c = groupClass.get(g);
      ClassGoal goal = goals.get(c);
      boolean over = goal == null || (p.bucketGoals().isEmpty() ? classValue.getOrDefault(c, 0.0)
          > goal.target().weight().value().doubleValue() * value : regionOver.contains(g));
      boolean replaceable = harvest && hasLoss.contains(g) && groupClass.entrySet().stream()
          .anyMatch(e -> !e.getKey().equals(g) && e.getValue().equals(c)
              && canBuy.contains(e.getKey()));
      boolean aboveCap = p.holdingCaps().stream().anyMatch(cap ->
          sec.get(cap.security().value()).washSaleGroup().equals(g)
              && secValueOf(p, sec, cap.security().value()) > cap.maxValue().amount().doubleValue());
      if (over || replaceable || aboveCap || raisesCash.contains(g)) {
        sells.add(g);
      }
    }

    double tau = p.weights().transactionCostBps().doubleValue() / 10_000;
    double mu = p.weights().turnoverPenalty().doubleValue();
    double theta = p.weights().taxWeight().doubleValue();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<String, Expression> cashRow = new HashMap<>();
    Map<String, Expression> capRow = new HashMap<>();
    Map<String, Expression> classRowUp = new HashMap<>();
    Map<String, Expression> classRowDown = new HashMap<>();
    for (ProblemAccount a : p.accounts()) {
      if (a.tradable()) {
        cashRow.put(a.id().value(), model.addExpression("cash " + a.id()).upper(
            (a.cash().amount().doubleValue() - a.cashFloor().amount().doubleValue()) / value));
      }
    }
    Map<String, Double> secValue = new HashMap<>();
    for (ProblemPosition q : p.positions()) {
      secValue.merge(q.security().value(), q.held().value().doubleValue()
          * sec.get(q.security().value()).price().amount().doubleValue(), Double::sum);
    }
    for (HoldingCap c : p.holdingCaps()) {
      capRow.put(c.security().value(), model.addExpression("cap " + c.security()).upper(
          (c.maxValue().amount().doubleValue() - secValue.getOrDefault(c.security().value(), 0.0))
              / value));
    }
    Expression gainRow = p.gainBudget().map(b -> model.addExpression("gain")
        .upper(b.amount().doubleValue() / value)).orElse(null);
    Expression stRow = p.shortTermGainCap().map(b -> model.addExpression("st")
        .upper(b.amount().doubleValue() / value)).orElse(null);
    Expression turnRow = p.turnoverCap().map(b -> model.addExpression("turnover")
        .upper(b.amount().doubleValue() / value)).orElse(null);
    for (ClassGoal g : p.classGoals()) {
      if (g.driftWeight().signum() == 0) {
        continue;
      }
      double t = g.target().weight().value().doubleValue();
      double band = g.target().halfWidth().value().doubleValue();
      double half = mode == RebalanceMode.TO_BAND_EDGE || harvest ? band
          : mode == RebalanceMode.HALFWAY ? band / 2 : 0;
      double up = (t + half) * value;
      double lo = Math.max(0, (t - half) * value);
      double h = classValue.getOrDefault(g.assetClass().value(), 0.0);
      double w = g.driftWeight().doubleValue();
      Variable o = model.addVariable("o " + g.assetClass()).lower(0).weight(w);
      Variable u = model.addVariable("u " + g.assetClass()).lower(0).weight(w);
      // H + N - o <= U  and  L - H - N - u <= 0
      Expression upRow = model.addExpression("up " + g.assetClass()).upper((up - h) / value);
      upRow.set(o, -1);
      Expression downRow = model.addExpression("down " + g.assetClass()).upper((h - lo) / value);
      downRow.set(u, -1);
      classRowUp.put(g.assetClass().value(), upRow);
      classRowDown.put(g.assetClass().value(), downRow);
    }
    // bucket drift rows: H_b + N_b - o_b <= U_b and L_b - H_b - N_b - u_b <= 0, N_b the
    // share-weighted net purchase of the class in the bucket's accounts
    Map<BucketGoal, Expression[]> bucketRows = new HashMap<>();
    int bn = 0;
    for (BucketGoal bg : p.bucketGoals()) {
      if (bg.driftWeight().signum() == 0) {
        continue;
      }
      double[] iv = bucketInterval.get(bg);
      double w = bg.driftWeight().doubleValue();
      Variable o = model.addVariable("bo" + bn).lower(0).weight(w);
      Variable u = model.addVariable("bu" + bn).lower(0).weight(w);
      Expression upRow = model.addExpression("bup" + bn).upper((iv[1] - iv[2]) / value);
      upRow.set(o, -1);
      Expression downRow = model.addExpression("bdown" + bn).upper((iv[2] - iv[0]) / value);
      downRow.set(u, -1);
      bn++;
      bucketRows.put(bg, new Expression[] {upRow, downRow});
    }
    int n = 0;
    for (ProblemPosition q : p.positions()) {
      ProblemAccount a = acc.get(q.account().value());
      ProblemSecurity s = sec.get(q.security().value());
      boolean deficit = a.cash().compareTo(a.cashFloor()) < 0;
      boolean sellGroup = sells.contains(s.washSaleGroup());
      double px = s.price().amount().doubleValue();
      String c = s.assetClass().value();
      List<Variable> cols = new ArrayList<>();
      List<Double> signs = new ArrayList<>();
      if (!sellGroup && buyable(p, q, a, s, goals, cashOnly, deficit)) {
        Variable b = model.addVariable("b" + n++).lower(0)
            .weight(tau + mu + q.locationPenalty().doubleValue());
        double max = q.maxBuy().amount().doubleValue();
        if (max < value) {
          b.upper(max / value);
        }
        cols.add(b);
        signs.add(1.0);
      }
      if (sellGroup) {
        for (SellSegment g : q.segments()) {
          if (!sellable(p, q, a, s, g, cashOnly, deficit)) {
            continue;
          }
          double gain = g.gainPerDollar().doubleValue();
          double taxed = harvest ? gain : Math.max(0, gain);
          Variable x = model.addVariable("x" + n++).lower(0)
              .upper(g.quantity().value().doubleValue() * px / value)
              .weight(tau + mu + theta * g.taxRate().doubleValue() * taxed);
          if (gainRow != null) {
            gainRow.set(x, gain);
          }
          if (stRow != null && g.term() == Term.SHORT) {
            stRow.set(x, gain);
          }
          cols.add(x);
          signs.add(-1.0);
        }
      }
      for (int k = 0; k < cols.size(); k++) {
        Variable v = cols.get(k);
        double sign = signs.get(k);
        cashRow.get(a.id().value()).set(v, sign);
        if (capRow.containsKey(s.id().value())) {
          capRow.get(s.id().value()).set(v, sign);
        }
        if (turnRow != null) {
          turnRow.set(v, 1);
        }
        if (classRowUp.containsKey(c)) {
          classRowUp.get(c).set(v, sign);
          classRowDown.get(c).set(v, -sign);
        }
        for (Map.Entry<BucketGoal, Expression[]> e : bucketRows.entrySet()) {
          BigDecimal share = e.getKey().accountShares().get(q.account());
          if (share != null && e.getKey().assetClass().value().equals(c)) {
            e.getValue()[0].set(v, sign * share.doubleValue());
            e.getValue()[1].set(v, -sign * share.doubleValue());
          }
        }
      }
    }
    double constant = 0;
    Optimisation.Result r = model.minimise();
    if (!r.getState().isOptimal()) {
      return Double.NaN;
    }
    return r.getValue() * value + constant;
  }

  private static double secValueOf(HouseholdProblem p, Map<String, ProblemSecurity> sec,
      String id) {
    double v = 0;
    for (ProblemPosition q : p.positions()) {
      if (q.security().value().equals(id)) {
        v += q.held().value().doubleValue() * sec.get(id).price().amount().doubleValue();
      }
    }
    return v;
  }

  private static boolean buyable(HouseholdProblem p, ProblemPosition q, ProblemAccount a,
      ProblemSecurity s, Map<String, ClassGoal> goals, boolean cashOnly, boolean deficit) {
    return a.tradable() && q.buyEligible() && q.maxBuy().isPositive()
        && !p.buyBlockedGroups().contains(s.washSaleGroup())
        && goals.containsKey(s.assetClass().value()) && !(cashOnly && deficit);
  }

  private static boolean sellable(HouseholdProblem p, ProblemPosition q, ProblemAccount a,
      ProblemSecurity s, SellSegment g, boolean cashOnly, boolean deficit) {
    boolean loss = g.gainPerDollar().compareTo(BigDecimal.ZERO) < 0;
    return a.tradable() && q.sellEligible()
        && !(loss && p.lossSaleBlockedGroups().contains(s.washSaleGroup()))
        && !(cashOnly && !deficit);
  }
}
