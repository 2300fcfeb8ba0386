package dev.rebal.core.audit;

import java.util.List;

/**
 * Where audit records go: an append-only, hash-chained log. Implementations chain each appended
 * entry after the last record and must be safe to call from several threads (appends are
 * serialized). Rebal ships an in-memory sink and a JSON-lines file sink; a database sink implements
 * the same interface.
 */
public interface AuditSink {
  /** Chains {@code entry} after the last record, stores it, and returns the record. */
  AuditRecord append(AuditEntry entry);

  /** Returns every record stored, in sequence order, as read back from the store. */
  List<AuditRecord> records();

  /** Verifies the stored chain as read back. */
  default AuditVerification verify() {
    return AuditChain.verify(records());
  }
}
