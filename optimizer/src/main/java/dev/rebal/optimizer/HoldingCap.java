package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.SecurityId;

/**
 * A household-wide cap on one security's value after trading (a compliance concentration cap,
 * converted to dollars by the engine). This record is immutable and thread-safe.
 *
 * @param security the capped security
 * @param maxValue the largest value the household may hold after trading, USD, not negative
 */
public record HoldingCap(SecurityId security, Money maxValue) {
  /**
   * Checks that no component is null and the cap is not negative.
   *
   * @param security the capped security
   * @param maxValue the largest value the household may hold after trading, USD, not negative
   */
  public HoldingCap {
    Checks.notNull(security, "security");
    Checks.isTrue(
        !Checks.notNull(maxValue, "maxValue").isNegative(),
        "maxValue",
        maxValue,
        "must not be negative");
  }
}
