package dev.rebal.core.validation;

import dev.rebal.core.internal.Checks;

/**
 * One data problem found in a household: a stable code callers can branch on, a severity, the path
 * of the bad field (e.g. {@code lots[L-17].acquired} or {@code accounts[IRA-1].cashFloor}), the
 * value seen, and a message.
 *
 * <p>Codes are stable and documented in {@code docs/validation.md}; the wording of messages may
 * change. Paths use ids, not client names. This record is immutable and thread-safe.
 *
 * @param code the stable code, e.g. {@code lot.acquired.future}
 * @param severity error (hold the household) or warning
 * @param path the path of the bad field
 * @param value the value seen, as text ({@code "<missing>"} when absent)
 * @param message what the value must satisfy
 */
public record Problem(String code, Severity severity, String path, String value, String message) {
  /**
   * Checks that no component is null or blank.
   *
   * @param code the stable code, e.g. {@code lot.acquired.future}
   * @param severity error (hold the household) or warning
   * @param path the path of the bad field
   * @param value the value seen, as text ({@code "<missing>"} when absent)
   * @param message what the value must satisfy
   */
  public Problem {
    Checks.notBlank(code, "code");
    Checks.notNull(severity, "severity");
    Checks.notBlank(path, "path");
    Checks.notNull(value, "value");
    Checks.notBlank(message, "message");
  }

  /**
   * Returns e.g. {@code lots[L-17].acquired: must not be after the as-of date 2026-06-30, was
   * 2026-07-02 [lot.acquired.future]}.
   */
  @Override
  public String toString() {
    return path + ": " + message + ", was " + value + " [" + code + "]";
  }
}
