package dev.rebal.core.rule;

import dev.rebal.core.assess.Assessment;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.Proposal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Everything a rule may read: the household, market data, as-of date, the rule set's parameters, the
 * assessment, and at the routing stage the proposal and its impact. Rules must not read clocks,
 * files or the network. This class is immutable and thread-safe.
 */
public final class RuleContext {
  private final Household household;
  private final MarketData marketData;
  private final LocalDate asOf;
  private final RuleSet ruleSet;
  private final Assessment assessment;
  private final Proposal proposal;
  private final ProposalImpact impact;

  private RuleContext(Household household, MarketData marketData, LocalDate asOf, RuleSet ruleSet,
      Assessment assessment, Proposal proposal, ProposalImpact impact) {
    this.household = Checks.notNull(household, "household");
    this.marketData = Checks.notNull(marketData, "marketData");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.ruleSet = Checks.notNull(ruleSet, "ruleSet");
    this.assessment = Checks.notNull(assessment, "assessment");
    this.proposal = proposal;
    this.impact = impact;
  }

  /** Returns a context for the eligibility, trigger and constraint stages. */
  public static RuleContext of(Household household, MarketData marketData, LocalDate asOf,
      RuleSet ruleSet, Assessment assessment) {
    return new RuleContext(household, marketData, asOf, ruleSet, assessment, null, null);
  }

  /** Returns a copy for the routing stage, with the proposal and its impact. */
  public RuleContext withProposal(Proposal proposal, ProposalImpact impact) {
    return new RuleContext(household, marketData, asOf, ruleSet, assessment,
        Checks.notNull(proposal, "proposal"), Checks.notNull(impact, "impact"));
  }

  /** Returns the household. */
  public Household household() {
    return household;
  }

  /** Returns the market data. */
  public MarketData marketData() {
    return marketData;
  }

  /** Returns the as-of date. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Returns the rule set in force. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** Returns the assessment. */
  public Assessment assessment() {
    return assessment;
  }

  /** Returns the proposal, at the routing stage. */
  public Optional<Proposal> proposal() {
    return Optional.ofNullable(proposal);
  }

  /** Returns the proposal's impact, at the routing stage. */
  public Optional<ProposalImpact> impact() {
    return Optional.ofNullable(impact);
  }

  /** Returns the decimal parameter {@code name}, or {@code fallback} if the rule set lacks it. */
  public BigDecimal param(String name, String fallback) {
    return ruleSet.find(name).isPresent() ? ruleSet.decimal(name) : new BigDecimal(fallback);
  }
}
