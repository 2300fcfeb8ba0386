package dev.rebal.tax.gains;

import static dev.rebal.tax.TaxFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import org.junit.jupiter.api.Test;

/** Schedule D netting worked by hand; rates 37% short, 20% long unless said otherwise. */
class TaxCalculatorTest {
  private final TaxCalculator calc = TaxCalculator.standard();

  @Test
  void summarize_bothGains_taxesEachAtItsRate() {
    // 5000 x 0.37 + 2000 x 0.20 = 1850 + 400 = 2250
    TaxYearSummary s = calc.summarize(profile(), Money.usd("5000"), Money.usd("2000"));

    assertThat(s.shortTermGain()).isEqualTo(Money.usd("5000"));
    assertThat(s.longTermGain()).isEqualTo(Money.usd("2000"));
    assertThat(s.tax()).isEqualTo(Money.usd("2250.00"));
  }

  @Test
  void summarize_longTermLoss_offsetsShortTermGain() {
    // ST +5000, LT -2000 -> ST +3000; tax 3000 x 0.37 = 1110
    TaxYearSummary s = calc.summarize(profile(), Money.usd("5000"), Money.usd("-2000"));

    assertThat(s.shortTermGain()).isEqualTo(Money.usd("3000"));
    assertThat(s.longTermGain()).isEqualTo(Money.usd("0"));
    assertThat(s.tax()).isEqualTo(Money.usd("1110.00"));
  }

  @Test
  void summarize_netLoss_deducts3000AndCarriesTheRestByCharacter() {
    // ST -4000, LT -6000: deduct 3000, short first -> carry ST 1000, LT 6000;
    // tax = -3000 x 0.37 = -1110
    TaxYearSummary s = calc.summarize(profile(), Money.usd("-4000"), Money.usd("-6000"));

    assertThat(s.deductedLoss()).isEqualTo(Money.usd("3000"));
    assertThat(s.shortTermCarryforward()).isEqualTo(Money.usd("1000"));
    assertThat(s.longTermCarryforward()).isEqualTo(Money.usd("6000"));
    assertThat(s.tax()).isEqualTo(Money.usd("-1110.00"));
  }

  @Test
  void summarize_marriedSeparate_deductsOnly1500() {
    TaxProfile p = profile(FilingStatus.MARRIED_SEPARATE, "0.37", "0.20");

    TaxYearSummary s = calc.summarize(p, Money.usd("0"), Money.usd("-5000"));

    assertThat(s.deductedLoss()).isEqualTo(Money.usd("1500"));
    assertThat(s.longTermCarryforward()).isEqualTo(Money.usd("3500"));
  }

  @Test
  void summarize_carryforwardAndYtd_areNettedFirst() {
    // profile: LT carryforward 4000, YTD ST +1000; add LT +10000 -> LT 6000, ST 1000;
    // with 5% state and 3.8% NIIT: 1000 x 0.458 + 6000 x 0.288 = 458 + 1728 = 2186
    TaxProfile p =
        TaxProfile.builder()
            .filingStatus(FilingStatus.SINGLE)
            .shortTermRate(Weight.of("0.37"))
            .longTermRate(Weight.of("0.20"))
            .stateRate(Weight.of("0.05"))
            .niitRate(Weight.of("0.038"))
            .shortTermCarryforward(Money.usd("0"))
            .longTermCarryforward(Money.usd("4000"))
            .realizedShortTermYtd(Money.usd("1000"))
            .realizedLongTermYtd(Money.usd("0"))
            .build();

    TaxYearSummary s = calc.summarize(p, Money.usd("0"), Money.usd("10000"));

    assertThat(s.longTermGain()).isEqualTo(Money.usd("6000"));
    assertThat(s.tax()).isEqualTo(Money.usd("2186.00"));
  }

  @Test
  void taxCost_lossAgainstYtdGains_isTheSavingAtTheMarginalRate() {
    // YTD LT +10000 taxed 2000; adding LT -4000 leaves 6000 taxed 1200: cost -800
    TaxProfile p = profile();
    TaxProfile withGains =
        TaxProfile.builder()
            .filingStatus(p.filingStatus())
            .shortTermRate(p.shortTermRate())
            .longTermRate(p.longTermRate())
            .shortTermCarryforward(Money.usd("0"))
            .longTermCarryforward(Money.usd("0"))
            .realizedShortTermYtd(Money.usd("0"))
            .realizedLongTermYtd(Money.usd("10000"))
            .build();

    assertThat(calc.taxCost(withGains, Money.usd("0"), Money.usd("-4000")))
        .isEqualTo(Money.usd("-800.00"));
  }
}
