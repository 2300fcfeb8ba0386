package dev.rebal.core.household;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a household, the unit of advice.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record HouseholdId(String value) implements Comparable<HouseholdId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public HouseholdId {
    Checks.notBlank(value, "householdId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static HouseholdId of(String value) {
    return new HouseholdId(value);
  }

  @Override
  public int compareTo(HouseholdId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
