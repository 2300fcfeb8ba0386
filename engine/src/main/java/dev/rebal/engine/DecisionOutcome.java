package dev.rebal.engine;

/** How the engine decided a household on one as-of date. */
public enum DecisionOutcome {
  /** Data errors: held with its problems, no trades. */
  ON_HOLD,
  /** An eligibility rule or a skip override excluded it from this run: no trades. */
  INELIGIBLE,
  /** No trigger fired: nothing to do, an empty proposal. */
  NO_TRIGGER,
  /** Triggered, and the proposal may execute without a human (it may be empty). */
  AUTO,
  /** Triggered, and a human must look first: see the routing reasons. */
  REVIEW
}
