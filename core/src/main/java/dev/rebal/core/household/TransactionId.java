package dev.rebal.core.household;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a recent transaction.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record TransactionId(String value) implements Comparable<TransactionId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public TransactionId {
    Checks.notBlank(value, "transactionId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static TransactionId of(String value) {
    return new TransactionId(value);
  }

  @Override
  public int compareTo(TransactionId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
