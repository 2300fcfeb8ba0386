package dev.rebal.tax.harvest;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;

/**
 * The thresholds a lot's unrealized loss must reach to be harvested: at least {@code minLoss}
 * dollars and at least {@code minLossFraction} of the lot's basis (0.05 is 5%). Both must hold.
 * This record is immutable and thread-safe.
 *
 * @param minLoss the minimum loss in dollars (zero or positive)
 * @param minLossFraction the minimum loss as a fraction of basis, in [0, 1]
 * @since 0.1
 */
public record HarvestPolicy(Money minLoss, Weight minLossFraction) {
  /**
   * Checks the ranges.
   *
   * @param minLoss the minimum loss in dollars (zero or positive)
   * @param minLossFraction the minimum loss as a fraction of basis, in [0, 1]
   */
  public HarvestPolicy {
    Checks.notNull(minLoss, "minLoss");
    Checks.isTrue(!minLoss.isNegative(), "minLoss", minLoss, "must not be negative");
    Checks.notNull(minLossFraction, "minLossFraction");
    Checks.isTrue(
        minLossFraction.isFraction(), "minLossFraction", minLossFraction, "must lie in [0, 1]");
  }

  /**
   * {@return the policy with a loss of at least {@code minLoss} dollars and {@code percent}%}
   *
   * @param minLoss the smallest loss worth harvesting, in dollars
   * @param percent the smallest loss worth harvesting, as a percentage of the lot's basis
   */
  public static HarvestPolicy of(String minLoss, String percent) {
    return new HarvestPolicy(Money.usd(minLoss), Weight.percent(percent));
  }
}
