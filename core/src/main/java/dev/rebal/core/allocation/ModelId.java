package dev.rebal.core.allocation;

import dev.rebal.core.internal.Checks;

/**
 * The identifier of a model: the firm's preferred securities per asset class.
 *
 * <p>Ids are opaque, case-sensitive, non-blank strings chosen by the firm. This record is immutable
 * and thread-safe.
 *
 * @param value the id
 */
public record ModelId(String value) implements Comparable<ModelId> {
  /**
   * Checks that the id is not blank.
   *
   * @param value the id
   */
  public ModelId {
    Checks.notBlank(value, "modelId");
  }

  /**
   * {@return the id with the given value}
   *
   * @param value the id, not blank
   */
  public static ModelId of(String value) {
    return new ModelId(value);
  }

  @Override
  public int compareTo(ModelId other) {
    return value.compareTo(other.value);
  }

  /** Returns the id itself. */
  @Override
  public String toString() {
    return value;
  }
}
