package dev.rebal.core.validation;

import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Weight;
import java.util.HashMap;
import java.util.Map;

/**
 * Goal checks: a future date, a positive amount and priority, at least one funding source, funding
 * accounts known and not shared between goals (an account's whole value goes to one goal), funding
 * shares in (0, 1] and not summing above 1, and a glide path with a step at 0 years whose every
 * step is a valid target allocation.
 */
final class GoalChecker {
  private GoalChecker() {}

  static void check(Context c) {
    Map<AccountId, GoalId> fundedBy = new HashMap<>();
    Weight shareSum = Weight.ZERO;
    for (Goal g : c.household.goals()) {
      Path p = Path.of("goals", g.id());
      if (g.targetDate().isBefore(c.asOf)) {
        c.add(
            Code.GOAL_DATE_PAST,
            p.field("targetDate"),
            g.targetDate(),
            "must not be before the as-of date " + c.asOf);
      }
      if (c.problems.checkUsd(p.field("targetAmount"), g.targetAmount())
          && !g.targetAmount().isPositive()) {
        c.add(
            Code.GOAL_AMOUNT_NONPOSITIVE,
            p.field("targetAmount"),
            g.targetAmount(),
            "must be positive");
      }
      if (g.priority() < 1) {
        c.add(
            Code.GOAL_PRIORITY_NONPOSITIVE,
            p.field("priority"),
            g.priority(),
            "must be at least 1 (1 is the most important)");
      }
      if (g.fundingAccounts().isEmpty() && g.fundingShare().isEmpty()) {
        c.add(
            Code.GOAL_FUNDING_NONE,
            p.field("fundingAccounts"),
            "[]",
            "must have funding accounts or a funding share");
      }
      for (AccountId a : g.fundingAccounts()) {
        Path ap = p.field("fundingAccounts", a);
        if (!c.hasAccount(a)) {
          c.add(Code.GOAL_FUNDING_ACCOUNT_UNKNOWN, ap, a, "must be an account of the household");
        }
        GoalId earlier = fundedBy.putIfAbsent(a, g.id());
        if (earlier != null) {
          c.add(
              Code.GOAL_FUNDING_ACCOUNT_SHARED,
              ap,
              a,
              "already funds goal " + earlier + "; an account's whole value goes to one goal");
        }
      }
      if (g.fundingShare().isPresent()) {
        Weight share = g.fundingShare().get();
        if (!TargetChecker.isPositiveFraction(share)) {
          c.add(
              Code.GOAL_FUNDING_SHARE_RANGE, p.field("fundingShare"), share, "must lie in (0, 1]");
        } else {
          shareSum = shareSum.plus(share);
        }
      }
      checkGlidePath(c, g, p.field("glidePath"));
    }
    if (shareSum.compareTo(Weight.ONE) > 0) {
      c.add(
          Code.GOAL_FUNDING_SHARE_SUM,
          Path.of("goals", "*").field("fundingShare"),
          shareSum,
          "funding shares of all goals must not sum above 1");
    }
  }

  private static void checkGlidePath(Context c, Goal g, Path p) {
    if (g.glidePath().steps().isEmpty()) {
      c.add(Code.GOAL_GLIDEPATH_EMPTY, p.field("steps"), "{}", "must have at least one step");
      return;
    }
    if (!g.glidePath().steps().containsKey(0)) {
      c.add(
          Code.GOAL_GLIDEPATH_NO_ZERO_STEP,
          p.field("steps"),
          g.glidePath().steps().keySet(),
          "must have a step at 0 years to goal");
    }
    for (Map.Entry<Integer, TargetAllocation> e : g.glidePath().steps().entrySet()) {
      Path sp = p.field("steps", e.getKey());
      if (e.getKey() < 0) {
        c.add(
            Code.GOAL_GLIDEPATH_NEGATIVE_YEARS,
            sp,
            e.getKey(),
            "years to goal must not be negative");
      }
      TargetChecker.checkAllocation(c, e.getValue(), sp);
    }
  }
}
