/**
 * The audit log: every decision as a hash-chained record, so that tampering or a gap is detected by
 * {@link dev.rebal.core.audit.AuditChain#verify}. Sinks are in memory or JSON lines on disk.
 */
package dev.rebal.core.audit;
