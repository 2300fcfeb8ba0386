package dev.rebal.core.audit;

import dev.rebal.core.internal.Checks;

/**
 * Verifies an audit chain read back from any store: every record's hash matches its content, every
 * record names the hash of the one before, and sequence numbers run from the first one without a
 * gap. A chain may start at any sequence (a partition, a day) if its first previous hash is given.
 *
 * <p>A chain alone cannot show that its end was not cut or rewritten; {@link #verify(Iterable,
 * AuditHead)} also checks it against its head, kept apart from the log ({@link AuditHead}). Records
 * are consumed once, in order, so a log read lazily from disk is verified in constant memory.
 */
public final class AuditChain {
  private AuditChain() {}

  /**
   * Verifies a whole chain that starts at {@link AuditRecord#GENESIS}.
   *
   * @param records the records, in sequence order
   * @return the first broken record and why, or intact
   */
  public static AuditVerification verify(Iterable<AuditRecord> records) {
    return verify(records, AuditRecord.GENESIS);
  }

  /**
   * Verifies a chain whose first record follows a record with hash {@code previousHash}.
   *
   * @param records the records, in sequence order
   * @param previousHash the hash of the record before the first
   * @return the first broken record and why, or intact
   */
  public static AuditVerification verify(Iterable<AuditRecord> records, String previousHash) {
    return walk(records, previousHash, new AuditRecord[1]);
  }

  /** Verifies the chain and leaves its last record in {@code last[0]}. */
  private static AuditVerification walk(
      Iterable<AuditRecord> records, String previousHash, AuditRecord[] last) {
    Checks.notNull(records, "records");
    Checks.notBlank(previousHash, "previousHash");
    String expectedPrevious = previousHash;
    long expectedSequence = -1;
    long checked = 0;
    for (AuditRecord r : records) {
      if (expectedSequence >= 0 && r.sequence() != expectedSequence) {
        return new AuditVerification(
            checked,
            r.sequence(),
            "sequence gap: expected " + expectedSequence + ", was " + r.sequence());
      }
      if (!r.previousHash().equals(expectedPrevious)) {
        return new AuditVerification(
            checked,
            r.sequence(),
            "previous hash does not match the record before: a record is missing or reordered");
      }
      if (!r.hash().equals(r.expectedHash())) {
        return new AuditVerification(
            checked, r.sequence(), "hash does not match the content: the record was altered");
      }
      expectedPrevious = r.hash();
      expectedSequence = r.sequence() + 1;
      checked++;
      last[0] = r;
    }
    return AuditVerification.intact(checked);
  }

  /**
   * Verifies a whole chain that starts at {@link AuditRecord#GENESIS} and checks that it ends
   * exactly at {@code expected}: a log whose last records were removed (or that was emptied), whose
   * records were rewritten with every later hash recomputed, or that goes on after the head, is
   * broken.
   *
   * @param records the records in sequence order
   * @param expected the head taken when the log was written, kept apart from it
   * @return the first broken record and why, or intact
   */
  public static AuditVerification verify(Iterable<AuditRecord> records, AuditHead expected) {
    Checks.notNull(expected, "expected");
    AuditRecord[] last = new AuditRecord[1];
    AuditVerification chain = walk(records, AuditRecord.GENESIS, last);
    if (!chain.isIntact()) {
      return chain;
    }
    AuditHead actual = last[0] == null ? AuditHead.EMPTY : AuditHead.of(last[0]);
    return againstHead(chain.recordsChecked(), actual, expected);
  }

  /** Compares the head a verified chain ends at with the one expected. */
  static AuditVerification againstHead(long checked, AuditHead actual, AuditHead expected) {
    if (actual.sequence() < expected.sequence()) {
      return new AuditVerification(
          checked,
          actual.sequence() + 1,
          "the log ends "
              + (actual.sequence() < 0
                  ? "before its first record"
                  : "at record " + actual.sequence())
              + " but its head is record "
              + expected.sequence()
              + ": records at the end were removed");
    }
    if (actual.sequence() > expected.sequence()) {
      return new AuditVerification(
          checked,
          expected.sequence() + 1,
          "the log goes on after its "
              + "head (record "
              + expected.sequence()
              + "): records "
              + (expected.sequence() + 1)
              + " to "
              + actual.sequence()
              + " were added after the head was taken");
    }
    if (!actual.hash().equals(expected.hash())) {
      return new AuditVerification(
          checked,
          actual.sequence(),
          "the last record's hash "
              + actual.hash()
              + " is not the head's "
              + expected.hash()
              + ": the log was rewritten "
              + "(this record or one before it altered and the later hashes recomputed)");
    }
    return AuditVerification.intact(checked);
  }
}
