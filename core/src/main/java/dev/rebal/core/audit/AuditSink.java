package dev.rebal.core.audit;

import java.util.List;

/**
 * Where audit records go: an append-only, hash-chained log. Implementations chain each appended
 * entry after the last record and must be safe to call from several threads (appends are
 * serialized). Rebal ships an in-memory sink and a JSON-lines file sink; a database sink implements
 * the same interface.
 */
public interface AuditSink {
  /**
   * Chains {@code entry} after the last record, stores it, and returns the record.
   *
   * @param entry the entry
   * @return the record stored
   */
  AuditRecord append(AuditEntry entry);

  /** {@return every record stored, in sequence order, as read back from the store} */
  List<AuditRecord> records();

  /**
   * Verifies the stored chain as read back.
   *
   * @return the first broken record and why, or intact
   */
  default AuditVerification verify() {
    return AuditChain.verify(records());
  }

  /**
   * {@return the head of the stored chain: its last record's sequence and hash ({@link
   * AuditHead#EMPTY} if none)} Keep it apart from the log (a run summary, write-once storage) and
   * check the log against it later with {@link AuditChain#verify(Iterable, AuditHead)}: that
   * detects a log cut at the end or rewritten, which the chain alone cannot. The default reads
   * every record; sinks that know their head override it.
   *
   * @since 0.1.0
   */
  default AuditHead head() {
    List<AuditRecord> all = records();
    return all.isEmpty() ? AuditHead.EMPTY : AuditHead.of(all.get(all.size() - 1));
  }
}
