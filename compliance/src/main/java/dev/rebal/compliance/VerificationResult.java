package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import java.util.List;

/**
 * The outcome of verifying a proposed list of trades: every violation found, in a deterministic
 * order (by kind, provenance, subject, then trades), and apart from them the breaches that predate
 * the proposal and that it neither causes nor worsens (a cash floor already missed that the
 * proposal does not lower further, a concentration cap already exceeded that it does not raise):
 * those are warnings on the decision, not reasons to hold the proposal back. An empty violation
 * list means the proposal passes. This record is immutable and thread-safe.
 *
 * @param violations the violations, empty when compliant
 * @param preExisting breaches present before the proposal and not made worse by it
 * @since 0.1
 */
public record VerificationResult(List<Violation> violations, List<Violation> preExisting) {
  /**
   * Checks that no violation is null.
   *
   * @param violations the violations, empty when compliant
   * @param preExisting breaches present before the proposal and not made worse by it
   */
  public VerificationResult {
    Checks.noNulls(violations, "violations");
    violations = ImmutableList.copyOf(violations);
    Checks.noNulls(preExisting, "preExisting");
    preExisting = ImmutableList.copyOf(preExisting);
  }

  /**
   * A result with no pre-existing breaches.
   *
   * @param violations the violations, in order
   */
  public VerificationResult(List<Violation> violations) {
    this(violations, ImmutableList.of());
  }

  /** {@return whether the proposal breaks nothing} */
  public boolean isCompliant() {
    return violations.isEmpty();
  }

  /**
   * {@return the violations of one kind, in order}
   *
   * @param kind the kind
   */
  public ImmutableList<Violation> violationsOf(ViolationKind kind) {
    Checks.notNull(kind, "kind");
    return violations.stream()
        .filter(v -> v.kind() == kind)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * {@return the violations that involve the trade at {@code index}, in order}
   *
   * @param index the trade's index in the proposal
   */
  public ImmutableList<Violation> violationsOfTrade(int index) {
    return violations.stream()
        .filter(v -> v.trades().contains(index))
        .collect(ImmutableList.toImmutableList());
  }
}
