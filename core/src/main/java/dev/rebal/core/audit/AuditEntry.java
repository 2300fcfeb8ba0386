package dev.rebal.core.audit;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;

/**
 * What one decision contributes to the audit log, before it is chained: the household, the as-of
 * date, the content hash of the inputs, the rule set's version and hash, the outcome, and the body
 * (the decision's canonical text: triggers, binding constraints, trades with reason codes, tax
 * impact, routing and why), and the version of the inputs encoding the inputs hash was computed
 * over. This record is immutable and thread-safe.
 *
 * <p>The inputs encoding (the canonical text of a household, its as-of date and the reference data
 * it reads, specified in {@code docs/audit-hash.md}) is versioned so that a record stays verifiable
 * after the model grows: a replay recomputes the inputs hash with the encoding the record names.
 * Version {@value #INPUTS_ENCODING} is the only one defined; an entry naming another is refused.
 *
 * @param household the household id
 * @param asOf the as-of date of the decision
 * @param inputsHash the SHA-256 of the canonical inputs (household and market data)
 * @param ruleSetVersion the rule set's semantic version
 * @param ruleSetHash the rule set's content hash
 * @param outcome a stable outcome code, e.g. {@code AUTO}, {@code REVIEW}, {@code ON_HOLD}
 * @param body the decision's canonical text
 * @param inputsEncoding the version of the inputs encoding {@code inputsHash} was computed over
 */
public record AuditEntry(
    String household,
    LocalDate asOf,
    String inputsHash,
    String ruleSetVersion,
    String ruleSetHash,
    String outcome,
    String body,
    int inputsEncoding) {
  /** The version of the inputs encoding this release writes and the only one it reads. */
  public static final int INPUTS_ENCODING = 1;

  /**
   * Checks that every component is present and that the inputs encoding is a known version.
   *
   * @param household the household id
   * @param asOf the as-of date of the decision
   * @param inputsHash the SHA-256 of the canonical inputs (household and market data)
   * @param ruleSetVersion the rule set's semantic version
   * @param ruleSetHash the rule set's content hash
   * @param outcome a stable outcome code, e.g. {@code AUTO}, {@code REVIEW}, {@code ON_HOLD}
   * @param body the decision's canonical text
   * @param inputsEncoding the version of the inputs encoding {@code inputsHash} was computed over
   * @throws IllegalArgumentException naming the component and the value if one is missing, or if
   *     {@code inputsEncoding} is not {@value #INPUTS_ENCODING}
   */
  public AuditEntry {
    Checks.isTrue(
        inputsEncoding == INPUTS_ENCODING,
        "inputsEncoding",
        inputsEncoding,
        "unknown inputs encoding (this release reads version " + INPUTS_ENCODING + ")");
    Checks.notBlank(household, "household");
    Checks.notNull(asOf, "asOf");
    Checks.notBlank(inputsHash, "inputsHash");
    Checks.notBlank(ruleSetVersion, "ruleSetVersion");
    Checks.notBlank(ruleSetHash, "ruleSetHash");
    Checks.notBlank(outcome, "outcome");
    Checks.notNull(body, "body");
  }

  /**
   * Returns an entry whose inputs hash was computed over the current inputs encoding, {@value
   * #INPUTS_ENCODING}.
   *
   * @param household the household id
   * @param asOf the as-of date of the decision
   * @param inputsHash the SHA-256 of the canonical inputs (household and market data)
   * @param ruleSetVersion the rule set's semantic version
   * @param ruleSetHash the rule set's content hash
   * @param outcome a stable outcome code
   * @param body the decision's canonical text
   */
  public AuditEntry(
      String household,
      LocalDate asOf,
      String inputsHash,
      String ruleSetVersion,
      String ruleSetHash,
      String outcome,
      String body) {
    this(household, asOf, inputsHash, ruleSetVersion, ruleSetHash, outcome, body, INPUTS_ENCODING);
  }
}
