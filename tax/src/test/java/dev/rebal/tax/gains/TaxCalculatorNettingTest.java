package dev.rebal.tax.gains;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.LotId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.tax.Term;
import dev.rebal.tax.lots.RealizedLot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Netting when the long-term loss exceeds the short-term gain, and realized lots as input. */
class TaxCalculatorNettingTest {
  private static RealizedLot realized(String id, Term term, String proceeds, String basis) {
    return new RealizedLot(
        LotId.of(id),
        TAXABLE,
        X,
        Quantity.of(10),
        Money.usd(proceeds),
        Money.usd(basis),
        term,
        date("2024-01-02"),
        date("2025-06-16"),
        true);
  }

  @Test
  void summarize_longTermLossAboveShortTermGain_netsToALongTermLoss() {
    // when: ST +1,000, LT -5,000: a net long-term loss of 4,000; 3,000 deducted, 1,000 carried
    TaxYearSummary s =
        TaxCalculator.standard().summarize(profile(), Money.usd("1000"), Money.usd("-5000"));

    // then: tax = -3,000 x 0.37
    assertThat(s.shortTermGain()).isEqualTo(Money.usd("0"));
    assertThat(s.longTermGain()).isEqualTo(Money.usd("0"));
    assertThat(s.deductedLoss()).isEqualTo(Money.usd("3000"));
    assertThat(s.shortTermCarryforward()).isEqualTo(Money.usd("0"));
    assertThat(s.longTermCarryforward()).isEqualTo(Money.usd("1000"));
    assertThat(s.tax()).isEqualTo(Money.usd("-1110.00"));
  }

  @Test
  void summarizeAndTaxCost_realizedLots_addGainsByTerm() {
    // given: ST 1,500 - 500 = +1,000; LT 4,000 - 2,000 = +2,000
    List<RealizedLot> lots =
        List.of(realized("S", Term.SHORT, "1500", "500"), realized("L", Term.LONG, "4000", "2000"));

    // when
    TaxYearSummary s = TaxCalculator.standard().summarize(profile(), lots);
    Money cost = TaxCalculator.standard().taxCost(profile(), lots);

    // then: 1,000 x 0.37 + 2,000 x 0.20 = 770
    assertThat(s.shortTermGain()).isEqualTo(Money.usd("1000"));
    assertThat(s.longTermGain()).isEqualTo(Money.usd("2000"));
    assertThat(s.tax()).isEqualTo(Money.usd("770.00"));
    assertThat(cost).isEqualTo(Money.usd("770.00"));
  }
}
