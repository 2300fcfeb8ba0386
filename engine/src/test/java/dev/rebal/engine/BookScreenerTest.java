package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.rule.Finding;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BookScreenerTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));

  private static List<ScreenResult> screen(
      Rebalancer rebalancer, int threads, int n, ScreenSummary[] summary) {
    List<ScreenResult> out = new ArrayList<>();
    summary[0] =
        BookScreener.builder(rebalancer)
            .threads(threads)
            .build()
            .run(
                BOOK.households(n).iterator(),
                BOOK.marketData(),
                BOOK.asOf(),
                out::add,
                new CancellationToken());
    return out;
  }

  @Test
  void run_eachHousehold_getsWhatScreeningItAloneGivesInInputOrder() {
    // given
    Rebalancer rebalancer = Rebalancer.standard();
    ScreenSummary[] summary = new ScreenSummary[1];

    // when
    List<ScreenResult> results = screen(rebalancer, 3, 80, summary);

    // then
    assertThat(results).hasSize(80);
    for (int i = 0; i < 80; i++) {
      Household h = BOOK.household(i);
      assertThat(results.get(i).index()).isEqualTo(i);
      assertThat(results.get(i).household()).isEqualTo(h.id().value());
      assertThat(results.get(i).triggers())
          .isEqualTo(rebalancer.screen(h, BOOK.marketData(), BOOK.asOf()));
    }
  }

  @Test
  void run_oneThreadAndFour_giveTheSameResultsAndSummary() {
    // given
    ScreenSummary[] one = new ScreenSummary[1];
    ScreenSummary[] four = new ScreenSummary[1];

    // when
    List<ScreenResult> a = screen(Rebalancer.standard(), 1, 100, one);
    List<ScreenResult> b = screen(Rebalancer.standard(), 4, 100, four);

    // then
    assertThat(b.toString()).isEqualTo(a.toString());
    assertThat(four[0]).isEqualTo(one[0]);
  }

  @Test
  void run_summary_countsTheTriggeredHouseholdsAndEachTriggerOnce() {
    // given
    ScreenSummary[] summary = new ScreenSummary[1];

    // when
    List<ScreenResult> results = screen(Rebalancer.standard(), 2, 150, summary);

    // then
    TreeMap<String, Long> byTrigger = new TreeMap<>();
    results.forEach(
        r ->
            r.triggers().stream()
                .map(Finding::code)
                .distinct()
                .forEach(c -> byTrigger.merge(c, 1L, Long::sum)));
    assertThat(summary[0].households()).isEqualTo(150);
    assertThat(summary[0].triggered())
        .isEqualTo(results.stream().filter(ScreenResult::isTriggered).count())
        .isPositive()
        .isLessThan(150);
    assertThat(summary[0].failed()).isZero();
    assertThat(summary[0].byTrigger()).isEqualTo(byTrigger);
    assertThat(summary[0].cancelled()).isFalse();
  }

  @Test
  void run_recordsReadOnTheWorkers_giveTheResultsOfTheHouseholds() {
    // given
    ScreenSummary[] expected = new ScreenSummary[1];
    List<ScreenResult> fromHouseholds = screen(Rebalancer.standard(), 1, 60, expected);
    List<ScreenResult> fromRecords = new ArrayList<>();

    // when
    ScreenSummary summary =
        BookScreener.builder(Rebalancer.standard())
            .threads(2)
            .build()
            .run(
                LongStream.range(0, 60).boxed().iterator(),
                BOOK::household,
                BOOK.marketData(),
                BOOK.asOf(),
                fromRecords::add,
                new CancellationToken());

    // then
    assertThat(fromRecords.toString()).isEqualTo(fromHouseholds.toString());
    assertThat(summary).isEqualTo(expected[0]);
  }

  @Test
  void run_unreadableRecordAndThrowingRule_areFailedAndTheScreenGoesOn() {
    // given: record 2 cannot be read; a firm rule throws for household 5
    Rebalancer rebalancer = BrokenRule.rebalancerFailing("HH-000005");
    List<ScreenResult> results = new ArrayList<>();

    // when
    ScreenSummary summary =
        BookScreener.builder(rebalancer)
            .threads(2)
            .build()
            .run(
                LongStream.range(0, 10).boxed().iterator(),
                i -> {
                  if (i == 2) {
                    throw new IllegalArgumentException("bad record");
                  }
                  return BOOK.household(i);
                },
                BOOK.marketData(),
                BOOK.asOf(),
                results::add,
                new CancellationToken());

    // then
    assertThat(summary.households()).isEqualTo(10);
    assertThat(summary.failed()).isEqualTo(2);
    assertThat(results.get(2).household()).isEqualTo("#2");
    assertThat(results.get(2).failure())
        .hasValueSatisfying(
            f -> assertThat(f).isEqualTo("java.lang.IllegalArgumentException: bad record"));
    assertThat(results.get(5).household()).isEqualTo("HH-000005");
    assertThat(results.get(5).failure()).hasValueSatisfying(f -> assertThat(f).contains("boom"));
    assertThat(results.get(6).failure()).isEmpty();
  }

  @Test
  void run_cancelledBeforeStart_screensNothingAndSaysSo() {
    // given
    CancellationToken token = new CancellationToken();
    token.cancel();

    // when
    ScreenSummary summary =
        BookScreener.builder(Rebalancer.standard())
            .threads(2)
            .build()
            .run(BOOK.households(50).iterator(), BOOK.marketData(), BOOK.asOf(), r -> {}, token);

    // then
    assertThat(summary.households()).isZero();
    assertThat(summary.cancelled()).isTrue();
    assertThat(summary.toString()).contains("cancelled");
  }
}
