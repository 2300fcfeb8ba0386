package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.validation.ValidationReport;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.engine.internal.Assessor;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the per-household summary table of a run ({@link HouseholdSummary} rows) from decisions,
 * for analysis in a notebook or a spreadsheet:
 *
 * <pre>{@code
 * HouseholdSummaries table = HouseholdSummaries.of(market, RuleSet.defaults());
 * List<HouseholdSummary> rows = table.rows(decisions, households);
 * rows.stream().filter(r -> r.outcome() == DecisionOutcome.REVIEW).forEach(System.out::println);
 * }</pre>
 *
 * <p>The value and the drift need the household and the market data: the household is valued with
 * {@link HouseholdValuation}, and the drift is the largest class drift as the engine's threshold
 * trigger measures it, from the goal-aware target ({@link GoalPlanner} at the rule set's {@code
 * goal.discount-rate}) with the cash held for committed needs outside the base and an announced
 * inflow counted as invested ({@link dev.rebal.core.assess.Assessment#projectedDrift()}), before
 * and after applying the proposal with {@link ProposalExecutor}. Measured without them, a proposal
 * that raises cash for next month's tuition, or holds back for a home sale's proceeds, would show
 * more drift after than before. {@link #row(Decision)} makes a row from the decision alone, without
 * value and drift. This class is immutable and thread-safe.
 */
public final class HouseholdSummaries {
  private final MarketData market;
  private final RuleSet ruleSet;

  private HouseholdSummaries(MarketData market, RuleSet ruleSet) {
    this.market = market;
    this.ruleSet = ruleSet;
  }

  /**
   * {@return a table maker that values households with {@code market} and measures drift from the
   * goal-aware target at {@code ruleSet}'s {@code goal.discount-rate} (the rule set the decisions
   * were made under)}
   *
   * @param market the security master and prices the households are valued with
   * @param ruleSet the rule set the decisions were made under
   */
  public static HouseholdSummaries of(MarketData market, RuleSet ruleSet) {
    Checks.notNull(market, "market");
    Checks.notNull(ruleSet, "ruleSet");
    return new HouseholdSummaries(market, ruleSet);
  }

  /**
   * Returns one row per decision, in the decisions' order, each with the value and drift of the
   * household of {@code households} that has its id (without them when none has it).
   *
   * @param decisions the decisions, in the order the rows should have
   * @param households the households decided (their values and drift)
   * @return the rows
   * @throws IllegalArgumentException if two households share an id
   */
  public ImmutableList<HouseholdSummary> rows(
      List<Decision> decisions, Collection<Household> households) {
    Checks.notNull(decisions, "decisions");
    Checks.notNull(households, "households");
    Map<HouseholdId, Household> byId = new HashMap<>();
    for (Household h : households) {
      Checks.isTrue(byId.put(h.id(), h) == null, "households", h.id(), "must be listed once");
    }
    ImmutableList.Builder<HouseholdSummary> out = ImmutableList.builder();
    for (Decision d : decisions) {
      Household h = byId.get(d.household());
      out.add(h == null ? row(d) : row(h, d));
    }
    return out.build();
  }

  /**
   * {@return the rows of {@code decisions} without value and drift, in the decisions' order: what
   * the decisions alone say}
   *
   * @param decisions the decisions
   */
  public static ImmutableList<HouseholdSummary> rowsOf(List<Decision> decisions) {
    Checks.notNull(decisions, "decisions");
    return decisions.stream().map(HouseholdSummaries::row).collect(ImmutableList.toImmutableList());
  }

  /**
   * {@return the row of {@code decision} without value and drift}
   *
   * @param decision the decision
   */
  public static HouseholdSummary row(Decision decision) {
    return base(Checks.notNull(decision, "decision")).build();
  }

  /**
   * Returns the row of {@code decision} for {@code household}, with its value and its drift before
   * and after the proposal (empty when the household is on hold or cannot be valued).
   *
   * @param household the household decided
   * @param decision its decision
   * @return the row
   * @throws IllegalArgumentException if the decision is not the household's
   */
  public HouseholdSummary row(Household household, Decision decision) {
    Checks.notNull(household, "household");
    Checks.notNull(decision, "decision");
    Checks.isTrue(
        household.id().equals(decision.household()),
        "decision.household",
        decision.household(),
        "must be the household's id " + household.id());
    HouseholdSummary.Builder b = base(decision);
    if (decision.outcome() == DecisionOutcome.ON_HOLD) {
      return b.build();
    }
    Assessment before;
    try {
      before = assess(household, decision);
    } catch (RuntimeException e) {
      return b.build();
    }
    b.value(before.valuation().total()).driftBefore(before.projectedDrift().maxAbsoluteDrift());
    if (decision.proposal().isEmpty()) {
      return b.driftAfter(before.projectedDrift().maxAbsoluteDrift()).build();
    }
    try {
      b.driftAfter(
          assess(ProposalExecutor.apply(household, decision.proposal()), decision)
              .projectedDrift()
              .maxAbsoluteDrift());
    } catch (RuntimeException e) {
      // a proposal that cannot be applied has no drift after; the report lists it as an exception
    }
    return b.build();
  }

  /** The household's assessment on the decision's date, as the engine's triggers see it. */
  private Assessment assess(Household household, Decision decision) {
    return Assessor.assessWithoutHarvests(
        household,
        market,
        decision.asOf(),
        ruleSet,
        ValidationReport.of(household.id(), List.of()));
  }

  private static HouseholdSummary.Builder base(Decision d) {
    Money bought = Money.ZERO_USD;
    Money sold = Money.ZERO_USD;
    Money gifted = Money.ZERO_USD;
    int trades = 0;
    int gifts = 0;
    for (Trade t : d.proposal().trades()) {
      if (t.side() == Side.BUY) {
        bought = bought.plus(t.estimatedValue());
        trades++;
      } else if (t.side() == Side.SELL) {
        sold = sold.plus(t.estimatedValue());
        trades++;
      } else {
        gifted = gifted.plus(t.estimatedValue());
        gifts++;
      }
    }
    return HouseholdSummary.builder()
        .household(d.household())
        .asOf(d.asOf())
        .outcome(d.outcome())
        .releasable(d.isReleasable())
        .addAllTriggers(d.triggers().stream().map(Finding::code).toList())
        .trades(trades)
        .bought(bought)
        .sold(sold)
        .gifts(gifts)
        .gifted(gifted)
        .estimatedTax(d.impact().taxCost())
        .netRealizedGain(d.impact().realizedGain())
        .shortTermGain(d.impact().shortTermGain())
        .lossHarvested(d.impact().harvestedLoss())
        .addAllReviewReasons(d.routing().stream().map(Finding::code).toList());
  }
}
