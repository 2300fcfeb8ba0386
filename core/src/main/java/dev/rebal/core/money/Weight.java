package dev.rebal.core.money;

import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A fraction at a fixed scale of 10 decimal places: 0.25 is 25%.
 *
 * <p>Used for allocation weights, tolerance bands, tax rates and concentration caps. The range is
 * not enforced here (a drift can be negative); validators check the range each use needs. This
 * class is immutable and thread-safe.
 */
public final class Weight implements Comparable<Weight> {
  /** The fixed scale. */
  public static final int SCALE = 10;

  /** Zero. */
  public static final Weight ZERO = new Weight(BigDecimal.ZERO.setScale(SCALE));

  /** One, i.e. 100%. */
  public static final Weight ONE = new Weight(BigDecimal.ONE.setScale(SCALE));

  private final BigDecimal value;

  private Weight(BigDecimal value) {
    this.value = value;
  }

  /**
   * {@return a weight}
   *
   * @param value the fraction, with at most 10 decimal places
   * @throws IllegalArgumentException if {@code value} has more than 10 decimal places, or is
   *     1E+1000 or more in magnitude (input that large is never an amount)
   */
  public static Weight of(BigDecimal value) {
    Checks.bounded(value, SCALE, "weight");
    return new Weight(value.setScale(SCALE, RoundingMode.UNNECESSARY));
  }

  /**
   * {@return a weight parsed from a plain decimal fraction such as {@code "0.6"}}
   *
   * @param value the fraction, at most 10 decimal places
   */
  public static Weight of(String value) {
    Checks.notNull(value, "weight");
    return of(new BigDecimal(value));
  }

  /**
   * {@return a weight from a percentage such as {@code "37"} for 37%}
   *
   * @param percent the percentage
   */
  public static Weight percent(String percent) {
    Checks.notNull(percent, "percent");
    return of(new BigDecimal(percent).movePointLeft(2));
  }

  /**
   * {@return a computed weight rounded half-even to 10 decimal places}
   *
   * @param value the exact result of the arithmetic
   */
  public static Weight ofComputed(BigDecimal value) {
    Checks.notNull(value, "weight");
    return new Weight(value.setScale(SCALE, Money.ROUNDING));
  }

  /** {@return the fraction, at scale 10} */
  public BigDecimal value() {
    return value;
  }

  /**
   * {@return this plus {@code other}}
   *
   * @param other the weight to add
   */
  public Weight plus(Weight other) {
    return new Weight(value.add(Checks.notNull(other, "other").value));
  }

  /**
   * {@return this minus {@code other}}
   *
   * @param other the weight to subtract
   */
  public Weight minus(Weight other) {
    return new Weight(value.subtract(Checks.notNull(other, "other").value));
  }

  /** {@return whether the fraction is below zero} */
  public boolean isNegative() {
    return value.signum() < 0;
  }

  /** {@return whether the fraction is zero} */
  public boolean isZero() {
    return value.signum() == 0;
  }

  /** {@return whether the fraction lies in [0, 1]} */
  public boolean isFraction() {
    return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
  }

  @Override
  public int compareTo(Weight other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Weight && ((Weight) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the plain decimal with trailing zeros removed, e.g. {@code 0.25}. */
  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString();
  }
}
