package dev.rebal.core.validation;

import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import java.util.Optional;

/**
 * Liquidity-event checks: a positive USD amount, a date not before the as-of date, and a known
 * account when one is named. A need tied to a held-away account is a warning: the firm cannot trade
 * there to raise the cash, so the engine reports it as unfunded rather than holding the household.
 */
final class LiquidityChecker {
  private LiquidityChecker() {}

  static void check(Context c) {
    for (LiquidityEvent e : c.household.liquidityEvents()) {
      Path p = Path.of("liquidityEvents", e.id());
      if (c.problems.checkUsd(p.field("amount"), e.amount()) && !e.amount().isPositive()) {
        c.add(
            Code.LIQUIDITY_AMOUNT_NONPOSITIVE,
            p.field("amount"),
            e.amount(),
            "must be positive; the kind gives the direction");
      }
      if (e.date().isBefore(c.asOf)) {
        c.add(
            Code.LIQUIDITY_DATE_PAST,
            p.field("date"),
            e.date(),
            "must not be before the as-of date " + c.asOf);
      }
      if (e.account().isPresent()) {
        Optional<Account> a = c.account(e.account().get());
        if (a.isEmpty()) {
          c.add(
              Code.LIQUIDITY_ACCOUNT_UNKNOWN,
              p.field("account"),
              e.account(),
              "must be an account of the household");
        } else if (e.kind() == LiquidityKind.NEED && a.get().heldAway()) {
          c.add(
              Code.LIQUIDITY_NEED_HELDAWAY,
              p.field("account"),
              e.account(),
              "is held away; the firm cannot trade there to raise the cash");
        }
      }
    }
  }
}
