package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;

/**
 * The outcome of verifying a proposed list of trades: every violation found, in a deterministic
 * order (by kind, provenance, subject, then trades). An empty list means the proposal passes. This
 * record is immutable and thread-safe.
 *
 * @param violations the violations, empty when compliant
 * @since 0.1
 */
public record VerificationResult(ImmutableList<Violation> violations) {
  /** Checks that no violation is null. */
  public VerificationResult {
    Checks.noNulls(violations, "violations");
  }

  /** Returns whether the proposal breaks nothing. */
  public boolean isCompliant() {
    return violations.isEmpty();
  }

  /** Returns the violations of one kind, in order. */
  public ImmutableList<Violation> violationsOf(ViolationKind kind) {
    Checks.notNull(kind, "kind");
    return violations.stream().filter(v -> v.kind() == kind)
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns the violations that involve the trade at {@code index}, in order. */
  public ImmutableList<Violation> violationsOfTrade(int index) {
    return violations.stream().filter(v -> v.trades().contains(index))
        .collect(ImmutableList.toImmutableList());
  }
}
