package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a restriction; proposals cite it to explain why a trade was not made.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record RestrictionId(String value) implements Comparable<RestrictionId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public RestrictionId {
    Checks.notBlank(value, "restrictionId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static RestrictionId of(String value) {
    return new RestrictionId(value);
  }

  @Override
  public int compareTo(RestrictionId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
