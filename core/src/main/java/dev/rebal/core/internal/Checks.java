package dev.rebal.core.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;

/**
 * Argument checks for caller mistakes on a single value.
 *
 * <p>Each check returns the value it checked, so it can be used inline in a constructor, and each
 * message names the argument and the value seen. Checks on whole households are not done here: they
 * are collected by the validator so that every problem is reported at once.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} if it is not null.
   *
   * @throws IllegalArgumentException naming {@code name} if it is null
   */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + ": must not be null");
    }
    return value;
  }

  /**
   * Returns {@code value} if it is not null and not blank.
   *
   * @throws IllegalArgumentException naming {@code name} and the value otherwise
   */
  public static String notBlank(String value, String name) {
    notNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + ": must not be blank, was '" + value + "'");
    }
    return value;
  }

  /**
   * Throws unless {@code condition} holds.
   *
   * @param name the argument's name, for the message
   * @param value the value seen, for the message
   * @param rule what the value must satisfy, e.g. "must be positive"
   * @throws IllegalArgumentException with {@code name: rule, was value}
   */
  public static void isTrue(boolean condition, String name, Object value, String rule) {
    if (!condition) {
      throw new IllegalArgumentException(name + ": " + rule + ", was " + value);
    }
  }

  /**
   * Returns the collection if neither it nor any element is null.
   *
   * @throws IllegalArgumentException naming the collection otherwise
   */
  public static <C extends Collection<?>> C noNulls(C values, String name) {
    notNull(values, name);
    for (Object v : values) {
      if (v == null) {
        throw new IllegalArgumentException(name + ": must not contain null");
      }
    }
    return values;
  }

  /**
   * Returns {@code value} if it is a number with at most {@code maxScale} decimal places once
   * trailing zeros are stripped.
   *
   * @throws IllegalArgumentException naming the argument and value otherwise
   */
  public static BigDecimal maxScale(BigDecimal value, int maxScale, String name) {
    notNull(value, name);
    // a scale within the limit passes without stripping; the message is built only on failure
    if (value.scale() > maxScale && value.stripTrailingZeros().scale() > maxScale) {
      isTrue(
          false, name, value.toPlainString(), "must have at most " + maxScale + " decimal places");
    }
    return value;
  }

  /**
   * The largest magnitude any input number may have: below 10<sup>{@value}</sup>. A value this
   * large is never a real amount, but it is still cheap to hold and compare, so a validator can
   * report it with its path; larger exponents (such as {@code 1e999999999}) would make a single
   * arithmetic operation run for minutes or fail, so they are rejected where the number enters.
   */
  public static final int MAX_INTEGER_DIGITS = 1000;

  /** The most characters of a number shown in a message; longer ones are abbreviated. */
  private static final int SHOWN_DIGITS = 24;

  /**
   * Returns {@code value} if it is below 10<sup>{@value #MAX_INTEGER_DIGITS}</sup> in magnitude and
   * has at most {@code maxScale} decimal places once trailing zeros are stripped. Both checks run
   * in time bounded by the number of digits, whatever the exponent, and messages show the value
   * {@linkplain #abbreviate abbreviated}.
   *
   * @throws IllegalArgumentException naming the argument and the abbreviated value otherwise
   */
  public static BigDecimal bounded(BigDecimal value, int maxScale, String name) {
    notNull(value, name);
    if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      isTrue(
          false,
          name,
          abbreviate(value),
          "must be below 1E+" + MAX_INTEGER_DIGITS + " in magnitude");
    }
    if (value.scale() > maxScale && value.stripTrailingZeros().scale() > maxScale) {
      isTrue(false, name, abbreviate(value), "must have at most " + maxScale + " decimal places");
    }
    return value;
  }

  /**
   * Returns {@code value} as text short enough for a message: the plain decimal when it is short,
   * otherwise its leading digits and its exponent, e.g. {@code 1E+999999999} or {@code
   * 123456789012345678901234...(1000 digits)E-7}. It never expands an exponent into digits.
   */
  public static String abbreviate(BigDecimal value) {
    notNull(value, "value");
    int precision = value.precision();
    long exponent = (long) precision - value.scale() - 1;
    if (precision <= SHOWN_DIGITS && Math.abs(exponent) <= SHOWN_DIGITS) {
      return value.toPlainString();
    }
    if (precision <= SHOWN_DIGITS) {
      return value.toString();
    }
    String digits = value.unscaledValue().abs().toString();
    return (value.signum() < 0 ? "-" : "")
        + digits.charAt(0)
        + "."
        + digits.substring(1, SHOWN_DIGITS)
        + "...("
        + precision
        + " digits)E"
        + (exponent >= 0 ? "+" : "")
        + exponent;
  }

  /**
   * Throws {@link IllegalStateException} unless an internal invariant holds: a failure here is a
   * Rebal bug, never the caller's fault.
   */
  public static void verify(boolean invariant, String message, Object... args) {
    if (!invariant) {
      throw new IllegalStateException(String.format(Locale.ROOT, message, args));
    }
  }
}
