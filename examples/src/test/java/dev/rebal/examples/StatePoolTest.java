package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.store.jdbc.JdbcStore;
import dev.rebal.store.jdbc.PostgresServer;
import dev.rebal.store.jdbc.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePoolTest {
  @Test
  void pool_manyStoreCalls_reuseAFewConnections() {
    // given: an H2 database in memory, reached through the pool as PostgreSQL would be
    try (StatePool pool = StatePool.open("jdbc:h2:mem:pool-test;DB_CLOSE_DELAY=-1", 4)) {
      JdbcStore store = JdbcStore.open(pool.dataSource());

      // when: 50 audit appends, each a transaction on a borrowed connection
      for (int i = 0; i < 50; i++) {
        store
            .auditSink()
            .append(
                new AuditEntry(
                    "HH-" + i,
                    LocalDate.of(2026, 6, 30),
                    "in" + i,
                    "1.0.0",
                    "rs",
                    "AUTO",
                    "decision " + i));
      }

      // then: the chain holds them all, and the pool never held more than its maximum
      assertThat(store.auditSink().verify().isIntact()).isTrue();
      assertThat(store.auditSink().verify().recordsChecked()).isEqualTo(50);
      assertThat(pool.maximumSize()).isEqualTo(StatePool.maxSize(4)).isEqualTo(5);
      assertThat(pool.connections()).isBetween(1, pool.maximumSize());
    }
  }

  @Test
  void maxSize_staysSmallWhateverTheThreads() {
    assertThat(StatePool.maxSize(1)).isEqualTo(2);
    assertThat(StatePool.maxSize(256)).isEqualTo(8);
  }

  @Test
  void open_nobodyListens_failsAtOnceWithThePasswordHidden() {
    assertThatThrownBy(
            () ->
                StatePool.open(
                    "jdbc:postgresql://127.0.0.1:1/rebal?user=app&password=secret&connectTimeout=2",
                    2))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(
            "open jdbc:postgresql://127.0.0.1:1/rebal?user=app&password=***"
                + "&connectTimeout=2: cannot connect")
        .hasMessageNotContaining("secret");
  }

  @Test
  void run_stateUrl_twoRunsAppendToOneChainThroughThePool(@TempDir Path dir) throws IOException {
    // given: an H2 database on disk
    String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "/rebal";

    // when / then
    assertTwoRunsAppendToOneChain(dir, url);
  }

  @Test
  void run_stateUrlOnPostgresql_twoRunsAppendToOneChainThroughThePool(@TempDir Path dir)
      throws Exception {
    // given: a throwaway PostgreSQL cluster (.ci/run installs PostgreSQL, so CI always runs this)
    Optional<Path> bin = PostgresServer.installedBin();
    if (bin.isEmpty()) {
      PostgresServer.printSkipNotice();
    }
    Assumptions.assumeTrue(bin.isPresent(), PostgresServer.SKIPPED);
    PostgresServer server = PostgresServer.start(bin.get());
    try {
      server.createSchema("pool");

      // when / then
      assertTwoRunsAppendToOneChain(dir, server.url("pool") + "&user=" + PostgresServer.USER);
    } finally {
      server.stop();
    }
  }

  /**
   * Runs the main job twice on one generated book with {@code --state-url url} (once as {@code
   * --state-url url}, once as {@code --state-url=url}) and asserts that both runs succeed, keep no
   * audit file in their folders and append to one intact chain holding both runs' records.
   */
  private static void assertTwoRunsAppendToOneChain(Path dir, String url) throws IOException {
    Path book = RebalMainTest.generated(dir, 4);
    RebalMainTest.Run first =
        RebalMainTest.run(
            "--book",
            book.toString(),
            "--out",
            dir.resolve("a").toString(),
            "--state-url",
            url,
            "--threads",
            "2",
            "--no-goal-outlook");
    RebalMainTest.Run second =
        RebalMainTest.run(
            "--book",
            book.toString(),
            "--out",
            dir.resolve("b").toString(),
            "--state-url=" + url,
            "--threads",
            "2",
            "--no-goal-outlook");

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(second.status()).as(second.err()).isZero();
    assertThat(second.out()).contains("chain intact");
    assertThat(Files.exists(dir.resolve("a").resolve(MainJob.AUDIT))).isFalse();
    try (JdbcStore store = JdbcStore.open(url)) {
      assertThat(store.auditSink().verify().isIntact()).isTrue();
      assertThat(store.auditSink().verify().recordsChecked()).isGreaterThanOrEqualTo(8);
    }
  }
}
