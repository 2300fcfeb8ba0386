package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.InMemoryAuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.review.InMemoryReviewQueue;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.RuleRegistry;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BookRebalancerTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));

  private static Iterator<Household> households(int n) {
    return BOOK.households(n).iterator();
  }

  private static String run(int threads, int n, InMemoryAuditSink audit) {
    StringBuilder out = new StringBuilder();
    BookRebalancer.builder(Rebalancer.standard()).threads(threads).audit(audit).build()
        .run(households(n), BOOK.marketData(), BOOK.asOf(),
            d -> out.append(d.canonicalText()), new CancellationToken());
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
    assertThat(four.records()).extracting(AuditRecord::hash)
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
    RunSummary summary = BookRebalancer.builder(Rebalancer.standard()).threads(2).audit(audit)
        .review(queue).build().run(households(150), BOOK.marketData(), BOOK.asOf(),
            decisions::add, new CancellationToken());

    // then
    assertThat(summary.households()).isEqualTo(150);
    assertThat(decisions).hasSize(150);
    long review = decisions.stream().filter(d -> d.outcome() == DecisionOutcome.REVIEW).count();
    assertThat(summary.count("REVIEW")).isEqualTo(review);
    assertThat(queue.pending()).hasSize((int) review);
    assertThat(summary.count("ON_HOLD")).isEqualTo(decisions.stream()
        .filter(d -> d.outcome() == DecisionOutcome.ON_HOLD).count()).isPositive();
    assertThat(summary.trades()).isEqualTo(decisions.stream()
        .mapToLong(d -> d.proposal().trades().size()).sum());
    assertThat(audit.records()).hasSize(150);
    System.out.println(summary);
  }

  @Test
  void run_householdWhoseRuleThrows_isFailedAndTheRunGoesOn() {
    // given: a firm rule that throws for one household
    Rule broken = new Rule() {
      @Override
      public String id() {
        return "firm.broken";
      }

      @Override
      public Stage stage() {
        return Stage.TRIGGER;
      }

      @Override
      public RuleOutcome evaluate(RuleContext context) {
        if (context.household().id().value().equals("HH-000003")) {
          throw new IllegalStateException("boom");
        }
        return RuleOutcome.pass();
      }
    };
    TreeSet<String> ids = new TreeSet<>(RuleSet.defaults().rules());
    ids.add("firm.broken");
    RuleSet rs = RuleSet.of("firm", SemanticVersion.parse("1.0.0"), ids,
        RuleSet.defaults().parameters());
    Rebalancer rebalancer = Rebalancer.of(rs, RuleRegistry.builder()
        .loadServices(getClass().getClassLoader()).register(broken).build());
    InMemoryAuditSink audit = new InMemoryAuditSink();

    // when
    RunSummary summary = BookRebalancer.builder(rebalancer).threads(2).audit(audit).build()
        .run(households(10), BOOK.marketData(), BOOK.asOf(), d -> { }, new CancellationToken());

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
    records.set(7, new AuditRecord(r.sequence(), r.previousHash(), new dev.rebal.core.audit
        .AuditEntry(r.entry().household(), r.entry().asOf(), r.entry().inputsHash(),
        r.entry().ruleSetVersion(), r.entry().ruleSetHash(), "AUTO",
        r.entry().body().replace("REVIEW", "AUTO") + " "), r.hash()));
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
      Decision again = Rebalancer.standard().rebalance(BOOK.household(i), BOOK.marketData(),
          BOOK.asOf());
      assertThat(again.auditEntry()).isEqualTo(audit.records().get(i).entry());
    }
  }
}
