package dev.rebal.store.jdbc;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.audit.AuditRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema migrations: plain SQL files {@code V<n>__<name>.sql} under {@code
 * dev/rebal/store/jdbc/migration/}, listed in order in {@code index.txt} there. Each is applied
 * once, in its own transaction, and recorded in {@code schema_version} with the SHA-256 of its
 * text; an applied file whose text has changed since is refused, naming the file, since the
 * database no longer matches what the code believes it is. (PostgreSQL runs DDL inside the
 * transaction, so a failed migration leaves nothing; H2 commits each DDL statement, so a failed
 * migration there may leave part of it, to be removed by hand. Neither happens with the shipped
 * files.)
 */
final class Migrations {
  private static final String BASE = "/dev/rebal/store/jdbc/migration/";

  /** The SQL states of "no such table": PostgreSQL's, and H2's (42S04: "the database is empty"). */
  private static final Set<String> TABLE_MISSING = Set.of("42P01", "42S02", "42S04");

  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__[A-Za-z0-9_]+\\.sql");

  /** One migration file. */
  record Migration(int version, String file, String sql, String checksum) {}

  private final List<Migration> migrations;

  private Migrations(List<Migration> migrations) {
    this.migrations = migrations;
  }

  /** The migrations shipped in this jar. */
  static Migrations shipped() {
    String index = resource("index.txt");
    ImmutableList.Builder<Migration> out = ImmutableList.builder();
    int expected = 1;
    for (String line : index.split("\n")) {
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      Matcher m = NAME.matcher(file);
      if (!m.matches() || Integer.parseInt(m.group(1)) != expected) {
        throw new IllegalStateException(
            "migration index: '" + file + "' must be named V" + expected + "__<name>.sql");
      }
      String sql = resource(file);
      out.add(new Migration(expected, file, sql, AuditRecord.sha256Hex(sql)));
      expected++;
    }
    return new Migrations(out.build());
  }

  /** The newest version the shipped files reach. */
  int latest() {
    return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
  }

  private static String resource(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException(BASE + name + ": missing from the jar");
      }
      // line endings normalized, so a checkout with CRLF does not count as an edit
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(BASE + name + ": cannot read", e);
    }
  }

  /**
   * Brings the database to the latest version and returns it.
   *
   * @throws StoreException if an applied migration was edited, the database is newer than these
   *     files, or a statement fails (naming the file and the statement's number)
   */
  int migrate(Transactions tx) {
    // read first: the application's role may read schema_version but not create tables
    Map<Integer, String[]> applied;
    try {
      applied = tx.run("schema_version read", Migrations::applied);
    } catch (StoreException e) {
      if (!(e.getCause() instanceof SQLException sql)
          || !TABLE_MISSING.contains(sql.getSQLState())) {
        throw e;
      }
      tx.run(
          "schema_version create",
          c -> {
            try (Statement s = c.createStatement()) {
              s.execute(
                  "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                      + "script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, "
                      + "CONSTRAINT schema_version_pk PRIMARY KEY (version))");
            }
            return null;
          });
      applied = tx.run("schema_version read", Migrations::applied);
    }
    for (Map.Entry<Integer, String[]> a : applied.entrySet()) {
      if (a.getKey() > latest()) {
        throw new StoreException(
            "schema_version: the database is at version "
                + a.getKey()
                + " ("
                + a.getValue()[0]
                + "), newer than this Rebal's migrations (up to V"
                + latest()
                + "): use a Rebal at least as new as the one that migrated it");
      }
    }
    for (Migration m : migrations) {
      String[] done = applied.get(m.version());
      if (done != null) {
        if (!done[0].equals(m.file()) || !done[1].equals(m.checksum())) {
          throw new StoreException(
              "schema_version["
                  + m.version()
                  + "]: the applied migration "
                  + done[0]
                  + " had checksum "
                  + done[1]
                  + ", but "
                  + m.file()
                  + " now has "
                  + m.checksum()
                  + ": an applied migration was edited; restore it and put the change "
                  + "in a new migration");
        }
        continue;
      }
      apply(tx, m);
    }
    return latest();
  }

  private static Map<Integer, String[]> applied(Connection c) throws SQLException {
    Map<Integer, String[]> out = new TreeMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT version, script, checksum FROM schema_version ORDER BY version");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getInt(1), new String[] {rs.getString(2), rs.getString(3)});
      }
    }
    return out;
  }

  private static void apply(Transactions tx, Migration m) {
    tx.run(
        "migration " + m.file(),
        c -> {
          List<String> statements = statements(m.sql());
          try (Statement s = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
              try {
                s.execute(statements.get(i));
              } catch (SQLException e) {
                throw new StoreException(
                    "migration "
                        + m.file()
                        + ", statement "
                        + (i + 1)
                        + " of "
                        + statements.size()
                        + " [sqlstate "
                        + e.getSQLState()
                        + "]: "
                        + Transactions.oneLine(e)
                        + Transactions.ROLLED_BACK,
                    e);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO schema_version (version, script, checksum) VALUES (?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.file());
            ps.setString(3, m.checksum());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Splits a file into statements: full-line comments dropped, each ending with ';' at a line end.
   */
  static List<String> statements(String sql) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      if (t.endsWith(";")) {
        current.append(t, 0, t.length() - 1);
        out.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(t).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException("migration: the last statement does not end with ';'");
    }
    return out.build();
  }
}
