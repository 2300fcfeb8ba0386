package dev.rebal.core.goal;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a household's goal.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record GoalId(String value) implements Comparable<GoalId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public GoalId {
    Checks.notBlank(value, "goalId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static GoalId of(String value) {
    return new GoalId(value);
  }

  @Override
  public int compareTo(GoalId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
