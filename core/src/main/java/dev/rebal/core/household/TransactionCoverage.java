package dev.rebal.core.household;

/**
 * Whether the firm knows every recent transaction of an account. Wash-sale checks on an account
 * whose coverage is incomplete say so instead of claiming safety.
 */
public enum TransactionCoverage {
  /** Every transaction of the last 61 days is in the household's data. */
  COMPLETE,
  /** Some transactions may be missing, e.g. a spouse's account at another firm. */
  INCOMPLETE
}
