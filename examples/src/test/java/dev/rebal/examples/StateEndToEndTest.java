package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.review.ReviewItem;
import dev.rebal.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job twice with {@code --state}: the second run appends to the first run's audit
 * chain and review queue in the embedded database, and the chain verifies across both.
 */
class StateEndToEndTest {
  @Test
  void run_twiceWithState_oneChainAndOneQueueAcrossBothRuns(@TempDir Path dir) throws IOException {
    // given: a plain run for reference, and a small generated book
    Path book = RebalMainTest.generated(dir, 40);
    Path plain = dir.resolve("plain");
    assertThat(
            RebalMainTest.run(
                    "--book", book.toString(), "--out", plain.toString(), "--threads", "2")
                .status())
        .isZero();
    List<AuditRecord> plainAudit = JsonLinesAuditSink.read(plain.resolve(MainJob.AUDIT));
    Path state = dir.resolve("state");

    // when
    RebalMainTest.Run first =
        RebalMainTest.run(
            "--book",
            book.toString(),
            "--out",
            dir.resolve("run1").toString(),
            "--threads",
            "2",
            "--state",
            state.toString());
    RebalMainTest.Run second =
        RebalMainTest.run(
            "--book",
            book.toString(),
            "--out",
            dir.resolve("run2").toString(),
            "--threads",
            "2",
            "--state",
            state.toString());

    // then: both runs succeed and say where their state is
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(second.status()).as(second.err()).isZero();
    int n = plainAudit.size();
    assertThat(first.out())
        .contains("state " + state + " (H2 ")
        .contains("audit log          " + n + " records this run, " + n + " in all, chain intact");
    assertThat(second.out())
        .contains(
            "audit log          " + n + " records this run, " + 2 * n + " in all, chain intact");
    // the state run writes what a plain run writes, except the audit log, which is in the database
    assertThat(dir.resolve("run1").resolve(MainJob.AUDIT)).doesNotExist();
    for (String f : List.of(MainJob.BLOTTER, MainJob.REVIEW_QUEUE)) {
      assertThat(Files.readString(dir.resolve("run1").resolve(f)))
          .isEqualTo(Files.readString(plain.resolve(f)));
    }
    try (JdbcStore store = JdbcStore.openEmbedded(state)) {
      // one chain over both runs, verified as read back from the database
      List<AuditRecord> records = store.auditSink().records();
      assertThat(records).hasSize(2 * n);
      assertThat(store.auditSink().verify().isIntact()).isTrue();
      // the first run's records are the plain run's, record for record
      assertThat(records.subList(0, n)).isEqualTo(plainAudit);
      assertThat(records.get(n).previousHash()).isEqualTo(records.get(n - 1).hash());
      // the queue holds both runs' items
      List<ReviewItem> pending = store.reviewQueue().pending();
      long perRun =
          plainAudit.stream().filter(r -> r.entry().outcome().equals("REVIEW_SUBMITTED")).count();
      assertThat(perRun).isPositive();
      assertThat(pending).hasSize((int) (2 * perRun));
      ReviewItem firstItem = store.reviewQueue().find("R-1").orElseThrow();
      assertThat(store.reviewQueue().byHousehold(firstItem.household())).hasSize(2);
    }
  }

  @Test
  void run_stateAndStateUrlTogether_isBadUsage(@TempDir Path dir) {
    // when
    RebalMainTest.Run run =
        RebalMainTest.run("--state", dir.toString(), "--state-url", "jdbc:h2:mem:x");

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).contains("error: --state and --state-url cannot be combined");
  }

  @Test
  void run_stateUrlNobodyListensOn_printsOneLineAndExitsOne() {
    // when
    RebalMainTest.Run run =
        RebalMainTest.run(
            "--state-url",
            "jdbc:postgresql://127.0.0.1:1/rebal?user=app&password=secret&connectTimeout=2");

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err())
        .startsWith(
            "error: state: open jdbc:postgresql://127.0.0.1:1/rebal?"
                + "user=app&password=***&connectTimeout=2: cannot connect")
        .doesNotContain("secret")
        .doesNotContain("\tat ");
  }
}
