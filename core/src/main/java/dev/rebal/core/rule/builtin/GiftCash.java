package dev.rebal.core.rule.builtin;

import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.RuleContext;
import java.util.Optional;

/**
 * The amount a committed need or gift asks the liquidity rules to hold: a need's amount; a gift's
 * cash part (the part not given in kind), but only once the gift is within {@code
 * trigger.gift.horizon-days} (30), when the gift stage gives the rest in the same proposal.
 * Earlier, the lots that will go in kind are not set aside, so a trade could sell them and change
 * the cash part; the gift is left alone until then.
 */
final class GiftCash {
  private GiftCash() {}

  /** Returns what {@code event} asks to hold, or empty when it asks nothing (yet). */
  static Optional<Money> toHold(RuleContext context, LiquidityEvent event) {
    if (event.kind() == LiquidityKind.INFLOW || event.firmness() != Firmness.COMMITTED) {
      return Optional.empty();
    }
    if (event.kind() == LiquidityKind.NEED) {
      return Optional.of(event.amount());
    }
    int horizon = context.param("trigger.gift.horizon-days", "30").intValue();
    if (event.date().isAfter(context.asOf().plusDays(horizon))) {
      return Optional.empty();
    }
    Money cash = context.assessment().giftCash(event);
    return cash.isPositive() ? Optional.of(cash) : Optional.empty();
  }
}
