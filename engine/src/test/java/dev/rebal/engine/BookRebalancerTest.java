package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.InMemoryAuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.review.InMemoryReviewQueue;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BookRebalancerTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));

  private static Iterator<Household> households(int n) {
    return BOOK.households(n).iterator();
  }

  private static String run(int threads, int n, InMemoryAuditSink audit) {
    StringBuilder out = new StringBuilder();
    BookRebalancer.builder(Rebalancer.standard())
        .threads(threads)
        .audit(audit)
        .build()
        .run(
            households(n),
            BOOK.marketData(),
            BOOK.asOf(),
            d -> out.append(d.canonicalText()),
            new CancellationToken());
    return out.toString();
  }

  @Test
  void run_oneThreadAndFour_giveByteIdenticalDecisionsAndAuditChains() {
    // given
    InMemoryAuditSink one = new InMemoryAuditSink();
    InMemoryAuditSink four = new InMemoryAuditSink();

    // when
    String a = run(1, 120, one);
    String b = run(4, 120, four);

    // then
    assertThat(b).isEqualTo(a);
    assertThat(four.records())
        .extracting(AuditRecord::hash)
        .containsExactlyElementsOf(one.records().stream().map(AuditRecord::hash).toList());
    assertThat(one.verify().isIntact()).isTrue();
  }

  @Test
  void run_summary_countsAgreeWithDecisionsAndReviewQueue() {
    // given
    InMemoryAuditSink audit = new InMemoryAuditSink();
    InMemoryReviewQueue queue = new InMemoryReviewQueue(new InMemoryAuditSink());
    List<Decision> decisions = new ArrayList<>();

    // when
    RunSummary summary =
        BookRebalancer.builder(Rebalancer.standard())
            .threads(2)
            .audit(audit)
            .review(queue)
            .build()
            .run(
                households(150),
                BOOK.marketData(),
                BOOK.asOf(),
                decisions::add,
                new CancellationToken());

    // then
    assertThat(summary.households()).isEqualTo(150);
    assertThat(decisions).hasSize(150);
    long review = decisions.stream().filter(d -> d.outcome() == DecisionOutcome.REVIEW).count();
    assertThat(summary.count("REVIEW")).isEqualTo(review);
    assertThat(queue.pending()).hasSize((int) review);
    assertThat(summary.count("ON_HOLD"))
        .isEqualTo(decisions.stream().filter(d -> d.outcome() == DecisionOutcome.ON_HOLD).count())
        .isPositive();
    assertThat(summary.trades())
        .isEqualTo(decisions.stream().mapToLong(d -> d.proposal().trades().size()).sum());
    assertThat(audit.records()).hasSize(150);
    System.out.println(summary);
  }

  @Test
  void run_householdWhoseRuleThrows_isFailedAndTheRunGoesOn() {
    // given: a firm rule that throws for one household
    Rebalancer rebalancer = BrokenRule.rebalancerFailing("HH-000003");
    InMemoryAuditSink audit = new InMemoryAuditSink();

    // when
    RunSummary summary =
        BookRebalancer.builder(rebalancer)
            .threads(2)
            .audit(audit)
            .build()
            .run(households(10), BOOK.marketData(), BOOK.asOf(), d -> {}, new CancellationToken());

    // then
    assertThat(summary.count("FAILED")).isEqualTo(1);
    assertThat(summary.households()).isEqualTo(10);
    assertThat(audit.records().get(3).entry().outcome()).isEqualTo("FAILED");
    assertThat(audit.records().get(3).entry().body()).contains("boom");
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void auditChain_decisionTamperedAfterTheRun_isDetected() {
    // given
    InMemoryAuditSink audit = new InMemoryAuditSink();
    run(2, 20, audit);
    List<AuditRecord> records = new ArrayList<>(audit.records());

    // when: one decision's outcome is rewritten, its hash kept
    AuditRecord r = records.get(7);
    records.set(
        7,
        new AuditRecord(
            r.sequence(),
            r.previousHash(),
            new dev.rebal.core.audit.AuditEntry(
                r.entry().household(),
                r.entry().asOf(),
                r.entry().inputsHash(),
                r.entry().ruleSetVersion(),
                r.entry().ruleSetHash(),
                "AUTO",
                r.entry().body().replace("REVIEW", "AUTO") + " "),
            r.hash()));
    AuditVerification v = dev.rebal.core.audit.AuditChain.verify(records);

    // then
    assertThat(v.brokenAt()).isEqualTo(7);
  }

  @Test
  void replay_sameInputsAndRuleSet_reproduceTheAuditedBody() {
    // given
    InMemoryAuditSink audit = new InMemoryAuditSink();
    run(2, 30, audit);

    // when / then: each household rebalanced again gives the body the audit log holds
    for (int i = 0; i < 30; i++) {
      Decision again =
          Rebalancer.standard().rebalance(BOOK.household(i), BOOK.marketData(), BOOK.asOf());
      assertThat(again.auditEntry()).isEqualTo(audit.records().get(i).entry());
    }
  }

  @Test
  void run_recordsReadOnTheWorkers_giveTheDecisionsAndAuditOfTheHouseholds() {
    // given
    InMemoryAuditSink fromHouseholds = new InMemoryAuditSink();
    InMemoryAuditSink fromRecords = new InMemoryAuditSink();
    String expected = run(1, 60, fromHouseholds);
    StringBuilder out = new StringBuilder();

    // when: the records are indices, read into households by the generator on two workers
    RunSummary summary =
        BookRebalancer.builder(Rebalancer.standard())
            .threads(2)
            .audit(fromRecords)
            .build()
            .run(
                LongStream.range(0, 60).boxed().iterator(),
                BOOK::household,
                BOOK.marketData(),
                BOOK.asOf(),
                d -> out.append(d.canonicalText()),
                new CancellationToken());

    // then
    assertThat(out.toString()).isEqualTo(expected);
    assertThat(fromRecords.records()).isEqualTo(fromHouseholds.records());
    assertThat(summary.households()).isEqualTo(60);
  }

  @Test
  void run_recordTheReaderCannotRead_isFailedUnderItsPositionAndTheRunGoesOn() {
    // given: a reader that cannot read record 4
    InMemoryAuditSink audit = new InMemoryAuditSink();
    List<String> decided = new ArrayList<>();

    // when
    RunSummary summary =
        BookRebalancer.builder(Rebalancer.standard())
            .threads(2)
            .audit(audit)
            .build()
            .run(
                LongStream.range(0, 8).boxed().iterator(),
                i -> {
                  if (i == 4) {
                    throw new IllegalArgumentException("line 5: unexpected end of input");
                  }
                  return BOOK.household(i);
                },
                BOOK.marketData(),
                BOOK.asOf(),
                d -> decided.add(d.household().value()),
                new CancellationToken());

    // then
    assertThat(summary.households()).isEqualTo(8);
    assertThat(summary.count("FAILED")).isEqualTo(1);
    assertThat(decided).hasSize(7).doesNotContain("HH-000004");
    AuditRecord failed = audit.records().get(4);
    assertThat(failed.entry().household()).isEqualTo("#4");
    assertThat(failed.entry().outcome()).isEqualTo("FAILED");
    assertThat(failed.entry().body())
        .contains("IllegalArgumentException")
        .contains("line 5: unexpected end of input");
    assertThat(failed.entry().inputsHash()).isEqualTo(AuditRecord.sha256Hex("4"));
    assertThat(audit.verify().isIntact()).isTrue();
  }
}
