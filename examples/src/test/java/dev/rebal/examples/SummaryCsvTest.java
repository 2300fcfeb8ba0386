package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.HouseholdSummaries;
import dev.rebal.engine.HouseholdSummary;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookGenerator;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCsvTest {
  private static HouseholdSummary.Builder row(String id) {
    return HouseholdSummary.builder()
        .household(HouseholdId.of(id))
        .asOf(LocalDate.of(2026, 6, 30))
        .outcome(DecisionOutcome.REVIEW)
        .releasable(false)
        .value(Money.usd("1234567.89"))
        .addTriggers("trigger.threshold", "trigger.tax.harvest")
        .driftBefore(Weight.of("0.0825"))
        .driftAfter(Weight.of("0.0125"))
        .trades(3)
        .bought(Money.usd("1000"))
        .sold(Money.usd("2500.5"))
        .gifts(1)
        .gifted(Money.usd("300"))
        .estimatedTax(Money.usd("120.25"))
        .netRealizedGain(Money.usd("-400"))
        .shortTermGain(Money.usd("0"))
        .lossHarvested(Money.usd("900"))
        .addReviewReasons("review.tax");
  }

  @Test
  void add_row_writesPlainNumbersInTheDocumentedColumns() {
    // given
    StringWriter out = new StringWriter();

    // when
    SummaryCsv.write(List.of(row("HH-1").build()), out);

    // then
    assertThat(out.toString())
        .isEqualTo(
            SummaryCsv.HEADER
                + "\n"
                + "HH-1,2026-06-30,REVIEW,false,USD,1234567.89,trigger.threshold;trigger.tax.harvest,"
                + "0.0825000000,0.0125000000,3,1000.00,2500.50,3500.50,1,300.00,120.25,-400.00,0.00,"
                + "900.00,review.tax\n");
    assertThat(SummaryCsv.HEADER.split(",")).hasSize(20);
  }

  @Test
  void add_idWithCommaQuoteOrFormula_isQuotedAndDefused() {
    // given
    StringWriter out = new StringWriter();

    // when
    SummaryCsv csv = new SummaryCsv(out);
    csv.add(row("HH \"7\", east").build());
    csv.add(row("=HYPERLINK(1)").build());

    // then
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(1)).startsWith("\"HH \"\"7\"\", east\",2026-06-30,");
    assertThat(lines.get(2)).startsWith("'=HYPERLINK(1),2026-06-30,");
    // negative amounts stay numbers
    assertThat(lines.get(2)).contains(",-400.00,");
    assertThat(csv.rows()).isEqualTo(2);
  }

  @Test
  void add_notValued_leavesValueAndDriftEmpty() {
    // given: a household on hold of the sample book
    BookGenerator book = BookGenerator.of(SampleBook.config());
    Decision d = Rebalancer.standard().rebalance(book.household(2), book.marketData(), book.asOf());
    assertThat(d.outcome()).isEqualTo(DecisionOutcome.ON_HOLD);
    StringWriter out = new StringWriter();

    // when
    new SummaryCsv(out)
        .add(
            HouseholdSummaries.of(book.marketData(), RuleSet.defaults()).row(book.household(2), d));

    // then
    assertThat(out.toString().lines().skip(1).findFirst().orElseThrow())
        .isEqualTo(
            "HH-000002,2026-06-30,ON_HOLD,false,USD,,,,,0,0.00,0.00,0.00,0,0.00,0.00,"
                + "0.00,0.00,0.00,");
  }
}
