package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.InMemoryAuditSink;
import dev.rebal.core.review.InMemoryReviewQueue;
import dev.rebal.core.review.ReviewConflictException;
import dev.rebal.core.review.ReviewItem;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.core.review.ReviewStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database must show, run against each one: H2 always, PostgreSQL when it is
 * installed. Each test gets a new, empty database (or schema). Faults are real: rows edited behind
 * the store's back with SQL, constraints added, connections closed or their server process
 * terminated mid-transaction.
 */
abstract class StoreContract {
  static final LocalDate D1 = LocalDate.of(2026, 6, 26);
  static final LocalDate D2 = LocalDate.of(2026, 6, 29);
  static final LocalDate D3 = LocalDate.of(2026, 6, 30);

  FaultyDataSource faulty;
  JdbcStore store;
  JdbcReviewQueue queue;
  JdbcAuditSink audit;

  /** A new, empty database for one test. */
  abstract DataSource freshDatabase() throws Exception;

  /** Kills a connection the way this database can: close it, or terminate its server process. */
  abstract void kill(Connection victim) throws SQLException;

  /** Releases the test's database. */
  void releaseDatabase() throws Exception {}

  @BeforeEach
  void openStore() throws Exception {
    faulty = new FaultyDataSource(freshDatabase(), this::kill);
    store = JdbcStore.open(faulty.dataSource());
    queue = store.reviewQueue();
    audit = store.auditSink();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
    }
    releaseDatabase();
  }

  /** Runs SQL behind the store's back, on a connection of its own, committed at once. */
  void sql(String statement) throws SQLException {
    try (Connection c = faulty.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  static AuditEntry entry(int i) {
    return new AuditEntry(
        "HH-" + i,
        D2,
        AuditRecord.sha256Hex("inputs " + i),
        "1.0.0",
        "rs-hash",
        "AUTO",
        "decision " + i + "\ntrades: none");
  }

  // ---- the review queue ----

  @Test
  void submit_thenFind_returnsTheStoredItem() {
    // when
    ReviewItem item =
        queue.submit(
            "HH-1", D2, 1, Set.of("review.tax", "review.turnover"), "sell 100 X\nbuy 50 Y");

    // then
    assertThat(item.id()).isEqualTo("R-1");
    assertThat(queue.find("R-1")).contains(item);
    assertThat(item.reasons()).containsExactly("review.tax", "review.turnover");
    assertThat(queue.find("R-2")).isEmpty();
    assertThat(queue.find("not-an-id")).isEmpty();
  }

  @Test
  void pending_ordersByPriorityThenAgeThenId() {
    // given
    queue.submit("HH-1", D3, 2, Set.of("review.turnover"), "a");
    queue.submit("HH-2", D3, 1, Set.of("review.tax"), "b");
    queue.submit("HH-3", D2, 2, Set.of("review.turnover", "review.tax"), "c");
    ReviewItem done = queue.submit("HH-4", D1, 1, Set.of("review.turnover"), "d");
    queue.reject(done.id(), 0, "rev", "no", D3);

    // then
    assertThat(queue.pending())
        .extracting(ReviewItem::household)
        .containsExactly("HH-2", "HH-3", "HH-1");
    assertThat(queue.pendingByReason("review.turnover"))
        .extracting(ReviewItem::id)
        .containsExactly("R-3", "R-1");
    assertThat(queue.pendingByReason("review.tax"))
        .extracting(ReviewItem::id)
        .containsExactly("R-2", "R-3");
    assertThat(queue.pendingByReason("review.none")).isEmpty();
  }

  @Test
  void byHousehold_returnsAllItemsInSubmissionOrder() {
    // given
    ReviewItem first = queue.submit("HH-1", D1, 2, Set.of("a"), "x");
    queue.submit("HH-2", D1, 1, Set.of("a"), "y");
    ReviewItem second = queue.submit("HH-1", D2, 1, Set.of("b"), "z");
    ReviewItem approved = queue.approve(first.id(), 0, "rev", "ok", D2);

    // then
    assertThat(queue.byHousehold("HH-1")).containsExactly(approved, second);
    assertThat(queue.byHousehold("HH-9")).isEmpty();
  }

  @Test
  void pendingOlderThan_returnsOldPendingItemsOldestFirst() {
    // given
    queue.submit("HH-1", D2, 2, Set.of("a"), "x");
    queue.submit("HH-2", D3, 1, Set.of("a"), "y");
    queue.submit("HH-3", D2, 1, Set.of("a"), "z");
    queue.submit("HH-4", D1, 2, Set.of("a"), "w");

    // when
    List<ReviewItem> old = queue.pendingOlderThan(D3);

    // then
    assertThat(old).extracting(ReviewItem::household).containsExactly("HH-4", "HH-3", "HH-1");
  }

  @Test
  void actions_changeTheItemAndAreAuditedInAnIntactChain() {
    // given
    ReviewItem a = queue.submit("HH-1", D1, 1, Set.of("review.restricted"), "sell ACME");
    ReviewItem b = queue.submit("HH-2", D1, 1, Set.of("review.tax"), "sell X");
    ReviewItem c = queue.submit("HH-3", D2, 2, Set.of("review.tax"), "sell Y");

    // when
    ReviewItem assigned = queue.assign(a.id(), 0, "rev.a", D2);
    ReviewItem modified = queue.modify(a.id(), assigned.version(), "rev.a", "halve the sale", D3);
    ReviewItem rejected = queue.reject(b.id(), 0, "rev.b", "not now", D3);
    List<ReviewItem> expired = queue.expireBefore(D3, D3);

    // then
    assertThat(modified)
        .extracting(
            ReviewItem::status,
            ReviewItem::assignee,
            ReviewItem::decidedBy,
            ReviewItem::note,
            ReviewItem::version)
        .containsExactly(ReviewStatus.MODIFIED, "rev.a", "rev.a", "halve the sale", 2L);
    assertThat(rejected.status()).isEqualTo(ReviewStatus.REJECTED);
    assertThat(expired)
        .extracting(ReviewItem::id, ReviewItem::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(c.id(), ReviewStatus.EXPIRED));
    assertThat(queue.find(a.id())).contains(modified);
    assertThat(queue.pending()).isEmpty();
    assertThat(audit.records())
        .extracting(r -> r.entry().outcome())
        .containsExactly(
            "REVIEW_SUBMITTED",
            "REVIEW_SUBMITTED",
            "REVIEW_SUBMITTED",
            "REVIEW_ASSIGNED",
            "REVIEW_MODIFIED",
            "REVIEW_REJECTED",
            "REVIEW_EXPIRED");
    assertThat(audit.records().get(4).entry().body()).contains("note=halve the sale");
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void actions_writeTheSameAuditRecordsAsTheInMemoryQueue() {
    // given
    InMemoryAuditSink memoryAudit = new InMemoryAuditSink();
    ReviewQueue memory = new InMemoryReviewQueue(memoryAudit);

    // when
    for (ReviewQueue q : List.of(memory, queue)) {
      q.submit("HH-1", D1, 1, Set.of("review.tax", "review.conflict"), "sell X\nbuy Y");
      q.submit("HH-2", D2, 2, Set.of("review.turnover"), "sell Z");
      q.assign("R-1", 0, "rev.a", D2);
      q.approve("R-1", 1, "rev.a", "fine", D3);
      q.expireBefore(D3, D3);
    }

    // then: same items, and the same chain hash for hash
    assertThat(queue.byHousehold("HH-1")).isEqualTo(memory.byHousehold("HH-1"));
    assertThat(queue.byHousehold("HH-2")).isEqualTo(memory.byHousehold("HH-2"));
    assertThat(audit.records()).isEqualTo(memoryAudit.records());
  }

  @Test
  void approve_secondApprovalOfTheSameVersion_isRefusedAndTheFirstIsKept() {
    // given
    ReviewItem item = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell 100 X");
    ReviewItem approved = queue.approve(item.id(), 0, "rev.a", "ok", D2);

    // when / then
    assertThatThrownBy(() -> queue.approve(item.id(), 0, "rev.b", "me too", D2))
        .isInstanceOf(ReviewConflictException.class)
        .hasMessage(
            "review[R-1].version: expected 0 (the version the reviewer saw), was 1: "
                + "someone else acted on it first");
    assertThat(queue.find(item.id())).contains(approved);
    assertThat(audit.records())
        .extracting(r -> r.entry().outcome())
        .containsExactly("REVIEW_SUBMITTED", "REVIEW_APPROVED");
    assertThat(audit.records().get(1).entry().body()).contains("actor=rev.a");
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void approve_onADecidedOrUnknownItem_isRefused() {
    // given
    ReviewItem item = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell 100 X");
    queue.expireBefore(D3, D3);

    // then
    assertThatThrownBy(() -> queue.approve(item.id(), 1, "rev", "", D3))
        .isInstanceOf(ReviewConflictException.class)
        .hasMessage("review[R-1].status: must be PENDING to act on, was EXPIRED");
    assertThatThrownBy(() -> queue.approve("R-77", 0, "rev", "", D3))
        .isInstanceOf(ReviewConflictException.class)
        .hasMessage("review[R-77]: no such item");
  }

  @Test
  void approve_twoReviewersAtOnce_exactlyOneWins() throws Exception {
    // given
    int reviewers = 4;
    List<ReviewItem> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(queue.submit("HH-" + i, D2, 1, Set.of("review.tax"), "sell " + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(reviewers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> wins = new ArrayList<>();

    // when: every reviewer tries to approve every item at version 0
    for (int r = 0; r < reviewers; r++) {
      String reviewer = "rev." + r;
      wins.add(
          pool.submit(
              () -> {
                go.await();
                int won = 0;
                for (ReviewItem item : items) {
                  try {
                    queue.approve(item.id(), 0, reviewer, "", D2);
                    won++;
                  } catch (ReviewConflictException e) {
                    // another reviewer was first
                  }
                }
                return won;
              }));
    }
    go.countDown();
    int total = 0;
    for (Future<Integer> f : wins) {
      total += f.get();
    }
    pool.shutdown();

    // then: one approval per item, each with its audit record, and the chain intact
    assertThat(total).isEqualTo(items.size());
    assertThat(queue.pending()).isEmpty();
    assertThat(audit.records())
        .filteredOn(r -> r.entry().outcome().equals("REVIEW_APPROVED"))
        .hasSize(items.size());
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void submit_idTakenBehindTheStoresBack_failsNamingTheKeyAndLosesNothing() throws Exception {
    // given: R-1 submitted, then a row with the next id inserted directly
    ReviewItem first = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell X");
    sql(
        "INSERT INTO review_item (id, household, as_of, priority, explanation, status, assignee, "
            + "decided_by, note, version) VALUES (2, 'HH-X', DATE '2026-06-29', 1, 'imported', "
            + "'PENDING', '', '', '', 0)");
    sql("INSERT INTO review_reason (item_id, reason) VALUES (2, 'imported')");

    // when / then
    assertThatThrownBy(() -> queue.submit("HH-2", D2, 1, Set.of("review.tax"), "sell Y"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("review[R-2]: the id already exists (key review_item_pk)")
        .hasMessageContaining("nothing of it was written");
    assertThat(queue.find(first.id())).contains(first);
    assertThat(queue.byHousehold("HH-2")).isEmpty();
    assertThat(audit.records()).hasSize(1);
    assertThat(audit.verify().isIntact()).isTrue();
    // and the next submit takes the next id
    assertThat(queue.submit("HH-2", D2, 1, Set.of("review.tax"), "sell Y").id()).isEqualTo("R-3");
  }

  @Test
  void approve_whenTheAuditInsertFails_theApprovalDoesNotLand() throws Exception {
    // given: the database refuses approval records
    ReviewItem item = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell X");
    sql(
        "ALTER TABLE audit_record ADD CONSTRAINT test_no_approval "
            + "CHECK (outcome <> 'REVIEW_APPROVED')");

    // when / then
    assertThatThrownBy(() -> queue.approve(item.id(), 0, "rev.a", "ok", D2))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("review approved R-1: a constraint was violated")
        .hasMessageContaining("rolled back")
        .satisfies(
            e ->
                assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                    .contains("test_no_approval"));
    assertThat(queue.find(item.id())).contains(item);
    assertThat(audit.records()).hasSize(1);

    // and once the database accepts it, the same version is approved
    sql("ALTER TABLE audit_record DROP CONSTRAINT test_no_approval");
    assertThat(queue.approve(item.id(), 0, "rev.a", "ok", D2).status())
        .isEqualTo(ReviewStatus.APPROVED);
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void approve_connectionKilledBeforeTheAuditRecord_nothingLands() {
    // given
    ReviewItem item = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell X");

    // when: statements of approve are 1 read, 2 update, 3 lock head, 4 insert record: kill at 4
    faulty.killOnStatement(4);

    // then
    assertThatThrownBy(() -> queue.approve(item.id(), 0, "rev.a", "ok", D2))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("review approved R-1: the connection to the database was lost")
        .hasMessageContaining("nothing of it was written");
    assertThat(queue.find(item.id())).contains(item);
    assertThat(audit.records()).hasSize(1);
    assertThat(queue.approve(item.id(), 0, "rev.a", "ok", D2).version()).isEqualTo(1);
    assertThat(audit.verify().isIntact()).isTrue();
  }

  // ---- the audit log ----

  @Test
  void append_thenRecords_readsTheChainBackInOrder() {
    // when
    List<AuditRecord> appended = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      appended.add(audit.append(entry(i)));
    }

    // then
    assertThat(audit.records()).isEqualTo(appended);
    assertThat(appended).extracting(AuditRecord::sequence).containsExactly(0L, 1L, 2L);
    assertThat(appended.get(0).previousHash()).isEqualTo(AuditRecord.GENESIS);
    assertThat(appended.get(2).previousHash()).isEqualTo(appended.get(1).hash());
    assertThat(audit.verify()).isEqualTo(new AuditVerification(3, -1, ""));
  }

  @Test
  void recordsFrom_returnsWhatWasAppendedSinceTheGivenSequence() {
    // given
    audit.append(entry(0));
    long start = audit.nextSequence();
    AuditRecord a = audit.append(entry(1));
    AuditRecord b = audit.append(entry(2));

    // then
    assertThat(start).isEqualTo(1);
    assertThat(audit.recordsFrom(start)).containsExactly(a, b);
    assertThat(audit.recordsFrom(3)).isEmpty();
    assertThat(audit.nextSequence()).isEqualTo(3);
  }

  @Test
  void append_fromManyThreadsAndTwoStores_neverForksTheChain() throws Exception {
    // given: a second store on the same database, as a second process would have
    try (JdbcStore other = JdbcStore.open(faulty.dataSource())) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();

      // when
      for (int t = 0; t < 4; t++) {
        JdbcAuditSink sink = t % 2 == 0 ? audit : other.auditSink();
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < 15; i++) {
                    sink.append(entry(thread * 100 + i));
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
    }

    // then
    assertThat(audit.records())
        .extracting(AuditRecord::sequence)
        .containsExactlyElementsOf(LongStream.range(0, 60).boxed().toList());
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void append_recordInsertedBehindTheStoresBack_failsNamingTheSequenceAndForksNothing()
      throws Exception {
    // given: two records, then a third inserted directly at the next sequence
    audit.append(entry(0));
    AuditRecord last = audit.append(entry(1));
    AuditRecord rogue = AuditRecord.chain(2, last.hash(), entry(99));
    sql(
        "INSERT INTO audit_record (sequence, previous_hash, household, as_of, inputs_hash, "
            + "rule_set_version, rule_set_hash, outcome, body, hash) VALUES (2, '"
            + last.hash()
            + "', 'HH-99', DATE '2026-06-29', 'x', 'x', 'x', 'AUTO', 'rogue', '"
            + rogue.hash()
            + "')");

    // when / then
    assertThatThrownBy(() -> audit.append(entry(2)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("audit_record[sequence=2]: a record already exists at this sequence")
        .hasMessageContaining("nothing of it was written");
    assertThat(audit.records()).hasSize(3);
    assertThat(audit.records().subList(0, 2)).extracting(AuditRecord::hash).endsWith(last.hash());
    // the rogue record does not verify either: its content does not match its hash
    assertThat(audit.verify().brokenAt()).isEqualTo(2);
  }

  @Test
  void append_connectionKilledMidBatch_failsClearlyAndKeepsEveryCommittedRecord() {
    // given: a batch of ten, the sixth append's connection killed after it locked the head
    List<AuditRecord> committed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      committed.add(audit.append(entry(i)));
    }
    faulty.killOnStatement(2);

    // when / then
    assertThatThrownBy(() -> audit.append(entry(5)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(
            "audit append (household HH-5): the connection to the database was " + "lost or closed")
        .hasMessageContaining("everything committed before is kept");
    assertThat(audit.records()).isEqualTo(committed);
    assertThat(audit.verify().isIntact()).isTrue();

    // and the batch goes on where it stopped, on a new connection
    for (int i = 5; i < 10; i++) {
      audit.append(entry(i));
    }
    assertThat(audit.records()).hasSize(10);
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void verify_bodyEditedWithSql_namesThatRecord() throws Exception {
    // given
    for (int i = 0; i < 5; i++) {
      audit.append(entry(i));
    }

    // when
    sql("UPDATE audit_record SET body = 'decision 2\ntrades: none, honest' WHERE sequence = 2");

    // then
    AuditVerification v = audit.verify();
    assertThat(v.brokenAt()).isEqualTo(2);
    assertThat(v.problem())
        .contains("audit record 2: hash does not match the content: the record was altered");
  }

  @Test
  void verify_hashEditedWithSql_namesThatRecord() throws Exception {
    // given
    for (int i = 0; i < 5; i++) {
      audit.append(entry(i));
    }

    // when
    sql("UPDATE audit_record SET hash = '" + "f".repeat(64) + "' WHERE sequence = 3");

    // then
    assertThat(audit.verify().brokenAt()).isEqualTo(3);
  }

  @Test
  void verify_rowDeletedWithSql_namesTheGap() throws Exception {
    // given
    for (int i = 0; i < 5; i++) {
      audit.append(entry(i));
    }

    // when
    sql("DELETE FROM audit_record WHERE sequence = 2");

    // then
    assertThat(audit.verify().problem())
        .contains("audit record 3: sequence gap: expected 2, was 3");
  }

  @Test
  void verify_lastRowDeletedWithSql_namesIt() throws Exception {
    // given
    for (int i = 0; i < 5; i++) {
      audit.append(entry(i));
    }

    // when
    sql("DELETE FROM audit_record WHERE sequence = 4");

    // then
    AuditVerification v = audit.verify();
    assertThat(v.brokenAt()).isEqualTo(4);
    assertThat(v.problem().orElseThrow()).contains("records at the end are missing");
  }

  @Test
  void verifyAnchored_lastRowDeletedAndHeadRowMovedBack_isNamedAgainstTheAnchor() throws Exception {
    // given: five records, the head kept outside the database
    for (int i = 0; i < 5; i++) {
      audit.append(entry(i));
    }
    AuditHead anchor = audit.head();
    assertThat(anchor.sequence()).isEqualTo(4);

    // when: the last record deleted and the head row moved back to match
    String previous = audit.records().get(3).hash();
    sql("DELETE FROM audit_record WHERE sequence = 4");
    sql("UPDATE audit_head SET next_sequence = 4, last_hash = '" + previous + "'");

    // then: the chain and its head row agree; the anchor does not
    assertThat(audit.verify().isIntact()).isTrue();
    AuditVerification v = audit.verify(anchor);
    assertThat(v.isIntact()).isFalse();
    assertThat(v.problem().orElseThrow())
        .contains(
            "the chain ends at record 3 but the anchored "
                + "head is record 4: records at the end were removed");
  }

  @Test
  void verifyAnchored_tailRewrittenWithRecomputedHashes_isNamedAgainstTheAnchor() throws Exception {
    // given
    for (int i = 0; i < 3; i++) {
      audit.append(entry(i));
    }
    AuditHead anchor = audit.head();
    // when: record 2 replaced by a forged one chained properly, head row moved along
    AuditRecord forged = AuditRecord.chain(2, audit.records().get(1).hash(), entry(99));
    sql("DELETE FROM audit_record WHERE sequence = 2");
    sql(
        "INSERT INTO audit_record (sequence, previous_hash, household, as_of, inputs_hash, "
            + "rule_set_version, rule_set_hash, outcome, body, hash) VALUES (2, '"
            + forged.previousHash()
            + "', 'HH-99', DATE '"
            + D2
            + "', '"
            + forged.entry().inputsHash()
            + "', '1.0.0', 'rs-hash', 'AUTO', '"
            + forged.entry().body()
            + "', '"
            + forged.hash()
            + "')");
    sql("UPDATE audit_head SET last_hash = '" + forged.hash() + "'");

    // then
    assertThat(audit.verify().isIntact()).isTrue();
    assertThat(audit.verify(anchor).problem().orElseThrow())
        .contains("audit record 2: the record's hash")
        .contains("the chain was rewritten");
    // a log that grew after the anchor is fine against it
    AuditHead earlier = new AuditHead(1, audit.records().get(1).hash());
    assertThat(audit.verify(earlier).isIntact()).isTrue();
  }

  // ---- the store ----

  @Test
  void open_again_seesEverythingAndContinuesTheChain() {
    // given
    ReviewItem item = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell X");
    audit.append(entry(1));
    store.close();

    // when
    store = JdbcStore.open(faulty.dataSource());

    // then
    assertThat(store.schemaVersion()).isEqualTo(1);
    assertThat(store.reviewQueue().pending()).containsExactly(item);
    store.reviewQueue().approve(item.id(), 0, "rev", "ok", D3);
    assertThat(store.reviewQueue().submit("HH-2", D3, 2, Set.of("a"), "y").id()).isEqualTo("R-2");
    assertThat(store.auditSink().records()).hasSize(4);
    assertThat(store.auditSink().verify().isIntact()).isTrue();
  }

  @Test
  void open_afterAnAppliedMigrationWasEdited_isRefusedNamingTheFile() throws Exception {
    // given
    sql("UPDATE schema_version SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");

    // when / then
    assertThatThrownBy(() -> JdbcStore.open(faulty.dataSource()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(
            "schema_version[1]: the applied migration "
                + "V1__review_queue_and_audit_log.sql had checksum 0000")
        .hasMessageContaining("an applied migration was edited");
  }

  @Test
  void open_onANewerSchema_isRefused() throws Exception {
    // given
    sql("INSERT INTO schema_version (version, script, checksum) VALUES (2, 'V2__future.sql', 'x')");

    // when / then
    assertThatThrownBy(() -> JdbcStore.open(faulty.dataSource()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(
            "the database is at version 2 (V2__future.sql), newer than this "
                + "Rebal's migrations (up to V1)");
  }
}
