package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database in a temp folder. */
class H2StoreTest extends StoreContract {
  @TempDir Path dir;

  private Connection keeper;

  @Override
  DataSource freshDatabase() throws SQLException {
    DriverManagerDataSource ds =
        new DriverManagerDataSource(JdbcStore.embeddedUrl(dir), JdbcStore.EMBEDDED_USER, "");
    // keeps the database open between the store's connections, as JdbcStore.open(url) does
    keeper = ds.getConnection();
    return ds;
  }

  @Override
  void kill(Connection victim) throws SQLException {
    victim.close();
  }

  @Override
  void releaseDatabase() throws SQLException {
    keeper.close();
  }

  @Test
  void openEmbedded_createsTheFolderAndKeepsStateAcrossOpens() {
    // given
    Path state = dir.resolve("state/nested");
    try (JdbcStore first = JdbcStore.openEmbedded(state)) {
      first.reviewQueue().submit("HH-1", D2, 1, Set.of("review.tax"), "sell X");
    }

    // when
    try (JdbcStore second = JdbcStore.openEmbedded(state)) {
      // then
      assertThat(Files.exists(state.resolve("rebal.mv.db"))).isTrue();
      assertThat(second.database()).startsWith("H2 2.5.252");
      assertThat(second.reviewQueue().pending()).extracting(i -> i.id()).containsExactly("R-1");
      assertThat(second.auditSink().verify().isIntact()).isTrue();
    }
  }
}
