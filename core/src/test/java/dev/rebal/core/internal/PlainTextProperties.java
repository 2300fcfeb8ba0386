package dev.rebal.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The fast text of decimals and dates is exactly the JDK's. */
class PlainTextProperties {
  @Provide
  Arbitrary<BigDecimal> decimals() {
    Arbitrary<BigInteger> unscaled =
        Arbitraries.oneOf(
            Arbitraries.longs().map(BigInteger::valueOf),
            Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L).map(BigInteger::valueOf),
            Arbitraries.longs()
                .between(-1_000_000L, 1_000_000L)
                .map(v -> BigInteger.valueOf(v * 1000)),
            Arbitraries.of(
                    0L,
                    1L,
                    -1L,
                    9L,
                    -9L,
                    10L,
                    99_999_999_999_999_999L,
                    -99_999_999_999_999_999L,
                    100_000_000_000_000_000L,
                    999_999_999_999_999_999L,
                    -999_999_999_999_999_999L,
                    1_000_000_000_000_000_000L,
                    Long.MAX_VALUE,
                    Long.MIN_VALUE)
                .map(BigInteger::valueOf),
            Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)));
    Arbitrary<Integer> scale =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(-25, 25),
            Arbitraries.of(17, 18, 19, 20, -1, 400, -1000));
    return Combinators.combine(unscaled, scale).as(BigDecimal::new);
  }

  @Property(tries = 2000)
  void appendPlain_isToPlainString(@ForAll("decimals") BigDecimal value) {
    Statistics.label("sign").collect(value.signum());
    Statistics.label("scale")
        .collect(
            value.scale() < 0
                ? "negative"
                : value.scale() == 0 ? "zero" : value.scale() <= 18 ? "1-18" : "above 18");
    Statistics.label("long")
        .collect(value.unscaledValue().bitLength() < 64 ? "fits a long" : "beyond a long");
    Statistics.label("sign")
        .coverage(
            c -> {
              c.check(-1).count(n -> n > 0);
              c.check(0).count(n -> n > 0);
              c.check(1).count(n -> n > 0);
            });
    Statistics.label("scale")
        .coverage(
            c -> {
              c.check("negative").count(n -> n > 0);
              c.check("zero").count(n -> n > 0);
              c.check("1-18").count(n -> n > 0);
              c.check("above 18").count(n -> n > 0);
            });
    Statistics.label("long")
        .coverage(
            c -> {
              c.check("fits a long").count(n -> n > 0);
              c.check("beyond a long").count(n -> n > 0);
            });
    StringBuilder sb = new StringBuilder("x");
    assertThat(PlainText.appendPlain(sb, value).toString()).isEqualTo("x" + value.toPlainString());
  }

  @Property(tries = 2000)
  void appendStripped_isStrippedToPlainString(@ForAll("decimals") BigDecimal value) {
    Statistics.collect(
        value.signum() != 0
                && value.scale() > 0
                && value.unscaledValue().mod(BigInteger.TEN).signum() == 0
            ? "trailing zeros"
            : "other");
    Statistics.coverage(c -> c.check("trailing zeros").count(n -> n > 0));
    StringBuilder sb = new StringBuilder("x");
    assertThat(PlainText.appendStripped(sb, value).toString())
        .isEqualTo("x" + value.stripTrailingZeros().toPlainString());
  }

  @Example
  void appendStripped_ofTheEdges_isStrippedToPlainString() {
    for (String text :
        new String[] {
          "0",
          "0.00",
          "0.000000",
          "-0.050",
          "0.5000",
          "100.00",
          "-12.500000",
          "1000",
          "0.1000000000",
          "1.0000000000",
          "1E+3",
          "-1.00E-20"
        }) {
      BigDecimal value = new BigDecimal(text);
      assertThat(PlainText.appendStripped(new StringBuilder(), value).toString())
          .isEqualTo(value.stripTrailingZeros().toPlainString());
    }
  }

  @Example
  void appendPlain_ofTheEdges_isToPlainString() {
    for (String text :
        new String[] {
          "0",
          "0.00",
          "0.000000",
          "-0.05",
          "0.5",
          "-12.500000",
          "123456789012345678",
          "-123456789012345678",
          "0.123456789012345678",
          "-0.000000000000000001",
          "1E+3",
          "-1E-20",
          "1234567890123456789.5"
        }) {
      BigDecimal value = new BigDecimal(text);
      assertThat(PlainText.appendPlain(new StringBuilder(), value).toString())
          .isEqualTo(value.toPlainString());
    }
  }

  @Property(tries = 2000)
  void appendDate_isToString(@ForAll("dates") LocalDate date) {
    Statistics.collect(
        date.getYear() < 0
            ? "negative"
            : date.getYear() < 1000
                ? "0-999"
                : date.getYear() <= 9999 ? "1000-9999" : "above 9999");
    Statistics.coverage(
        c -> {
          c.check("negative").count(n -> n > 0);
          c.check("0-999").count(n -> n > 0);
          c.check("1000-9999").count(n -> n > 0);
          c.check("above 9999").count(n -> n > 0);
        });
    StringBuilder sb = new StringBuilder("x");
    assertThat(PlainText.appendDate(sb, date).toString()).isEqualTo("x" + date);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.oneOf(
        Arbitraries.longs()
            .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2200, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay),
        Arbitraries.longs()
            .between(LocalDate.MIN.toEpochDay(), LocalDate.MAX.toEpochDay())
            .map(LocalDate::ofEpochDay),
        Arbitraries.longs()
            .between(
                LocalDate.of(-2000, 1, 1).toEpochDay(), LocalDate.of(12000, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay));
  }
}
