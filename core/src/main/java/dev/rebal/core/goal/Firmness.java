package dev.rebal.core.goal;

/** How sure a liquidity event is. */
public enum Firmness {
  /** Contractually or personally committed: the engine must fund a need in time. */
  COMMITTED,
  /** Expected but not certain: counted in planning, not relied on for needs. */
  EXPECTED
}
