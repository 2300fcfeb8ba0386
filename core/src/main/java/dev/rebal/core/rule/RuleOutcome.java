package dev.rebal.core.rule;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import java.util.List;

/**
 * What one rule returned: its findings (triggers, ineligibility or review reasons, by stage) and,
 * at the constraint stage, its adjustments. An outcome with neither is a pass. This record is
 * immutable and thread-safe.
 *
 * @param findings what the rule found
 * @param adjustments the constraint changes it asks for
 */
public record RuleOutcome(List<Finding> findings, List<ConstraintAdjustment> adjustments) {
  private static final RuleOutcome PASS = new RuleOutcome(ImmutableList.of(), ImmutableList.of());

  /**
   * Checks that both lists are present.
   *
   * @param findings what the rule found
   * @param adjustments the constraint changes it asks for
   */
  public RuleOutcome {
    Checks.notNull(findings, "findings");
    findings = ImmutableList.copyOf(findings);
    Checks.notNull(adjustments, "adjustments");
    adjustments = ImmutableList.copyOf(adjustments);
  }

  /** {@return the outcome of a rule that found nothing} */
  public static RuleOutcome pass() {
    return PASS;
  }

  /**
   * {@return an outcome with one finding}
   *
   * @param code the finding's code
   * @param message the finding's message
   */
  public static RuleOutcome found(String code, String message) {
    return new RuleOutcome(ImmutableList.of(new Finding(code, message)), ImmutableList.of());
  }

  /**
   * {@return an outcome with constraint adjustments and one finding per adjustment's reason}
   *
   * @param code the findings' code
   * @param adjustments the adjustments
   */
  public static RuleOutcome adjust(String code, List<? extends ConstraintAdjustment> adjustments) {
    ImmutableList<ConstraintAdjustment> adj = ImmutableList.copyOf(adjustments);
    return new RuleOutcome(
        adj.stream()
            .map(a -> new Finding(code, a.reason()))
            .collect(ImmutableList.toImmutableList()),
        adj);
  }

  /** {@return whether the rule found nothing} */
  public boolean isPass() {
    return findings.isEmpty() && adjustments.isEmpty();
  }
}
