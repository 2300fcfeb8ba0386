package dev.rebal.store.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.review.ReviewConflictException;
import dev.rebal.core.review.ReviewItem;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.core.review.ReviewStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The review queue in database tables ({@code review_item}, with its reason codes in {@code
 * review_reason}), audited to the store's {@link JdbcAuditSink}.
 *
 * <p>Every action is one transaction that changes the item with {@code UPDATE ... WHERE id = ? AND
 * version = ? AND status = 'PENDING'} and appends its audit record: both are written or neither. An
 * update that matches no row (another reviewer acted first, or the item is no longer pending) is
 * refused with {@link ReviewConflictException}, whichever process the other reviewer used. Ids are
 * {@code R-1}, {@code R-2}, ... from a database sequence. The audit records are the same, field for
 * field, as {@link dev.rebal.core.review.InMemoryReviewQueue}'s for the same actions. Obtain one
 * from {@link JdbcStore#reviewQueue()}. This class is thread-safe: every call uses its own
 * connection and transaction.
 */
public final class JdbcReviewQueue implements ReviewQueue {
  /** The rule-set fields of review actions' audit entries, as in the in-memory queue. */
  private static final String NO_RULE_SET = "review-action";

  private static final String SELECT =
      "SELECT i.id, i.household, i.as_of, i.priority, "
          + "i.explanation, i.status, i.assignee, i.decided_by, i.note, i.version, r.reason "
          + "FROM review_item i JOIN review_reason r ON r.item_id = i.id ";
  private static final String URGENT_FIRST = " ORDER BY i.priority, i.as_of, i.id, r.reason";

  private final Transactions tx;
  private final JdbcAuditSink audit;
  private final Dialect dialect;

  JdbcReviewQueue(Transactions tx, JdbcAuditSink audit, Dialect dialect) {
    this.tx = tx;
    this.audit = audit;
    this.dialect = dialect;
  }

  /**
   * Adds a pending item and its audit record in one transaction, and returns it.
   *
   * @throws StoreException if the database refuses it (e.g. the id is taken) or the connection is
   *     lost; nothing is written then
   */
  @Override
  public ReviewItem submit(
      String household, LocalDate asOf, int priority, Set<String> reasons, String explanation) {
    // checks the arguments before a sequence value is spent
    ReviewItem draft =
        new ReviewItem(
            "R-0",
            household,
            asOf,
            priority,
            ImmutableSortedSet.copyOf(Checks.noNulls(reasons, "reasons")),
            explanation,
            ReviewStatus.PENDING,
            "",
            "",
            "",
            0);
    return tx.run(
        "review submit (household " + household + ")",
        c -> {
          long id;
          try (PreparedStatement ps = c.prepareStatement(dialect.nextReviewIdSql());
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
          ReviewItem item =
              new ReviewItem(
                  "R-" + id,
                  household,
                  asOf,
                  priority,
                  draft.reasons(),
                  explanation,
                  ReviewStatus.PENDING,
                  "",
                  "",
                  "",
                  0);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO review_item (id, household, "
                      + "as_of, priority, explanation, status, assignee, decided_by, note, version) "
                      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, household);
            ps.setObject(3, asOf);
            ps.setInt(4, priority);
            ps.setString(5, explanation);
            ps.setString(6, ReviewStatus.PENDING.name());
            ps.setString(7, "");
            ps.setString(8, "");
            ps.setString(9, "");
            ps.setLong(10, 0);
            ps.executeUpdate();
          } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
              throw new StoreException(
                  "review["
                      + item.id()
                      + "]: the id already exists (key "
                      + "review_item_pk): a row was inserted behind the store's back and the sequence "
                      + "review_item_id_seq is behind it [sqlstate 23505]: "
                      + Transactions.oneLine(e)
                      + Transactions.ROLLED_BACK,
                  e);
            }
            throw e;
          }
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO review_reason (item_id, reason) VALUES (?, ?)")) {
            for (String reason : item.reasons()) {
              ps.setLong(1, id);
              ps.setString(2, reason);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          audit.appendIn(c, entry(item, "SUBMITTED", asOf, "reasons=" + item.reasons()));
          return item;
        });
  }

  @Override
  public Optional<ReviewItem> find(String id) {
    Checks.notNull(id, "id");
    Optional<Long> key = key(id);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return tx.run("review find " + id, c -> load(c, key.get()));
  }

  @Override
  public List<ReviewItem> pending() {
    return query("review pending", "WHERE i.status = 'PENDING'" + URGENT_FIRST);
  }

  @Override
  public List<ReviewItem> byHousehold(String household) {
    Checks.notNull(household, "household");
    return query("review byHousehold", "WHERE i.household = ? ORDER BY i.id, r.reason", household);
  }

  @Override
  public List<ReviewItem> pendingByReason(String reason) {
    Checks.notNull(reason, "reason");
    return query(
        "review pendingByReason",
        "WHERE i.status = 'PENDING' AND i.id IN "
            + "(SELECT item_id FROM review_reason WHERE reason = ?)"
            + URGENT_FIRST,
        reason);
  }

  @Override
  public List<ReviewItem> pendingOlderThan(LocalDate date) {
    Checks.notNull(date, "date");
    return query(
        "review pendingOlderThan",
        "WHERE i.status = 'PENDING' AND i.as_of < ? "
            + "ORDER BY i.as_of, i.priority, i.id, r.reason",
        date);
  }

  @Override
  public ReviewItem assign(String id, long expectedVersion, String assignee, LocalDate on) {
    Checks.notBlank(assignee, "assignee");
    return act(
        id,
        expectedVersion,
        on,
        "ASSIGNED",
        "assignee=" + assignee,
        current -> next(current, ReviewStatus.PENDING, assignee, "", current.note()));
  }

  @Override
  public ReviewItem approve(
      String id, long expectedVersion, String actor, String note, LocalDate on) {
    return decide(id, expectedVersion, ReviewStatus.APPROVED, actor, note, on);
  }

  @Override
  public ReviewItem reject(
      String id, long expectedVersion, String actor, String note, LocalDate on) {
    return decide(id, expectedVersion, ReviewStatus.REJECTED, actor, note, on);
  }

  @Override
  public ReviewItem modify(
      String id, long expectedVersion, String actor, String note, LocalDate on) {
    Checks.notBlank(note, "note");
    return decide(id, expectedVersion, ReviewStatus.MODIFIED, actor, note, on);
  }

  /**
   * Expires every pending item whose as-of date is before {@code cutoff}, in one transaction with
   * their audit records, and returns them most urgent first. An item another reviewer acts on
   * meanwhile is left to them.
   */
  @Override
  public List<ReviewItem> expireBefore(LocalDate cutoff, LocalDate on) {
    Checks.notNull(cutoff, "cutoff");
    Checks.notNull(on, "on");
    return tx.run(
        "review expireBefore " + cutoff,
        c -> {
          List<ReviewItem> expired = new ArrayList<>();
          // items first, then the audit head: every transaction takes its locks in that order
          for (ReviewItem i :
              select(c, "WHERE i.status = 'PENDING' AND i.as_of < ?" + URGENT_FIRST, cutoff)) {
            ReviewItem next = next(i, ReviewStatus.EXPIRED, i.assignee(), "", i.note());
            if (update(c, i, next)) {
              expired.add(next);
            }
          }
          for (ReviewItem e : expired) {
            audit.appendIn(c, entry(e, "EXPIRED", on, "cutoff=" + cutoff));
          }
          return ImmutableList.copyOf(expired);
        });
  }

  private ReviewItem decide(
      String id,
      long expectedVersion,
      ReviewStatus status,
      String actor,
      String note,
      LocalDate on) {
    Checks.notBlank(actor, "actor");
    Checks.notNull(note, "note");
    return act(
        id,
        expectedVersion,
        on,
        status.name(),
        "actor=" + actor + "\nnote=" + note,
        current -> next(current, status, current.assignee(), actor, note));
  }

  /** The change an action makes to the current item. */
  private interface Change {
    ReviewItem apply(ReviewItem current);
  }

  private ReviewItem act(
      String id, long expectedVersion, LocalDate on, String action, String detail, Change change) {
    Checks.notNull(id, "id");
    Checks.notNull(on, "on");
    return tx.run(
        "review " + action.toLowerCase(java.util.Locale.ROOT) + " " + id,
        c -> {
          ReviewItem current = pendingAt(c, id, expectedVersion);
          ReviewItem next = change.apply(current);
          if (!update(c, current, next)) {
            // changed between the read and the update: report what it is now
            pendingAt(c, id, expectedVersion);
            throw new ReviewConflictException(
                "review["
                    + id
                    + "]: changed by someone else while "
                    + "this action ran; read it again");
          }
          audit.appendIn(c, entry(next, action, on, detail));
          return next;
        });
  }

  private static ReviewItem pendingAt(Connection c, String id, long expectedVersion)
      throws SQLException {
    Optional<Long> key = key(id);
    Optional<ReviewItem> found = key.isEmpty() ? Optional.empty() : load(c, key.get());
    if (found.isEmpty()) {
      throw new ReviewConflictException("review[" + id + "]: no such item");
    }
    ReviewItem current = found.get();
    if (current.version() != expectedVersion) {
      throw new ReviewConflictException(
          "review["
              + id
              + "].version: expected "
              + expectedVersion
              + " (the version the reviewer saw), was "
              + current.version()
              + ": someone else acted on it first");
    }
    if (current.status() != ReviewStatus.PENDING) {
      throw new ReviewConflictException(
          "review[" + id + "].status: must be PENDING to act on, was " + current.status());
    }
    return current;
  }

  /** Optimistic update: true if the row was still at the current version and pending. */
  private static boolean update(Connection c, ReviewItem current, ReviewItem next)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE review_item SET status = ?, "
                + "assignee = ?, decided_by = ?, note = ?, version = ? "
                + "WHERE id = ? AND version = ? AND status = 'PENDING'")) {
      ps.setString(1, next.status().name());
      ps.setString(2, next.assignee());
      ps.setString(3, next.decidedBy());
      ps.setString(4, next.note());
      ps.setLong(5, next.version());
      ps.setLong(6, key(current.id()).orElseThrow());
      ps.setLong(7, current.version());
      return ps.executeUpdate() == 1;
    }
  }

  private static ReviewItem next(
      ReviewItem i, ReviewStatus status, String assignee, String decidedBy, String note) {
    return new ReviewItem(
        i.id(),
        i.household(),
        i.asOf(),
        i.priority(),
        i.reasons(),
        i.explanation(),
        status,
        assignee,
        decidedBy,
        note,
        i.version() + 1);
  }

  /** The audit entry of an action: the same text as the in-memory queue writes. */
  private static AuditEntry entry(ReviewItem item, String action, LocalDate on, String detail) {
    String body =
        "review " + item.id() + " v" + item.version() + " " + action + " on " + on + "\n" + detail;
    return new AuditEntry(
        item.household(),
        item.asOf(),
        AuditRecord.sha256Hex(item.explanation()),
        NO_RULE_SET,
        NO_RULE_SET,
        "REVIEW_" + action,
        body);
  }

  private static Optional<Long> key(String id) {
    if (!id.startsWith("R-") || id.length() > 21) {
      return Optional.empty();
    }
    try {
      long n = Long.parseLong(id.substring(2));
      return n > 0 && id.equals("R-" + n) ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<ReviewItem> load(Connection c, long key) throws SQLException {
    List<ReviewItem> found = select(c, "WHERE i.id = ? ORDER BY i.id, r.reason", key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private List<ReviewItem> query(String what, String whereAndOrder, Object... params) {
    return tx.run(what, c -> select(c, whereAndOrder, params));
  }

  /**
   * Hands every pending item to {@code action}, in {@link #pending()}'s order, reading them from
   * the database a batch at a time: for a queue too large to hold in memory (a job writing the
   * queue to a file). Returns how many there were. {@code action} runs inside the read's
   * transaction, so it should be quick and must not use this queue.
   *
   * @param action what to do with each pending item
   * @return the number of pending items handed on
   * @throws StoreException if the database cannot be read; items handed on before stay handed on
   * @since 0.1.0
   */
  public long forEachPending(Consumer<ReviewItem> action) {
    Checks.notNull(action, "action");
    return tx.run(
        "review pending (streamed)",
        c -> {
          long[] n = {0};
          select(
              c,
              "WHERE i.status = 'PENDING'" + URGENT_FIRST,
              item -> {
                action.accept(item);
                n[0]++;
              });
          return n[0];
        });
  }

  /** Runs the item query; its order must keep each item's reason rows together. */
  private static List<ReviewItem> select(Connection c, String whereAndOrder, Object... params)
      throws SQLException {
    ImmutableList.Builder<ReviewItem> out = ImmutableList.builder();
    select(c, whereAndOrder, out::add, params);
    return out.build();
  }

  /** Runs the item query, handing each item on as soon as its reason rows are read. */
  private static void select(
      Connection c, String whereAndOrder, Consumer<ReviewItem> out, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + whereAndOrder)) {
      // a cursor on PostgreSQL (inside a transaction): rows come in batches, not all at once
      ps.setFetchSize(500);
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        Row row = null;
        while (rs.next()) {
          long id = rs.getLong(1);
          if (row == null || row.id != id) {
            if (row != null) {
              out.accept(row.item());
            }
            row = new Row(id, rs);
          }
          row.reasons.add(rs.getString(11));
        }
        if (row != null) {
          out.accept(row.item());
        }
      }
    }
  }

  /** One item's columns while its reason rows are collected. */
  private static final class Row {
    final long id;
    final String household;
    final LocalDate asOf;
    final int priority;
    final String explanation;
    final String status;
    final String assignee;
    final String decidedBy;
    final String note;
    final long version;
    final ImmutableSortedSet.Builder<String> reasons = ImmutableSortedSet.naturalOrder();

    Row(long id, ResultSet rs) throws SQLException {
      this.id = id;
      household = rs.getString(2);
      asOf = rs.getObject(3, LocalDate.class);
      priority = rs.getInt(4);
      explanation = rs.getString(5);
      status = rs.getString(6);
      assignee = rs.getString(7);
      decidedBy = rs.getString(8);
      note = rs.getString(9);
      version = rs.getLong(10);
    }

    ReviewItem item() {
      return new ReviewItem(
          "R-" + id,
          household,
          asOf,
          priority,
          reasons.build(),
          explanation,
          ReviewStatus.valueOf(status),
          assignee,
          decidedBy,
          note,
          version);
    }
  }
}
