package dev.rebal.tax.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code numerator / price} at {@code DECIMAL128}, then rounded half-even to {@link #SCALE} places:
 * the tax-cost curve's per-dollar figures, computed without the 34-digit quotient where that gives
 * the same result.
 *
 * <p>The quotient is truncated to {@code SCALE + 3} places (from the numerator truncated to the
 * places that needs, so that the division is of small numbers). Unless its last three digits are
 * 499 or 500, the exact quotient lies at least 10<sup>-(SCALE + 3)</sup> away from every midpoint
 * between two {@code SCALE}-place values, and so does its 34-digit rounding (half an ulp away at
 * most, and rounding never crosses a value it can represent), so rounding either one to {@code
 * SCALE} places gives the same value, read from the three digits. Near a midpoint, and for
 * quotients of 10<sup>5</sup> or more (a truncated quotient beyond 18 digits), the 34-digit
 * quotient is computed as before.
 */
public final class PerDollar {
  /** The scale of the result (the tax-cost curve's). */
  public static final int SCALE = 10;

  private static final int GUARD = 3;
  private static final long GUARD_POWER = 1000;
  private static final long HALF = GUARD_POWER / 2;

  /** A bound the 18-digit test already implies (quotients below 10^5): kept as a guard. */
  private static final long LIMIT = 100_000_000_000_000L;

  private PerDollar() {}

  /**
   * Returns {@code numerator.divide(price, MathContext.DECIMAL128).setScale(SCALE,
   * RoundingMode.HALF_EVEN)}, the same value and scale.
   *
   * @param numerator the numerator
   * @param price a positive divisor
   */
  public static BigDecimal of(BigDecimal numerator, BigDecimal price) {
    // truncating the numerator to the places the truncated quotient needs first gives the same
    // quotient (trunc(trunc(n / a) / b) = trunc(n / ab)), and keeps the divisor a small number
    int places = SCALE + GUARD + price.scale();
    BigDecimal dividend =
        numerator.scale() > places ? numerator.setScale(places, RoundingMode.DOWN) : numerator;
    BigDecimal truncated = dividend.divide(price, SCALE + GUARD, RoundingMode.DOWN);
    if (truncated.precision() <= 18) {
      long unscaled = truncated.unscaledValue().longValue();
      long magnitude = Math.abs(unscaled);
      long guard = magnitude % GUARD_POWER;
      long kept = magnitude / GUARD_POWER;
      if (guard != HALF - 1 && guard != HALF && kept < LIMIT) {
        if (guard > HALF) {
          kept++;
        }
        return BigDecimal.valueOf(unscaled < 0 ? -kept : kept, SCALE);
      }
    }
    return numerator.divide(price, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
