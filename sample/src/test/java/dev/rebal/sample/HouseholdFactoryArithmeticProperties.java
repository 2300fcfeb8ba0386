package dev.rebal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.money.Money;
import dev.rebal.core.security.Security;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The generator's long arithmetic gives the BigDecimal results it replaces, value and scale. */
class HouseholdFactoryArithmeticProperties {
  @Property(tries = 2_000)
  void quantityUnits_equalsBigDecimalDivide(
      @ForAll @LongRange(min = 0, max = 5_000_000_000L) long cents,
      @ForAll @LongRange(min = 1, max = 10_000_000L) long priceCents,
      @ForAll @IntRange(min = 0, max = 3) int scale) {
    // given
    BigDecimal expected =
        BigDecimal.valueOf(cents, 2)
            .divide(BigDecimal.valueOf(priceCents, 2), scale, RoundingMode.HALF_EVEN);

    // when
    long units = HouseholdFactory.quantityUnits(cents, priceCents, scale);

    // then
    assertThat(BigDecimal.valueOf(units, scale)).isEqualTo(expected);
  }

  @Property(tries = 2_000)
  void basisCents_equalsOfComputedProduct(
      @ForAll @LongRange(min = 1, max = 10_000_000L) long priceCents,
      @ForAll @LongRange(min = 0, max = 100_000_000_000L) long units,
      @ForAll @IntRange(min = 0, max = 3) int scale) {
    // given
    Money expected =
        Money.ofComputed(
            Money.USD,
            BigDecimal.valueOf(priceCents, 2).multiply(BigDecimal.valueOf(units, scale)));

    // when
    long cents = HouseholdFactory.basisCents(priceCents, units, scale);

    // then: equals on BigDecimal compares the scale too
    assertThat(BigDecimal.valueOf(cents, 2)).isEqualTo(expected.amount());
  }

  @Property(tries = 2_000)
  void divideHalfEven_equalsBigDecimal(
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long numerator,
      @ForAll @LongRange(min = 1, max = 1_000) long divisor) {
    // given
    BigDecimal expected =
        BigDecimal.valueOf(numerator)
            .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN);

    // when
    long q = HouseholdFactory.divideHalfEven(numerator, divisor);

    // then
    assertThat(BigDecimal.valueOf(q)).isEqualTo(expected);
  }

  @Property(tries = 500)
  void sixDigits_equalsFormat(@ForAll @LongRange(min = 0, max = 100_000_000L) long index) {
    assertThat(HouseholdFactory.sixDigits(index))
        .isEqualTo(String.format(Locale.ROOT, "%06d", index));
  }

  @Property(tries = 20)
  void priceCentsDaysBefore_equalsPriceOn(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = SecurityUniverse.DAY_TABLE) int days) {
    // given
    LocalDate asOf = BookConfig.DEFAULT_AS_OF.minusDays(Math.floorMod(seed, 1_000));
    SecurityUniverse universe = new SecurityUniverse(seed, asOf);

    // then: the tables give the date and the price of its month
    assertThat(universe.daysBefore(days)).isEqualTo(asOf.minusDays(days));
    for (Security s : universe.securities()) {
      int index = universe.indexOf(s.id());
      assertThat(BigDecimal.valueOf(universe.priceCentsDaysBefore(index, days), 2))
          .isEqualTo(universe.priceOn(s.id(), asOf.minusDays(days)));
      assertThat(BigDecimal.valueOf(universe.priceCents(index), 2))
          .isEqualTo(universe.price(s.id()));
    }
  }
}
