package dev.rebal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The one place where H2 and PostgreSQL differ in the SQL the stores send: reading the next value
 * of a sequence. Everything else (DDL, {@code SELECT ... FOR UPDATE}, {@code CREATE TABLE IF NOT
 * EXISTS}, {@code java.time.LocalDate} binding) is the same on both.
 */
enum Dialect {
  /** H2 2.x: the SQL standard's {@code NEXT VALUE FOR}. */
  H2("SELECT NEXT VALUE FOR review_item_id_seq"),
  /** PostgreSQL: the {@code nextval} function. */
  POSTGRESQL("SELECT nextval('review_item_id_seq')");

  private final String nextReviewIdSql;

  Dialect(String nextReviewIdSql) {
    this.nextReviewIdSql = nextReviewIdSql;
  }

  /** The query returning the next review item id. */
  String nextReviewIdSql() {
    return nextReviewIdSql;
  }

  /** Returns the dialect of the database {@code c} is connected to. */
  static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    String p = product.toLowerCase(Locale.ROOT);
    if (p.equals("h2")) {
      return H2;
    }
    if (p.contains("postgresql")) {
      return POSTGRESQL;
    }
    throw new StoreException(
        "database product '"
            + product
            + "': not supported; Rebal's stores run on H2 and PostgreSQL");
  }
}
