package dev.rebal.examples.backtest;

import java.util.Set;

/**
 * Why a trade was made, as the backtest groups turnover: read from the trade's reason codes
 * (docs/engine.md, "Reason codes"), the first group that matches in this order. A harvest's sales
 * and the buys of the same decision count as harvest (the engine marks those buys {@code
 * tax.replacement}); a sale or buy that moves a class to a cheaper account counts as relocation;
 * deposits invested, cash raised and needs funded count as cash flow; goal steps and concentration
 * relief as their own; everything else (threshold, calendar) as rebalance.
 */
enum TradeReason {
  RELOCATION("relocation"),
  HARVEST("harvest"),
  CASH_FLOW("cash flow"),
  GOAL("goals"),
  CONCENTRATION("concentration"),
  REBALANCE("rebalance");

  private final String label;

  TradeReason(String label) {
    this.label = label;
  }

  /** Returns the group's name in the report's tables. */
  String label() {
    return label;
  }

  /**
   * Returns the group of a trade with these reason codes.
   *
   * @param codes the trade's reason codes
   * @return the first group in declaration order whose codes the trade carries
   */
  static TradeReason of(Set<String> codes) {
    if (codes.contains("location.relocate")) {
      return RELOCATION;
    }
    if (codes.contains("tax.harvest") || codes.contains("tax.replacement")) {
      return HARVEST;
    }
    if (codes.contains("cash.invest")
        || codes.contains("cash.raise")
        || codes.contains("liquidity.need")) {
      return CASH_FLOW;
    }
    if (codes.stream().anyMatch(c -> c.startsWith("goal."))) {
      return GOAL;
    }
    if (codes.contains("concentration.cap")) {
      return CONCENTRATION;
    }
    return REBALANCE;
  }
}
