package dev.rebal.core.household;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of an account within a household, or of a declared external account.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record AccountId(String value) implements Comparable<AccountId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public AccountId {
    Checks.notBlank(value, "accountId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static AccountId of(String value) {
    return new AccountId(value);
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
