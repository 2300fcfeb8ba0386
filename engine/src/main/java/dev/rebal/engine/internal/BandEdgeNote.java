package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.optimizer.BandEdgeStop;
import dev.rebal.optimizer.ClassGoal;
import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.ObjectiveBreakdown;
import dev.rebal.optimizer.OptimizationResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains the classes the band tier left at their band's edge ({@link BandEdgeStop}): a class that
 * was out of its band and that the proposal trades only back to the edge, because going on to the
 * middle of the band would cost more than the tier charges for the drift left inside the band
 * (docs/optimizer.md, "The band tier"). A reviewer seeing munis at 23.3% against a 29.1% target
 * asks why; the answer is priced, not asserted: the same problem is solved again with those classes
 * charged the whole drift weight inside the band, as HALFWAY without the tier would, and the note
 * gives what that proposal would trade, realize and cost more, e.g. {@code left at the band's edge:
 * US_BOND 0.35 vs 0.4 +/- 0.05, US_EQUITY 0.65 vs 0.6 +/- 0.05 after the proposal; taken to the
 * middle half of the band, the proposal would trade USD 11000.00 (instead of USD 6000.00), realize
 * USD 2000.00 more gain (USD 400.00 more estimated tax), cost USD 3.00 more in trading and asset
 * location}. Gains are what most often stop a class; the cost of the trades themselves (trading
 * cost, turnover penalty, asset location) is named when it is higher too, since a class can also
 * stop where going on would give up a move to an account where a class costs less. Stateless.
 */
public final class BandEdgeNote {
  private BandEdgeNote() {}

  /**
   * Returns the note for the classes {@code result} stopped at their band's edge, or empty when it
   * stopped none, the variant has no optimal proposal to compare with, or the variant would cost no
   * more tax and no more trading (the other classes' drift held these).
   *
   * @param result the optimizer's proposal
   * @param trades its trades with their lots
   * @param build the problem it answers
   * @param optimizer the optimizer that solved it
   * @param h the household the problem was stated on
   * @param m the market data
   * @param asOf the as-of date
   * @param valuation the household's valuation
   * @param triggers the triggers that fired
   * @return the note, if any class stopped at its band's edge
   */
  public static Optional<String> of(
      OptimizationResult.Optimal result,
      List<Trade> trades,
      ProblemBuild build,
      HouseholdOptimizer optimizer,
      Household h,
      MarketData m,
      LocalDate asOf,
      HouseholdValuation valuation,
      List<Finding> triggers) {
    List<BandEdgeStop> stops = result.bandEdgeStops();
    if (stops.isEmpty()) {
      return Optional.empty();
    }
    HouseholdProblem.Builder whole = build.problem().toBuilder();
    for (BandEdgeStop s : stops) {
      build.problem().classGoals().stream()
          .filter(g -> g.assetClass().equals(s.assetClass()))
          .findFirst()
          .ifPresent(
              g ->
                  whole.replaceClassGoal(
                      new ClassGoal(g.assetClass(), g.target(), g.driftWeight(), BigDecimal.ONE)));
    }
    ProblemBuild variant =
        new ProblemBuild(whole.build(), build.segmentLots(), build.constraints());
    if (!(optimizer.optimize(variant.problem()) instanceof OptimizationResult.Optimal other)) {
      return Optional.empty();
    }
    ImmutableList<Trade> otherTrades =
        ProposalAssembler.assemble(
            other.trades(), variant, m, triggers, ImpactCalculator.lossLots(h, m));
    ProposalImpact impact = ImpactCalculator.measure(h, m, asOf, valuation, trades, List.of());
    ProposalImpact otherImpact =
        ImpactCalculator.measure(h, m, asOf, valuation, otherTrades, List.of());
    Money tax = otherImpact.taxCost().minus(impact.taxCost());
    Money cost = tradeCost(other.objective()).minus(tradeCost(result.objective()));
    List<String> classes = new ArrayList<>();
    for (BandEdgeStop s : stops) {
      classes.add(s.assetClass() + " " + s.after() + " vs " + s.target() + " +/- " + s.halfWidth());
    }
    List<String> more = new ArrayList<>();
    if (tax.isPositive()) {
      more.add(
          "realize "
              + otherImpact.realizedGain().minus(impact.realizedGain())
              + " more gain ("
              + tax
              + " more estimated tax)");
    }
    if (cost.isPositive()) {
      more.add("cost " + cost + " more in trading and asset location");
    }
    if (more.isEmpty()) {
      // neither more tax nor more cost: what held the class is the drift of the others (often
      // goals left unmet, which the decision reports), not the tier's price
      return Optional.empty();
    }
    return Optional.of(
        "left at the band's edge: "
            + String.join(", ", classes)
            + " after the proposal; taken to the middle half of the band, the proposal would trade "
            + traded(otherTrades)
            + " (instead of "
            + traded(trades)
            + "), "
            + String.join(", ", more));
  }

  private static Money traded(List<Trade> trades) {
    Money sum = Money.ZERO_USD;
    for (Trade t : trades) {
      sum = sum.plus(t.estimatedValue());
    }
    return sum;
  }

  /** The objective's cost of the trades themselves, without drift and tax. */
  private static Money tradeCost(ObjectiveBreakdown b) {
    return b.transactionCost().plus(b.assetLocation()).plus(b.turnover());
  }
}
