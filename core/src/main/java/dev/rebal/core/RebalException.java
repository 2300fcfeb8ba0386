package dev.rebal.core;

/**
 * The root of every exception Rebal throws on purpose.
 *
 * <p>All Rebal exceptions are unchecked. Callers who embed the library can catch this one type to
 * separate Rebal's own failures from everything else. Caller mistakes on a single argument are
 * reported with the JDK's {@link IllegalArgumentException} instead, and broken internal invariants
 * (Rebal bugs) with {@link IllegalStateException}.
 */
public class RebalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the path, the rule and the value seen
   */
  public RebalException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the path, the rule and the value seen
   * @param cause the underlying failure
   */
  public RebalException(String message, Throwable cause) {
    super(message, cause);
  }
}
