package dev.rebal.core.household;

/** The household's federal filing status; it sets the capital-loss deduction limit. */
public enum FilingStatus {
  /** Single. */
  SINGLE,
  /** Married filing jointly. */
  MARRIED_JOINT,
  /** Married filing separately ($1,500 capital-loss limit instead of $3,000). */
  MARRIED_SEPARATE,
  /** Head of household. */
  HEAD_OF_HOUSEHOLD
}
