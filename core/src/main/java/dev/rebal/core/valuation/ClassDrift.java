package dev.rebal.core.valuation;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;

/**
 * One asset class's drift from its target: the actual weight minus the target weight, and whether
 * that lies outside the class's tolerance band.
 *
 * <p>Drift is signed: positive means overweight. The band is {@link
 * dev.rebal.core.allocation.ClassTarget#halfWidth()}; a class held but not targeted has target and
 * band zero, so any holding of it is out of band. A drift exactly at the band's edge is inside it.
 * This record is immutable and thread-safe.
 *
 * @param assetClass the asset class
 * @param value the value held in the class
 * @param actual the share of household value held in the class
 * @param target the target weight (zero if the class is not targeted)
 * @param halfWidth the band's half-width around the target
 */
public record ClassDrift(
    AssetClass assetClass, Money value, Weight actual, Weight target, Weight halfWidth) {
  /**
   * Checks that no component is null.
   *
   * @param assetClass the asset class
   * @param value the value held in the class
   * @param actual the share of household value held in the class
   * @param target the target weight (zero if the class is not targeted)
   * @param halfWidth the band's half-width around the target
   */
  public ClassDrift {
    Checks.notNull(assetClass, "assetClass");
    Checks.notNull(value, "value");
    Checks.notNull(actual, "actual");
    Checks.notNull(target, "target");
    Checks.notNull(halfWidth, "halfWidth");
  }

  /** {@return the drift: actual minus target weight (positive when overweight)} */
  public Weight drift() {
    return actual.minus(target);
  }

  /** {@return the absolute drift} */
  public Weight absoluteDrift() {
    Weight d = drift();
    return d.isNegative() ? Weight.ZERO.minus(d) : d;
  }

  /** {@return whether the absolute drift exceeds the band's half-width} */
  public boolean isOutOfBand() {
    return absoluteDrift().compareTo(halfWidth) > 0;
  }
}
