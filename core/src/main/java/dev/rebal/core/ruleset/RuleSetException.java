package dev.rebal.core.ruleset;

import dev.rebal.core.RebalException;

/** Thrown when a rule set cannot be loaded or built: a bad line, a duplicate, a bad version. */
public class RuleSetException extends RebalException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the source, line and problem.
   *
   * @param message the message
   */
  public RuleSetException(String message) {
    super(message);
  }
}
