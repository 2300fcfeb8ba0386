package dev.rebal.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.money.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Properties of {@link LotChecker}'s helpers. */
class LotCheckerProperties {

  @Property(tries = 3000)
  void isWhole_sameAsStrippingTrailingZeros(
      @ForAll long unscaled,
      @ForAll @IntRange(min = -3, max = 12) int scale,
      @ForAll @IntRange(min = 0, max = 3) int zeros,
      @ForAll boolean big) {
    // given: values with trailing zeros, whole or not, negative, zero, and beyond a long
    BigInteger u = BigInteger.valueOf(unscaled).multiply(BigInteger.TEN.pow(zeros));
    if (big) {
      u = u.multiply(BigInteger.TEN.pow(20)).add(BigInteger.valueOf(unscaled % 7));
    }
    BigDecimal value = new BigDecimal(u, scale);
    boolean expected = value.stripTrailingZeros().scale() <= 0;
    Statistics.label("whole").collect(expected);

    // when / then
    assertThat(LotChecker.isWhole(value)).as(value.toString()).isEqualTo(expected);
    if (value.scale() == Quantity.SCALE) {
      assertThat(LotChecker.isWhole(value)).isEqualTo(Quantity.of(value).isWhole());
    }
    Statistics.label("whole").coverage(c -> c.check(true).percentage(p -> p > 10));
  }
}
