package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.HumanFormat;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.validation.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A decision as people read it: percentages, amounts and quantities formatted with {@link
 * HumanFormat} ({@code out of band: CASH 19.2% vs 40.0% ± 5.0%}, {@code harvestable losses
 * $12,345.67}), one fact per line.
 *
 * <p>This is the reading form only. {@link Decision#canonicalText()} stays the form that is hashed,
 * audited and compared on replay; its bytes do not depend on this class, and a finding's {@link
 * Finding#message()} keeps its plain figures. Use this text in reports, review screens and e-mails.
 *
 * <pre>{@code
 * Decision d = Rebalancer.standard().rebalance(household, market, asOf);
 * System.out.println(DecisionText.of(d));
 * }</pre>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DecisionText {
  private DecisionText() {}

  /**
   * {@return the finding as {@code code: message}, the message's figures formatted for people}
   *
   * @param finding the finding
   */
  public static String of(Finding finding) {
    Checks.notNull(finding, "finding");
    return finding.code() + ": " + HumanFormat.text(finding.message());
  }

  /**
   * {@return the finding's message alone, its figures formatted for people}
   *
   * @param finding the finding
   */
  public static String message(Finding finding) {
    Checks.notNull(finding, "finding");
    return HumanFormat.text(finding.message());
  }

  /**
   * {@return one line of a trade, e.g. {@code SELL 35.226 BDF2 in TAX-1 at $402.55 = $14,180.23
   * (tax.harvest; lots L-65:18, L-66:17.226)}}
   *
   * @param trade the trade
   */
  public static String of(Trade trade) {
    Checks.notNull(trade, "trade");
    StringBuilder sb = new StringBuilder();
    sb.append(trade.side())
        .append(' ')
        .append(HumanFormat.quantity(trade.quantity()))
        .append(' ')
        .append(trade.security())
        .append(" in ")
        .append(trade.account())
        .append(" at ")
        .append(HumanFormat.price(trade.estimatedPrice()))
        .append(" = ")
        .append(HumanFormat.money(trade.estimatedValue()))
        .append(" (")
        .append(String.join(", ", trade.reasonCodes()));
    if (!trade.lots().isEmpty()) {
      List<String> lots = new ArrayList<>();
      for (LotPick p : trade.lots()) {
        lots.add(p.lot() + ":" + HumanFormat.quantity(p.quantity()));
      }
      sb.append("; lots ").append(String.join(", ", lots));
    }
    return sb.append(')').toString();
  }

  /**
   * {@return the decision's lines for people: the outcome, the data problems, ineligibility,
   * triggers, trades, explanation, tax impact and review reasons}
   *
   * @param decision the decision
   */
  public static ImmutableList<String> lines(Decision decision) {
    Checks.notNull(decision, "decision");
    Decision d = decision;
    ImmutableList.Builder<String> out = ImmutableList.builder();
    out.add(
        d.household()
            + " as of "
            + d.asOf()
            + ": "
            + d.outcome()
            + (d.isReleasable() ? ", may execute now" : "")
            + (d.outcome() == DecisionOutcome.REVIEW ? ", waits for review" : ""));
    for (Problem p : d.problems()) {
      out.add("problem " + p.severity() + " " + p.path() + ": " + HumanFormat.text(p.message()));
    }
    d.ineligibility().forEach(f -> out.add("ineligible " + of(f)));
    d.triggers().forEach(f -> out.add("trigger " + of(f)));
    d.proposal().trades().forEach(t -> out.add("trade " + of(t)));
    d.proposal().explanation().forEach(e -> out.add("explain " + HumanFormat.text(e)));
    if (!d.proposal().isEmpty()) {
      ProposalImpact i = d.impact();
      out.add(
          "impact turnover "
              + HumanFormat.percent(i.turnover())
              + ", net realized gain "
              + HumanFormat.money(i.realizedGain())
              + " (short-term "
              + HumanFormat.money(i.shortTermGain())
              + "), estimated tax on realized gains "
              + HumanFormat.money(i.taxCost())
              + ", losses harvested "
              + HumanFormat.money(i.harvestedLoss())
              + (i.giftedValue().isPositive()
                  ? ", given in kind " + HumanFormat.money(i.giftedValue())
                  : ""));
    }
    d.impact().violations().forEach(v -> out.add("violation " + HumanFormat.text(v)));
    d.routing().forEach(f -> out.add("review " + of(f)));
    return out.build();
  }

  /**
   * {@return {@link #lines(Decision)} joined, each line ending with {@code \n}}
   *
   * @param decision the decision
   */
  public static String text(Decision decision) {
    StringBuilder sb = new StringBuilder();
    lines(decision).forEach(l -> sb.append(l).append('\n'));
    return sb.toString();
  }
}
