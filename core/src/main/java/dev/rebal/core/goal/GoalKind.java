package dev.rebal.core.goal;

/** What a goal is for; it sets the default glide path and how a shortfall is reported. */
public enum GoalKind {
  /** Retirement income. */
  RETIREMENT,
  /** Tuition and other education costs. */
  EDUCATION,
  /** A home purchase. */
  HOME_PURCHASE,
  /** Wealth left to heirs or charity. */
  LEGACY,
  /** An emergency reserve, held in cash-like assets. */
  EMERGENCY_RESERVE,
  /** Anything else. */
  OTHER
}
