package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires when a committed need (or the cash part of a committed gift due within the gift horizon,
 * the part not given in kind) within the horizon is not yet covered by spare cash (above floors) in
 * its account, or in the household's tradable accounts when it names none. A charitable account's
 * cash covers only a gift: its assets go to charities, never to the household's own needs (as
 * {@link LiquidityReserve} never holds a need's cash there).
 */
final class LiquidityTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.liquidity";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    var h = context.household();
    List<Finding> out = new ArrayList<>();
    for (LiquidityEvent need : context.assessment().upcomingNeeds()) {
      java.util.Optional<Money> hold = GiftCash.toHold(context, need);
      if (hold.isEmpty()) {
        continue;
      }
      Money amount = hold.get();
      Money spare = Money.ZERO_USD;
      for (Account a : h.accounts()) {
        boolean counts =
            need.account().isPresent()
                ? a.id().equals(need.account().get())
                : a.tradable()
                    && !a.heldAway()
                    && (need.kind() == LiquidityKind.GIFT || !a.type().isCharitable());
        if (counts && a.cash().compareTo(a.cashFloor()) > 0) {
          spare = spare.plus(a.cash().minus(a.cashFloor()));
        }
      }
      if (spare.compareTo(amount) < 0) {
        out.add(
            new Finding(
                "trigger.liquidity.need",
                (need.kind() == LiquidityKind.GIFT ? "cash part of gift " : "need ")
                    + need.id()
                    + " of "
                    + amount
                    + " due "
                    + need.date()
                    + "; spare cash "
                    + spare));
      }
    }
    return new RuleOutcome(ImmutableList.copyOf(out), ImmutableList.of());
  }
}
