package dev.rebal.core.audit;

import dev.rebal.core.internal.Checks;

/**
 * Verifies an audit chain read back from any store: every record's hash matches its content, every
 * record names the hash of the one before, and sequence numbers run from the first one without a
 * gap. A chain may start at any sequence (a partition, a day) if its first previous hash is given.
 */
public final class AuditChain {
  private AuditChain() {}

  /** Verifies a whole chain that starts at {@link AuditRecord#GENESIS}. */
  public static AuditVerification verify(Iterable<AuditRecord> records) {
    return verify(records, AuditRecord.GENESIS);
  }

  /**
   * Verifies a chain whose first record follows a record with hash {@code previousHash}.
   *
   * @return the first broken record and why, or intact
   */
  public static AuditVerification verify(Iterable<AuditRecord> records, String previousHash) {
    Checks.notNull(records, "records");
    Checks.notBlank(previousHash, "previousHash");
    String expectedPrevious = previousHash;
    long expectedSequence = -1;
    long checked = 0;
    for (AuditRecord r : records) {
      if (expectedSequence >= 0 && r.sequence() != expectedSequence) {
        return new AuditVerification(checked, r.sequence(),
            "sequence gap: expected " + expectedSequence + ", was " + r.sequence());
      }
      if (!r.previousHash().equals(expectedPrevious)) {
        return new AuditVerification(checked, r.sequence(),
            "previous hash does not match the record before: a record is missing or reordered");
      }
      if (!r.hash().equals(r.expectedHash())) {
        return new AuditVerification(checked, r.sequence(),
            "hash does not match the content: the record was altered");
      }
      expectedPrevious = r.hash();
      expectedSequence = r.sequence() + 1;
      checked++;
    }
    return AuditVerification.intact(checked);
  }
}
