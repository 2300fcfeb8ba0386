package dev.rebal.core.trade;

import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;

/**
 * The part of one tax lot a sale relieves. This record is immutable and thread-safe.
 *
 * @param lot the lot sold from
 * @param quantity the quantity sold from it (positive, at most the lot's quantity)
 */
public record LotPick(LotId lot, Quantity quantity) {
  /**
   * Checks that the quantity is positive.
   *
   * @param lot the lot sold from
   * @param quantity the quantity sold from it (positive, at most the lot's quantity)
   */
  public LotPick {
    Checks.notNull(lot, "lot");
    Checks.notNull(quantity, "quantity");
    Checks.isTrue(quantity.isPositive(), "quantity", quantity, "must be positive");
  }
}
