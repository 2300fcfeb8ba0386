package dev.rebal.optimizer;

import dev.rebal.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures, on the rounded trades and in exact arithmetic, every goal a proposal leaves unmet
 * (docs/optimizer.md, "Partial progress"): each committed need and the floor of each account, in
 * that order of cover (an account's cash after trading pays its needs first, then keeps its floor,
 * then its share of the cash goal), the gain budget, the short-term cap, the turnover cap, each
 * concentration breach still open and each class still outside its band by more than the trigger's
 * tolerance. Package-private.
 */
final class Shortfalls {
  /** A class counts as outside its band only beyond this share of the drift base. */
  static final BigDecimal BAND_TOLERANCE = new BigDecimal("0.001");

  private final Model m;
  private final Rounder rounded;

  Shortfalls(Model m, Rounder rounded) {
    this.m = m;
    this.rounded = rounded;
  }

  List<GoalShortfall> measure() {
    List<GoalShortfall> out = new ArrayList<>();
    cash(out);
    m.problem
        .gainBudget()
        .ifPresent(
            b ->
                over(
                    out,
                    GoalShortfall.Kind.GAIN_BUDGET,
                    "household",
                    rounded.exactGain(false),
                    b.amount(),
                    "net realised gain above the remaining budget"));
    m.problem
        .shortTermGainCap()
        .ifPresent(
            b ->
                over(
                    out,
                    GoalShortfall.Kind.SHORT_TERM_GAIN_CAP,
                    "household",
                    rounded.exactGain(true),
                    b.amount(),
                    "net short-term gain above its cap"));
    m.problem
        .turnoverCap()
        .ifPresent(
            b ->
                over(
                    out,
                    GoalShortfall.Kind.TURNOVER_CAP,
                    "household",
                    rounded.exactTurnover(),
                    b.amount(),
                    "buys plus sells above the cap"));
    for (HoldingCap c : m.problem.holdingCaps()) {
      int s = m.securityIndex.get(c.security());
      over(
          out,
          GoalShortfall.Kind.CONCENTRATION,
          c.security().value(),
          rounded.exactValueAfter(s),
          c.maxValue().amount(),
          "still above its concentration cap (the breach predates this proposal)");
    }
    classes(out);
    buckets(out);
    return out;
  }

  private void cash(List<GoalShortfall> out) {
    for (int a = 0; a < m.accountIds.length; a++) {
      if (!m.tradable[a]) {
        continue;
      }
      BigDecimal left = rounded.exactCashAfter(a).max(BigDecimal.ZERO);
      String account = m.accountIds[a].value();
      for (CashReserve r : m.problem.cashReserves()) {
        if (r.account().equals(m.accountIds[a])) {
          left =
              cover(
                  out,
                  GoalShortfall.Kind.NEED,
                  r.id() + " in " + account,
                  left,
                  r.amount().amount(),
                  "cash for a committed need not raised in its account");
        }
      }
      BigDecimal floor = rounded.requiredCash(a).subtract(reserves(a));
      cover(
          out,
          GoalShortfall.Kind.CASH_FLOOR,
          account,
          left,
          floor,
          "cash below the account's floor");
    }
  }

  private BigDecimal reserves(int a) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CashReserve r : m.problem.cashReserves()) {
      if (r.account().equals(m.accountIds[a])) {
        sum = sum.add(r.amount().amount());
      }
    }
    return sum;
  }

  /**
   * Covers {@code wanted} from {@code left}; adds the rest as a shortfall; returns what is left.
   */
  private static BigDecimal cover(
      List<GoalShortfall> out,
      GoalShortfall.Kind kind,
      String subject,
      BigDecimal left,
      BigDecimal wanted,
      String detail) {
    BigDecimal covered = left.min(wanted);
    BigDecimal missing = wanted.subtract(covered);
    if (money(missing).isPositive()) {
      out.add(new GoalShortfall(kind, subject, money(missing), detail));
    }
    return left.subtract(covered);
  }

  private static void over(
      List<GoalShortfall> out,
      GoalShortfall.Kind kind,
      String subject,
      BigDecimal value,
      BigDecimal limit,
      String detail) {
    BigDecimal excess = value.subtract(limit);
    if (excess.signum() > 0 && money(excess).isPositive()) {
      out.add(new GoalShortfall(kind, subject, money(excess), detail));
    }
  }

  /** Classes outside their band after the trades and the inflow the LP plans for. */
  private void classes(List<GoalShortfall> out) {
    BigDecimal[] classesAfter = rounded.exactClassesAfter();
    BigDecimal tolerance = BAND_TOLERANCE.multiply(BigDecimal.valueOf(m.driftBase));
    for (int c = 0; c < m.classes.length; c++) {
      if (!m.hasGoal[c] || m.weight[c] == 0) {
        continue;
      }
      BigDecimal after = classesAfter[c];
      outsideBand(
          out,
          GoalShortfall.Kind.CLASS_DRIFT,
          m.classes[c].value(),
          after,
          m.bandLower[c],
          m.bandUpper[c],
          tolerance,
          "its band");
    }
  }

  /** Goal buckets' classes outside their band after the trades in the bucket's accounts. */
  private void buckets(List<GoalShortfall> out) {
    for (int b = 0; b < m.buckets; b++) {
      if (m.bucketWeight[b] == 0) {
        continue;
      }
      BigDecimal after = BigDecimal.valueOf(m.bucketClassValue[b]);
      for (int a = 0; a < m.accountIds.length; a++) {
        double share = m.bucketShare[b][a];
        if (share > 0) {
          after =
              after.add(rounded.exactNet(m.bucketClass[b], a).multiply(BigDecimal.valueOf(share)));
        }
      }
      outsideBand(
          out,
          GoalShortfall.Kind.BUCKET_DRIFT,
          m.bucketId[b] + " " + m.classes[m.bucketClass[b]].value(),
          after,
          m.bucketBandLower[b],
          m.bucketBandUpper[b],
          BAND_TOLERANCE.multiply(BigDecimal.valueOf(m.bucketValue[b])),
          "the bucket's band");
    }
  }

  /**
   * Adds a shortfall when {@code after} is outside {@code [lower, upper]} by more than tolerance.
   */
  private static void outsideBand(
      List<GoalShortfall> out,
      GoalShortfall.Kind kind,
      String subject,
      BigDecimal after,
      double lower,
      double upper,
      BigDecimal tolerance,
      String band) {
    BigDecimal above = after.subtract(BigDecimal.valueOf(upper));
    BigDecimal below = BigDecimal.valueOf(lower).subtract(after);
    BigDecimal outside = above.max(below);
    if (outside.compareTo(tolerance) > 0 && money(outside).isPositive()) {
      out.add(
          new GoalShortfall(
              kind,
              subject,
              money(outside),
              (above.signum() > 0 ? "above " : "below ") + band + " after the proposal"));
    }
  }

  private static Money money(BigDecimal d) {
    return Money.ofComputed(Money.USD, d.setScale(2, RoundingMode.HALF_EVEN));
  }
}
