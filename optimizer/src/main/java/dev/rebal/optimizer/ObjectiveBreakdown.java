package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * The objective at the rounded trades, term by term, in dollars of penalty.
 *
 * @param drift weighted dollars outside each class's goal interval after trading
 * @param tax weighted tax on realised gains (negative for a harvested loss)
 * @param transactionCost transaction cost of all trades
 * @param assetLocation asset-location cost of the trades (negative when a class moves to accounts
 *     where it costs less)
 * @param turnover turnover penalty of all trades
 * @param total the sum of the terms
 */
public record ObjectiveBreakdown(
    Money drift,
    Money tax,
    Money transactionCost,
    Money assetLocation,
    Money turnover,
    Money total) {
  /**
   * Checks that no component is null.
   *
   * @param drift weighted dollars outside each class's goal interval after trading
   * @param tax weighted tax on realised gains (negative for a harvested loss)
   * @param transactionCost transaction cost of all trades
   * @param assetLocation asset-location cost of the trades (negative when a class moves to accounts
   *     where it costs less)
   * @param turnover turnover penalty of all trades
   * @param total the sum of the terms
   */
  public ObjectiveBreakdown {
    Checks.notNull(drift, "drift");
    Checks.notNull(tax, "tax");
    Checks.notNull(transactionCost, "transactionCost");
    Checks.notNull(assetLocation, "assetLocation");
    Checks.notNull(turnover, "turnover");
    Checks.notNull(total, "total");
  }
}
