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
    return TaxProfile.builder()
        .filingStatus(FilingStatus.SINGLE)
        .shortTermRate(Weight.of("0.37"))
        .longTermRate(Weight.of("0.20"))
        .shortTermCarryforward(Money.usd("0"))
        .longTermCarryforward(Money.usd("0"))
        .realizedShortTermYtd(Money.usd("1500"))
        .realizedLongTermYtd(Money.usd("6000"))
        .annualGainBudget(Money.usd("10000"))
        .shortTermGainCap(Money.usd("2000"))
        .build();
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
    TaxProfile p =
        TaxProfile.builder()
            .filingStatus(FilingStatus.SINGLE)
            .shortTermRate(Weight.of("0.37"))
            .longTermRate(Weight.of("0.20"))
            .shortTermCarryforward(Money.usd("0"))
            .longTermCarryforward(Money.usd("0"))
            .realizedShortTermYtd(Money.usd("0"))
            .realizedLongTermYtd(Money.usd("0"))
            .build();

    assertThat(GainBudget.of(p).remaining()).isEmpty();
    assertThat(GainBudget.of(p).allows(Money.usd("1000000"), Money.usd("0"))).isTrue();
  }

  @Test
  void after_addsTheGainsAndKeepsTheLimits() {
    // given
    GainBudget b = GainBudget.of(profile());

    // when: 1500 + 200 = 1700 short, 6000 - 1000 = 5000 long
    GainBudget next = b.after(Money.usd("200"), Money.usd("-1000"));

    // then
    assertThat(next.realizedShortTerm()).isEqualTo(Money.usd("1700"));
    assertThat(next.realizedLongTerm()).isEqualTo(Money.usd("5000"));
    assertThat(next.realizedNet()).isEqualTo(Money.usd("6700"));
    assertThat(next.annualBudget()).contains(Money.usd("10000"));
    assertThat(next.shortTermCap()).contains(Money.usd("2000"));
    assertThat(next.remaining()).contains(Money.usd("3300"));
    assertThat(next.remainingShortTerm()).contains(Money.usd("300"));
    assertThat(b.realizedShortTerm()).isEqualTo(Money.usd("1500"));
  }

  @Test
  void remaining_netLossSoFar_isTheWholeBudgetNotMore() {
    // given: ST -3000, LT +1000: a net loss of 2000 and a short-term loss
    GainBudget b = GainBudget.of(profile()).after(Money.usd("-4500"), Money.usd("-5000"));

    // then: losses make room for gains but do not raise the limits
    assertThat(b.remaining()).contains(Money.usd("10000"));
    assertThat(b.remainingShortTerm()).contains(Money.usd("2000"));
    assertThat(b.allows(Money.usd("2000"), Money.usd("0"))).isTrue();
    // 5000 more short-term: a net 2000, exactly the cap
    assertThat(b.allows(Money.usd("5000"), Money.usd("0"))).isTrue();
    assertThat(b.allows(Money.usd("5001"), Money.usd("0"))).isFalse();
  }

  @Test
  void allows_exactlyTheRemainingBudget_isTrue() {
    GainBudget b = GainBudget.of(profile());

    assertThat(b.allows(Money.usd("0"), Money.usd("2500"))).isTrue();
    assertThat(b.allows(Money.usd("0"), Money.usd("2500.01"))).isFalse();
  }

  @Test
  void equalsAndHashCode_sameLimitsAndRealizations_areEqual() {
    GainBudget a = GainBudget.of(profile());
    GainBudget b = GainBudget.of(profile());
    GainBudget other = a.after(Money.usd("1"), Money.usd("0"));
    GainBudget otherLong = a.after(Money.usd("0"), Money.usd("1"));

    assertThat(a)
        .isEqualTo(b)
        .hasSameHashCodeAs(b)
        .isNotEqualTo(other)
        .isNotEqualTo(otherLong)
        .isNotEqualTo("budget");
    assertThat(a.toString())
        .contains(
            "budget=USD 10000.00",
            "shortTermCap=USD 2000.00",
            "realizedShortTerm=USD 1500.00",
            "realizedLongTerm=USD 6000.00");
  }
}
