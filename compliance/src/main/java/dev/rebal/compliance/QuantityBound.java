package dev.rebal.compliance;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;

/**
 * A limit on a quantity of shares with the restriction or check that set it.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param limit the limit, in shares
 * @param provenance what set it
 * @since 0.1
 */
public record QuantityBound(Quantity limit, Provenance provenance) {
  /**
   * Checks that no component is null.
   *
   * @param limit the limit, in shares
   * @param provenance what set it
   */
  public QuantityBound {
    Checks.notNull(limit, "limit");
    Checks.notNull(provenance, "provenance");
  }
}
