package dev.rebal.core.rule;

import dev.rebal.core.internal.Checks;

/**
 * One thing a rule found: a stable reason code (e.g. {@code trigger.threshold}) and a message for
 * the reviewer and the audit record. This record is immutable and thread-safe.
 *
 * @param code the stable reason code
 * @param message what was found, with the figures
 */
public record Finding(String code, String message) {
  /**
   * Checks that both are present.
   *
   * @param code the stable reason code
   * @param message what was found, with the figures
   */
  public Finding {
    Checks.notBlank(code, "code");
    Checks.notBlank(message, "message");
  }

  /** Returns {@code code: message}. */
  @Override
  public String toString() {
    return code + ": " + message;
  }
}
