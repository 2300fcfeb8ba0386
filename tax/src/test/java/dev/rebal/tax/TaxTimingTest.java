package dev.rebal.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.money.Weight;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The cost of paying tax earlier, worked at 37% + 3.8% short and 20% + 3.8% long term. */
class TaxTimingTest {
  private static final TaxRates RATES =
      new TaxRates(Weight.of("0.408"), Weight.of("0.238"), Weight.of("0.37"));

  @Test
  void costOfRealizing_tenYearsAtFivePercent_isTheTaxNowLessTheLongTermTaxLaterDiscounted() {
    // DF = 1.05^-10 = 0.6139132535; long term: 0.238 x (1 - DF) = 0.0918886457;
    // short term: 0.408 - 0.238 x DF = 0.2618886457; sheltered (rate 0): nothing
    TaxTiming timing = TaxTiming.of("10", "0.05");

    assertThat(timing.laterFactor()).isEqualByComparingTo("0.6139132535");
    assertThat(timing.costOfRealizing(new BigDecimal("0.238"), RATES))
        .isEqualByComparingTo("0.0918886457");
    assertThat(timing.costOfRealizing(new BigDecimal("0.408"), RATES))
        .isEqualByComparingTo("0.2618886457");
    assertThat(timing.costOfRealizing(BigDecimal.ZERO, RATES)).isZero();
  }

  @Test
  void costOfRealizing_longHorizon_approachesTheWholeTax_shortHorizonFreesLongTermGains() {
    BigDecimal longTerm = new BigDecimal("0.238");

    assertThat(TaxTiming.of("100", "0.05").costOfRealizing(longTerm, RATES))
        .isGreaterThan(new BigDecimal("0.236"));
    assertThat(TaxTiming.of("0", "0.05").costOfRealizing(longTerm, RATES)).isZero();
    // the short-term premium stays whatever the horizon
    assertThat(TaxTiming.of("0", "0.05").costOfRealizing(new BigDecimal("0.408"), RATES))
        .isEqualByComparingTo("0.17");
  }

  @Test
  void of_negativeYears_isRefusedNamingTheField() {
    assertThatThrownBy(() -> TaxTiming.of("-1", "0.05"))
        .hasMessageContaining("deferralYears")
        .hasMessageContaining("-1");
  }
}
