package dev.rebal.core.allocation;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Weight;

/**
 * One asset class's target weight with its tolerance bands.
 *
 * <p>The absolute band is in weight points (0.05 around 0.60 trades below 0.55 or above 0.65); the
 * relative band is a fraction of the weight (0.20 around 0.60 trades below 0.48 or above 0.72). The
 * effective half-width is the larger of the two, so a small sleeve with a relative band still gets
 * an absolute floor (Daryanani 2008). Ranges are checked by the validator, not here. This record is
 * immutable and thread-safe.
 *
 * @param weight the target weight
 * @param absoluteBand the absolute half-width, in weight points
 * @param relativeBand the relative half-width, as a fraction of the weight
 */
public record ClassTarget(Weight weight, Weight absoluteBand, Weight relativeBand) {
  /**
   * Checks that no component is null.
   *
   * @param weight the target weight
   * @param absoluteBand the absolute half-width, in weight points
   * @param relativeBand the relative half-width, as a fraction of the weight
   */
  public ClassTarget {
    Checks.notNull(weight, "weight");
    Checks.notNull(absoluteBand, "absoluteBand");
    Checks.notNull(relativeBand, "relativeBand");
  }

  /**
   * {@return a target with the given weight and absolute band and no relative band}
   *
   * @param weight the target weight, a plain decimal fraction
   * @param absoluteBand the absolute band's half-width, a plain decimal fraction
   */
  public static ClassTarget of(String weight, String absoluteBand) {
    return new ClassTarget(Weight.of(weight), Weight.of(absoluteBand), Weight.ZERO);
  }

  /**
   * {@return the band's half-width: the larger of the absolute band and relative band times weight}
   */
  public Weight halfWidth() {
    Weight relative = Weight.ofComputed(relativeBand.value().multiply(weight.value()));
    return relative.compareTo(absoluteBand) > 0 ? relative : absoluteBand;
  }
}
