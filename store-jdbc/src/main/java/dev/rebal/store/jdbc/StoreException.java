package dev.rebal.store.jdbc;

import dev.rebal.core.RebalException;

/**
 * Thrown when a store cannot do what was asked: the database refused a write (a unique key, a
 * constraint), the connection was lost, or the schema cannot be migrated. The message names the
 * operation, the key or record, and what the database said; it also says that the failed
 * transaction was rolled back, so nothing of it was written and everything committed before is
 * kept. The cause is the driver's {@link java.sql.SQLException}, when there is one.
 */
public class StoreException extends RebalException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, naming the operation and the key or record
   */
  public StoreException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what failed, naming the operation and the key or record
   * @param cause the driver's exception
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
