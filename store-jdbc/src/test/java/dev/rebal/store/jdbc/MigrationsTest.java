package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MigrationsTest {
  @Test
  void statements_dropCommentsAndSplitAtLineEndSemicolons() {
    // given
    String sql =
        "-- a table\nCREATE TABLE t (\n  a INT, -- not a comment line\n  b INT\n);\n\n"
            + "INSERT INTO t VALUES (1, 2);\n";

    // then
    assertThat(Migrations.statements(sql))
        .containsExactly(
            "CREATE TABLE t (\na INT, -- not a comment line\nb INT\n)",
            "INSERT INTO t VALUES (1, 2)");
  }

  @Test
  void statements_unterminatedLastStatement_throws() {
    assertThatThrownBy(() -> Migrations.statements("CREATE TABLE t (a INT)\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("migration: the last statement does not end with ';'");
  }

  @Test
  void shipped_listsVersionOneWithItsChecksum() {
    // when
    Migrations shipped = Migrations.shipped();

    // then
    assertThat(shipped.latest()).isEqualTo(1);
  }
}
