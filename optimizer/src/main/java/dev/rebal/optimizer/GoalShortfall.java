package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * A goal the proposal leaves unmet, measured exactly on the rounded trades: how far, in dollars,
 * the household still is from it after the proposal. It is never more than the plain distance to
 * the goal before trading plus what rounding costs (a shortfall the proposal created would be a
 * defect). The engine reports each in the decision; which ones go to review is a routing rule. This
 * record is immutable and thread-safe.
 *
 * @param kind what kind of goal
 * @param subject what it is about: a reserve id and account, an account, a security, a class
 * @param amount the dollars still missing (cash), over the budget or cap, or outside the band
 * @param detail a short explanation for people
 */
public record GoalShortfall(Kind kind, String subject, Money amount, String detail) {
  /** The goals in the order of their priority (docs/optimizer.md). */
  public enum Kind {
    /** A committed liquidity need not fully held in its account. */
    NEED,
    /** An account's cash below its floor. */
    CASH_FLOOR,
    /** Net realised gains above the remaining gain budget. */
    GAIN_BUDGET,
    /** Net short-term gains above the short-term cap. */
    SHORT_TERM_GAIN_CAP,
    /** Buys plus sells above the turnover cap. */
    TURNOVER_CAP,
    /** A security still above its concentration cap (the breach predates the proposal). */
    CONCENTRATION,
    /** An asset class outside its band after the proposal. */
    CLASS_DRIFT,
    /** A goal bucket's asset class outside its band after the proposal. */
    BUCKET_DRIFT
  }

  /**
   * Checks that no component is null and the amount is positive.
   *
   * @param kind what kind of goal
   * @param subject what it is about: a reserve id and account, an account, a security, a class
   * @param amount the dollars still missing (cash), over the budget or cap, or outside the band
   * @param detail a short explanation for people
   */
  public GoalShortfall {
    Checks.notNull(kind, "kind");
    Checks.notNull(subject, "subject");
    Checks.isTrue(
        Checks.notNull(amount, "amount").isPositive(), "amount", amount, "must be positive");
    Checks.notNull(detail, "detail");
  }
}
