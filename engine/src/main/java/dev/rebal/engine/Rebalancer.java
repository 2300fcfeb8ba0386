package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.Conflict;
import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.compliance.TradeVerifier;
import dev.rebal.compliance.VerificationResult;
import dev.rebal.compliance.Violation;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.override.Override;
import dev.rebal.core.override.OverrideKind;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.rule.ConstraintAdjustment;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.RuleRegistry;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.ValidationReport;
import dev.rebal.engine.internal.Assessor;
import dev.rebal.engine.internal.ImpactCalculator;
import dev.rebal.engine.internal.InputsHash;
import dev.rebal.engine.internal.ProblemBuild;
import dev.rebal.engine.internal.ProblemBuilder;
import dev.rebal.engine.internal.ProposalAssembler;
import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.RebalanceMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rebalancing engine's one entry point: decides, for one household on one as-of date, whether
 * to trade, what to trade, and whether a human must look first.
 *
 * <pre>{@code
 * Rebalancer rebalancer = Rebalancer.standard();
 * Decision decision = rebalancer.rebalance(household, marketData, LocalDate.of(2026, 6, 30));
 * System.out.println(decision.canonicalText());
 * }</pre>
 *
 * <p>The pipeline: validate (errors put the household on hold, untouched) → assess (valuation,
 * goal-aware target, drift, harvestable losses, liquidity) → eligibility and trigger rules (no
 * trigger, no trades) → constraints (compliance compiler, wash-sale sets, constraint rules;
 * conflicts go to review) → optimize (the household LP) → verify (the compliance module's
 * independent verifier; a failing proposal is never released) → routing rules (auto or review) →
 * the decision, whose {@link Decision#auditEntry()} the caller appends to its audit sink.
 *
 * <p>The mode of the optimizer follows the triggers: cash or liquidity alone → {@code CASH_ONLY};
 * the tax trigger → {@code TAX_LOSS_HARVEST}; otherwise the rule set's {@code optimizer.mode}
 * (default {@code HALFWAY}). A rebalancer never reads a clock; the same inputs, overrides and rule
 * set give a byte-identical decision. This class is immutable and thread-safe.
 */
public final class Rebalancer {
  private final RuleSet ruleSet;
  private final ImmutableList<Rule> rules;
  private final HouseholdOptimizer optimizer;
  private final ComplianceParameters compliance;

  private Rebalancer(RuleSet ruleSet, RuleRegistry registry, HouseholdOptimizer optimizer,
      ComplianceParameters compliance) {
    this.ruleSet = ruleSet;
    this.rules = registry.select(ruleSet);
    this.optimizer = optimizer;
    this.compliance = compliance;
  }

  /** Returns a rebalancer with the default rule set and the rules found on the class path. */
  public static Rebalancer standard() {
    return of(RuleSet.defaults());
  }

  /**
   * Returns a rebalancer with {@code ruleSet} and the rules found on the class path.
   *
   * @throws dev.rebal.core.ruleset.RuleSetException if the rule set enables an unknown rule
   */
  public static Rebalancer of(RuleSet ruleSet) {
    return of(ruleSet, RuleRegistry.load(Rebalancer.class.getClassLoader()));
  }

  /** Returns a rebalancer with {@code ruleSet} selecting from {@code registry}. */
  public static Rebalancer of(RuleSet ruleSet, RuleRegistry registry) {
    Checks.notNull(ruleSet, "ruleSet");
    Checks.notNull(registry, "registry");
    return new Rebalancer(ruleSet, registry, HouseholdOptimizer.standard(),
        ComplianceParameters.defaults());
  }

  /** Returns the rule set in force. */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /** Decides {@code household} as of {@code asOf}, with no overrides. */
  public Decision rebalance(Household household, MarketData marketData, LocalDate asOf) {
    return rebalance(household, marketData, asOf, List.of());
  }

  /**
   * Decides {@code household} as of {@code asOf}.
   *
   * @param household the household
   * @param marketData the security master, prices and volumes
   * @param asOf the as-of date (the trade date)
   * @param overrides overrides for this household; each is checked with {@link
   *     Override#checkApplicable} and recorded
   * @throws dev.rebal.core.override.OverrideRejectedException if an override may not be applied
   */
  public Decision rebalance(Household household, MarketData marketData, LocalDate asOf,
      List<Override> overrides) {
    Checks.notNull(household, "household");
    Checks.notNull(marketData, "marketData");
    Checks.notNull(asOf, "asOf");
    Checks.noNulls(overrides, "overrides");
    RuleSet rs = ruleSet;
    Household h = household;
    List<String> applied = new ArrayList<>();
    boolean skip = false;
    boolean forceReview = false;
    for (Override o : overrides) {
      if (!o.household().equals(household.id().value())) {
        continue;
      }
      o.checkApplicable(asOf);
      applied.add(o.toString());
      if (o.kind() == OverrideKind.SET_PARAMETER) {
        rs = rs.withParameter(o.target(), o.value(), rs.version());
      } else if (o.kind() == OverrideKind.WAIVE_RESTRICTION) {
        List<Restriction> kept = new ArrayList<>();
        for (Restriction r : h.restrictions()) {
          if (!r.id().value().equals(o.target())) {
            kept.add(r);
          }
        }
        h = h.withRestrictions(kept);
      } else if (o.kind() == OverrideKind.SKIP_HOUSEHOLD) {
        skip = true;
      } else {
        forceReview = true;
      }
    }
    Decision.Builder d = Decision.builder().household(h.id()).asOf(asOf)
        .ruleSetVersion(rs.version().toString()).ruleSetHash(rs.contentHash())
        .inputsHash(InputsHash.of(household, marketData, asOf)).addAllOverrides(applied);
    Proposal.Builder proposal = Proposal.builder().household(h.id()).asOf(asOf);

    ValidationReport report = HouseholdValidator.standard().validate(household, marketData, asOf);
    d.addAllProblems(report.problems());
    if (report.isOnHold()) {
      return d.outcome(DecisionOutcome.ON_HOLD).proposal(proposal.addExplanation(
          "on hold: " + report.errors().size() + " data error(s); no trades").build())
          .impact(ProposalImpact.builder().build()).build();
    }
    Assessment assessment = Assessor.assess(h, marketData, asOf, rs, report);
    RuleContext context = RuleContext.of(h, marketData, asOf, rs, assessment);

    List<Finding> ineligible = findings(Stage.ELIGIBILITY, context, new ArrayList<>());
    if (skip) {
      ineligible.add(new Finding("eligibility.skip-override", "skipped by override"));
    }
    if (!ineligible.isEmpty()) {
      return d.outcome(DecisionOutcome.INELIGIBLE).addAllIneligibility(ineligible)
          .proposal(proposal.addExplanation("ineligible: " + ineligible.get(0)).build())
          .impact(ProposalImpact.builder().build()).build();
    }
    List<Finding> triggers = findings(Stage.TRIGGER, context, new ArrayList<>());
    d.addAllTriggers(triggers);
    if (triggers.isEmpty()) {
      return d.outcome(DecisionOutcome.NO_TRIGGER).proposal(proposal
          .addExplanation("no trigger fired: no trades").build())
          .impact(ProposalImpact.builder().build()).build();
    }
    List<ConstraintAdjustment> adjustments = new ArrayList<>();
    List<Finding> constraintFindings = findings(Stage.CONSTRAINT, context, adjustments);
    TradeConstraints tc = ConstraintCompiler.standard().compile(h, marketData, asOf, compliance);
    RebalanceMode mode = modeFor(triggers, rs);
    ProblemBuild build = ProblemBuilder.build(h, marketData, asOf, rs, assessment, tc, adjustments,
        mode);
    d.addAllConstraints(build.constraints());
    constraintFindings.forEach(f -> proposal.addExplanation("constraint " + f));
    triggers.forEach(f -> proposal.addExplanation("trigger " + f));

    List<Finding> routing = new ArrayList<>();
    for (Conflict c : tc.conflicts()) {
      routing.add(new Finding("review.conflict", c.kind() + " " + c.subject() + " short by "
          + c.shortfall().toPlainString()));
    }
    ImmutableList<Trade> trades = ImmutableList.of();
    OptimizationResult result = optimizer.optimize(build.problem());
    if (result instanceof OptimizationResult.Optimal opt) {
      trades = ProposalAssembler.assemble(opt.trades(), build, marketData, triggers,
          ImpactCalculator.lossLots(h, marketData));
      d.optimizer(mode + " lp=" + opt.lpSize().variables() + "x" + opt.lpSize().constraints()
          + " solves=" + opt.lpSize().solves() + " objective="
          + opt.lpObjective().amount().toPlainString() + " rounding="
          + opt.roundingCost().amount().toPlainString());
    } else if (result instanceof OptimizationResult.Infeasible inf) {
      routing.add(new Finding("review.infeasible", "no proposal meets every hard constraint; "
          + "conflicting: " + inf.conflicting() + " (" + inf.detail() + ")"));
      d.optimizer(mode + " infeasible");
    } else if (result instanceof OptimizationResult.NumericalFailure nf) {
      routing.add(new Finding("review.numerical", nf.reason() + ": " + nf.detail()));
      d.optimizer(mode + " numerical failure");
    }
    proposal.addAllTrades(trades);

    VerificationResult verification = TradeVerifier.standard().verify(h, marketData, asOf, trades,
        compliance);
    List<String> violations = new ArrayList<>();
    for (Violation v : verification.violations()) {
      violations.add(v.message());
    }
    ProposalImpact impact = ImpactCalculator.measure(h, marketData, asOf,
        assessment.valuation(), trades, violations);
    Proposal built = proposal.build();
    routing.addAll(findings(Stage.ROUTING, context.withProposal(built, impact), new ArrayList<>()));
    if (!violations.isEmpty() && routing.stream().noneMatch(f -> f.code().equals("review.verifier"))) {
      routing.add(new Finding("review.verifier", "verifier: " + violations));
    }
    if (forceReview) {
      routing.add(new Finding("review.override", "forced to review by override"));
    } else if (!applied.isEmpty() && !trades.isEmpty()
        && routing.stream().noneMatch(f -> f.code().equals("review.override"))) {
      routing.add(new Finding("review.override", "overrides " + applied));
    }
    return d.proposal(built).impact(impact).addAllRouting(routing)
        .outcome(routing.isEmpty() ? DecisionOutcome.AUTO : DecisionOutcome.REVIEW).build();
  }

  private List<Finding> findings(Stage stage, RuleContext context,
      List<ConstraintAdjustment> adjustments) {
    List<Finding> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.stage() == stage) {
        RuleOutcome o = r.evaluate(context);
        out.addAll(o.findings());
        adjustments.addAll(o.adjustments());
      }
    }
    return out;
  }

  private static RebalanceMode modeFor(List<Finding> triggers, RuleSet rs) {
    Set<String> codes = new TreeSet<>();
    triggers.forEach(f -> codes.add(f.code()));
    if (codes.contains("trigger.tax.harvest")) {
      return RebalanceMode.TAX_LOSS_HARVEST;
    }
    boolean cashOnly = codes.stream().allMatch(c -> c.startsWith("trigger.cash.")
        || c.startsWith("trigger.liquidity."));
    if (cashOnly) {
      return RebalanceMode.CASH_ONLY;
    }
    return RebalanceMode.valueOf(rs.find("optimizer.mode").orElse("HALFWAY"));
  }
}
