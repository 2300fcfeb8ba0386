package dev.rebal.core.audit;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;

/**
 * What one decision contributes to the audit log, before it is chained: the household, the as-of
 * date, the content hash of the inputs, the rule set's version and hash, the outcome, and the body
 * (the decision's canonical text: triggers, binding constraints, trades with reason codes, tax
 * impact, routing and why). This record is immutable and thread-safe.
 *
 * @param household the household id
 * @param asOf the as-of date of the decision
 * @param inputsHash the SHA-256 of the canonical inputs (household and market data)
 * @param ruleSetVersion the rule set's semantic version
 * @param ruleSetHash the rule set's content hash
 * @param outcome a stable outcome code, e.g. {@code AUTO}, {@code REVIEW}, {@code ON_HOLD}
 * @param body the decision's canonical text
 */
public record AuditEntry(String household, LocalDate asOf, String inputsHash, String ruleSetVersion,
    String ruleSetHash, String outcome, String body) {
  /** Checks that every component is present. */
  public AuditEntry {
    Checks.notBlank(household, "household");
    Checks.notNull(asOf, "asOf");
    Checks.notBlank(inputsHash, "inputsHash");
    Checks.notBlank(ruleSetVersion, "ruleSetVersion");
    Checks.notBlank(ruleSetHash, "ruleSetHash");
    Checks.notBlank(outcome, "outcome");
    Checks.notNull(body, "body");
  }
}
