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
        try (PreparedStatement ps = admin.prepareStatement(
            "SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
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
}
