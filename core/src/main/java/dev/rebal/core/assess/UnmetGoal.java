package dev.rebal.core.assess;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * A goal a proposal leaves unmet, with the dollars still missing: the proposal made as much
 * progress as the hard rules and the higher-priority goals allow, and this is what is left. Kinds
 * are stable codes ({@code NEED}, {@code CASH_FLOOR}, {@code GAIN_BUDGET}, {@code
 * SHORT_TERM_GAIN_CAP}, {@code TURNOVER_CAP}, {@code CONCENTRATION}, {@code CLASS_DRIFT}); whether
 * one sends the proposal to review is the routing rule {@code route.unmet-goal}'s decision. This
 * record is immutable and thread-safe.
 *
 * @param kind the goal's kind code
 * @param subject what it is about (a need and its account, an account, a security, a class)
 * @param amount the dollars still missing, over the limit, or outside the band
 * @param detail a short explanation
 */
public record UnmetGoal(String kind, String subject, Money amount, String detail) {
  /**
   * Checks that no component is null.
   *
   * @param kind the goal's kind code
   * @param subject what it is about (a need and its account, an account, a security, a class)
   * @param amount the dollars still missing, over the limit, or outside the band
   * @param detail a short explanation
   */
  public UnmetGoal {
    Checks.notBlank(kind, "kind");
    Checks.notNull(subject, "subject");
    Checks.notNull(amount, "amount");
    Checks.notNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + " " + subject + " " + amount.amount().toPlainString() + ": " + detail;
  }
}
