package dev.rebal.core.rule;

import dev.rebal.core.assess.Assessment;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.GoalOutlook;
import dev.rebal.core.outlook.HouseholdOutlook;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.Proposal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything a rule may read: the household, market data, as-of date, the rule set's parameters,
 * the assessment, and at the routing stage the proposal and its impact. Rules must not read clocks,
 * files or the network.
 *
 * <p>The goal outlook ({@link #goalOutlook()}) is computed on first use and shared by every rule
 * that reads this context and its routing copy: only a rule set that enables an outlook rule pays
 * for the simulation. This class is immutable (the outlook is memoised once) and thread-safe.
 */
public final class RuleContext {
  private final Household household;
  private final MarketData marketData;
  private final LocalDate asOf;
  private final RuleSet ruleSet;
  private final Assessment assessment;
  private final Proposal proposal;
  private final ProposalImpact impact;
  private final Supplier<HouseholdOutlook> outlook;

  private RuleContext(
      Household household,
      MarketData marketData,
      LocalDate asOf,
      RuleSet ruleSet,
      Assessment assessment,
      Proposal proposal,
      ProposalImpact impact,
      Supplier<HouseholdOutlook> outlook) {
    this.household = Checks.notNull(household, "household");
    this.marketData = Checks.notNull(marketData, "marketData");
    this.asOf = Checks.notNull(asOf, "asOf");
    this.ruleSet = Checks.notNull(ruleSet, "ruleSet");
    this.assessment = Checks.notNull(assessment, "assessment");
    this.proposal = proposal;
    this.impact = impact;
    this.outlook =
        outlook != null
            ? outlook
            : com.google.common.base.Suppliers.memoize(this::computeOutlook)::get;
  }

  /**
   * {@return a context for the eligibility, trigger and constraint stages}
   *
   * @param household the household
   * @param marketData the security master, prices and volumes
   * @param asOf the as-of date
   * @param ruleSet the rule set in force
   * @param assessment the household's assessment
   */
  public static RuleContext of(
      Household household,
      MarketData marketData,
      LocalDate asOf,
      RuleSet ruleSet,
      Assessment assessment) {
    return new RuleContext(household, marketData, asOf, ruleSet, assessment, null, null, null);
  }

  /**
   * {@return a copy for the routing stage, with the proposal and its impact}
   *
   * @param proposal the proposal
   * @param impact its impact
   */
  public RuleContext withProposal(Proposal proposal, ProposalImpact impact) {
    return new RuleContext(
        household,
        marketData,
        asOf,
        ruleSet,
        assessment,
        Checks.notNull(proposal, "proposal"),
        Checks.notNull(impact, "impact"),
        outlook);
  }

  /** {@return the household} */
  public Household household() {
    return household;
  }

  /** {@return the market data} */
  public MarketData marketData() {
    return marketData;
  }

  /** {@return the as-of date} */
  public LocalDate asOf() {
    return asOf;
  }

  /** {@return the rule set in force} */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** {@return the assessment} */
  public Assessment assessment() {
    return assessment;
  }

  /** {@return the proposal, at the routing stage} */
  public Optional<Proposal> proposal() {
    return Optional.ofNullable(proposal);
  }

  /** {@return the proposal's impact, at the routing stage} */
  public Optional<ProposalImpact> impact() {
    return Optional.ofNullable(impact);
  }

  /**
   * {@return the decimal parameter {@code name}, or {@code fallback} if the rule set lacks it}
   *
   * @param name the parameter's name
   * @param fallback the value if the rule set lacks it, a plain decimal
   */
  public BigDecimal param(String name, String fallback) {
    return ruleSet.find(name).isPresent() ? ruleSet.decimal(name) : new BigDecimal(fallback);
  }

  /**
   * {@return the household's goal outlook on the as-of date, from the assessment's plan, computed
   * on first use: under the assumptions the rule set carries ({@link
   * CapitalMarketAssumptions#from}), with {@code outlook.paths} paths (default 1,000)}
   * Experimental: added for the outlook rules.
   *
   * @throws dev.rebal.core.outlook.AssumptionsException if the rule set carries invalid assumptions
   */
  public HouseholdOutlook goalOutlook() {
    return outlook.get();
  }

  private HouseholdOutlook computeOutlook() {
    return GoalOutlook.of(CapitalMarketAssumptions.from(ruleSet))
        .withPaths(param("outlook.paths", String.valueOf(GoalOutlook.DEFAULT_PATHS)).intValue())
        .outlook(household, assessment.plan(), asOf);
  }
}
