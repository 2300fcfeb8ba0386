package dev.rebal.core.household;

/** A member's place in the household; a spouse's purchases count for the wash-sale rule. */
public enum MemberRole {
  /** The primary client. */
  PRIMARY,
  /** The primary client's spouse. */
  SPOUSE,
  /** A dependent, e.g. the beneficiary of an education account. */
  DEPENDENT,
  /** An entity such as a trust. */
  ENTITY
}
