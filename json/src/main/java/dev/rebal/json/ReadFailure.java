package dev.rebal.json;

import dev.rebal.core.internal.Checks;

/**
 * A household of a book that is well-formed JSON but could not be built: which household, where and
 * why. Reading goes on with the next household. This record is immutable and thread-safe.
 *
 * @param index the household's 0-based position in the book
 * @param householdId the household's id as written, or {@code #index} if it had none
 * @param path the JSON path of the bad field, e.g. {@code $.households[3].accounts[0].cash}
 * @param message what is wrong, with the value seen
 */
public record ReadFailure(long index, String householdId, String path, String message) {
  /**
   * Checks that no component is null.
   *
   * @param index the household's 0-based position in the book
   * @param householdId the household's id as written, or {@code #index} if it had none
   * @param path the JSON path of the bad field, e.g. {@code $.households[3].accounts[0].cash}
   * @param message what is wrong, with the value seen
   */
  public ReadFailure {
    Checks.notNull(householdId, "householdId");
    Checks.notNull(path, "path");
    Checks.notNull(message, "message");
  }

  /** Returns e.g. {@code household HH-000003: $.households[3].accounts[0].cash: must have ...}. */
  @Override
  public String toString() {
    return "household " + householdId + ": " + path + ": " + message;
  }
}
