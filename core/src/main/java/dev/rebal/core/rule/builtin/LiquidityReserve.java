package dev.rebal.core.rule.builtin;

import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
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
 * kind): in the need's account, or else in a tradable account, taxable ones first (a withdrawal
 * from a retirement account costs tax), then the one with the most value (ties by id).
 */
final class LiquidityReserve implements Rule {
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
      Optional<AccountId> target =
          need.account().isPresent()
              ? need.account()
              : h.accounts().stream()
                  .filter(a -> a.tradable() && !a.heldAway())
                  .max(
                      Comparator.comparing((Account a) -> a.treatment() == TaxTreatment.TAXABLE)
                          .thenComparing(
                              a -> context.assessment().valuation().accountValues().get(a.id()))
                          .thenComparing(Account::id, Comparator.reverseOrder()))
                  .map(Account::id);
      target.ifPresent(
          acct ->
              out.add(
                  new ConstraintAdjustment.RaiseCash(
                      acct, amount, "hold " + amount + what + need.id() + " due " + need.date())));
    }
    return out.isEmpty()
        ? RuleOutcome.pass()
        : RuleOutcome.adjust("constraint.liquidity-reserve", out);
  }
}
