package dev.rebal.examples;

import dev.rebal.core.RebalException;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.store.jdbc.JdbcAuditSink;
import dev.rebal.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where one run of the main job keeps its audit log and review queue: by default a fresh {@code
 * audit.jsonl} and a write-only queue streamed to {@code review-queue.json} (the run's own); with
 * {@code --state DIR} an embedded H2 database in DIR, and with {@code --state-url URL} a database
 * server (PostgreSQL) reached through the job's connection pool ({@link StatePool}), both kept
 * across runs: a later run appends to the same chain and the same queue. Nothing here holds the log
 * or the queue in memory: counts come from the chain's head, the queue file is streamed, and failed
 * decisions are handed on as they are audited.
 */
final class RunState implements AutoCloseable {
  /** What the database holds after the run. */
  record Totals(String where, long auditRecords, long pending) {}

  /** Thrown when the audit chain in the state database does not verify. */
  static final class BrokenChainException extends RebalException {
    private static final long serialVersionUID = 1L;

    BrokenChainException(String message) {
      super(message);
    }
  }

  private final AuditSink sink;
  private final AuditSink audited;
  private final ReviewQueue queue;
  private final Optional<JsonLinesAuditSink> file;
  private final Optional<StreamedReviewQueue> streamed;
  private final Optional<JdbcStore> store;
  private final Optional<StatePool> pool;
  private final String where;
  private final long firstSequence;

  private RunState(
      AuditSink sink,
      ReviewQueue queue,
      Optional<JsonLinesAuditSink> file,
      Optional<StreamedReviewQueue> streamed,
      Optional<JdbcStore> store,
      Optional<StatePool> pool,
      String where,
      long firstSequence,
      Consumer<AuditRecord> failures) {
    this.sink = sink;
    this.queue = queue;
    this.file = file;
    this.streamed = streamed;
    this.store = store;
    this.pool = pool;
    this.where = where;
    this.firstSequence = firstSequence;
    this.audited =
        new AuditSink() {
          @Override
          public AuditRecord append(AuditEntry entry) {
            AuditRecord r = sink.append(entry);
            if (entry.outcome().equals("FAILED")) {
              failures.accept(r);
            }
            return r;
          }

          @Override
          public List<AuditRecord> records() {
            return sink.records();
          }

          @Override
          public AuditVerification verify() {
            return sink.verify();
          }

          @Override
          public AuditHead head() {
            return sink.head();
          }
        };
  }

  /**
   * Opens the state the options ask for.
   *
   * @param auditFile the audit log file of a run without a database
   * @param work a scratch folder for the queue's work files
   * @param failures receives every FAILED decision's record as it is audited
   * @throws BrokenChainException if the database's audit chain is already broken
   * @throws dev.rebal.store.jdbc.StoreException if the database cannot be opened
   */
  static RunState open(
      RebalMain.Options options, Path auditFile, Path work, Consumer<AuditRecord> failures) {
    if (options.state == null && options.stateUrl == null) {
      JsonLinesAuditSink sink = JsonLinesAuditSink.open(auditFile);
      StreamedReviewQueue q = new StreamedReviewQueue(sink, work);
      return new RunState(
          sink,
          q,
          Optional.of(sink),
          Optional.of(q),
          Optional.empty(),
          Optional.empty(),
          auditFile.toString(),
          0,
          failures);
    }
    // a database server is reached through the job's connection pool (StatePool)
    Optional<StatePool> pool =
        options.stateUrl != null
            ? Optional.of(StatePool.open(options.stateUrl, options.threads))
            : Optional.empty();
    JdbcStore store;
    try {
      store =
          pool.isPresent()
              ? JdbcStore.open(pool.get().dataSource())
              : JdbcStore.openEmbedded(options.state);
    } catch (RuntimeException e) {
      pool.ifPresent(StatePool::close);
      throw e;
    }
    try {
      JdbcAuditSink sink = store.auditSink();
      AuditVerification v = sink.verify();
      if (!v.isIntact()) {
        throw new BrokenChainException(
            "state: the audit chain is broken, refusing to append to "
                + "it: "
                + v.problem().orElseThrow());
      }
      String where =
          (options.state != null ? options.state.toString() : "--state-url")
              + " ("
              + store.database()
              + ")";
      return new RunState(
          sink,
          store.reviewQueue(),
          Optional.empty(),
          Optional.empty(),
          Optional.of(store),
          pool,
          where,
          sink.nextSequence(),
          failures);
    } catch (RuntimeException e) {
      store.close();
      pool.ifPresent(StatePool::close);
      throw e;
    }
  }

  /** The audit sink the run appends to. */
  AuditSink audit() {
    return audited;
  }

  ReviewQueue queue() {
    return queue;
  }

  /** The head of the chain now: the anchor to keep apart from the log. */
  AuditHead head() {
    return sink.head();
  }

  /** How many audit records this run appended. */
  long recordsThisRun() {
    return sink.head().records() - firstSequence;
  }

  /**
   * Makes every record appended durable: the log file is forced to disk (a database has made each
   * commit durable before acknowledging it).
   */
  void sync() {
    file.ifPresent(JsonLinesAuditSink::sync);
  }

  /** Streams the pending review items to {@code out}; returns how many. */
  long writeReviewQueue(Path out, Path work) throws IOException {
    if (streamed.isPresent()) {
      return ReviewQueueFile.write(out, work, streamed.get()::forEachPending);
    }
    return ReviewQueueFile.write(
        out, work, a -> store.orElseThrow().reviewQueue().forEachPending(a));
  }

  /**
   * What a database holds now, with its chain verified; empty for the file default.
   *
   * @throws BrokenChainException if the chain no longer verifies
   */
  Optional<Totals> totals(long pending) {
    if (store.isEmpty()) {
      return Optional.empty();
    }
    AuditVerification v = store.get().auditSink().verify();
    if (!v.isIntact()) {
      throw new BrokenChainException(
          "state: the audit chain does not verify after the run: " + v.problem().orElseThrow());
    }
    return Optional.of(new Totals(where, v.recordsChecked(), pending));
  }

  @Override
  public void close() throws IOException {
    try {
      if (streamed.isPresent()) {
        streamed.get().close();
      }
    } finally {
      file.ifPresent(JsonLinesAuditSink::close);
      try {
        store.ifPresent(JdbcStore::close);
      } finally {
        pool.ifPresent(StatePool::close);
      }
    }
  }
}
