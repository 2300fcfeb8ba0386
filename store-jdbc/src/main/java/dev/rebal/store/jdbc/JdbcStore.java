package dev.rebal.store.jdbc;

import dev.rebal.core.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A database holding Rebal's durable state: the entry point that opens it, brings its schema to the
 * latest version and hands out the {@link JdbcReviewQueue} and the {@link JdbcAuditSink} on it.
 *
 * <pre>{@code
 * try (JdbcStore store = JdbcStore.openEmbedded(Path.of("state"))) {   // or open(dataSource)
 *   BookRebalancer.builder(rebalancer).audit(store.auditSink()).review(store.reviewQueue())...
 * }
 * }</pre>
 *
 * <p>In production pass the firm's pooled {@link DataSource} (PostgreSQL); {@link
 * #openEmbedded(Path)} keeps an H2 file database in a folder and needs no server. Opening migrates
 * the schema (see docs/stores.md): a fresh database gets every migration, an existing one the ones
 * it lacks, and a database whose applied migrations were edited is refused. The store keeps no
 * connection of its own for a data source; opened by URL it keeps one open until {@link #close()},
 * so that an embedded database stays open between calls. This class is thread-safe.
 */
public final class JdbcStore implements AutoCloseable {
  /** The user of the embedded database. */
  static final String EMBEDDED_USER = "rebal";

  private final Transactions tx;
  private final JdbcAuditSink audit;
  private final JdbcReviewQueue queue;
  private final int schemaVersion;
  private final String database;
  private final Optional<Connection> keeper;

  private JdbcStore(DataSource dataSource, Optional<Connection> keeper) {
    this.keeper = keeper;
    this.tx = new Transactions(dataSource);
    Dialect dialect;
    try (Connection c = dataSource.getConnection()) {
      dialect = Dialect.of(c);
      DatabaseMetaData md = c.getMetaData();
      database = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
      if (dialect == Dialect.H2) {
        makeCommitsDurable(c);
      }
    } catch (SQLException e) {
      closeKeeper();
      throw new StoreException(
          "open: cannot connect to the database [sqlstate "
              + e.getSQLState()
              + "]: "
              + Transactions.oneLine(e),
          e);
    } catch (RuntimeException e) {
      closeKeeper();
      throw e;
    }
    try {
      this.schemaVersion = Migrations.shipped().migrate(tx);
    } catch (RuntimeException e) {
      closeKeeper();
      throw e;
    }
    this.audit = new JdbcAuditSink(tx);
    this.queue = new JdbcReviewQueue(tx, audit, dialect);
  }

  /**
   * Has H2 write each commit to its file before the commit returns. H2's default write delay (500
   * ms) acknowledges commits that a killed process then loses: a job that released an output after
   * its audit record was committed would have released it without its record. The setting is kept
   * in the database; setting it needs an administrator, which the embedded store's user is.
   */
  private static void makeCommitsDurable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
    } catch (SQLException e) {
      throw new StoreException(
          "open: cannot make H2 write each commit before acknowledging it "
              + "(SET WRITE_DELAY 0 needs an administrator) [sqlstate "
              + e.getSQLState()
              + "]: "
              + Transactions.oneLine(e)
              + "; refusing a store that could lose committed records",
          e);
    }
  }

  /**
   * Opens the store on a data source (the firm's connection pool) and migrates its schema.
   *
   * @param dataSource the data source; the store borrows a connection per call
   * @return the store
   * @throws StoreException if the database cannot be reached, is not H2 or PostgreSQL, or cannot be
   *     migrated
   */
  public static JdbcStore open(DataSource dataSource) {
    return new JdbcStore(Checks.notNull(dataSource, "dataSource"), Optional.empty());
  }

  /**
   * Opens the store at a JDBC URL ({@code jdbc:postgresql://host/db} or {@code jdbc:h2:...}) and
   * migrates its schema. Connections are opened per call; prefer {@link #open(DataSource)} with a
   * pool in production.
   *
   * @param url the JDBC URL, accepted by {@link #checkUrl}
   * @param user the database user
   * @param password the user's password, or empty text
   * @return the store
   * @throws IllegalArgumentException if the URL is not accepted by {@link #checkUrl}
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static JdbcStore open(String url, String user, String password) {
    checkUrl(url);
    Checks.notNull(user, "user");
    Checks.notNull(password, "password");
    return openUrl(new DriverManagerDataSource(url, user, password));
  }

  private static JdbcStore openUrl(DriverManagerDataSource ds) {
    Connection keeper;
    try {
      keeper = ds.getConnection();
    } catch (SQLException e) {
      throw new StoreException(
          "open "
              + redacted(ds.url())
              + ": cannot connect [sqlstate "
              + e.getSQLState()
              + "]: "
              + Transactions.oneLine(e),
          e);
    }
    return new JdbcStore(ds, Optional.of(keeper));
  }

  /**
   * Opens the store at a JDBC URL that carries its own credentials (e.g. {@code
   * jdbc:postgresql://host/rebal?user=rebal_app&password=...}, or none with trust or peer
   * authentication), and migrates its schema.
   *
   * @param url the JDBC URL, accepted by {@link #checkUrl}
   * @return the store
   * @throws IllegalArgumentException if the URL is not accepted by {@link #checkUrl}
   * @throws StoreException if the database cannot be reached or migrated
   */
  public static JdbcStore open(String url) {
    checkUrl(url);
    return openUrl(new DriverManagerDataSource(url, null, null));
  }

  /**
   * {@return {@code url} if a store may be opened at it: an H2 URL ({@code jdbc:h2:...}) whose
   * settings are all harmless ones (no {@code INIT}, which runs SQL), or a PostgreSQL URL ({@code
   * jdbc:postgresql://host/database}) without the driver parameters that load a class or write a
   * file ({@code socketFactory}, {@code sslfactory}, {@code sslhostnameverifier}, {@code
   * sslpasswordcallback}, {@code authenticationPluginClassName}, {@code loggerFile}); see
   * docs/stores.md}
   *
   * @param url the JDBC URL to check
   * @throws IllegalArgumentException naming the URL (password hidden) and what is refused
   * @since 0.1.0
   */
  public static String checkUrl(String url) {
    Checks.notBlank(url, "url");
    return JdbcUrls.check(url);
  }

  /**
   * Opens (creating if missing) the embedded H2 file database {@code rebal} in {@code directory}:
   * state kept on local disk with no server, for one process at a time. The folder is a path, not a
   * URL: one holding a character that H2 would read as URL syntax ({@code ;}, a control character)
   * is refused rather than passed on.
   *
   * @param directory the folder, created if missing
   * @return the store
   * @throws IllegalArgumentException if the folder's path holds {@code ;} or a control character
   * @throws StoreException if the database is in use by another process or cannot be migrated
   */
  public static JdbcStore openEmbedded(Path directory) {
    checkStateFolder(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(directory + ": cannot create the state folder", e);
    }
    return open(embeddedUrl(directory), EMBEDDED_USER, "");
  }

  /**
   * {@return {@code directory} if it can hold the embedded database: its absolute path has no
   * {@code ;} (H2's URL separator, after which a URL carries settings such as {@code INIT}, which
   * runs SQL) and no control character}
   *
   * @param directory the folder to check
   * @throws IllegalArgumentException naming the path otherwise
   * @since 0.1.0
   */
  public static Path checkStateFolder(Path directory) {
    Checks.notNull(directory, "directory");
    String p = directory.toAbsolutePath().normalize().toString();
    if (p.indexOf(';') >= 0 || p.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "state folder: must not contain ';' or a control "
              + "character (the embedded database's location is passed to H2 as a URL): "
              + directory.toString().replaceAll("\\p{Cntrl}", "?"));
    }
    return directory;
  }

  /** The JDBC URL of the embedded database in {@code directory}, checked by checkStateFolder. */
  static String embeddedUrl(Path directory) {
    // LOCK_TIMEOUT: appenders queue on the audit head's row lock; wait for it rather than fail
    return "jdbc:h2:file:"
        + directory.toAbsolutePath().normalize().resolve("rebal")
        + ";LOCK_TIMEOUT=30000";
  }

  /** The URL with any password in it replaced by {@code ***}, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /** {@return the audit log on this database} */
  public JdbcAuditSink auditSink() {
    return audit;
  }

  /**
   * {@return the review queue on this database; its actions are audited to {@link #auditSink()}}
   */
  public JdbcReviewQueue reviewQueue() {
    return queue;
  }

  /** {@return the schema version the database is at (the number of the last migration applied)} */
  public int schemaVersion() {
    return schemaVersion;
  }

  /**
   * {@return the database product and version as the server reports them, e.g. "PostgreSQL 15.18"}
   */
  public String database() {
    return database;
  }

  /** Closes the connection a store opened by URL keeps; a data source is left to its owner. */
  @Override
  public void close() {
    closeKeeper();
  }

  private void closeKeeper() {
    if (keeper.isPresent()) {
      try {
        keeper.get().close();
      } catch (SQLException e) {
        throw new StoreException(
            "close: [sqlstate " + e.getSQLState() + "]: " + Transactions.oneLine(e), e);
      }
    }
  }
}
