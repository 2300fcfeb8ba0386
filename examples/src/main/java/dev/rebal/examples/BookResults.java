package dev.rebal.examples;

import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.outlook.GoalOutlook;
import dev.rebal.core.outlook.HouseholdOutlook;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.validation.Problem;
import dev.rebal.core.validation.Severity;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.DecisionText;
import dev.rebal.engine.ProposalExecutor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the HTML report shows, collected decision by decision on the thread that receives them: the
 * book's value, tax figures split by auto and review, drift per asset class before and after, the
 * exceptions, and a section per triggered household (the first {@link #SECTIONS} of them, so memory
 * stays bounded on a large book).
 *
 * <p>Drift is measured from each household's goal-aware target (the {@link GoalPlanner} plan at the
 * rule set's {@code goal.discount-rate}), the target the engine rebalances to. "After" values the
 * household with {@link HouseholdValuation} once its released (AUTO) proposal has been applied with
 * {@link ProposalExecutor}; "after, if approved" also applies the proposals waiting in review.
 */
final class BookResults {
  static final int SECTIONS = 500;
  static final int EXCEPTIONS = 25;

  /** Drift totals of one asset class over the valued households. */
  static final class ClassStats {
    BigDecimal absBefore = BigDecimal.ZERO;
    BigDecimal absAuto = BigDecimal.ZERO;
    BigDecimal absAll = BigDecimal.ZERO;
    int outBefore;
    int outAuto;
    int outAll;
    int households;
  }

  /** One household's section of the report. */
  record Section(
      Decision decision,
      Household household,
      HouseholdPlan plan,
      HouseholdDrift before,
      HouseholdDrift after,
      Optional<HouseholdOutlook> outlook) {}

  /** One exception: a household and what is wrong. */
  record Issue(int rank, String household, String kind, String detail) {}

  private static final Comparator<Issue> URGENT_FIRST =
      Comparator.comparingInt(Issue::rank)
          .thenComparing(Issue::household)
          .thenComparing(Issue::kind);

  /** An exception and when it was seen: equal exceptions are all kept, in the order seen. */
  private record Ranked(Issue issue, long seen) {}

  private final MarketData market;
  private final LocalDate asOf;
  private final GoalPlanner planner;

  /** The goal outlook with its fan chart, for the report's sections; null when off. */
  private final GoalOutlook outlook;

  final TreeMap<AssetClass, ClassStats> classes = new TreeMap<>();
  final List<Section> sections = new ArrayList<>();

  /** The most urgent {@link #EXCEPTIONS} exceptions so far: bounded, whatever the book's size. */
  private final TreeSet<Ranked> exceptions =
      new TreeSet<>(
          Comparator.comparing(Ranked::issue, URGENT_FIRST).thenComparingLong(Ranked::seen));

  private long exceptionCount;

  /** Receives every exception as it is found (the run record keeps them all). */
  private java.util.function.Consumer<Issue> listener = i -> {};

  int triggered;
  int autoWithoutTrades;
  int valued;
  int householdsWithWarnings;
  Money bookValue = Money.ZERO_USD;
  Money autoGain = Money.ZERO_USD;
  Money reviewGain = Money.ZERO_USD;
  Money autoShortTerm = Money.ZERO_USD;
  Money reviewShortTerm = Money.ZERO_USD;
  Money autoTax = Money.ZERO_USD;
  Money reviewTax = Money.ZERO_USD;
  Money autoHarvested = Money.ZERO_USD;
  Money reviewHarvested = Money.ZERO_USD;
  Money autoTraded = Money.ZERO_USD;
  Money reviewTraded = Money.ZERO_USD;
  final TreeMap<String, Integer> triggerCodes = new TreeMap<>();

  BookResults(MarketData market, LocalDate asOf, BigDecimal discountRate) {
    this(market, asOf, discountRate, null);
  }

  /** Results whose report sections show each goal's outlook ({@code outlook} may be null: none). */
  BookResults(MarketData market, LocalDate asOf, BigDecimal discountRate, GoalOutlook outlook) {
    this.market = market;
    this.asOf = asOf;
    this.planner = GoalPlanner.withDiscountRate(discountRate);
    this.outlook = outlook == null ? null : outlook.withFan(true);
  }

  void add(Household h, Decision d) {
    DecisionOutcome o = d.outcome();
    if (o == DecisionOutcome.ON_HOLD) {
      Optional<Problem> first =
          d.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst();
      exception(
          new Issue(
              2,
              h.id().value(),
              "on hold (data error)",
              first.map(Problem::toString).orElse("on hold")));
      return;
    }
    d.triggers().forEach(f -> triggerCodes.merge(f.code(), 1, Integer::sum));
    boolean review = o == DecisionOutcome.REVIEW;
    if (o == DecisionOutcome.AUTO || review) {
      triggered++;
      Money traded = Money.ZERO_USD;
      for (var t : d.proposal().trades()) {
        traded = traded.plus(t.estimatedValue());
      }
      var i = d.impact();
      if (review) {
        reviewGain = reviewGain.plus(i.realizedGain());
        reviewShortTerm = reviewShortTerm.plus(i.shortTermGain());
        reviewTax = reviewTax.plus(i.taxCost());
        reviewHarvested = reviewHarvested.plus(i.harvestedLoss());
        reviewTraded = reviewTraded.plus(traded);
        int rank =
            d.routing().stream()
                    .anyMatch(
                        f ->
                            f.code().equals("review.verifier")
                                || f.code().equals("review.conflict")
                                || f.code().equals("review.infeasible"))
                ? 1
                : 3;
        exception(
            new Issue(
                rank,
                h.id().value(),
                "review",
                String.join("; ", d.routing().stream().map(DecisionText::of).toList())));
      } else {
        autoWithoutTrades += d.proposal().isEmpty() ? 1 : 0;
        autoGain = autoGain.plus(i.realizedGain());
        autoShortTerm = autoShortTerm.plus(i.shortTermGain());
        autoTax = autoTax.plus(i.taxCost());
        autoHarvested = autoHarvested.plus(i.harvestedLoss());
        autoTraded = autoTraded.plus(traded);
      }
    }
    if (d.problems().stream().anyMatch(p -> p.severity() == Severity.WARNING)) {
      householdsWithWarnings++;
    }
    drift(h, d);
  }

  private void drift(Household h, Decision d) {
    HouseholdValuation v;
    HouseholdPlan plan;
    try {
      v = HouseholdValuation.of(h, market);
      plan = planner.plan(h, v, asOf);
    } catch (RuntimeException e) {
      exception(new Issue(2, h.id().value(), "cannot be valued", e.getMessage()));
      return;
    }
    TargetAllocation target = plan.target();
    HouseholdDrift before = v.driftFrom(target);
    HouseholdDrift after = before;
    if (!d.proposal().isEmpty()) {
      try {
        HouseholdDrift applied =
            HouseholdValuation.of(ProposalExecutor.apply(h, d.proposal()), market)
                .driftFrom(target);
        after = applied;
      } catch (RuntimeException e) {
        exception(new Issue(1, h.id().value(), "proposal cannot be applied", e.getMessage()));
      }
    }
    HouseholdDrift afterAuto = d.isReleasable() ? after : before;
    valued++;
    bookValue = bookValue.plus(v.total());
    for (ClassDrift c : before.classes()) {
      ClassStats s = classes.computeIfAbsent(c.assetClass(), k -> new ClassStats());
      s.households++;
      s.absBefore = s.absBefore.add(c.absoluteDrift().value());
      s.outBefore += c.isOutOfBand() ? 1 : 0;
    }
    for (ClassDrift c : afterAuto.classes()) {
      ClassStats s = classes.computeIfAbsent(c.assetClass(), k -> new ClassStats());
      s.absAuto = s.absAuto.add(c.absoluteDrift().value());
      s.outAuto += c.isOutOfBand() ? 1 : 0;
    }
    for (ClassDrift c : after.classes()) {
      ClassStats s = classes.computeIfAbsent(c.assetClass(), k -> new ClassStats());
      s.absAll = s.absAll.add(c.absoluteDrift().value());
      s.outAll += c.isOutOfBand() ? 1 : 0;
    }
    boolean triggeredNow =
        d.outcome() == DecisionOutcome.AUTO || d.outcome() == DecisionOutcome.REVIEW;
    if (triggeredNow && sections.size() < SECTIONS) {
      Optional<HouseholdOutlook> odds = Optional.empty();
      if (outlook != null && !h.goals().isEmpty()) {
        odds = Optional.of(outlook.outlook(h, plan, asOf));
      }
      sections.add(new Section(d, h, plan, before, after, odds));
    }
  }

  /** Counts an exception and keeps it if it is among the {@link #EXCEPTIONS} most urgent. */
  synchronized void exception(Issue issue) {
    listener.accept(issue);
    exceptions.add(new Ranked(issue, exceptionCount++));
    if (exceptions.size() > EXCEPTIONS) {
      exceptions.pollLast();
    }
  }

  /** Has {@code l} receive every exception from now on, in the order found. */
  synchronized void onException(java.util.function.Consumer<Issue> l) {
    listener = l;
  }

  /** Returns how many exceptions were found in all. */
  synchronized long exceptionCount() {
    return exceptionCount;
  }

  /** Returns the most urgent exceptions (at most {@link #EXCEPTIONS}), then by household. */
  synchronized List<Issue> topExceptions() {
    return exceptions.stream().map(Ranked::issue).toList();
  }

  /** Returns the trigger counts by reason code. */
  Map<String, Integer> triggerCodes() {
    return triggerCodes;
  }
}
