package dev.rebal.tax.lots;

import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * A lot divided into a sold (or given, or washed) part and the part kept, with quantity, basis and
 * wash-sale adjustment split pro rata.
 *
 * <p>The part taken gets {@code basis * taken / quantity} rounded once, half-even, to cents; the
 * part kept gets the rest, so the two bases add up to the lot's basis exactly (the rounding
 * remainder stays with the part kept). The same holds for the wash-sale adjustment. Both parts keep
 * the lot's acquired date and holding-period start. Shares already used as wash-sale replacements
 * ({@code TaxLot.usedAsReplacement()}) go with the part taken first. This record is immutable and
 * thread-safe.
 *
 * @param lot the lot split
 * @param takenQuantity the quantity taken (positive, at most the lot's quantity)
 * @param takenBasis the basis of the part taken
 * @param takenWashSaleAdjustment the wash-sale adjustment carried by the part taken
 * @since 0.1
 */
public record LotSplit(
    TaxLot lot, Quantity takenQuantity, Money takenBasis, Money takenWashSaleAdjustment) {
  /**
   * Checks that no component is null.
   *
   * @param lot the lot split
   * @param takenQuantity the quantity taken (positive, at most the lot's quantity)
   * @param takenBasis the basis of the part taken
   * @param takenWashSaleAdjustment the wash-sale adjustment carried by the part taken
   */
  public LotSplit {
    Checks.notNull(lot, "lot");
    Checks.notNull(takenQuantity, "takenQuantity");
    Checks.notNull(takenBasis, "takenBasis");
    Checks.notNull(takenWashSaleAdjustment, "takenWashSaleAdjustment");
  }

  /**
   * Splits {@code quantity} off {@code lot}.
   *
   * @param lot the lot, with a positive quantity
   * @param quantity the quantity taken, positive and at most the lot's quantity
   * @return the part taken, with its share of the basis and wash-sale adjustment
   * @throws IllegalArgumentException if the quantity is not positive or exceeds the lot's
   */
  public static LotSplit of(TaxLot lot, Quantity quantity) {
    Checks.notNull(lot, "lot");
    Checks.notNull(quantity, "quantity");
    Checks.isTrue(quantity.isPositive(), "quantity", quantity, "must be positive");
    if (quantity.compareTo(lot.quantity()) > 0) {
      // the message is built only on failure: this runs for every lot of every curve
      Checks.isTrue(
          false,
          "quantity",
          quantity,
          "must not exceed lot " + lot.id() + "'s quantity " + lot.quantity());
    }
    if (quantity.equals(lot.quantity())) {
      return new LotSplit(lot, quantity, lot.costBasis(), lot.washSaleAdjustment());
    }
    return new LotSplit(
        lot,
        quantity,
        proRata(lot.costBasis(), quantity, lot.quantity()),
        proRata(lot.washSaleAdjustment(), quantity, lot.quantity()));
  }

  /** Returns {@code amount * part / whole}, rounded once, half-even, to minor units. */
  static Money proRata(Money amount, Quantity part, Quantity whole) {
    BigDecimal share =
        amount
            .amount()
            .multiply(part.value(), MathContext.DECIMAL128)
            .divide(whole.value(), MathContext.DECIMAL128);
    return Money.ofComputed(amount.currency(), share);
  }

  /** {@return the quantity kept} */
  public Quantity keptQuantity() {
    return lot.quantity().minus(takenQuantity);
  }

  /** {@return the basis kept: the lot's basis minus the part taken} */
  public Money keptBasis() {
    return lot.costBasis().minus(takenBasis);
  }

  /** {@return the part kept as a lot with the same id, or empty if the whole lot was taken} */
  public Optional<TaxLot> kept() {
    if (keptQuantity().isZero()) {
      return Optional.empty();
    }
    Quantity keptUsed = lot.usedAsReplacement().minus(takenQuantity).max(Quantity.ZERO);
    return Optional.of(
        TaxLot.builder()
            .from(lot)
            .quantity(keptQuantity())
            .costBasis(keptBasis())
            .washSaleAdjustment(lot.washSaleAdjustment().minus(takenWashSaleAdjustment))
            .usedAsReplacement(keptUsed)
            .build());
  }
}
