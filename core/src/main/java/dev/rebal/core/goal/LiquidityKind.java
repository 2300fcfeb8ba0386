package dev.rebal.core.goal;

/** Which way a liquidity event moves cash. */
public enum LiquidityKind {
  /** Cash that must be available by the date (tuition, a house deposit). */
  NEED,
  /** Cash expected to arrive by the date (a home sale, a bonus). */
  INFLOW,
  /** A charitable gift to be made by the date; appreciated lots may be given in kind. */
  GIFT
}
