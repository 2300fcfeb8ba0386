package dev.rebal.core.money;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount of money in one currency, held at that currency's minor-unit scale (cents for USD).
 *
 * <p>The scale rules of the whole library are stated here and in {@link Quantity}, {@link Weight}
 * and {@link UnitPrice}:
 *
 * <ul>
 *   <li>{@code Money}: the currency's minor units (2 for USD). {@link #of} rejects more precision;
 *       input is never rounded silently. Computed amounts ({@link #multipliedBy}, {@link
 *       #ofComputed}) round once, {@link #ROUNDING half-even}.
 *   <li>{@link Quantity}: 6 decimal places (fractional shares).
 *   <li>{@link UnitPrice}: 6 decimal places per share.
 *   <li>{@link Weight}: 10 decimal places, stored as a fraction (0.25 is 25%).
 *   <li>Intermediate arithmetic uses {@link MathContext#DECIMAL128} and is rounded once at the end.
 * </ul>
 *
 * <p>Rebal supports USD only for now; a {@code Money} may carry another currency so that input can
 * be read and reported faithfully, but the validator rejects it and arithmetic across currencies
 * throws. This class is immutable and thread-safe.
 */
public final class Money implements Comparable<Money> {
  /** The rounding used for computed amounts. */
  public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

  /** The only currency Rebal rebalances in. */
  public static final Currency USD = Currency.getInstance("USD");

  /** Zero US dollars. */
  public static final Money ZERO_USD = new Money(USD, BigDecimal.ZERO.setScale(2));

  private final Currency currency;
  private final BigDecimal amount;

  private Money(Currency currency, BigDecimal amount) {
    this.currency = currency;
    this.amount = amount;
  }

  /**
   * {@return an amount in {@code currency}}
   *
   * @param currency the currency
   * @param amount the amount, with at most the currency's minor-unit decimal places
   * @throws IllegalArgumentException if {@code amount} has more decimal places than the currency,
   *     or is 1E+1000 or more in magnitude (input that large is never an amount)
   */
  public static Money of(Currency currency, BigDecimal amount) {
    Checks.notNull(currency, "currency");
    int scale = scaleOf(currency);
    Checks.bounded(amount, scale, "amount");
    return new Money(currency, amount.setScale(scale, RoundingMode.UNNECESSARY));
  }

  /**
   * {@return a US dollar amount; see {@link #of}}
   *
   * @param amount the amount, at most 2 decimal places
   */
  public static Money usd(BigDecimal amount) {
    return of(USD, amount);
  }

  /**
   * {@return a US dollar amount parsed from a plain decimal string such as {@code "1250.75"}}
   *
   * @param amount the amount, at most 2 decimal places
   */
  public static Money usd(String amount) {
    Checks.notNull(amount, "amount");
    return usd(new BigDecimal(amount));
  }

  /**
   * {@return zero in {@code currency}}
   *
   * @param currency the currency
   */
  public static Money zero(Currency currency) {
    return of(currency, BigDecimal.ZERO);
  }

  /**
   * {@return a computed amount rounded once, half-even, to the currency's minor units} Use it for
   * results of arithmetic, never for input.
   *
   * @param currency the currency
   * @param amount the exact result of the arithmetic
   */
  public static Money ofComputed(Currency currency, BigDecimal amount) {
    Checks.notNull(currency, "currency");
    Checks.notNull(amount, "amount");
    return new Money(currency, amount.setScale(scaleOf(currency), ROUNDING));
  }

  private static int scaleOf(Currency currency) {
    return Math.max(currency.getDefaultFractionDigits(), 0);
  }

  /** {@return the currency} */
  public Currency currency() {
    return currency;
  }

  /** {@return the amount, at the currency's minor-unit scale} */
  public BigDecimal amount() {
    return amount;
  }

  /** {@return whether this is in US dollars} */
  public boolean isUsd() {
    return USD.equals(currency);
  }

  /**
   * {@return this plus {@code other}; both must share a currency}
   *
   * @param other the amount to add
   */
  public Money plus(Money other) {
    checkSameCurrency(other);
    return new Money(currency, amount.add(other.amount));
  }

  /**
   * {@return this minus {@code other}; both must share a currency}
   *
   * @param other the amount to subtract
   */
  public Money minus(Money other) {
    checkSameCurrency(other);
    return new Money(currency, amount.subtract(other.amount));
  }

  /**
   * {@return this times {@code factor}, rounded once, half-even, to minor units}
   *
   * @param factor the factor
   */
  public Money multipliedBy(BigDecimal factor) {
    Checks.notNull(factor, "factor");
    return ofComputed(currency, amount.multiply(factor, MathContext.DECIMAL128));
  }

  /** {@return the negated amount} */
  public Money negated() {
    return new Money(currency, amount.negate());
  }

  /** {@return the absolute amount} */
  public Money abs() {
    return amount.signum() < 0 ? negated() : this;
  }

  /**
   * {@return the larger of this and {@code other}}
   *
   * @param other the amount to compare with
   */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /**
   * {@return the smaller of this and {@code other}}
   *
   * @param other the amount to compare with
   */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** {@return whether the amount is above zero} */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** {@return whether the amount is below zero} */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** {@return whether the amount is zero} */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Compares amounts of the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    checkSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void checkSameCurrency(Money other) {
    Checks.notNull(other, "other");
    if (!currency.equals(other.currency)) {
      // the message is built only on failure: this runs on every sum and comparison
      Checks.isTrue(false, "other", other, "must be in " + currency.getCurrencyCode());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money
        && ((Money) o).currency.equals(currency)
        && ((Money) o).amount.equals(amount);
  }

  @Override
  public int hashCode() {
    return currency.hashCode() * 31 + amount.hashCode();
  }

  /**
   * Returns the amount alone as a plain decimal number at the currency's scale, e.g. {@code
   * 1250.75} or {@code -0.50}: never an exponent, never a grouping separator, whatever the locale.
   * This is the form a table, a CSV file or a spreadsheet wants; the currency is a column of its
   * own there. For people, see {@link HumanFormat#money(Money)}.
   *
   * @return the amount's plain decimal digits, with a leading {@code -} when negative
   */
  public String toPlainString() {
    return amount.toPlainString();
  }

  /** Returns e.g. {@code USD 1250.75}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }
}
