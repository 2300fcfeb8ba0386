package dev.rebal.core.household;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a household member (a person or an entity).
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record MemberId(String value) implements Comparable<MemberId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public MemberId {
    Checks.notBlank(value, "memberId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static MemberId of(String value) {
    return new MemberId(value);
  }

  @Override
  public int compareTo(MemberId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
