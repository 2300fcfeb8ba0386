package dev.rebal.core.goal;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a dated liquidity need or inflow.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record LiquidityEventId(String value) implements Comparable<LiquidityEventId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public LiquidityEventId {
    Checks.notBlank(value, "liquidityEventId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static LiquidityEventId of(String value) {
    return new LiquidityEventId(value);
  }

  @Override
  public int compareTo(LiquidityEventId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
