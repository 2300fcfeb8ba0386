package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires, with code {@code trigger.gift.in-kind}, when a committed charitable gift is dated within
 * {@code trigger.gift.horizon-days} (30) of the as-of date, not yet past, and part of it can be
 * given in kind ({@code Assessment.giftsInKind()}). A gift already made in kind is gone from the
 * household's events or reduced to its cash part, so it does not fire again; a gift that can only
 * be given in cash never fires it (its cash is reserved like a committed need instead). Only gifts
 * within the liquidity horizon are assessed, so the horizon is at most {@code
 * liquidity.horizon-days}.
 */
final class GiftTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.gift";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    int horizon = context.param("trigger.gift.horizon-days", "30").intValue();
    LocalDate last = context.asOf().plusDays(horizon);
    List<Finding> out = new ArrayList<>();
    for (LiquidityEvent gift : context.assessment().upcomingNeeds()) {
      if (gift.kind() != LiquidityKind.GIFT
          || gift.firmness() != Firmness.COMMITTED
          || gift.date().isBefore(context.asOf())
          || gift.date().isAfter(last)) {
        continue;
      }
      Money inKind = context.assessment().giftsInKind().get(gift.id());
      if (inKind != null && inKind.isPositive()) {
        out.add(
            new Finding(
                "trigger.gift.in-kind",
                "gift "
                    + gift.id()
                    + " of "
                    + gift.amount()
                    + " due "
                    + gift.date()
                    + ": "
                    + inKind
                    + " can be given in kind"));
      }
    }
    return new RuleOutcome(ImmutableList.copyOf(out), ImmutableList.of());
  }
}
