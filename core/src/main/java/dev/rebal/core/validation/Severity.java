package dev.rebal.core.validation;

/** How serious a data problem is. */
public enum Severity {
  /** The household is put on hold: no trades are generated from data that does not add up. */
  ERROR,
  /** Reported and routed to review where the rule set says so, but the household is rebalanced. */
  WARNING,
  /**
   * Information only: reported with the household's problems, never routed to review (an expired
   * restriction is history, not a data fault).
   */
  INFO
}
