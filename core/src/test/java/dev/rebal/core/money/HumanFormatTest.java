package dev.rebal.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class HumanFormatTest {
  @Test
  void money_usd_hasDollarSignAndGroupedThousands() {
    assertThat(HumanFormat.money(Money.usd("12345.67"))).isEqualTo("$12,345.67");
    assertThat(HumanFormat.money(Money.usd("1234567890"))).isEqualTo("$1,234,567,890.00");
    assertThat(HumanFormat.money(Money.usd("999.5"))).isEqualTo("$999.50");
    assertThat(HumanFormat.money(Money.usd("-5"))).isEqualTo("-$5.00");
  }

  @Test
  void money_otherCurrency_isCodeAndGroupedAmount() {
    assertThat(HumanFormat.money(Money.of(Currency.getInstance("EUR"), new BigDecimal("1000"))))
        .isEqualTo("EUR 1,000.00");
  }

  @Test
  void percent_weight_oneDecimalHalfEven() {
    assertThat(HumanFormat.percent(Weight.of("0.1917078737"))).isEqualTo("19.2%");
    assertThat(HumanFormat.percent(Weight.of("0.05"))).isEqualTo("5.0%");
    assertThat(HumanFormat.percent(Weight.of("0.00125"))).isEqualTo("0.1%");
    assertThat(HumanFormat.percent(new BigDecimal("12.5"))).isEqualTo("1,250.0%");
  }

  @Test
  void quantityAndPrice_trailingZerosDropped() {
    assertThat(HumanFormat.quantity(Quantity.of("1250.500000"))).isEqualTo("1,250.5");
    assertThat(HumanFormat.quantity(Quantity.of(10))).isEqualTo("10");
    assertThat(HumanFormat.price(UnitPrice.usd("48.78"))).isEqualTo("$48.78");
    assertThat(HumanFormat.price(UnitPrice.usd("0.1234"))).isEqualTo("$0.1234");
  }

  @Test
  void text_bandLine_readsAsPercentages() {
    assertThat(
            HumanFormat.text(
                "out of band: CASH 0.1917078737 vs 0.4 +/- 0.05; US_BONDS 0 vs " + "0.2 +/- 0.04"))
        .isEqualTo(
            "out of band: CASH 19.2% vs 40.0% \u00b1 5.0%; US_BONDS 0.0% vs 20.0% \u00b1 4.0%");
  }

  @Test
  void text_amounts_readAsDollarsAndALimitAfterAnAmountToo() {
    assertThat(HumanFormat.text("tax cost USD 32039.45 above 10000"))
        .isEqualTo("tax cost $32,039.45 above $10,000.00");
    assertThat(HumanFormat.text("need E-2 of USD 198912.84 due 2026-08-14; spare cash USD 0.00"))
        .isEqualTo("need E-2 of $198,912.84 due 2026-08-14; spare cash $0.00");
    assertThat(HumanFormat.text("ISSUER:EMP1 USD 1289345.8 above its cap 0.1 by USD 338388.18"))
        .isEqualTo("ISSUER:EMP1 $1,289,345.80 above its cap 10.0% by $338,388.18");
    assertThat(HumanFormat.text("concentration shifts by 0.1234, above 0.05"))
        .isEqualTo("concentration shifts by 12.3%, above 5.0%");
  }

  @Test
  void text_otherFiguresAndWords_areLeftAsWritten() {
    String s = "MONTHLY rebalance due 2025-10-10 (last 2025-09-10); lot L-1 1500 shares; CASH 0.2";
    assertThat(HumanFormat.text(s)).isEqualTo(s);
    // three capital letters that are not a currency code are not an amount
    assertThat(HumanFormat.text("ABQ 12.5")).isEqualTo("ABQ 12.5");
  }

  @Test
  void text_null_throwsNamingMessage() {
    assertThatThrownBy(() -> HumanFormat.text(null)).hasMessageContaining("message");
  }

  @Test
  void toPlainString_isTheAmountAloneAtScale() {
    assertThat(Money.usd("1250").toPlainString()).isEqualTo("1250.00");
    assertThat(Money.usd("-0.5").toPlainString()).isEqualTo("-0.50");
    assertThat(Money.usd(new BigDecimal("1E+3")).toPlainString()).isEqualTo("1000.00");
    assertThat(Money.usd("1250").toString()).isEqualTo("USD 1250.00");
  }
}
