package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.Conflict;
import dev.rebal.compliance.ConflictKind;
import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.compliance.TradeVerifier;
import dev.rebal.compliance.VerificationResult;
import dev.rebal.compliance.Violation;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.assess.UnmetGoal;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.override.Override;
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
import dev.rebal.engine.internal.BandEdgeNote;
import dev.rebal.engine.internal.GainsOpenHarvests;
import dev.rebal.engine.internal.GiftStage;
import dev.rebal.engine.internal.ImpactCalculator;
import dev.rebal.engine.internal.InputsHash;
import dev.rebal.engine.internal.ProblemBuild;
import dev.rebal.engine.internal.ProblemBuilder;
import dev.rebal.engine.internal.ProblemRequest;
import dev.rebal.engine.internal.ProposalAssembler;
import dev.rebal.engine.internal.StageTrades;
import dev.rebal.engine.internal.TaxMemo;
import dev.rebal.optimizer.GoalShortfall;
import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.tax.internal.TaxCostCache;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * <p>The pipeline, in named stages: overrides → validate (errors put the household on hold,
 * untouched) → assess (valuation, goal-aware target, drift of the invested part, harvestable
 * losses, liquidity) → eligibility and trigger rules (no trigger, no trades) → constraints
 * (constraint rules, compliance compiler) → propose (gifts in kind, then the one household problem:
 * hard rules and goals with priorities, harvests inside it, directions decided from it;
 * docs/optimizer.md §3) → verify (the compliance module's independent verifier; a failing proposal
 * is never released, a breach the proposal did not cause or worsen is a warning) → routing rules
 * (auto or review; goals left unmet are in the impact) → the decision, whose {@link
 * Decision#auditEntry()} the caller appends to its audit sink. No group is both bought and sold, so
 * the proposal creates no wash sale. A rebalancer never reads a clock; the same inputs, overrides
 * and rule set give a byte-identical decision. This class is immutable and thread-safe.
 */
public final class Rebalancer {
  private final RuleSet ruleSet;
  private final ImmutableList<Rule> rules;
  private final HouseholdOptimizer optimizer;
  private final ComplianceParameters compliance;

  private Rebalancer(
      RuleSet ruleSet,
      RuleRegistry registry,
      HouseholdOptimizer optimizer,
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
   * @return the shared standard rebalancer
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
   * @param ruleSet the rule set
   * @return the rebalancer
   * @throws dev.rebal.core.ruleset.RuleSetException if the rule set enables an unknown rule
   */
  public static Rebalancer of(RuleSet ruleSet) {
    return of(ruleSet, RuleRegistry.load(Rebalancer.class.getClassLoader()));
  }

  /**
   * {@return a rebalancer with {@code ruleSet} selecting from {@code registry}}
   *
   * @param ruleSet the rule set
   * @param registry the rules the rule set may enable
   */
  public static Rebalancer of(RuleSet ruleSet, RuleRegistry registry) {
    Checks.notNull(ruleSet, "ruleSet");
    Checks.notNull(registry, "registry");
    return new Rebalancer(
        ruleSet, registry, HouseholdOptimizer.standard(), ComplianceParameters.defaults());
  }

  /** {@return the rule set in force} */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * Screens {@code household} as of {@code asOf}: validation, assessment and the eligibility and
   * trigger rules only, no constraints and no optimization. The daily screen of a whole book uses
   * it to find the households that need a rebalance today.
   *
   * @param household the household
   * @param marketData the security master, prices and volumes
   * @param asOf the as-of date
   * @return the triggers that fired (empty when on hold, ineligible or balanced)
   */
  public ImmutableList<Finding> screen(Household household, MarketData marketData, LocalDate asOf) {
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

  /**
   * Decides {@code household} as of {@code asOf}, with no overrides.
   *
   * @param household the household
   * @param marketData the security master, prices and volumes
   * @param asOf the as-of date (the trade date)
   * @return the decision
   */
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
   * @return the decision
   * @throws dev.rebal.core.override.OverrideRejectedException if an override may not be applied
   */
  public Decision rebalance(
      Household household, MarketData marketData, LocalDate asOf, List<Override> overrides) {
    Checks.notNull(household, "household");
    Checks.notNull(marketData, "marketData");
    Checks.notNull(asOf, "asOf");
    Checks.noNulls(overrides, "overrides");
    Overridden o = Overridden.of(household, ruleSet, asOf, overrides);
    Household h = o.household();
    RuleSet rs = o.ruleSet();
    Decision.Builder d =
        Decision.builder()
            .household(h.id())
            .asOf(asOf)
            .ruleSetVersion(rs.version().toString())
            .ruleSetHash(rs.contentHash())
            .inputsHash(InputsHash.of(household, marketData, asOf))
            .addAllOverrides(o.applied());
    Proposal.Builder proposal = Proposal.builder().household(h.id()).asOf(asOf);

    // 1. validate: a household whose data does not add up is held, untouched
    ValidationReport report = HouseholdValidator.standard().validate(household, marketData, asOf);
    d.addAllProblems(report.problems());
    if (report.isOnHold()) {
      return empty(
          d,
          proposal,
          DecisionOutcome.ON_HOLD,
          "on hold: " + report.errors().size() + " data error(s); no trades");
    }
    // 2. assess and 3. screen: eligibility, then triggers
    TaxMemo memo = TaxMemo.of(h, marketData, asOf);
    Assessment assessment = Assessor.assess(h, marketData, asOf, rs, report, memo);
    RuleContext context = RuleContext.of(h, marketData, asOf, rs, assessment);
    List<Finding> ineligible = findings(Stage.ELIGIBILITY, context, new ArrayList<>());
    if (o.skip()) {
      ineligible.add(new Finding("eligibility.skip-override", "skipped by override"));
    }
    if (!ineligible.isEmpty()) {
      d.addAllIneligibility(ineligible);
      return empty(d, proposal, DecisionOutcome.INELIGIBLE, "ineligible: " + ineligible.get(0));
    }
    List<Finding> triggers = findings(Stage.TRIGGER, context, new ArrayList<>());
    d.addAllTriggers(triggers);
    if (triggers.isEmpty()) {
      return empty(d, proposal, DecisionOutcome.NO_TRIGGER, "no trigger fired: no trades");
    }
    // 4. constraints: the constraint rules' adjustments and the compiled restrictions
    List<ConstraintAdjustment> adjustments = new ArrayList<>();
    List<Finding> constraintFindings = findings(Stage.CONSTRAINT, context, adjustments);
    TradeConstraints tc = ConstraintCompiler.standard().compile(h, marketData, asOf, compliance);
    // 5. propose: gifts in kind first, then the one household problem
    Proposed proposed =
        propose(h, marketData, asOf, rs, report, assessment, tc, adjustments, triggers, memo);
    d.addAllTriggers(proposed.fired());
    d.addAllConstraints(proposed.notes());
    proposed.optimizer().ifPresent(d::optimizer);
    constraintFindings.forEach(f -> proposal.addExplanation("constraint " + f));
    triggers.forEach(f -> proposal.addExplanation("trigger " + f));
    proposed.lines().forEach(proposal::addExplanation);
    List<Finding> routing = new ArrayList<>();
    for (Conflict c : tc.conflicts()) {
      String what = c.kind() + " " + c.subject() + " short by " + c.shortfall().toPlainString();
      if (c.kind() != ConflictKind.VOLUME_DATA_MISSING) {
        // a cap breach or a cash floor the household cannot sell its way out of predates the
        // proposal: a warning, the rest of the household is rebalanced (the problem never makes
        // it worse), and what is left is reported as a goal left unmet
        proposal.addExplanation("pre-existing conflict: " + what);
      } else {
        routing.add(new Finding("review.conflict", what));
      }
    }
    routing.addAll(proposed.routing());
    ImmutableList<Trade> trades = proposed.trades();
    proposal.addAllTrades(trades);
    // 6. verify independently; 7. route
    VerificationResult verification =
        TradeVerifier.standard().verify(h, marketData, asOf, trades, compliance);
    List<String> violations = new ArrayList<>();
    verification.violations().forEach(v -> violations.add(v.message()));
    verification
        .preExisting()
        .forEach(
            v ->
                proposal.addExplanation(
                    "pre-existing (not caused or worsened by this proposal): " + v.message()));
    ProposalImpact impact =
        ImpactCalculator.measure(
            h,
            marketData,
            asOf,
            assessment.valuation(),
            trades,
            violations,
            verification.preExisting().stream().map(Violation::message).toList(),
            proposed.unmet());
    Proposal built = proposal.build();
    routing.addAll(findings(Stage.ROUTING, context.withProposal(built, impact), new ArrayList<>()));
    if (!trades.isEmpty() || !routing.isEmpty()) {
      residual(h, marketData, asOf, rs, report, trades, proposed.unmet(), memo)
          .ifPresent(routing::add);
    }
    if (!violations.isEmpty()
        && routing.stream().noneMatch(f -> f.code().equals("review.verifier"))) {
      routing.add(new Finding("review.verifier", "verifier: " + violations));
    }
    if (o.forceReview()) {
      routing.add(new Finding("review.override", "forced to review by override"));
    } else if (!o.applied().isEmpty()
        && !trades.isEmpty()
        && routing.stream().noneMatch(f -> f.code().equals("review.override"))) {
      routing.add(new Finding("review.override", "overrides " + o.applied()));
    }
    return d.proposal(built)
        .impact(impact)
        .addAllRouting(routing)
        .outcome(routing.isEmpty() ? DecisionOutcome.AUTO : DecisionOutcome.REVIEW)
        .build();
  }

  /** A decision without trades: on hold, ineligible or without a trigger. */
  private static Decision empty(
      Decision.Builder d, Proposal.Builder proposal, DecisionOutcome outcome, String explanation) {
    return d.outcome(outcome)
        .proposal(proposal.addExplanation(explanation).build())
        .impact(ProposalImpact.builder().build())
        .build();
  }

  /**
   * The proposal stage: gifts in kind due soon (gift trigger), then the one household problem
   * (every other trigger; harvests are part of it when the tax trigger fired), merged. A gift gives
   * appreciated lots away before the problem is stated on the household that is left, so the
   * problem never sells them.
   */
  private Proposed propose(
      Household h,
      MarketData m,
      LocalDate asOf,
      RuleSet rs,
      ValidationReport report,
      Assessment assessment,
      TradeConstraints tc,
      List<ConstraintAdjustment> adjustments,
      List<Finding> triggers,
      TaxMemo memo) {
    Set<String> fired = new TreeSet<>();
    triggers.forEach(f -> fired.add(f.code()));
    List<String> lines = new ArrayList<>();
    ImmutableList<Trade> gifts = ImmutableList.of();
    if (fired.contains("trigger.gift.in-kind")) {
      LocalDate until =
          asOf.plusDays(
              Math.min(
                  rs.find("trigger.gift.horizon-days").map(Long::parseLong).orElse(30L),
                  rs.find("liquidity.horizon-days").map(Long::parseLong).orElse(90L)));
      gifts =
          GiftStage.trades(
              m, GiftStage.plan(h, m, asOf, until, GiftStage.minInKind(rs), tc, lines), lines);
    }
    Household current = h;
    Assessment currentAssessment = assessment;
    TaxMemo currentMemo = memo;
    TradeConstraints currentTc = tc;
    List<ConstraintAdjustment> currentAdjustments = new ArrayList<>(adjustments);
    if (!gifts.isEmpty()) {
      current =
          ProposalExecutor.apply(
              h, Proposal.builder().household(h.id()).asOf(asOf).addAllTrades(gifts).build());
      currentAssessment = Assessor.assessWithoutHarvests(current, m, asOf, rs, report);
      currentMemo = TaxMemo.of(current, m, asOf);
      currentTc = ConstraintCompiler.standard().compile(current, m, asOf, compliance);
      currentAdjustments.addAll(StageTrades.keepDirections(gifts, h, m));
    }
    List<Finding> firedHere = new ArrayList<>();
    if (!gifts.isEmpty() && fired.stream().allMatch(c -> c.startsWith("trigger.gift."))) {
      // a gift in kind alone runs no problem, but the lots it gives can leave a class out of its
      // band: what the household after the gift triggers is fired by the gift, and solved with it
      Assessment afterGift = Assessor.assess(current, m, asOf, rs, report, currentMemo);
      for (Finding f :
          findings(
              Stage.TRIGGER, RuleContext.of(current, m, asOf, rs, afterGift), new ArrayList<>())) {
        if (!f.code().startsWith("trigger.gift.")) {
          firedHere.add(f);
          fired.add(f.code());
          lines.add("trigger " + f.code() + ": " + f.message() + " (after the gift in kind)");
        }
      }
      if (!firedHere.isEmpty()) {
        triggers = new ArrayList<>(triggers);
        triggers.addAll(firedHere);
      }
    }
    boolean harvest = fired.contains("trigger.tax.harvest");
    ProblemRequest request =
        new ProblemRequest(
            current,
            m,
            asOf,
            rs,
            currentAssessment,
            currentTc,
            currentAdjustments,
            modeFor(triggers, rs),
            harvest,
            currentMemo,
            TaxCostCache.create());
    boolean optimise = fired.stream().anyMatch(c -> !c.startsWith("trigger.gift."));
    if (!optimise) {
      return new Proposed(
          gifts,
          ProblemBuilder.notes(request),
          lines,
          List.of(),
          List.of(),
          Optional.empty(),
          firedHere);
    }
    ProblemBuild build = ProblemBuilder.build(request);
    OptimizationResult result = optimizer.optimize(build.problem());
    ImmutableList<Trade> firstTrades = null;
    if (result instanceof OptimizationResult.Optimal first && rs.isEnabled("trigger.tax")) {
      // gains this proposal realizes may make harvests worth it that were not before: harvest
      // in the same proposal, not tomorrow
      firstTrades =
          ProposalAssembler.assemble(
              first.trades(), build, m, triggers, ImpactCalculator.lossLots(current, m));
      Optional<GainsOpenHarvests.Opened> opened =
          GainsOpenHarvests.find(current, firstTrades, m, asOf, rs, currentMemo, harvest);
      if (opened.isPresent()) {
        Finding trigger = opened.get().trigger();
        lines.add("trigger " + trigger.code() + ": " + trigger.message());
        if (!harvest) {
          triggers = new ArrayList<>(triggers);
          triggers.add(trigger);
          firedHere.add(trigger);
          harvest = true;
        }
        request = request.harvesting(opened.get().memo());
        build = ProblemBuilder.build(request);
        result = optimizer.optimize(build.problem());
        firstTrades = null;
      }
    }
    RebalanceMode mode = request.mode();
    String how = mode + (harvest ? "+harvest" : "");
    if (result instanceof OptimizationResult.Optimal opt) {
      ImmutableList<Trade> lp =
          firstTrades != null
              ? firstTrades
              : ProposalAssembler.assemble(
                  opt.trades(), build, m, triggers, ImpactCalculator.lossLots(current, m));
      Proposal.Builder dropped = Proposal.builder().household(h.id()).asOf(asOf);
      ImmutableList<Trade> kept =
          StageTrades.dropBelowMinimum(current, lp, compliance.minTradeValue(), dropped);
      lines.addAll(dropped.build().explanation());
      List<UnmetGoal> unmet = new ArrayList<>();
      for (GoalShortfall g : opt.shortfalls()) {
        Money amount = g.amount();
        if (g.kind() == GoalShortfall.Kind.CASH_FLOOR) {
          // the problem's floor carries up to a dollar of rounding margin above the account's:
          // cash between the two is not below the account's floor
          amount =
              current
                  .findAccount(AccountId.of(g.subject()))
                  .map(a -> g.amount().minus(ProblemBuilder.floorMargin(a)))
                  .orElse(amount);
          if (!amount.isPositive()) {
            continue;
          }
        }
        unmet.add(new UnmetGoal(g.kind().name(), g.subject(), amount, g.detail()));
        lines.add(
            "left unmet: "
                + g.kind()
                + " "
                + g.subject()
                + " by "
                + amount
                + " ("
                + g.detail()
                + ")");
      }
      BandEdgeNote.of(
              opt, lp, build, optimizer, current, m, asOf, currentAssessment.valuation(), triggers)
          .ifPresent(lines::add);
      return new Proposed(
          gifts.isEmpty() ? kept : StageTrades.merge(gifts, kept),
          build.constraints(),
          lines,
          List.of(),
          unmet,
          Optional.of(
              how
                  + " lp="
                  + opt.lpSize().variables()
                  + "x"
                  + opt.lpSize().constraints()
                  + " solves="
                  + opt.lpSize().solves()
                  + " objective="
                  + opt.lpObjective().amount().toPlainString()
                  + " rounding="
                  + opt.roundingCost().amount().toPlainString()),
          firedHere);
    }
    List<Finding> routing = new ArrayList<>();
    if (result instanceof OptimizationResult.Infeasible inf) {
      routing.add(
          new Finding(
              "review.infeasible",
              "the hard rules contradict each other; "
                  + "conflicting: "
                  + inf.conflicting()
                  + " ("
                  + inf.detail()
                  + ")"));
    } else if (result instanceof OptimizationResult.NumericalFailure nf) {
      routing.add(new Finding("review.numerical", nf.reason() + ": " + nf.detail()));
    }
    return new Proposed(
        gifts,
        build.constraints(),
        lines,
        routing,
        List.of(),
        Optional.of(
            how
                + (result instanceof OptimizationResult.Infeasible
                    ? " infeasible"
                    : " numerical failure")),
        firedHere);
  }

  /**
   * What the proposal stage hands on: the trades, the constraint notes, explanation lines, routing
   * findings of its own (an infeasible or failed problem), the goals left unmet, the optimizer's
   * one-line summary and the triggers the stage itself fired (what the household after a gift in
   * kind triggers, the harvest trigger the proposal's own gains fire), which the decision records
   * with the rule stage's.
   */
  private record Proposed(
      ImmutableList<Trade> trades,
      List<String> notes,
      List<String> lines,
      List<Finding> routing,
      List<UnmetGoal> unmet,
      Optional<String> optimizer,
      List<Finding> fired) {}

  /**
   * Returns a review reason if the household, after the trades, would still fire a trigger that the
   * proposal does not explain as a goal left unmet: a drift the constraints keep out of band, a
   * need still not funded, a harvest not taken. An auto-executed proposal leaves a household that
   * triggers nothing at the same prices.
   */
  private Optional<Finding> residual(
      Household h,
      MarketData m,
      LocalDate asOf,
      RuleSet rs,
      ValidationReport report,
      List<Trade> trades,
      List<UnmetGoal> unmet,
      TaxMemo before) {
    Household after =
        ProposalExecutor.apply(
            h, Proposal.builder().household(h.id()).asOf(asOf).addAllTrades(trades).build());
    TaxMemo afterMemo = TaxMemo.of(after, m, asOf);
    Assessment post = Assessor.assess(after, m, asOf, rs, report, afterMemo);
    List<Finding> again = new ArrayList<>();
    Set<String> unmetKinds = new TreeSet<>();
    unmet.forEach(g -> unmetKinds.add(g.kind()));
    for (Finding f :
        findings(Stage.TRIGGER, RuleContext.of(after, m, asOf, rs, post), new ArrayList<>())) {
      // a trigger the proposal already reports as a goal left unmet is no residual; the liquidity
      // trigger counts only cash above the floors, so with every need's cash held it fires for a
      // floor the need's account could not also fill
      boolean explained =
          f.code().startsWith("trigger.liquidity.")
                  && (unmetKinds.contains("NEED") || unmetKinds.contains("CASH_FLOOR"))
              || f.code().equals("trigger.cash.shortfall") && unmetKinds.contains("CASH_FLOOR")
              || (f.code().equals("trigger.threshold") || f.code().equals("trigger.cash.deposit"))
                  && unmetKinds.contains("CLASS_DRIFT")
              || f.code().equals("trigger.goal-bucket") && unmetKinds.contains("BUCKET_DRIFT")
              || f.code().equals("trigger.concentration") && unmetKinds.contains("CONCENTRATION")
              || f.code().equals("trigger.tax.harvest") && onlyOpenedBy(before, afterMemo, rs);
      if (!explained) {
        again.add(f);
      }
    }
    if (again.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            "review.residual",
            "after these trades the "
                + "household would still trigger: "
                + again
                + (unmet.isEmpty() ? "" : "; left unmet: " + unmet)));
  }

  /**
   * Whether every harvest left after the trades is one they opened: a lot a wash-sale window kept
   * from a loss sale before (a recent purchase of the same group, sold in this proposal) is
   * harvestable only once the purchase is gone, so it is the next run's harvest, not one this
   * proposal declined.
   */
  private static boolean onlyOpenedBy(TaxMemo before, TaxMemo after, RuleSet rs) {
    Set<dev.rebal.core.household.LotId> offered = before.harvestLots(rs);
    for (dev.rebal.core.household.LotId lot : after.harvestLots(rs)) {
      if (offered.contains(lot)) {
        return false;
      }
    }
    return true;
  }

  private List<Finding> findings(
      Stage stage, RuleContext context, List<ConstraintAdjustment> adjustments) {
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

  /** A trigger about cash: idle cash to invest, a floor or a need to fund. */
  private static boolean cashTrigger(String code) {
    return code.startsWith("trigger.cash.") || code.startsWith("trigger.liquidity.");
  }

  private static RebalanceMode modeFor(List<Finding> triggers, RuleSet rs) {
    Set<String> codes = new TreeSet<>();
    triggers.forEach(f -> codes.add(f.code()));
    boolean cashTaxGift =
        codes.stream()
            .allMatch(
                c ->
                    cashTrigger(c)
                        || c.startsWith("trigger.tax.")
                        || c.startsWith("trigger.gift."));
    boolean tax = codes.stream().anyMatch(c -> c.startsWith("trigger.tax."));
    if (cashTaxGift && !tax && codes.stream().anyMatch(Rebalancer::cashTrigger)) {
      return RebalanceMode.CASH_ONLY;
    }
    if (cashTaxGift
        || codes.stream()
            .allMatch(
                c ->
                    c.startsWith("trigger.tax.")
                        || c.startsWith("trigger.gift.")
                        || c.equals("trigger.concentration"))) {
      // harvests and cap breaches, with cash to raise or invest or not: classes inside their band
      // are left alone. A harvest is never run CASH_ONLY, which sells only in accounts short of
      // cash: a harvest in another account would wait for a day without a cash trigger
      return RebalanceMode.TO_BAND_EDGE;
    }
    return RebalanceMode.valueOf(rs.find("optimizer.mode").orElse("HALFWAY"));
  }
}
