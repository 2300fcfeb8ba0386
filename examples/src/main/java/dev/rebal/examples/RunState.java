package dev.rebal.examples;

import dev.rebal.core.RebalException;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.review.InMemoryReviewQueue;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.store.jdbc.JdbcAuditSink;
import dev.rebal.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where one run of the main job keeps its audit log and review queue: by default a fresh {@code
 * audit.jsonl} in the output folder and a queue in memory (the run's own); with {@code --state DIR}
 * an embedded H2 database in DIR, and with {@code --state-url URL} a database server (PostgreSQL),
 * both kept across runs: a later run appends to the same chain and the same queue.
 */
final class RunState implements AutoCloseable {
  /** What the database holds after the run. */
  record Totals(String where, long auditRecords, int pending) {}

  private final AuditSink audit;
  private final ReviewQueue queue;
  private final Optional<JsonLinesAuditSink> file;
  private final Optional<JdbcStore> store;
  private final String where;
  private final long firstSequence;

  private RunState(AuditSink audit, ReviewQueue queue, Optional<JsonLinesAuditSink> file,
      Optional<JdbcStore> store, String where, long firstSequence) {
    this.audit = audit;
    this.queue = queue;
    this.file = file;
    this.store = store;
    this.where = where;
    this.firstSequence = firstSequence;
  }

  /**
   * Opens the state the options ask for.
   *
   * @throws RebalException if the database cannot be opened or its audit chain is already broken
   */
  static RunState open(RebalMain.Options options, Path auditFile) {
    if (options.state == null && options.stateUrl == null) {
      JsonLinesAuditSink sink = JsonLinesAuditSink.open(auditFile);
      return new RunState(sink, new InMemoryReviewQueue(sink), Optional.of(sink),
          Optional.empty(), auditFile.toString(), 0);
    }
    JdbcStore store = options.state != null ? JdbcStore.openEmbedded(options.state)
        : JdbcStore.open(options.stateUrl);
    try {
      JdbcAuditSink sink = store.auditSink();
      AuditVerification v = sink.verify();
      if (!v.isIntact()) {
        throw new RebalException("state: the audit chain is broken, refusing to append to it: "
            + v.problem().orElseThrow());
      }
      String where = (options.state != null ? options.state.toString() : "--state-url") + " ("
          + store.database() + ")";
      return new RunState(sink, store.reviewQueue(), Optional.empty(), Optional.of(store), where,
          sink.nextSequence());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  AuditSink audit() {
    return audit;
  }

  ReviewQueue queue() {
    return queue;
  }

  /** The audit records this run appended. */
  List<AuditRecord> thisRun() {
    return store.isPresent() ? store.get().auditSink().recordsFrom(firstSequence)
        : audit.records();
  }

  /**
   * What a database holds now, with its chain verified; empty for the file and memory default.
   *
   * @throws RebalException if the chain no longer verifies
   */
  Optional<Totals> totals() {
    if (store.isEmpty()) {
      return Optional.empty();
    }
    JdbcAuditSink sink = store.get().auditSink();
    AuditVerification v = sink.verify();
    if (!v.isIntact()) {
      throw new RebalException("state: the audit chain does not verify after the run: "
          + v.problem().orElseThrow());
    }
    return Optional.of(new Totals(where, v.recordsChecked(), queue.pending().size()));
  }

  @Override
  public void close() {
    file.ifPresent(JsonLinesAuditSink::close);
    store.ifPresent(JdbcStore::close);
  }
}
