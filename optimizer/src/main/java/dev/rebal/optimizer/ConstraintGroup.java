package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;

/**
 * A named group of hard constraints, used to say which constraints conflict.
 *
 * <p>Kinds are stable codes: {@code CASH_FLOOR} (subject: account id), {@code HOLDING_CAP}
 * (security id), {@code GAIN_BUDGET}, {@code SHORT_TERM_GAIN_CAP}, {@code TURNOVER_CAP} (no
 * subject). This record is immutable and thread-safe.
 *
 * @param kind the stable kind code
 * @param subject the account or security it applies to, or empty
 */
public record ConstraintGroup(String kind, String subject) implements Comparable<ConstraintGroup> {
  /**
   * Checks that no component is null.
   *
   * @param kind the stable kind code
   * @param subject the account or security it applies to, or empty
   */
  public ConstraintGroup {
    Checks.notBlank(kind, "kind");
    Checks.notNull(subject, "subject");
  }

  @Override
  public int compareTo(ConstraintGroup o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : subject.compareTo(o.subject);
  }

  /** Returns e.g. {@code CASH_FLOOR[acct-1]} or {@code GAIN_BUDGET}. */
  @Override
  public String toString() {
    return subject.isEmpty() ? kind : kind + "[" + subject + "]";
  }
}
