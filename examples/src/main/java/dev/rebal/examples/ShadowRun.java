package dev.rebal.examples;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.Rebalancer;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The shadow side of {@code --compare-rules}: decides each household a second time, under the rule
 * set in force, on the worker thread that decides it under the run's rule set, and compares the two
 * decisions when the run's decision arrives (in book order) with {@link RuleSetComparison}. The
 * shadow decision writes nothing: no proposal, no audit record, no review item, no state. Only the
 * households read ahead of the decisions wait here (the runner reads a bounded distance ahead),
 * each as a {@link RuleSetComparison.Side} and its value, never a whole decision.
 */
final class ShadowRun {
  /** What a worker found for one household, waiting for the run's decision. */
  private record Pending(RuleSetComparison.Side old, Money value) {}

  private final Rebalancer older;
  private final MarketData market;
  private final LocalDate asOf;
  private final RuleSetComparison comparison;
  private final Map<Household, Pending> pending =
      Collections.synchronizedMap(new IdentityHashMap<>());

  ShadowRun(RuleSet older, RuleSet newer, MarketData market, LocalDate asOf) {
    this.older = Rebalancer.of(older);
    this.market = market;
    this.asOf = asOf;
    this.comparison = new RuleSetComparison(older, newer);
  }

  /**
   * Decides {@code h} under the older rule set and returns it unchanged; called on the worker
   * threads. Never throws: a shadow decision that fails counts as {@code FAILED} on the old side,
   * and the run's own decision of the household is not affected.
   */
  Household decide(Household h) {
    RuleSetComparison.Side old;
    try {
      old = RuleSetComparison.Side.of(older.rebalance(h, market, asOf));
    } catch (RuntimeException e) {
      old = RuleSetComparison.Side.failed();
    }
    Money value;
    try {
      value = HouseholdValuation.of(h, market).total();
    } catch (RuntimeException e) {
      value = Money.ZERO_USD;
    }
    pending.put(h, new Pending(old, value));
    return h;
  }

  /** Compares the run's decision {@code d} of {@code h} with its shadow; on the calling thread. */
  void compare(Household h, Decision d) {
    Pending p = pending.remove(h);
    if (p == null) {
      return;
    }
    Money value = d.outcome() == DecisionOutcome.ON_HOLD ? Money.ZERO_USD : p.value();
    comparison.add(h.id().value(), value, p.old(), RuleSetComparison.Side.of(d));
  }

  /** The comparison so far. */
  RuleSetComparison comparison() {
    return comparison;
  }
}
