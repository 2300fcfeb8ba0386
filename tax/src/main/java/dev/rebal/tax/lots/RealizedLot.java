package dev.rebal.tax.lots;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.Term;
import java.time.LocalDate;

/**
 * The result of selling part or all of one lot: proceeds, basis, gain and term.
 *
 * <p>The gain is proceeds minus basis (negative for a loss), before any wash-sale disallowance.
 * This record is immutable and thread-safe.
 *
 * @param lot the lot sold from
 * @param account the account holding it
 * @param security the security
 * @param quantity the quantity sold (positive)
 * @param proceeds the proceeds of the quantity sold
 * @param basis the pro-rata basis of the quantity sold
 * @param term short or long term on the sale date
 * @param holdingPeriodStart the lot's holding-period start (for tacking onto a replacement)
 * @param saleDate the trade date of the sale
 * @param basisKnown whether the lot's basis is known
 * @param sequence the sale's order among the household's trades of its date (larger is later), as
 *     in {@code Transaction.sequence()}
 * @since 0.1
 */
public record RealizedLot(
    LotId lot,
    AccountId account,
    SecurityId security,
    Quantity quantity,
    Money proceeds,
    Money basis,
    Term term,
    LocalDate holdingPeriodStart,
    LocalDate saleDate,
    boolean basisKnown,
    long sequence) {
  /**
   * Checks that no component is null and the quantity is positive.
   *
   * @param lot the lot sold from
   * @param account the account holding it
   * @param security the security
   * @param quantity the quantity sold (positive)
   * @param proceeds the proceeds of the quantity sold
   * @param basis the pro-rata basis of the quantity sold
   * @param term short or long term on the sale date
   * @param holdingPeriodStart the lot's holding-period start (for tacking onto a replacement)
   * @param saleDate the trade date of the sale
   * @param basisKnown whether the lot's basis is known
   * @param sequence the sale's order among the household's trades of its date (larger is later), as
   *     in {@code Transaction.sequence()}
   */
  public RealizedLot {
    Checks.notNull(lot, "lot");
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(quantity, "quantity");
    Checks.isTrue(quantity.isPositive(), "quantity", quantity, "must be positive");
    Checks.notNull(proceeds, "proceeds");
    Checks.notNull(basis, "basis");
    Checks.notNull(term, "term");
    Checks.notNull(holdingPeriodStart, "holdingPeriodStart");
    Checks.notNull(saleDate, "saleDate");
  }

  /**
   * A sale with sequence zero (no order within its date).
   *
   * @param lot the lot sold from
   * @param account the account holding it
   * @param security the security
   * @param quantity the quantity sold (positive)
   * @param proceeds the proceeds of the quantity sold
   * @param basis the pro-rata basis of the quantity sold
   * @param term short or long term on the sale date
   * @param holdingPeriodStart the lot's holding-period start
   * @param saleDate the trade date of the sale
   * @param basisKnown whether the lot's basis is known
   */
  public RealizedLot(
      LotId lot,
      AccountId account,
      SecurityId security,
      Quantity quantity,
      Money proceeds,
      Money basis,
      Term term,
      LocalDate holdingPeriodStart,
      LocalDate saleDate,
      boolean basisKnown) {
    this(
        lot,
        account,
        security,
        quantity,
        proceeds,
        basis,
        term,
        holdingPeriodStart,
        saleDate,
        basisKnown,
        0L);
  }

  /**
   * {@return a copy with the given sequence}
   *
   * @param sequence the order of the sale within its trade date
   */
  public RealizedLot withSequence(long sequence) {
    return new RealizedLot(
        lot,
        account,
        security,
        quantity,
        proceeds,
        basis,
        term,
        holdingPeriodStart,
        saleDate,
        basisKnown,
        sequence);
  }

  /** {@return proceeds minus basis: positive for a gain, negative for a loss} */
  public Money gain() {
    return proceeds.minus(basis);
  }

  /** {@return whether the sale realizes a loss} */
  public boolean isLoss() {
    return gain().isNegative();
  }
}
