package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleProvider;
import java.util.List;

/**
 * The rules Rebal ships, offered through the same {@link RuleProvider} SPI as a firm's own: the
 * eligibility check, the nine triggers (calendar, threshold, cash, tax, goal, goal bucket,
 * liquidity, gift, concentration), the liquidity reserve constraint, the routing rules, and the
 * goal-outlook rules (off by default). Parameters and defaults are listed in {@code docs/rules.md}.
 */
public final class BuiltInRules implements RuleProvider {
  /** Creates the provider; ServiceLoader calls this. */
  public BuiltInRules() {}

  @Override
  public String name() {
    return "rebal-builtin";
  }

  @Override
  public List<Rule> rules() {
    return ImmutableList.<Rule>builder()
        .add(
            new TradableAccountEligibility(),
            new CalendarTrigger(),
            new ThresholdTrigger(),
            new CashTrigger(),
            new TaxHarvestTrigger(),
            new GoalTrigger(),
            new GoalBucketTrigger(),
            new LiquidityTrigger(),
            new GiftTrigger(),
            new ConcentrationTrigger(),
            new LiquidityReserve())
        .addAll(RoutingRules.all())
        .addAll(GoalOutlookRules.all())
        .build();
  }
}
