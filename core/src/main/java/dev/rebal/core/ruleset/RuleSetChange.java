package dev.rebal.core.ruleset;

import java.util.Optional;

/**
 * One difference between two rule sets: a rule or parameter added, removed or changed. This record
 * is immutable and thread-safe.
 *
 * @param key {@code rule:<id>} or {@code param:<name>}
 * @param before the old value, or empty if added
 * @param after the new value, or empty if removed
 */
public record RuleSetChange(String key, Optional<String> before, Optional<String> after) {
  /**
   * Returns e.g. {@code param:trigger.threshold.tolerance 0.001 -> 0.002}, with {@code -} for an
   * absent side.
   */
  @Override
  public String toString() {
    return key + " " + before.orElse("-") + " -> " + after.orElse("-");
  }
}
