package dev.rebal.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every money type bounds its input where it enters, quickly, and shows the value abbreviated. */
class MagnitudeTest {
  static Function<BigDecimal, Object> factory(String type) {
    switch (type) {
      case "Money":
        return v -> Money.of(Money.USD, v);
      case "Quantity":
        return Quantity::of;
      case "UnitPrice":
        return v -> UnitPrice.of(Money.USD, v);
      default:
        return Weight::of;
    }
  }

  @ParameterizedTest(name = "{0}.of({1})")
  @CsvSource({
    "Money,     1e999999999,  must be below 1E+1000 in magnitude, 1E+999999999",
    "Quantity,  1e999999999,  must be below 1E+1000 in magnitude, 1E+999999999",
    "UnitPrice, -1e10000000,  must be below 1E+1000 in magnitude, -1E+10000000",
    "Weight,    1e1000,       must be below 1E+1000 in magnitude, 1E+1000",
    "Money,     1e-999999999, must have at most 2 decimal places, 1E-999999999",
    "Quantity,  1e-999999999, must have at most 6 decimal places, 1E-999999999",
    "Weight,    1e-999999999, must have at most 10 decimal places, 1E-999999999",
  })
  void of_absurdExponent_throwsAbbreviated(String type, String value, String rule, String shown) {
    // given
    BigDecimal v = new BigDecimal(value);

    // when / then: no digits are expanded, so this returns at once
    assertThatThrownBy(() -> factory(type).apply(v))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(rule)
        .hasMessageEndingWith("was " + shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Money", "Quantity", "UnitPrice", "Weight"})
  void of_largeButBelowTheBound_isKept(String type) {
    // a 40-digit amount is absurd but representable: the validator reports it with its path
    BigDecimal v = new BigDecimal("9".repeat(40));

    assertThat(factory(type).apply(v).toString()).contains("9".repeat(40));
  }

  @Test
  void of_zeroWithHugeExponent_isZero() {
    assertThat(Quantity.of(new BigDecimal("0E+999999999"))).isEqualTo(Quantity.ZERO);
    assertThat(Quantity.of(new BigDecimal("0E-999999999"))).isEqualTo(Quantity.ZERO);
  }

  @Test
  void of_manyDigitsWithTooManyDecimals_showsLeadingDigitsAndCount() {
    BigDecimal v = new BigDecimal("1." + "3".repeat(999));

    assertThatThrownBy(() -> Money.usd(v))
        .hasMessageEndingWith("was 1.33333333333333333333333...(1000 digits)E+0");
  }
}
