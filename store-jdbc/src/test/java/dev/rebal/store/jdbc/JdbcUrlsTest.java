package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only H2 and PostgreSQL URLs, without settings that run code, open a store. */
class JdbcUrlsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:h2:file:/var/rebal/state/rebal;LOCK_TIMEOUT=30000",
        "jdbc:h2:mem:q",
        "jdbc:h2:tcp://db:9092/rebal;IFEXISTS=TRUE",
        "jdbc:postgresql://db.example:5432/rebal?user=app&password=s3cret&sslmode=verify-full",
        "jdbc:postgresql://127.0.0.1/postgres?currentSchema=t1"
      })
  void checkUrl_h2OrPostgresql_isAccepted(String url) {
    assertThat(JdbcStore.checkUrl(url)).isEqualTo(url);
  }

  @Test
  void checkUrl_h2Init_isRefusedBeforeAnyConnection() {
    assertThatThrownBy(() -> JdbcStore.open("jdbc:h2:mem:x;INIT=CREATE TABLE pwned(x INT)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the H2 setting 'INIT' is not accepted");
  }

  @Test
  void checkUrl_postgresqlSocketFactory_isRefusedWithPasswordHidden() {
    assertThatThrownBy(
            () ->
                JdbcStore.checkUrl(
                    "jdbc:postgresql://h/db?password=s3cret&"
                        + "socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the PostgreSQL parameter 'socketfactory' is refused")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("s3cret");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:mysql://h/db",
        "jdbc:sqlite:/tmp/x",
        "postgresql://h/db",
        "jdbc:derby:memory:x;create=true"
      })
  void checkUrl_otherDatabases_areRefused(String url) {
    assertThatThrownBy(() -> JdbcStore.checkUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only H2 (jdbc:h2:...) and PostgreSQL");
  }

  @Test
  void openEmbedded_folderWithSemicolon_isRefusedAndNothingRuns(@TempDir Path dir) {
    // given: a folder name that would splice an INIT setting into the URL
    Path hostile = dir.resolve("st;INIT=CREATE TABLE pwned(x INT)");

    // then
    assertThatThrownBy(() -> JdbcStore.openEmbedded(hostile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state folder: must not contain ';'");
    assertThat(Files.exists(hostile)).isFalse();
  }
}
