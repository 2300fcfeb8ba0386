package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.util.List;

/**
 * One way a proposed list of trades breaks a restriction or a check: which one, which trades, and
 * by how much.
 *
 * <p>{@link #limit()} and {@link #actual()} are in {@link #unit()} ({@code shares}, {@code USD} or
 * {@code weight}, a fraction); {@link #excess()} is how far past the limit the proposal goes. For a
 * lower bound (cash floor, minimum trade size, zero shares) the limit is the minimum. A trade that
 * must not happen at all has limit zero and its quantity as the actual value. {@link #trades()}
 * holds the indexes (0-based, in the proposal's order) of the trades involved, empty for a position
 * check no trade is singled out for. This record is immutable and thread-safe.
 *
 * @param kind what is broken
 * @param provenance the restriction or built-in check broken
 * @param trades indexes of the trades involved, ascending
 * @param subject what it is about, e.g. {@code A1/ACME} or {@code account A1}
 * @param unit the unit of limit and actual
 * @param limit the largest allowed value
 * @param actual the value the proposal reaches
 * @since 0.1
 */
public record Violation(
    ViolationKind kind,
    Provenance provenance,
    List<Integer> trades,
    String subject,
    String unit,
    BigDecimal limit,
    BigDecimal actual) {
  /**
   * Checks that no component is null.
   *
   * @param kind what is broken
   * @param provenance the restriction or built-in check broken
   * @param trades indexes of the trades involved, ascending
   * @param subject what it is about, e.g. {@code A1/ACME} or {@code account A1}
   * @param unit the unit of limit and actual
   * @param limit the largest allowed value
   * @param actual the value the proposal reaches
   */
  public Violation {
    Checks.notNull(kind, "kind");
    Checks.notNull(provenance, "provenance");
    Checks.noNulls(trades, "trades");
    trades = ImmutableList.copyOf(trades);
    Checks.notBlank(subject, "subject");
    Checks.notBlank(unit, "unit");
    Checks.notNull(limit, "limit");
    Checks.notNull(actual, "actual");
  }

  /**
   * {@return by how much the actual value is on the wrong side of the limit, as a non-negative
   * amount: over an upper bound (shares sold, weight) or under a lower bound (cash floor, minimum
   * trade size, a position below zero)}
   */
  public BigDecimal excess() {
    return actual.subtract(limit).abs();
  }

  /**
   * {@return a one-line description, e.g. {@code DO_NOT_SELL A1/ACME trades [0]: 100 shares ...}}
   */
  public String message() {
    return kind
        + " "
        + subject
        + " trades "
        + trades
        + ": "
        + actual.toPlainString()
        + " "
        + unit
        + " against a limit of "
        + limit.toPlainString()
        + " ["
        + provenance
        + "]";
  }
}
