package dev.rebal.core.security;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a security (a CUSIP, ISIN or the firm's own key).
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record SecurityId(String value) implements Comparable<SecurityId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public SecurityId {
    Checks.notBlank(value, "securityId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static SecurityId of(String value) {
    return new SecurityId(value);
  }

  @Override
  public int compareTo(SecurityId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
