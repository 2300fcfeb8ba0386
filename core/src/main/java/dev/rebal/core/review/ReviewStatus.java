package dev.rebal.core.review;

/** Where a review item stands. Only {@link #PENDING} items can be acted on. */
public enum ReviewStatus {
  /** Waiting for a reviewer. */
  PENDING,
  /** Approved as proposed: the trades may be released. */
  APPROVED,
  /** Rejected: no trades. */
  REJECTED,
  /** Approved with changes the reviewer made (recorded in the note). */
  MODIFIED,
  /** Not acted on in time; the next run proposes afresh. */
  EXPIRED
}
