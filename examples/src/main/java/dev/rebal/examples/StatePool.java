package dev.rebal.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rebal.store.jdbc.JdbcStore;
import dev.rebal.store.jdbc.StoreException;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The connection pool the main job opens for {@code --state-url} (HikariCP): the store's calls
 * borrow a connection and give it back instead of connecting to the database server each time. The
 * library takes a caller's {@link DataSource} ({@link JdbcStore#open(DataSource)}); this pool is
 * the main job's, as a firm's service would bring its own. The URL is checked by {@link
 * JdbcStore#checkUrl} before any connection is made, and an error names it with its password
 * hidden. The pool connects once when it opens (a server that cannot be reached fails the run at
 * once), keeps at most {@link #maxSize(int)} connections, and closes them all on {@link #close()}.
 */
final class StatePool implements AutoCloseable {
  private final HikariDataSource pool;

  private StatePool(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * The most connections the pool keeps for a run on {@code threads} worker threads: the store is
   * written from the thread that receives decisions and read by the review queue, so a few suffice
   * whatever the thread count.
   */
  static int maxSize(int threads) {
    return Math.max(2, Math.min(threads + 1, 8));
  }

  /**
   * Opens a pool on {@code url} for a run on {@code threads} threads and connects once.
   *
   * @throws IllegalArgumentException if the URL is not accepted by {@link JdbcStore#checkUrl}
   * @throws StoreException if the database cannot be reached, naming the URL (password hidden)
   */
  static StatePool open(String url, int threads) {
    JdbcStore.checkUrl(url);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("rebal-state");
    config.setMaximumPoolSize(maxSize(threads));
    config.setMinimumIdle(1);
    // fail at once (one attempt) when the server cannot be reached, as a single connection would
    config.setInitializationFailTimeout(1);
    config.setConnectionTimeout(30_000);
    try {
      return new StatePool(new HikariDataSource(config));
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String state = cause instanceof SQLException s ? " [sqlstate " + s.getSQLState() + "]" : "";
      throw new StoreException(
          "open " + redacted(url) + ": cannot connect" + state + ": " + oneLine(cause), e);
    }
  }

  /** The pool, to hand to {@link JdbcStore#open(DataSource)}. */
  DataSource dataSource() {
    return pool;
  }

  /** How many connections the pool holds now (in use and idle). */
  int connections() {
    return pool.getHikariPoolMXBean().getTotalConnections();
  }

  /** The most connections the pool keeps. */
  int maximumSize() {
    return pool.getMaximumPoolSize();
  }

  @Override
  public void close() {
    pool.close();
  }

  private static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // the driver may echo the URL: hide its password there too
    return redacted(m.strip().replaceAll("\\s*\\R\\s*", "; "));
  }
}
