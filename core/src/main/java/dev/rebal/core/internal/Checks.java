package dev.rebal.core.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;

/**
 * Argument checks for caller mistakes on a single value.
 *
 * <p>Each check returns the value it checked, so it can be used inline in a constructor, and each
 * message names the argument and the value seen. Checks on whole households are not done here:
 * they are collected by the validator so that every problem is reported at once.
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
      isTrue(false, name, value.toPlainString(), "must have at most " + maxScale
          + " decimal places");
    }
    return value;
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
