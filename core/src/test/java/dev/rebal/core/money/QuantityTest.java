package dev.rebal.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {
  @Test
  void of_long_normalisesToScaleSix() {
    assertThat(Quantity.of(12).value()).isEqualByComparingTo("12").hasScaleOf(6);
    assertThat(Quantity.of(12).toString()).isEqualTo("12.000000");
  }

  @Test
  void of_stringAndBigDecimal_areEqual() {
    assertThat(Quantity.of("12.5"))
        .isEqualTo(Quantity.of(new BigDecimal("12.500")))
        .hasSameHashCodeAs(Quantity.of(new BigDecimal("12.500")));
  }

  @Test
  void of_sevenDecimals_throwsNamingQuantity() {
    assertThatThrownBy(() -> Quantity.of("0.0000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity: must have at most 6 decimal places, was 0.0000001");
  }

  @Test
  void of_null_throws() {
    assertThatThrownBy(() -> Quantity.of((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantity: must not be null");
  }

  @Test
  void of_negative_isKeptForTheValidatorToReport() {
    assertThat(Quantity.of(-5).isNegative()).isTrue();
  }

  @Test
  void ofComputed_roundsDownSoASaleNeverExceedsTheHolding() {
    assertThat(Quantity.ofComputed(new BigDecimal("1.9999999"))).isEqualTo(Quantity.of("1.999999"));
    assertThat(Quantity.ofComputed(new BigDecimal("-1.9999999")))
        .isEqualTo(Quantity.of("-1.999999"));
  }

  @Test
  void arithmetic_addsSubtractsAndCompares() {
    Quantity a = Quantity.of("10.5");
    Quantity b = Quantity.of(3);
    assertThat(a.plus(b)).isEqualTo(Quantity.of("13.5"));
    assertThat(b.minus(a)).isEqualTo(Quantity.of("-7.5"));
    assertThat(a.min(b)).isEqualTo(b);
    assertThat(a.max(b)).isEqualTo(a);
    assertThat(a.compareTo(b)).isPositive();
  }

  @Test
  void predicates_describeTheValue() {
    assertThat(Quantity.ZERO.isZero()).isTrue();
    assertThat(Quantity.ZERO.isPositive()).isFalse();
    assertThat(Quantity.of(2).isWhole()).isTrue();
    assertThat(Quantity.of("2.5").isWhole()).isFalse();
    assertThat(Quantity.of("2.5").isPositive()).isTrue();
  }

  @Test
  void equals_differentValue_isFalse() {
    assertThat(Quantity.of(1)).isNotEqualTo(Quantity.of(2)).isNotEqualTo(1);
  }
}
