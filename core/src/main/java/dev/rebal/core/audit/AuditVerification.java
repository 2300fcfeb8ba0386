package dev.rebal.core.audit;

import java.util.Optional;

/**
 * The result of verifying an audit chain: intact, or the first broken record with why. This record
 * is immutable and thread-safe.
 *
 * @param recordsChecked how many records were read
 * @param brokenAt the sequence number of the first broken record, or -1 when intact
 * @param reason why it is broken, or empty when intact
 */
public record AuditVerification(long recordsChecked, long brokenAt, String reason) {
  /** Returns an intact result. */
  static AuditVerification intact(long recordsChecked) {
    return new AuditVerification(recordsChecked, -1, "");
  }

  /** {@return whether the chain is intact} */
  public boolean isIntact() {
    return brokenAt < 0;
  }

  /** {@return why the chain is broken, if it is} */
  public Optional<String> problem() {
    return isIntact() ? Optional.empty() : Optional.of("audit record " + brokenAt + ": " + reason);
  }
}
