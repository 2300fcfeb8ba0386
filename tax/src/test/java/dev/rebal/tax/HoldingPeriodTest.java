package dev.rebal.tax;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.TaxLot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldingPeriodTest {

  /**
   * IRS Pub. 550, "Holding Period" (as summarised in the Rebal domain primer): bought 2021-06-10, a
   * sale on 2022-06-10 is short term (held exactly one year, not more), a sale on 2022-06-11 long
   * term.
   */
  @ParameterizedTest
  @CsvSource({
    "2021-06-10, 2022-06-09, SHORT",
    "2021-06-10, 2022-06-10, SHORT",
    "2021-06-10, 2022-06-11, LONG",
    // J.K. Lasser's Your Income Tax 2013, 5.9, example 1: bought 2012-09-19, a sale on or after
    // 2013-09-20 is long term.
    "2012-09-19, 2013-09-19, SHORT",
    "2012-09-19, 2013-09-20, LONG",
    // Leap day: a purchase on the last day of a month completes its year on the last day of
    // that month a year later (Lasser 5.9, rule 2): 2024-02-29 -> 2025-02-28.
    "2024-02-29, 2025-02-28, SHORT",
    "2024-02-29, 2025-03-01, LONG",
    // ... and 2023-02-28 (last day of February) -> 2024-02-29 (last day of a leap February).
    "2023-02-28, 2024-02-29, SHORT",
    "2023-02-28, 2024-03-01, LONG",
    // Mid-month purchase before a leap day: 2023-02-27 -> 2024-02-27.
    "2023-02-27, 2024-02-27, SHORT",
    "2023-02-27, 2024-02-28, LONG"
  })
  void termOf_saleDate_followsTheAnniversaryRule(String acquired, String sold, Term expected) {
    // given / when
    Term term = HoldingPeriod.termOf(date(acquired), date(sold));

    // then
    assertThat(term).isEqualTo(expected);
  }

  @Test
  void termOf_tackedLot_countsFromTheHoldingPeriodStart() {
    // given: bought 2025-03-01 but carrying a wash-sale holding period from 2024-01-10
    TaxLot lot = lot("L1", TAXABLE, X, 10, "100", date("2025-03-01"));
    TaxLot tacked = lot.withHoldingPeriodStart(date("2024-01-10"));

    // when / then: on 2025-03-02 the untacked lot is short term, the tacked one long term
    assertThat(HoldingPeriod.termOf(lot, date("2025-03-02"))).isEqualTo(Term.SHORT);
    assertThat(HoldingPeriod.termOf(tacked, date("2025-03-02"))).isEqualTo(Term.LONG);
  }

  @Test
  void daysUntilLongTerm_shortTermLot_countsToTheFirstLongTermDay() {
    // given: bought 2021-06-10, first long-term day 2022-06-11
    TaxLot lot = lot("L1", TAXABLE, X, 10, "100", date("2021-06-10"));

    // when / then: from 2022-06-01 that is 10 days; on or after 2022-06-11 it is zero
    assertThat(HoldingPeriod.daysUntilLongTerm(lot, date("2022-06-01"))).isEqualTo(10);
    assertThat(HoldingPeriod.daysUntilLongTerm(lot, date("2022-06-11"))).isZero();
    assertThat(HoldingPeriod.daysUntilLongTerm(lot, date("2023-01-01"))).isZero();
  }

  @Test
  void firstLongTermDay_leapDayPurchase_isMarchFirst() {
    assertThat(HoldingPeriod.firstLongTermDay(date("2024-02-29"))).isEqualTo(date("2025-03-01"));
  }
}
