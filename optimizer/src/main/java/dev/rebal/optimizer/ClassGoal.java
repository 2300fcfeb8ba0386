package dev.rebal.optimizer;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;

/**
 * One asset class's target, band and drift weight.
 *
 * <p>The band half-width is {@link ClassTarget#halfWidth()}. The drift weight is the penalty per
 * dollar outside the goal interval of the mode, comparable to the tax and transaction costs per
 * dollar (1 means a dollar of drift is as bad as a dollar of tax). This record is immutable and
 * thread-safe.
 *
 * @param assetClass the class
 * @param target its target weight and bands
 * @param driftWeight the penalty per dollar of drift, not negative
 */
public record ClassGoal(AssetClass assetClass, ClassTarget target, BigDecimal driftWeight) {
  /**
   * Checks that no component is null and the weight is not negative.
   *
   * @param assetClass the class
   * @param target its target weight and bands
   * @param driftWeight the penalty per dollar of drift, not negative
   */
  public ClassGoal {
    Checks.notNull(assetClass, "assetClass");
    Checks.notNull(target, "target");
    Checks.isTrue(
        Checks.notNull(driftWeight, "driftWeight").signum() >= 0,
        "driftWeight",
        driftWeight,
        "must not be negative");
  }
}
