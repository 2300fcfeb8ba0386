package dev.rebal.core.rule;

/** The named pipeline stages at which rules run, in pipeline order. */
public enum Stage {
  /**
   * Before anything else: a finding makes the household ineligible for this run (held, no trades).
   */
  ELIGIBILITY,
  /** After assessment: each finding is a trigger that fired; no trigger, no trades. */
  TRIGGER,
  /** Before optimization: rules add constraint adjustments (forbid a buy or sale, raise cash). */
  CONSTRAINT,
  /** After verification: each finding is a reason to send the proposal to human review. */
  ROUTING
}
