package dev.rebal.tax.gains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import org.junit.jupiter.api.Test;

class GainBudgetTest {
  private static TaxProfile profile() {
    // budget 10000, short-term cap 2000; realized ST +1500, LT +6000
    return TaxProfile.builder().filingStatus(FilingStatus.SINGLE)
        .shortTermRate(Weight.of("0.37")).longTermRate(Weight.of("0.20"))
        .shortTermCarryforward(Money.usd("0")).longTermCarryforward(Money.usd("0"))
        .realizedShortTermYtd(Money.usd("1500")).realizedLongTermYtd(Money.usd("6000"))
        .annualGainBudget(Money.usd("10000")).shortTermGainCap(Money.usd("2000")).build();
  }

  @Test
  void remaining_afterYtd_isBudgetMinusNetRealized() {
    GainBudget b = GainBudget.of(profile());

    // 10000 - (1500 + 6000) = 2500; 2000 - 1500 = 500
    assertThat(b.remaining()).contains(Money.usd("2500"));
    assertThat(b.remainingShortTerm()).contains(Money.usd("500"));
  }

  @Test
  void allows_overTheShortTermCap_isFalse() {
    GainBudget b = GainBudget.of(profile());

    assertThat(b.allows(Money.usd("500"), Money.usd("0"))).isTrue();
    assertThat(b.allows(Money.usd("501"), Money.usd("0"))).isFalse();
    assertThat(b.allows(Money.usd("0"), Money.usd("2501"))).isFalse();
    // a harvested loss makes room: LT -1000 then LT +3500 nets 2500
    assertThat(b.allows(Money.usd("0"), Money.usd("2500"))).isTrue();
  }

  @Test
  void remaining_noBudget_isEmpty() {
    TaxProfile p = TaxProfile.builder().filingStatus(FilingStatus.SINGLE)
        .shortTermRate(Weight.of("0.37")).longTermRate(Weight.of("0.20"))
        .shortTermCarryforward(Money.usd("0")).longTermCarryforward(Money.usd("0"))
        .realizedShortTermYtd(Money.usd("0")).realizedLongTermYtd(Money.usd("0")).build();

    assertThat(GainBudget.of(p).remaining()).isEmpty();
    assertThat(GainBudget.of(p).allows(Money.usd("1000000"), Money.usd("0"))).isTrue();
  }
}
