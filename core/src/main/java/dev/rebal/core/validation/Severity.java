package dev.rebal.core.validation;

/** How serious a data problem is. */
public enum Severity {
  /** The household is put on hold: no trades are generated from data that does not add up. */
  ERROR,
  /** Reported and routed to review where the rule set says so, but the household is rebalanced. */
  WARNING
}
