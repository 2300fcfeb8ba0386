package dev.rebal.core.household;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a tax lot.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record LotId(String value) implements Comparable<LotId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public LotId {
    Checks.notBlank(value, "lotId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static LotId of(String value) {
    return new LotId(value);
  }

  @Override
  public int compareTo(LotId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
