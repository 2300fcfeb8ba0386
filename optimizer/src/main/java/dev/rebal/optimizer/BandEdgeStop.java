package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;

/**
 * A class that started outside its band and that the band tier ({@link ClassGoal#inBandShare()})
 * left between the band's edge and the mode's interval: trading it on would have cost more than the
 * share of the drift weight charged inside the band (docs/optimizer.md, "The band tier"). The
 * engine explains each one, so a reviewer sees why a class stopped short of the middle of its band.
 * Weights are shares of the optimizer's drift base (the household's value plus an expected inflow,
 * less the cash held for committed needs). This record is immutable and thread-safe.
 *
 * @param assetClass the class
 * @param after its weight after the rounded trades
 * @param target its target weight
 * @param halfWidth its band's half-width
 * @param intervalEdge the edge of the mode's interval on the class's side, where the whole drift
 *     weight would have traded it
 */
public record BandEdgeStop(
    AssetClass assetClass, Weight after, Weight target, Weight halfWidth, Weight intervalEdge) {
  /**
   * Checks that no component is null.
   *
   * @param assetClass the class
   * @param after its weight after the rounded trades
   * @param target its target weight
   * @param halfWidth its band's half-width
   * @param intervalEdge the edge of the mode's interval on the class's side
   */
  public BandEdgeStop {
    Checks.notNull(assetClass, "assetClass");
    Checks.notNull(after, "after");
    Checks.notNull(target, "target");
    Checks.notNull(halfWidth, "halfWidth");
    Checks.notNull(intervalEdge, "intervalEdge");
  }
}
