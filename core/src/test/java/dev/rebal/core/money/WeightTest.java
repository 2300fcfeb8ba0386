package dev.rebal.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightTest {
  @Test
  void of_fraction_normalisesToScaleTen() {
    assertThat(Weight.of("0.25").value()).isEqualByComparingTo("0.25").hasScaleOf(10);
    assertThat(Weight.of("0.25").toString()).isEqualTo("0.25");
  }

  @Test
  void percent_movesThePoint() {
    assertThat(Weight.percent("37")).isEqualTo(Weight.of("0.37"));
    assertThat(Weight.percent("3.8")).isEqualTo(Weight.of("0.038"));
  }

  @Test
  void of_elevenDecimals_throwsNamingWeight() {
    assertThatThrownBy(() -> Weight.of("0.00000000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight: must have at most 10 decimal places, was 0.00000000001");
  }

  @Test
  void of_null_throws() {
    assertThatThrownBy(() -> Weight.of((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight: must not be null");
  }

  @Test
  void ofComputed_roundsHalfEven() {
    assertThat(
            Weight.ofComputed(
                BigDecimal.ONE.divide(new BigDecimal(3), 20, java.math.RoundingMode.HALF_EVEN)))
        .isEqualTo(Weight.of("0.3333333333"));
    assertThat(Weight.ofComputed(new BigDecimal("0.00000000005"))).isEqualTo(Weight.ZERO);
  }

  @Test
  void plusAndMinus_areExact() {
    assertThat(Weight.of("0.6").plus(Weight.of("0.4"))).isEqualTo(Weight.ONE);
    assertThat(Weight.of("0.6").minus(Weight.of("0.65"))).isEqualTo(Weight.of("-0.05"));
  }

  @ParameterizedTest
  @CsvSource({
    "0, true, false, true",
    "1, true, false, false",
    "-0.1, false, true, false",
    "1.1, false, false, false",
    "0.5, true, false, false"
  })
  void predicates_describeTheRange(String value, boolean fraction, boolean negative, boolean zero) {
    Weight w = Weight.of(value);
    assertThat(w.isFraction()).isEqualTo(fraction);
    assertThat(w.isNegative()).isEqualTo(negative);
    assertThat(w.isZero()).isEqualTo(zero);
  }

  @Test
  void equalsHashCodeAndCompare_ignoreInputScale() {
    assertThat(Weight.of("0.5"))
        .isEqualTo(Weight.of("0.50000"))
        .hasSameHashCodeAs(Weight.of("0.50000"))
        .isNotEqualTo(Weight.of("0.5000000001"));
    assertThat(Weight.of("0.5").compareTo(Weight.of("0.6"))).isNegative();
  }
}
