package dev.rebal.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  @Test
  void usd_wholeDollars_normalisesToCents() {
    // when
    Money m = Money.usd("1250");
    // then
    assertThat(m.amount()).isEqualByComparingTo("1250").hasScaleOf(2);
    assertThat(m.currency()).isEqualTo(Money.USD);
    assertThat(m.toString()).isEqualTo("USD 1250.00");
  }

  @Test
  void of_trailingZerosBeyondScale_areAccepted() {
    assertThat(Money.usd(new BigDecimal("10.5000"))).isEqualTo(Money.usd("10.50"));
  }

  @Test
  void of_moreDecimalsThanCurrency_throwsNamingAmount() {
    assertThatThrownBy(() -> Money.usd("1.005"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount: must have at most 2 decimal places, was 1.005");
  }

  @Test
  void of_yenWithCents_throws() {
    assertThatThrownBy(() -> Money.of(JPY, new BigDecimal("1.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 0 decimal");
  }

  @Test
  void of_nullCurrency_throwsNamingIt() {
    assertThatThrownBy(() -> Money.of(null, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("currency: must not be null");
  }

  @Test
  void usd_nullAmount_throwsNamingIt() {
    assertThatThrownBy(() -> Money.usd((String) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount: must not be null");
  }

  @Test
  void zero_inEuro_isZeroAtEuroScale() {
    assertThat(Money.zero(EUR).isZero()).isTrue();
    assertThat(Money.zero(EUR).amount()).hasScaleOf(2);
    assertThat(Money.zero(EUR).isUsd()).isFalse();
    assertThat(Money.ZERO_USD).isEqualTo(Money.zero(Money.USD));
  }

  @Test
  void ofComputed_roundsHalfEvenOnce() {
    assertThat(Money.ofComputed(Money.USD, new BigDecimal("1.005"))).isEqualTo(Money.usd("1.00"));
    assertThat(Money.ofComputed(Money.USD, new BigDecimal("1.015"))).isEqualTo(Money.usd("1.02"));
  }

  @Test
  void plusAndMinus_sameCurrency_addAndSubtract() {
    assertThat(Money.usd("10.25").plus(Money.usd("0.75"))).isEqualTo(Money.usd("11.00"));
    assertThat(Money.usd("10.25").minus(Money.usd("20"))).isEqualTo(Money.usd("-9.75"));
  }

  @Test
  void plus_differentCurrency_throws() {
    assertThatThrownBy(() -> Money.usd("1").plus(Money.zero(EUR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("other: must be in USD, was EUR 0.00");
  }

  @Test
  void compareTo_differentCurrency_throws() {
    assertThatThrownBy(() -> Money.usd("1").compareTo(Money.zero(EUR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be in USD");
  }

  @ParameterizedTest
  @CsvSource({"100.00, 0.333, 33.30", "0.10, 0.5, 0.05", "0.30, 0.5, 0.15", "10, -1, -10.00"})
  void multipliedBy_roundsHalfEvenToCents(String amount, String factor, String expected) {
    assertThat(Money.usd(amount).multipliedBy(new BigDecimal(factor)))
        .isEqualTo(Money.usd(expected));
  }

  @Test
  void signOperations_behaveAsNamed() {
    Money minus = Money.usd("-3.50");
    assertThat(minus.negated()).isEqualTo(Money.usd("3.50"));
    assertThat(minus.abs()).isEqualTo(Money.usd("3.50"));
    assertThat(Money.usd("2").abs()).isEqualTo(Money.usd("2"));
    assertThat(minus.isNegative()).isTrue();
    assertThat(minus.isPositive()).isFalse();
    assertThat(minus.isZero()).isFalse();
    assertThat(minus.max(Money.usd("1"))).isEqualTo(Money.usd("1"));
    assertThat(minus.min(Money.usd("1"))).isEqualTo(minus);
  }

  @Test
  void equalsAndHashCode_dependOnCurrencyAndAmount() {
    assertThat(Money.usd("1.5"))
        .isEqualTo(Money.usd("1.50"))
        .hasSameHashCodeAs(Money.usd("1.50"))
        .isNotEqualTo(Money.of(EUR, new BigDecimal("1.50")))
        .isNotEqualTo(Money.usd("1.51"))
        .isNotEqualTo("USD 1.50");
  }
}
