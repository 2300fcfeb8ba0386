package dev.rebal.examples.rules;

import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An example of a firm's own rule: a proposal that would leave any single stock (a security of kind
 * {@link SecurityKind#EQUITY}) above {@code firm.single-stock.max} of the household's value
 * (default 0.10) goes to human review with reason code {@value #CODE}, even when the built-in
 * limits pass.
 *
 * <p>It runs at the {@link Stage#ROUTING} stage, so it sees the proposal: a stock's value after the
 * proposal is its value now (all accounts, held-away included) plus what the proposal buys and
 * minus what it sells, at the trades' estimated prices; the household's value is taken as unchanged
 * (the trades only move money between securities and cash). An empty proposal is never routed. Like
 * every rule it is stateless, deterministic and reads no clock.
 *
 * <p>It is offered through {@link FirmRules}, listed in {@code
 * META-INF/services/dev.rebal.core.rule.RuleProvider}, and enabled by {@code rule
 * firm.no-single-stock-overweight} in {@code examples/rules/firm-1.3.0.rules}.
 */
public final class NoSingleStockOverweightRule implements Rule {
  /** The rule's id, which a rule set enables. */
  public static final String ID = "firm.no-single-stock-overweight";

  /** The reason code of the review it asks for. */
  public static final String CODE = "review.single-stock";

  /** The rule-set parameter holding the largest share a single stock may reach. */
  public static final String MAX = "firm.single-stock.max";

  /** Creates the rule; it holds no state. */
  public NoSingleStockOverweightRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Stage stage() {
    return Stage.ROUTING;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    if (context.proposal().isEmpty() || context.proposal().get().isEmpty()) {
      return RuleOutcome.pass();
    }
    BigDecimal max = context.param(MAX, "0.10");
    HouseholdValuation v = context.assessment().valuation();
    if (!v.total().isPositive()) {
      return RuleOutcome.pass();
    }
    Map<SecurityId, Money> after = new TreeMap<>();
    for (Map<SecurityId, Money> positions : v.positionValues().values()) {
      positions.forEach((s, value) -> after.merge(s, value, Money::plus));
    }
    Proposal p = context.proposal().get();
    for (Trade t : p.trades()) {
      Money value = t.side() == Side.BUY ? t.estimatedValue() : t.estimatedValue().negated();
      after.merge(t.security(), value, Money::plus);
    }
    List<String> over = new ArrayList<>();
    after.forEach(
        (s, value) -> {
          boolean stock =
              context
                  .marketData()
                  .findSecurity(s)
                  .map(sec -> sec.kind() == SecurityKind.EQUITY)
                  .orElse(false);
          BigDecimal share = value.amount().divide(v.total().amount(), 4, RoundingMode.HALF_EVEN);
          if (stock && share.compareTo(max) > 0 && isTraded(p, s)) {
            over.add(s + " " + share.toPlainString());
          }
        });
    return over.isEmpty()
        ? RuleOutcome.pass()
        : RuleOutcome.found(
            CODE,
            "single stock above "
                + max.toPlainString()
                + " of the household after the proposal: "
                + String.join(", ", over));
  }

  /** Only a stock the proposal trades is its concern; an untouched one is the trigger's. */
  private static boolean isTraded(Proposal p, SecurityId s) {
    return p.trades().stream().anyMatch(t -> t.security().equals(s));
  }

  /** Returns the id. */
  @Override
  public String toString() {
    return ID;
  }
}
