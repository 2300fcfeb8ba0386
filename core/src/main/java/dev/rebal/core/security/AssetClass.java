package dev.rebal.core.security;

import dev.rebal.core.internal.Checks;

/**
 * An asset class, such as {@code US_EQUITY} or {@code MUNI_BOND}: the unit in which targets, bands
 * and drift are stated.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record AssetClass(String value) implements Comparable<AssetClass> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public AssetClass {
    Checks.notBlank(value, "assetClass");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static AssetClass of(String value) {
    return new AssetClass(value);
  }

  @Override
  public int compareTo(AssetClass other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
