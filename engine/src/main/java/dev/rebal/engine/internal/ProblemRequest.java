package dev.rebal.engine.internal;

import dev.rebal.compliance.TradeConstraints;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.rule.ConstraintAdjustment;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.tax.internal.TaxCostCache;
import java.time.LocalDate;
import java.util.List;

/**
 * What {@link ProblemBuilder} needs to state one household's problem: the household on the as-of
 * date with its market data and rule set, its assessment, the compiled constraints and the
 * constraint rules' adjustments, the rebalancing mode, whether the tax trigger asked for harvests,
 * and the decision's tax memo and tax-cost curve cache.
 *
 * @param household the household (after any gifts in kind)
 * @param market the market data
 * @param asOf the as-of date
 * @param ruleSet the rule set in force
 * @param assessment the household's assessment
 * @param constraints the compiled trade constraints
 * @param adjustments the constraint rules' adjustments (cash to hold, securities not to trade)
 * @param mode the rebalancing mode
 * @param harvest whether harvestable losses are worth taking in this problem
 * @param memo the household's tax memo
 * @param curves the decision's tax-cost curve cache
 */
public record ProblemRequest(
    Household household,
    MarketData market,
    LocalDate asOf,
    RuleSet ruleSet,
    Assessment assessment,
    TradeConstraints constraints,
    List<ConstraintAdjustment> adjustments,
    RebalanceMode mode,
    boolean harvest,
    TaxMemo memo,
    TaxCostCache curves) {
  /** Copies the adjustments. */
  public ProblemRequest {
    adjustments = List.copyOf(adjustments);
  }

  /**
   * {@return this request harvesting, with the harvests {@code harvestMemo} appraises (the
   * household's with the first solve's gains in its year; {@link GainsOpenHarvests})}
   */
  public ProblemRequest harvesting(TaxMemo harvestMemo) {
    return new ProblemRequest(
        household,
        market,
        asOf,
        ruleSet,
        assessment,
        constraints,
        adjustments,
        mode,
        true,
        harvestMemo,
        TaxCostCache.create());
  }
}
