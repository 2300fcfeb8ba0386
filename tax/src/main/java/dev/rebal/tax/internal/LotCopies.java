package dev.rebal.tax.internal;

import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import java.time.LocalDate;

/**
 * Copies of tax lots with some attributes changed (the core builders are strict and have no
 * {@code from}).
 */
public final class LotCopies {
  private LotCopies() {}

  /**
   * Returns a copy of {@code lot} with the given id, quantity, basis, adjustment and start; its
   * replacement use is the lot's, capped at the new quantity.
   */
  public static TaxLot copy(TaxLot lot, LotId id, Quantity quantity, Money costBasis,
      Money washSaleAdjustment, LocalDate holdingPeriodStart) {
    return copy(lot, id, quantity, costBasis, washSaleAdjustment, holdingPeriodStart,
        lot.usedAsReplacement().min(quantity));
  }

  /** Returns a copy of {@code lot} with the given attributes changed. */
  public static TaxLot copy(TaxLot lot, LotId id, Quantity quantity, Money costBasis,
      Money washSaleAdjustment, LocalDate holdingPeriodStart, Quantity usedAsReplacement) {
    return TaxLot.builder().id(id).account(lot.account()).security(lot.security())
        .quantity(quantity).costBasis(costBasis).acquired(lot.acquired())
        .holdingPeriodStart(holdingPeriodStart).washSaleAdjustment(washSaleAdjustment)
        .basisKnown(lot.basisKnown()).usedAsReplacement(usedAsReplacement).build();
  }
}
