package dev.rebal.core.outlook;

import dev.rebal.core.RebalException;

/**
 * Thrown when capital market assumptions cannot be read or built: a bad line or key, a missing
 * figure, a correlation out of range, a correlation matrix that is not positive definite. The
 * message lists every problem found, each with where it was found.
 */
public class AssumptionsException extends RebalException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message every problem found, each naming the source, key or line and the value seen
   */
  public AssumptionsException(String message) {
    super(message);
  }
}
