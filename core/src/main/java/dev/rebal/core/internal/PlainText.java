package dev.rebal.core.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Appends the text of decimals and dates straight to a {@link StringBuilder}, without building a
 * {@code String} first: {@link #appendPlain} writes exactly {@link BigDecimal#toPlainString()} and
 * {@link #appendDate} exactly {@link LocalDate#toString()}. Text that audit hashes are computed
 * over is written this way (the inputs hash writes a household's every lot), so the output must
 * never differ from the JDK's; values outside the fast paths are written by the JDK's own methods.
 */
public final class PlainText {
  /** The powers of ten that fit in a long, {@code 10^0} to {@code 10^18}. */
  private static final long[] POW10 = new long[19];

  static {
    long p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private PlainText() {}

  /**
   * Appends {@code value.toPlainString()} to {@code sb}.
   *
   * <p>A value whose unscaled value has at most 18 digits and whose scale is 0 to 18 (every amount,
   * quantity and weight) is written from its unscaled long as the integer part, the point and the
   * zero-padded fraction; any other value by {@code toPlainString()} itself.
   *
   * @return {@code sb}
   */
  public static StringBuilder appendPlain(StringBuilder sb, BigDecimal value) {
    int scale = value.scale();
    if (scale < 0 || scale >= POW10.length || value.precision() > 18) {
      return sb.append(value.toPlainString());
    }
    return appendPlain(sb, value.unscaledValue().longValue(), scale);
  }

  /** Appends the plain text of {@code unscaled * 10^-scale}: at most 18 digits, scale 0 to 18. */
  private static StringBuilder appendPlain(StringBuilder sb, long unscaled, int scale) {
    if (scale == 0) {
      return sb.append(unscaled);
    }
    if (unscaled < 0) {
      sb.append('-');
      unscaled = -unscaled; // at most 18 digits: no overflow
    }
    long unit = POW10[scale];
    long fraction = unscaled % unit;
    sb.append(unscaled / unit).append('.');
    for (int digits = digits(fraction); digits < scale; digits++) {
      sb.append('0');
    }
    return sb.append(fraction);
  }

  /**
   * Appends {@code value.stripTrailingZeros().toPlainString()} to {@code sb}: the fast path of
   * {@link #appendPlain} after dropping the unscaled value's trailing zeros while the scale is
   * positive (a scale stripped below zero would write the same zeros back in plain text).
   *
   * @return {@code sb}
   */
  public static StringBuilder appendStripped(StringBuilder sb, BigDecimal value) {
    int scale = value.scale();
    if (scale < 0 || scale >= POW10.length || value.precision() > 18) {
      return sb.append(value.stripTrailingZeros().toPlainString());
    }
    long unscaled = value.unscaledValue().longValue();
    while (scale > 0 && unscaled % 10 == 0) {
      unscaled /= 10;
      scale--;
    }
    return appendPlain(sb, unscaled, scale);
  }

  /**
   * Appends {@code date.toString()} to {@code sb}: {@code yyyy-MM-dd} for the years 0 to 9999, the
   * JDK's own text for the others.
   *
   * @return {@code sb}
   */
  public static StringBuilder appendDate(StringBuilder sb, LocalDate date) {
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return sb.append(date);
    }
    appendTwoDigits(sb, year / 100);
    appendTwoDigits(sb, year % 100);
    sb.append('-');
    appendTwoDigits(sb, date.getMonthValue());
    sb.append('-');
    return appendTwoDigits(sb, date.getDayOfMonth());
  }

  private static StringBuilder appendTwoDigits(StringBuilder sb, int value) {
    return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  /** Returns the number of decimal digits of {@code value}, 0 to 10^18 - 1; 1 for zero. */
  private static int digits(long value) {
    int digits = 1;
    while (digits < POW10.length && value >= POW10[digits]) {
      digits++;
    }
    return digits;
  }
}
