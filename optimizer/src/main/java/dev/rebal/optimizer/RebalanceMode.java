package dev.rebal.optimizer;

/**
 * How far the optimizer trades back toward the targets; see {@code docs/optimizer.md} section 2 for
 * the goal interval each mode gives every class.
 */
public enum RebalanceMode {
  /** Penalise every dollar away from the target weight. */
  TO_TARGET,
  /** Penalise only drift outside the band: trade back to the band edge, not further. */
  TO_BAND_EDGE,
  /** Trade back to half way between the band edge and the target (Daryanani 2008). */
  HALFWAY,
  /**
   * Invest excess cash or raise a cash shortfall without other trades: sells only in accounts below
   * their cash floor, buys only with cash above the floor.
   */
  CASH_ONLY,
  /** As {@link #TO_BAND_EDGE}, and sell losses for their tax benefit, buying replacements. */
  TAX_LOSS_HARVEST
}
