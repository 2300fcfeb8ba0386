package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JdbcStoreTest {
  @Test
  void open_unreachableServer_failsNamingTheUrlWithoutItsPassword() {
    assertThatThrownBy(
            () ->
                JdbcStore.open(
                    "jdbc:postgresql://127.0.0.1:1/rebal?user=app&password=secret&connectTimeout=2"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("open jdbc:postgresql://127.0.0.1:1/rebal?user=app&password=***&")
        .hasMessageContaining("cannot connect")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }

  @Test
  void open_unsupportedDatabaseUrl_failsClearly() {
    // refused before any driver sees it: only H2 and PostgreSQL URLs are opened
    assertThatThrownBy(() -> JdbcStore.open("jdbc:nosuchdb://x", "u", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only H2 (jdbc:h2:...) and PostgreSQL")
        .hasMessageContaining("jdbc:nosuchdb://x");
  }

  @Test
  void embeddedUrl_isAnAbsoluteH2FileUrl() {
    assertThat(JdbcStore.embeddedUrl(Path.of("/var/rebal/state")))
        .isEqualTo("jdbc:h2:file:/var/rebal/state/rebal;LOCK_TIMEOUT=30000");
  }

  @Test
  void installedBin_findsTheNewestPostgresqlOrNothing() {
    // then: either absent, or a versioned bin folder with initdb
    PostgresServer.installedBin()
        .ifPresent(bin -> assertThat(bin.toString()).matches("/usr/lib/postgresql/[0-9]+/bin"));
    assertThat(PostgresServer.SKIPPED)
        .isEqualTo(
            "PostgreSQL not installed (no "
                + "/usr/lib/postgresql/*/bin/initdb): PostgreSQL store tests skipped");
  }
}
