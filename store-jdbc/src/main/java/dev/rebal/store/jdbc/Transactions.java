package dev.rebal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work in one transaction on a connection of its own, and turns the driver's failures into
 * {@link StoreException}s that say what was being done, what the database said and that nothing of
 * the transaction was written. Every store operation goes through here, so that a caller never sees
 * a half-written action, and a connection is never shared between threads.
 */
final class Transactions {
  /** Appended to every failure of a rolled-back transaction. */
  static final String ROLLED_BACK =
      "; the transaction was rolled back: nothing of it was "
          + "written, everything committed before is kept";

  /** Work on a connection inside a transaction. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  Transactions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} in a transaction and commits it; on any failure rolls back and throws.
   *
   * @param what the operation, for messages, e.g. {@code "audit append"}
   */
  <T> T run(String what, Work<T> work) {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw new StoreException(
          what
              + ": cannot connect to the database [sqlstate "
              + e.getSQLState()
              + "]: "
              + oneLine(e)
              + "; nothing was written",
          e);
    }
    try {
      c.setAutoCommit(false);
      T result = work.run(c);
      try {
        c.commit();
      } catch (SQLException e) {
        rollback(c, e);
        throw new StoreException(
            what
                + ": the commit failed [sqlstate "
                + e.getSQLState()
                + "]: "
                + oneLine(e)
                + "; if the connection was lost the outcome is unknown: read the store "
                + "back before retrying",
            e);
      }
      return result;
    } catch (SQLException e) {
      rollback(c, e);
      throw translate(what, e, c);
    } catch (RuntimeException e) {
      rollback(c, e);
      throw e;
    } finally {
      try {
        c.close();
      } catch (SQLException e) {
        // the transaction is over (committed or rolled back); a failure to close changes nothing
      }
    }
  }

  private static void rollback(Connection c, Exception failure) {
    try {
      if (!c.isClosed()) {
        c.rollback();
      }
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  static StoreException translate(String what, SQLException e, Connection c) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String kind;
    if (state.startsWith("08") || state.startsWith("57P") || !usable(c)) {
      kind = "the connection to the database was lost or closed";
    } else if (state.equals("23505")) {
      kind = "a unique key was violated";
    } else if (state.startsWith("23")) {
      kind = "a constraint was violated";
    } else if (state.equals("40001") || state.equals("40P01")) {
      kind = "the database aborted the transaction (serialization failure or deadlock): retry it";
    } else {
      kind = "the database refused it";
    }
    return new StoreException(
        what + ": " + kind + " [sqlstate " + state + "]: " + oneLine(e) + ROLLED_BACK, e);
  }

  private static boolean usable(Connection c) {
    try {
      return !c.isClosed() && c.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  static String oneLine(SQLException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
