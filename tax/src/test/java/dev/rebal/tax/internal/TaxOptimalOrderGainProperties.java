package dev.rebal.tax.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link TaxOptimalOrder#gain} against the subtraction at {@code DECIMAL128}, value and scale. */
class TaxOptimalOrderGainProperties {

  private static void check(BigDecimal price, BigDecimal basisPerShare) {
    BigDecimal expected = price.subtract(basisPerShare, MathContext.DECIMAL128);
    BigDecimal actual = TaxOptimalOrder.gain(price, basisPerShare);
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.scale()).isEqualTo(expected.scale());
  }

  /** Prices in cents and bases per share as lots have them (basis / quantity at 34 digits). */
  @Property(tries = 3000)
  void gain_ofLotBases_equalsTheReference(
      @ForAll @LongRange(min = 0, max = 1_000_000_000) long priceUnits,
      @ForAll @IntRange(min = 0, max = 6) int priceScale,
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long basisCents,
      @ForAll @IntRange(min = 1, max = 1_000_000) int shares,
      @ForAll @IntRange(min = 0, max = 6) int quantityScale) {
    BigDecimal price = BigDecimal.valueOf(priceUnits, priceScale);
    BigDecimal basisPerShare = BigDecimal.valueOf(basisCents, 2)
        .divide(BigDecimal.valueOf(shares, quantityScale), MathContext.DECIMAL128);
    check(price, basisPerShare);
  }

  @Test
  void gain_zerosAndScaleGaps_equalTheReference() {
    check(new BigDecimal("12.34"), BigDecimal.ZERO);
    check(new BigDecimal("0.00"), new BigDecimal("5"));
    check(BigDecimal.ZERO, new BigDecimal("1.234567890123456789012345678901234"));
    check(new BigDecimal("0.0000"), new BigDecimal("123456789012345678901234567890123.4"));
    check(new BigDecimal("12.34"), new BigDecimal("12.340"));
    check(new BigDecimal("12345678901234567890"), new BigDecimal("1E-30"));
    check(new BigDecimal("1E+20"), new BigDecimal("0.00000000000000000000001"));
    check(new BigDecimal("10"), new BigDecimal("9.999999999999999999999999999999999"));
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal price = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(8) - 2);
      BigDecimal basis = new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(40))
          .round(new MathContext(1 + random.nextInt(34)));
      check(price, basis);
      check(basis, price);
    }
  }
}
