package dev.rebal.core.money;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * A price per share or unit, at a fixed scale of 6 decimal places, in one currency.
 *
 * <p>Per-share prices carry more precision than {@link Money}; {@link #times} turns a price and a
 * {@link Quantity} into money, rounded once. This class is immutable and thread-safe.
 */
public final class UnitPrice implements Comparable<UnitPrice> {
  /** The fixed scale. */
  public static final int SCALE = 6;

  private final Currency currency;
  private final BigDecimal amount;

  private UnitPrice(Currency currency, BigDecimal amount) {
    this.currency = currency;
    this.amount = amount;
  }

  /**
   * {@return a unit price}
   *
   * @param currency the currency
   * @param amount the price per unit, at most 6 decimal places
   * @throws IllegalArgumentException if {@code amount} has more than 6 decimal places, or is
   *     1E+1000 or more in magnitude (input that large is never an amount)
   */
  public static UnitPrice of(Currency currency, BigDecimal amount) {
    Checks.notNull(currency, "currency");
    Checks.bounded(amount, SCALE, "price");
    return new UnitPrice(currency, amount.setScale(SCALE, RoundingMode.UNNECESSARY));
  }

  /**
   * {@return a US dollar price parsed from a plain decimal string such as {@code "101.25"}}
   *
   * @param amount the price, at most 6 decimal places
   */
  public static UnitPrice usd(String amount) {
    Checks.notNull(amount, "price");
    return of(Money.USD, new BigDecimal(amount));
  }

  /**
   * {@return a computed price rounded half-even to 6 decimal places}
   *
   * @param currency the currency
   * @param amount the exact result of the arithmetic
   */
  public static UnitPrice ofComputed(Currency currency, BigDecimal amount) {
    Checks.notNull(currency, "currency");
    Checks.notNull(amount, "price");
    return new UnitPrice(currency, amount.setScale(SCALE, Money.ROUNDING));
  }

  /** {@return the currency} */
  public Currency currency() {
    return currency;
  }

  /** {@return the price per unit, at scale 6} */
  public BigDecimal amount() {
    return amount;
  }

  /** {@return whether the price is above zero} */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * {@return the value of {@code quantity} units at this price, rounded once to minor units}
   *
   * @param quantity the number of units
   */
  public Money times(Quantity quantity) {
    Checks.notNull(quantity, "quantity");
    return Money.ofComputed(currency, amount.multiply(quantity.value(), MathContext.DECIMAL128));
  }

  @Override
  public int compareTo(UnitPrice other) {
    if (!currency.equals(other.currency)) {
      // the message is built only on failure: this runs on every sum and comparison
      Checks.isTrue(false, "other", other, "must be in " + currency.getCurrencyCode());
    }
    return amount.compareTo(other.amount);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnitPrice
        && ((UnitPrice) o).currency.equals(currency)
        && ((UnitPrice) o).amount.equals(amount);
  }

  @Override
  public int hashCode() {
    return currency.hashCode() * 31 + amount.hashCode();
  }

  /** Returns e.g. {@code USD 101.250000}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
