package dev.rebal.core.money;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number of shares or units, at a fixed scale of 6 decimal places (fractional shares).
 *
 * <p>The sign is kept: a validator, not this type, decides where negative quantities are wrong, so
 * that bad input can be read and reported rather than rejected on sight. Computed quantities round
 * {@link RoundingMode#DOWN}, so a rounded sale never exceeds what is held. This class is immutable
 * and thread-safe.
 */
public final class Quantity implements Comparable<Quantity> {
  /** The fixed scale. */
  public static final int SCALE = 6;

  /** Zero shares. */
  public static final Quantity ZERO = new Quantity(BigDecimal.ZERO.setScale(SCALE));

  private final BigDecimal value;

  private Quantity(BigDecimal value) {
    this.value = value;
  }

  /**
   * {@return a quantity}
   *
   * @param value the number of shares, with at most 6 decimal places
   * @throws IllegalArgumentException if {@code value} has more than 6 decimal places, or is 1E+1000
   *     or more in magnitude (input that large is never an amount)
   */
  public static Quantity of(BigDecimal value) {
    Checks.bounded(value, SCALE, "quantity");
    return new Quantity(value.setScale(SCALE, RoundingMode.UNNECESSARY));
  }

  /**
   * {@return a quantity parsed from a plain decimal string such as {@code "12.5"}}
   *
   * @param value the quantity, at most 6 decimal places
   */
  public static Quantity of(String value) {
    Checks.notNull(value, "quantity");
    return of(new BigDecimal(value));
  }

  /**
   * {@return a whole number of shares}
   *
   * @param shares the number of shares
   */
  public static Quantity of(long shares) {
    return of(BigDecimal.valueOf(shares));
  }

  /**
   * {@return a computed quantity rounded down to 6 decimal places}
   *
   * @param value the exact result of the arithmetic
   */
  public static Quantity ofComputed(BigDecimal value) {
    Checks.notNull(value, "quantity");
    return new Quantity(value.setScale(SCALE, RoundingMode.DOWN));
  }

  /** {@return the value, at scale 6} */
  public BigDecimal value() {
    return value;
  }

  /**
   * {@return this plus {@code other}}
   *
   * @param other the quantity to add
   */
  public Quantity plus(Quantity other) {
    return new Quantity(value.add(Checks.notNull(other, "other").value));
  }

  /**
   * {@return this minus {@code other}}
   *
   * @param other the quantity to subtract
   */
  public Quantity minus(Quantity other) {
    return new Quantity(value.subtract(Checks.notNull(other, "other").value));
  }

  /**
   * {@return the smaller of this and {@code other}}
   *
   * @param other the quantity to compare with
   */
  public Quantity min(Quantity other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * {@return the larger of this and {@code other}}
   *
   * @param other the quantity to compare with
   */
  public Quantity max(Quantity other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** {@return whether the quantity is above zero} */
  public boolean isPositive() {
    return value.signum() > 0;
  }

  /** {@return whether the quantity is below zero} */
  public boolean isNegative() {
    return value.signum() < 0;
  }

  /** {@return whether the quantity is zero} */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** {@return whether this is a whole number of shares} */
  public boolean isWhole() {
    return value.stripTrailingZeros().scale() <= 0;
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Quantity && ((Quantity) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the plain decimal, e.g. {@code 12.500000}. */
  @Override
  public String toString() {
    return value.toPlainString();
  }
}
