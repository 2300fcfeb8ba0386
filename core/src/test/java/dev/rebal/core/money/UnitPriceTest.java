package dev.rebal.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class UnitPriceTest {
  @Test
  void usd_normalisesToScaleSix() {
    UnitPrice p = UnitPrice.usd("101.25");
    assertThat(p.amount()).hasScaleOf(6).isEqualByComparingTo("101.25");
    assertThat(p.currency()).isEqualTo(Money.USD);
    assertThat(p.toString()).isEqualTo("USD 101.250000");
  }

  @Test
  void of_sevenDecimals_throwsNamingPrice() {
    assertThatThrownBy(() -> UnitPrice.usd("1.0000001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price: must have at most 6 decimal places, was 1.0000001");
  }

  @Test
  void of_nullCurrency_throws() {
    assertThatThrownBy(() -> UnitPrice.of(null, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency: must not be null");
  }

  @Test
  void ofComputed_roundsHalfEvenToSixDecimals() {
    assertThat(UnitPrice.ofComputed(Money.USD, new BigDecimal("1.0000005")))
        .isEqualTo(UnitPrice.usd("1.000000"));
    assertThat(UnitPrice.ofComputed(Money.USD, new BigDecimal("1.0000015")))
        .isEqualTo(UnitPrice.usd("1.000002"));
  }

  @Test
  void times_quantity_roundsOnceToCents() {
    // 33.333333 x 3 = 99.999999 -> 100.00
    assertThat(UnitPrice.usd("33.333333").times(Quantity.of(3))).isEqualTo(Money.usd("100.00"));
    // 10.125 x 1 = 10.125 -> 10.12 (half-even)
    assertThat(UnitPrice.usd("10.125").times(Quantity.of(1))).isEqualTo(Money.usd("10.12"));
  }

  @Test
  void isPositive_zeroPrice_isFalse() {
    assertThat(UnitPrice.usd("0").isPositive()).isFalse();
    assertThat(UnitPrice.usd("0.01").isPositive()).isTrue();
  }

  @Test
  void compareTo_differentCurrency_throws() {
    UnitPrice eur = UnitPrice.of(Currency.getInstance("EUR"), BigDecimal.ONE);
    assertThat(UnitPrice.usd("1").compareTo(UnitPrice.usd("2"))).isNegative();
    assertThatThrownBy(() -> UnitPrice.usd("1").compareTo(eur))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be in USD");
  }

  @Test
  void equalsAndHashCode_dependOnCurrencyAndAmount() {
    assertThat(UnitPrice.usd("5"))
        .isEqualTo(UnitPrice.usd("5.000"))
        .hasSameHashCodeAs(UnitPrice.usd("5.000"))
        .isNotEqualTo(UnitPrice.of(Currency.getInstance("EUR"), new BigDecimal("5")))
        .isNotEqualTo(UnitPrice.usd("5.000001"));
  }
}
