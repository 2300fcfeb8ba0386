package dev.rebal.compliance;

/**
 * The kinds of contradiction between a household's restrictions and its state that no proposal can
 * resolve; each sends the household to review.
 *
 * @since 0.1
 */
public enum ConflictKind {
  /**
   * A concentration cap is broken and even selling everything that may be sold in scope cannot
   * bring the household under it (do-not-sell, blackout, freeze, held-away, Rule 144).
   */
  CAP_NEEDS_BLOCKED_SALE,
  /**
   * An account is below its cash floor and everything that may be sold in it cannot raise enough,
   * or the account may not be traded at all.
   */
  CASH_FLOOR_NEEDS_BLOCKED_SALE,
  /** A Rule 144 volume limit is in effect but there is no trading volume for the issuer. */
  VOLUME_DATA_MISSING
}
