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
 * dollar (1 means a dollar of drift is as bad as a dollar of tax). When the mode's interval is
 * narrower than the band (HALFWAY, TO_TARGET), a dollar inside the band but outside the interval
 * costs only {@code inBandShare} of the weight, and the rest of the weight is charged past the
 * band's edge (docs/optimizer.md, "The band tier"): with a small share a class is traded into the
 * middle of its band only as far as that costs no tax, and to its edge when it does. This record is
 * immutable and thread-safe.
 *
 * @param assetClass the class
 * @param target its target weight and bands
 * @param driftWeight the penalty per dollar of drift, not negative
 * @param inBandShare the share of {@code driftWeight} charged inside the band, from 0 to 1
 */
public record ClassGoal(
    AssetClass assetClass, ClassTarget target, BigDecimal driftWeight, BigDecimal inBandShare) {
  /**
   * Checks that no component is null, the weight is not negative and the share is from 0 to 1.
   *
   * @param assetClass the class
   * @param target its target weight and bands
   * @param driftWeight the penalty per dollar of drift, not negative
   * @param inBandShare the share of {@code driftWeight} charged inside the band, from 0 to 1
   */
  public ClassGoal {
    Checks.notNull(assetClass, "assetClass");
    Checks.notNull(target, "target");
    Checks.isTrue(
        Checks.notNull(driftWeight, "driftWeight").signum() >= 0,
        "driftWeight",
        driftWeight,
        "must not be negative");
    Checks.isTrue(
        Checks.notNull(inBandShare, "inBandShare").signum() >= 0
            && inBandShare.compareTo(BigDecimal.ONE) <= 0,
        "inBandShare",
        inBandShare,
        "must be from 0 to 1");
  }

  /**
   * A goal that charges the whole weight from the mode's interval on.
   *
   * @param assetClass the class
   * @param target its target weight and bands
   * @param driftWeight the penalty per dollar of drift, not negative
   */
  public ClassGoal(AssetClass assetClass, ClassTarget target, BigDecimal driftWeight) {
    this(assetClass, target, driftWeight, BigDecimal.ONE);
  }
}
