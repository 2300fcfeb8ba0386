package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server: a throwaway cluster started for this class (see
 * {@link PostgresServer}), one schema per test. Skipped, saying so, when PostgreSQL is not
 * installed; {@code .ci/run} installs it, so CI always runs these.
 */
class PostgresStoreTest extends StoreContract {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static PostgresServer server;

  @BeforeAll
  static void startServer() throws Exception {
    Optional<Path> bin = PostgresServer.installedBin();
    if (bin.isEmpty()) {
      PostgresServer.printSkipNotice();
    }
    Assumptions.assumeTrue(bin.isPresent(), PostgresServer.SKIPPED);
    server = PostgresServer.start(bin.get());
    System.err.println("PostgreSQL store tests on: " + server.version());
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  DataSource freshDatabase() throws SQLException {
    String schema = "t" + SCHEMAS.incrementAndGet();
    server.createSchema(schema);
    return new DriverManagerDataSource(server.url(schema), PostgresServer.USER, "");
  }

  /**
   * A child JVM appending records is killed (SIGKILL) mid-batch: every record the server
   * acknowledged is there after the restart, see {@link CrashDurabilityTest}.
   */
  @Test
  void kill_clientMidAppends_everyAcknowledgedRecordSurvives() throws Exception {
    // given
    String schema = "crash" + SCHEMAS.incrementAndGet();
    server.createSchema(schema);
    String url = server.url(schema) + "&user=" + PostgresServer.USER;

    // when
    java.util.List<String[]> acks = CrashDurabilityTest.runAndKill("url", url);

    // then
    try (JdbcStore restarted = JdbcStore.open(url)) {
      CrashDurabilityTest.assertSurvived(restarted, acks);
    }
  }

  /** Has the server terminate the victim's backend, and waits until it is gone. */
  @Override
  void kill(Connection victim) throws SQLException {
    int pid;
    try (Statement s = victim.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      pid = rs.getInt(1);
    }
    try (Connection admin = server.admin()) {
      try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
        ps.setInt(1, pid);
        ps.execute();
      }
      boolean alive = true;
      while (alive) {
        try (PreparedStatement ps =
            admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
          ps.setInt(1, pid);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            alive = rs.getInt(1) > 0;
          }
        }
        Thread.onSpinWait();
      }
    }
  }

  @Test
  void database_isThePostgresqlServerTested() throws SQLException {
    // then: the version read from the server, printed for the record
    System.err.println("PostgreSQL version tested: " + store.database());
    assertThat(store.database()).startsWith("PostgreSQL ");
    assertThat(server.version()).startsWith("PostgreSQL " + store.database().split(" ")[1]);
  }

  @Test
  void deployment_asDocumented_appRoleWorksAndCannotRewriteTheAuditLog() throws Exception {
    // given: docs/stores.md's roles and grants, in schema "deployed"
    try (Connection admin = server.admin();
        Statement s = admin.createStatement()) {
      s.execute("CREATE ROLE rebal_owner LOGIN");
      s.execute("CREATE ROLE rebal_app LOGIN");
      s.execute("CREATE SCHEMA deployed AUTHORIZATION rebal_owner");
    }
    String url = server.url("deployed");
    JdbcStore.open(url, "rebal_owner", "").close();
    try (Connection owner = java.sql.DriverManager.getConnection(url, "rebal_owner", "");
        Statement s = owner.createStatement()) {
      for (String grant :
          new String[] {
            "GRANT USAGE ON SCHEMA deployed TO rebal_app",
            "GRANT SELECT ON schema_version TO rebal_app",
            "GRANT SELECT, INSERT ON audit_record TO rebal_app",
            "REVOKE UPDATE, DELETE, TRUNCATE ON audit_record FROM rebal_app",
            "GRANT SELECT, UPDATE ON audit_head TO rebal_app",
            "GRANT SELECT, INSERT, UPDATE ON review_item TO rebal_app",
            "GRANT SELECT, INSERT ON review_reason TO rebal_app",
            "GRANT USAGE ON SEQUENCE review_item_id_seq TO rebal_app"
          }) {
        s.execute(grant);
      }
    }

    // when: the application role runs the queue
    try (JdbcStore app = JdbcStore.open(url, "rebal_app", "")) {
      dev.rebal.core.review.ReviewItem item =
          app.reviewQueue().submit("HH-1", D2, 1, java.util.Set.of("review.tax"), "sell X");
      app.reviewQueue().approve(item.id(), 0, "rev.a", "ok", D3);
      app.auditSink().append(entry(1));

      // then: it works, the chain verifies, and the role cannot edit or delete audit records
      assertThat(app.auditSink().verify().isIntact()).isTrue();
      try (Connection c = java.sql.DriverManager.getConnection(url, "rebal_app", "");
          Statement s = c.createStatement()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> s.execute("UPDATE audit_record SET body = 'x' WHERE sequence = 0"))
            .hasMessageContaining("permission denied");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> s.execute("DELETE FROM audit_record"))
            .hasMessageContaining("permission denied");
      }
    }
  }
}
