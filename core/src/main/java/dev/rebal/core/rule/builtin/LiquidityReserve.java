package dev.rebal.core.rule.builtin;

import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.ConstraintAdjustment;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Asks the optimizer to hold, after the trades, the cash for each committed need within the horizon
 * (and for the cash part of each committed gift due within the gift horizon, the part not given in
 * kind): in the need's account, or else in the tradable accounts, taxable ones first (a withdrawal
 * from a retirement account costs tax), then the one with the most value (ties by id), each holding
 * what the one before could not (at most its value; the last holds the rest). A donor-advised fund
 * never holds a need's cash: its assets go to charities.
 */
final class LiquidityReserve implements Rule {
  private static Money valueOf(RuleContext context, Account a) {
    return context.assessment().valuation().accountValues().getOrDefault(a.id(), Money.ZERO_USD);
  }

  @Override
  public String id() {
    return "constraint.liquidity-reserve";
  }

  @Override
  public Stage stage() {
    return Stage.CONSTRAINT;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    var h = context.household();
    List<ConstraintAdjustment.RaiseCash> out = new ArrayList<>();
    for (LiquidityEvent need : context.assessment().upcomingNeeds()) {
      Optional<Money> hold = GiftCash.toHold(context, need);
      if (hold.isEmpty()) {
        continue;
      }
      Money amount = hold.get();
      String what =
          need.kind() == LiquidityKind.GIFT ? " for the cash part of gift " : " for need ";
      String reason = "hold " + amount + what + need.id() + " due " + need.date();
      if (need.account().isPresent()) {
        out.add(new ConstraintAdjustment.RaiseCash(need.account().get(), amount, reason));
        continue;
      }
      // in the preferred account, and what it cannot hold (worth less than the need) in the next
      List<Account> order =
          h.accounts().stream()
              .filter(a -> a.tradable() && !a.heldAway())
              .filter(a -> need.kind() == LiquidityKind.GIFT || !a.type().isCharitable())
              .sorted(
                  Comparator.comparing((Account a) -> a.treatment() == TaxTreatment.TAXABLE)
                      .thenComparing(a -> valueOf(context, a))
                      .thenComparing(Account::id, Comparator.reverseOrder())
                      .reversed())
              .toList();
      Money left = amount;
      for (int i = 0; i < order.size() && left.isPositive(); i++) {
        Account a = order.get(i);
        Money part = i == order.size() - 1 ? left : left.min(valueOf(context, a));
        if (part.isPositive()) {
          out.add(
              new ConstraintAdjustment.RaiseCash(
                  a.id(), part, part.equals(amount) ? reason : reason + ", " + part + " here"));
          left = left.minus(part);
        }
      }
    }
    return out.isEmpty()
        ? RuleOutcome.pass()
        : RuleOutcome.adjust("constraint.liquidity-reserve", out);
  }
}
