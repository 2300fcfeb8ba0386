package dev.rebal.tax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.money.Money;
import dev.rebal.tax.cost.TaxCostCurve;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link PerDollar#of} against the computation it replaces, value and scale. */
class PerDollarProperties {

  private static BigDecimal reference(BigDecimal numerator, BigDecimal price) {
    return numerator
        .divide(price, MathContext.DECIMAL128)
        .setScale(TaxCostCurve.SCALE, Money.ROUNDING);
  }

  private static void check(BigDecimal numerator, BigDecimal price) {
    BigDecimal expected = reference(numerator, price);
    BigDecimal actual = PerDollar.of(numerator, price);
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.scale()).isEqualTo(expected.scale());
  }

  @Test
  void scaleAndRounding_areTheCurvesOwn() {
    assertThat(PerDollar.SCALE).isEqualTo(TaxCostCurve.SCALE);
    assertThat(Money.ROUNDING).isEqualTo(RoundingMode.HALF_EVEN);
  }

  /** Gains per share as the curves make them: price minus a 34-digit basis per share. */
  @Property(tries = 3000)
  void of_gainsPerShare_equalsTheReference(
      @ForAll @LongRange(min = 1, max = 100_000_000) long priceCents,
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long basisCents,
      @ForAll @IntRange(min = 1, max = 100_000) int shares,
      @ForAll @IntRange(min = 0, max = 4) int rateIndex) {
    BigDecimal price = BigDecimal.valueOf(priceCents, 2);
    BigDecimal basisPerShare =
        BigDecimal.valueOf(basisCents, 2)
            .divide(BigDecimal.valueOf(shares), MathContext.DECIMAL128);
    BigDecimal gain = price.subtract(basisPerShare, MathContext.DECIMAL128);
    check(gain, price);
    BigDecimal rate =
        new BigDecimal[] {
              new BigDecimal("0.37"),
              new BigDecimal("0.2"),
              new BigDecimal("0.238"),
              new BigDecimal("0.408"),
              new BigDecimal("0.5")
            }
            [rateIndex];
    check(gain.multiply(rate, MathContext.DECIMAL128), price);
  }

  /** Quotients at, just below and just above a midpoint, and exact ones. */
  @Test
  void of_nearMidpoints_equalsTheReference() {
    Random random = new Random(7);
    String[] tails = {
      "5",
      "49999999999999999999999",
      "500000000000000000001",
      "4999",
      "5001",
      "50000000000000000000000000",
      "499",
      "501",
      "0",
      "9999999999999999999999",
      ""
    };
    for (int i = 0; i < 20_000; i++) {
      BigDecimal price = BigDecimal.valueOf(1 + random.nextInt(1_000_000), random.nextInt(5));
      String head =
          (random.nextBoolean() ? "-" : "")
              + random.nextInt(1000)
              + "."
              + String.format(Locale.ROOT, "%010d", Math.abs(random.nextLong()) % 10_000_000_000L);
      BigDecimal quotient = new BigDecimal(head + tails[random.nextInt(tails.length)]);
      // numerators whose exact quotient is the value above, and ones a digit off
      BigDecimal numerator = quotient.multiply(price);
      check(numerator, price);
      check(numerator.add(BigDecimal.ONE.movePointLeft(numerator.scale())), price);
      check(numerator.subtract(BigDecimal.ONE.movePointLeft(numerator.scale() + 30)), price);
    }
  }

  @Test
  void of_zeroAndLargeQuotients_equalTheReference() {
    check(BigDecimal.ZERO, new BigDecimal("12.5"));
    check(new BigDecimal("0E-30"), new BigDecimal("3"));
    check(new BigDecimal("-0.00000000004"), new BigDecimal("1"));
    check(new BigDecimal("123456789012345678901234.5"), new BigDecimal("0.01"));
    check(new BigDecimal("-98765432109876543210.123456789"), new BigDecimal("0.0001"));
    check(new BigDecimal("1e40"), new BigDecimal("3"));
  }
}
