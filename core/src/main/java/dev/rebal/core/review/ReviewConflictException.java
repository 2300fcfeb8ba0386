package dev.rebal.core.review;

import dev.rebal.core.RebalException;

/**
 * Thrown when a review action cannot be taken: the item is unknown, no longer pending, or was
 * changed by someone else since the version the reviewer saw (optimistic locking).
 */
public class ReviewConflictException extends RebalException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the item, the expectation and what was found.
   *
   * @param message the message
   */
  public ReviewConflictException(String message) {
    super(message);
  }
}
