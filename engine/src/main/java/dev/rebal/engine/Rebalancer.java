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
import dev.rebal.engine.internal.GiftStage;
import dev.rebal.engine.internal.HarvestStage;
import dev.rebal.engine.internal.ImpactCalculator;
import dev.rebal.engine.internal.InputsHash;
import dev.rebal.engine.internal.ProblemBuild;
import dev.rebal.engine.internal.ProblemBuilder;
import dev.rebal.engine.internal.ProposalAssembler;
import dev.rebal.engine.internal.StageTrades;
import dev.rebal.engine.internal.TaxMemo;
import dev.rebal.tax.cost.TaxCostModel;
import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.trade.Side;
import dev.rebal.optimizer.ProposedTrade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
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
 * <p>Trades come in up to three stages, each on the household as the stages before would leave it:
 * (A) on the tax trigger, the tax module's harvests (loss lots sold whole, a substitute bought);
 * (B) the household LP, unless only the tax trigger fired, in {@code CASH_ONLY} mode when only cash
 * and liquidity triggers fired and otherwise in the rule set's {@code optimizer.mode} (default
 * {@code HALFWAY}); (C) a cash-only pass that invests cash the first two left idle. A later stage
 * never buys a group an earlier one sold nor sells what it bought, so the merged proposal has no
 * offsetting trades and creates no wash sale. A rebalancer never reads a clock; the same inputs, overrides and rule
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

  /**
   * Returns the rebalancer with the default rule set and the rules found on the class path of this
   * class's loader. It is built on first use (rules loaded, the rule set parsed) and shared after
   * that: a rebalancer is immutable, so every caller can use the same one.
   *
   * @throws dev.rebal.core.ruleset.RuleSetException if the rules cannot be loaded (until a call
   *     succeeds)
   */
  public static Rebalancer standard() {
    return Standard.get();
  }

  /**
   * Holds {@link #standard()}'s instance, built once on first use. Not a class initializer: a
   * failure to load the rules stays a {@code RuleSetException} and the next call tries again.
   */
  private static final class Standard {
    private static volatile Rebalancer instance;

    static Rebalancer get() {
      Rebalancer built = instance;
      if (built == null) {
        synchronized (Standard.class) {
          built = instance;
          if (built == null) {
            built = of(RuleSet.defaults());
            instance = built;
          }
        }
      }
      return built;
    }
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

  /**
   * Screens {@code household} as of {@code asOf}: validation, assessment and the eligibility and
   * trigger rules only, no constraints and no optimization. The daily screen of a whole book uses
   * it to find the households that need a rebalance today.
   *
   * @return the triggers that fired (empty when on hold, ineligible or balanced)
   */
  public ImmutableList<Finding> screen(Household household, MarketData marketData,
      LocalDate asOf) {
    Checks.notNull(household, "household");
    Checks.notNull(marketData, "marketData");
    Checks.notNull(asOf, "asOf");
    ValidationReport report = HouseholdValidator.standard().validate(household, marketData, asOf);
    if (report.isOnHold()) {
      return ImmutableList.of();
    }
    Assessment assessment = Assessor.assess(household, marketData, asOf, ruleSet, report);
    RuleContext context = RuleContext.of(household, marketData, asOf, ruleSet, assessment);
    if (!findings(Stage.ELIGIBILITY, context, new ArrayList<>()).isEmpty()) {
      return ImmutableList.of();
    }
    return ImmutableList.copyOf(findings(Stage.TRIGGER, context, new ArrayList<>()));
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
    Household fixed = h;
    com.google.common.base.Supplier<TradeConstraints> constraints =
        com.google.common.base.Suppliers.memoize(() -> ConstraintCompiler.standard()
            .compile(fixed, marketData, asOf, compliance));
    TaxMemo memo = TaxMemo.of(h, marketData, asOf);
    Assessment assessment = Assessor.assess(h, marketData, asOf, rs, report, memo);
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
    TradeConstraints tc = constraints.get();
    RebalanceMode mode = modeFor(triggers, rs);
    TaxCostModel.Cache curves = TaxCostModel.Cache.create();
    Set<String> fired = new TreeSet<>();
    triggers.forEach(f -> fired.add(f.code()));
    // stages G and A first, so that the household's problem is built only when no trade of theirs
    // changes the household (otherwise it is built after them, and only its notes are read here)
    List<String> giftLines = new ArrayList<>();
    List<String> harvestLines = new ArrayList<>();
    ImmutableList<Trade> trades;
    try {
      trades = earlyTrades(h, marketData, asOf, rs, tc, memo, fired, giftLines, harvestLines);
    } catch (RuntimeException e) {
      // the build came first before: a build that fails still fails first
      ProblemBuilder.build(h, marketData, asOf, rs, assessment, tc, adjustments, mode, mode, false,
          memo, curves);
      throw e;
    }
    ProblemBuild build = null;
    if (trades.isEmpty()) {
      build = ProblemBuilder.build(h, marketData, asOf, rs, assessment, tc, adjustments, mode,
          mode, false, memo, curves);
      d.addAllConstraints(build.constraints());
    } else {
      d.addAllConstraints(ProblemBuilder.notes(h, marketData, asOf, rs, assessment, tc,
          adjustments, mode, memo));
    }
    constraintFindings.forEach(f -> proposal.addExplanation("constraint " + f));
    triggers.forEach(f -> proposal.addExplanation("trigger " + f));

    List<Finding> routing = new ArrayList<>();
    for (Conflict c : tc.conflicts()) {
      routing.add(new Finding("review.conflict", c.kind() + " " + c.subject() + " short by "
          + c.shortfall().toPlainString()));
    }
    giftLines.forEach(proposal::addExplanation);
    harvestLines.forEach(proposal::addExplanation);
    Household current = h;
    Assessment currentAssessment = assessment;
    ProblemBuild currentBuild = build;
    List<ConstraintAdjustment> stageAdjustments = new ArrayList<>(adjustments);
    Executed[] executed = new Executed[1];
    boolean lpRuns = fired.stream().anyMatch(c -> !c.startsWith("trigger.tax.")
        && !c.startsWith("trigger.gift."));
    if (!trades.isEmpty()) {
      current = ProposalExecutor.apply(h, Proposal.builder().household(h.id()).asOf(asOf)
          .addAllTrades(trades).build());
      // the problem build reads only the valuation and the plan: no harvest scan needed
      currentAssessment = Assessor.assessWithoutHarvests(current, marketData, asOf, rs, report);
      stageAdjustments.addAll(StageTrades.keepDirections(trades, h, marketData));
      TaxMemo currentMemo = TaxMemo.of(current, marketData, asOf);
      TradeConstraints currentTc = ConstraintCompiler.standard().compile(current, marketData,
          asOf, compliance);
      if (lpRuns) {
        currentBuild = ProblemBuilder.build(current, marketData, asOf, rs, currentAssessment,
            currentTc, stageAdjustments, mode, mode, false, currentMemo, curves);
      } else {
        // nothing reads this household's problem; the notes-only build still fails where the
        // build would (see ProblemBuilder.notes)
        ProblemBuilder.notes(current, marketData, asOf, rs, currentAssessment, currentTc,
            stageAdjustments, mode, currentMemo);
      }
      // if stage B adds nothing, stage C starts from this very household
      executed[0] = new Executed(trades, current, currentAssessment, currentMemo, currentTc);
    }
    // stage B: the household LP, unless only the tax or gift triggers fired
    if (lpRuns) {
      OptimizationResult result = optimizer.optimize(currentBuild.problem());
      if (result instanceof OptimizationResult.Optimal opt) {
        List<Finding> lpTriggers = new ArrayList<>();
        triggers.stream().filter(f -> !f.code().startsWith("trigger.tax.")
            && !f.code().startsWith("trigger.gift.")).forEach(lpTriggers::add);
        ImmutableList<Trade> lp = ProposalAssembler.assemble(opt.trades(), currentBuild,
            marketData, lpTriggers, ImpactCalculator.lossLots(current, marketData));
        trades = StageTrades.merge(trades, StageTrades.dropBelowMinimum(current, lp, compliance.minTradeValue(), proposal));
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
    }
    // stage C: invest what the stages above left idle
    trades = investResidualCash(h, marketData, asOf, rs, trades, stageAdjustments, mode, proposal,
        executed, curves);
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
    if (!trades.isEmpty() || !routing.isEmpty()) {
      residual(h, marketData, asOf, rs, report, trades, executed[0]).ifPresent(routing::add);
    }
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

  /**
   * Returns the trades of stage G (committed gifts due soon, given in kind; gift trigger only) and
   * stage A (harvest the losses the tax module found; tax trigger only), merged, with each stage's
   * explanation lines.
   */
  private static ImmutableList<Trade> earlyTrades(Household h, MarketData marketData,
      LocalDate asOf, RuleSet rs, TradeConstraints tc, TaxMemo memo, Set<String> fired,
      List<String> giftLines, List<String> harvestLines) {
    ImmutableList<Trade> trades = ImmutableList.of();
    if (fired.contains("trigger.gift.in-kind")) {
      LocalDate until = asOf.plusDays(Math.min(
          rs.find("trigger.gift.horizon-days").map(Long::parseLong).orElse(30L),
          rs.find("liquidity.horizon-days").map(Long::parseLong).orElse(90L)));
      trades = GiftStage.trades(marketData, GiftStage.plan(h, marketData, asOf, until,
          GiftStage.minInKind(rs), tc, giftLines), giftLines);
    }
    if (fired.contains("trigger.tax.harvest")) {
      // harvests sell loss lots, gifts give appreciated ones: the two never share a lot
      ImmutableList<Trade> harvests = HarvestStage.trades(h, marketData, asOf, rs, tc,
          harvestLines, memo);
      trades = trades.isEmpty() ? harvests : StageTrades.merge(trades, harvests);
    }
    return trades;
  }

  /**
   * Returns a review reason if the household, after the trades, would still fire a trigger: a
   * drift the constraints keep out of band, a need still not funded, a harvest not taken. Such a
   * proposal is not the end of the matter, so a human sees it; an auto-executed proposal always
   * leaves a household that triggers nothing at the same prices.
   */
  private Optional<Finding> residual(Household h, MarketData m, LocalDate asOf,
      RuleSet rs, ValidationReport report, List<Trade> trades, Executed executed) {
    Household after;
    Assessment post;
    if (executed != null && executed.trades == trades) {
      // the residual-cash pass added nothing: the same household, already valued and planned
      after = executed.after;
      post = Assessor.complete(executed.assessment, rs, report, executed.memo);
    } else {
      after = ProposalExecutor.apply(h, Proposal.builder().household(h.id()).asOf(asOf)
          .addAllTrades(trades).build());
      post = Assessor.assess(after, m, asOf, rs, report);
    }
    List<Finding> again = findings(Stage.TRIGGER, RuleContext.of(after, m, asOf, rs, post),
        new ArrayList<>());
    if (again.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding("review.residual", "after these trades the "
        + "household would still trigger: " + again));
  }

  /**
   * Invests cash the main pass left idle. Band-edge, halfway and harvest modes stop each class at
   * its goal interval, so cash absorbs the rest; when what is left above floors and the cash target
   * would fire the cash trigger on the next run, a second, cash-only pass on the household as it
   * would be after the trades buys with it. Groups the main pass sold are not bought (no offsetting
   * trades, no wash sale), reserves for liquidity needs are kept, and only buys are taken from the
   * second pass.
   */
  private ImmutableList<Trade> investResidualCash(Household h, MarketData m, LocalDate asOf,
      RuleSet rs, ImmutableList<Trade> trades, List<ConstraintAdjustment> adjustments,
      RebalanceMode mainMode, Proposal.Builder explanation, Executed[] executed,
      TaxCostModel.Cache curves) {
    if (trades.isEmpty()) {
      return trades;
    }
    Executed prior = executed[0];
    Household after;
    Assessment post;
    TaxMemo memo;
    if (prior != null && prior.trades == trades) {
      // stage B added nothing: the household after stages G and A, already valued and compiled
      // (with the validation report's warnings, which nothing here reads)
      after = prior.after;
      post = prior.assessment;
      memo = prior.memo;
    } else {
      after = ProposalExecutor.apply(h, Proposal.builder().household(h.id()).asOf(asOf)
          .addAllTrades(trades).build());
      // only the valuation, the plan and the excess cash are read here: no harvest scan needed
      post = Assessor.assessWithoutHarvests(after, m, asOf, rs,
          ValidationReport.of(h.id(), List.of()));
      memo = TaxMemo.of(after, m, asOf);
      prior = null;
    }
    executed[0] = new Executed(trades, after, post, memo,
        prior == null ? null : prior.constraints);
    BigDecimal min = rs.find("trigger.cash.min").map(BigDecimal::new)
        .orElse(new BigDecimal("5000")).max(rs.find("trigger.cash.share").map(BigDecimal::new)
            .orElse(new BigDecimal("0.02")).multiply(post.valuation().total().amount()));
    if (post.excessCash().amount().compareTo(min) < 0) {
      return trades;
    }
    List<ConstraintAdjustment> second = new ArrayList<>();
    for (ConstraintAdjustment a : adjustments) {
      if (a instanceof ConstraintAdjustment.RaiseCash) {
        second.add(a);
      }
    }
    second.addAll(StageTrades.keepDirections(trades, h, m));
    TradeConstraints tc = executed[0].constraints != null ? executed[0].constraints
        : ConstraintCompiler.standard().compile(after, m, asOf, compliance);
    ProblemBuild build = ProblemBuilder.build(after, m, asOf, rs, post, tc, second,
        RebalanceMode.CASH_ONLY, mainMode, true, memo, curves);
    OptimizationResult result = optimizer.optimize(build.problem());
    if (!(result instanceof OptimizationResult.Optimal opt)) {
      return trades;
    }
    // only buys, and only in accounts the pass did not also sell in (their cash was short)
    Set<AccountId> selling = new TreeSet<>();
    List<ProposedTrade> buysOnly = new ArrayList<>();
    opt.trades().stream().filter(t -> t.side() == Side.SELL).forEach(t -> selling.add(t.account()));
    opt.trades().stream().filter(t -> t.side() == Side.BUY && !selling.contains(t.account()))
        .forEach(buysOnly::add);
    List<Finding> cash = List.of(new Finding("trigger.cash.deposit", "residual cash"));
    ImmutableList<Trade> buys = StageTrades.dropBelowMinimum(after,
        ProposalAssembler.assemble(buysOnly, build, m, cash, Set.of()), compliance.minTradeValue(),
        explanation);
    if (buys.isEmpty()) {
      return trades;
    }
    explanation.addExplanation("invested residual cash " + post.excessCash() + " in "
        + buys.size() + " buy(s)");
    return StageTrades.merge(trades, buys);
  }

  /**
   * The household after some trades, valued without harvests, its tax memo and (when known) its
   * compiled constraints: the stages after the harvest hand it to the residual-cash pass, which
   * hands it to the residual-trigger check, so that a later step on the same trades reuses them.
   */
  private static final class Executed {
    final ImmutableList<Trade> trades;
    final Household after;
    final Assessment assessment;
    final TaxMemo memo;
    final TradeConstraints constraints;

    Executed(ImmutableList<Trade> trades, Household after, Assessment assessment, TaxMemo memo,
        TradeConstraints constraints) {
      this.trades = trades;
      this.after = after;
      this.assessment = assessment;
      this.memo = memo;
      this.constraints = constraints;
    }
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
    boolean cashOnly = codes.stream().allMatch(c -> c.startsWith("trigger.cash.")
        || c.startsWith("trigger.liquidity.") || c.startsWith("trigger.tax.")
        || c.startsWith("trigger.gift."))
        && codes.stream().anyMatch(c -> !c.startsWith("trigger.tax.")
            && !c.startsWith("trigger.gift."));
    if (cashOnly) {
      return RebalanceMode.CASH_ONLY;
    }
    return RebalanceMode.valueOf(rs.find("optimizer.mode").orElse("HALFWAY"));
  }
}
