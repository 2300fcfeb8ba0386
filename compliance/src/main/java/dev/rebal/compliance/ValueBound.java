package dev.rebal.compliance;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * A limit on a value in money with the restriction or check that set it.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param limit the limit
 * @param provenance what set it
 * @since 0.1
 */
public record ValueBound(Money limit, Provenance provenance) {
  /**
   * Checks that no component is null.
   *
   * @param limit the limit
   * @param provenance what set it
   */
  public ValueBound {
    Checks.notNull(limit, "limit");
    Checks.notNull(provenance, "provenance");
  }
}
