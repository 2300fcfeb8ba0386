package dev.rebal.core.override;

import dev.rebal.core.RebalException;

/** Thrown when an override may not be applied: expired, or missing its second approver. */
public class OverrideRejectedException extends RebalException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the override's field, the rule and the value.
   *
   * @param message the message
   */
  public OverrideRejectedException(String message) {
    super(message);
  }
}
