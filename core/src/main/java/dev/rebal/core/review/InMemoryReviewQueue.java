package dev.rebal.core.review;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A review queue held in memory, writing every action to an {@link AuditSink}. Ids are {@code R-1},
 * {@code R-2}, ... in submission order. This class is thread-safe: actions are serialized.
 */
public final class InMemoryReviewQueue implements ReviewQueue {
  /** The rule-set fields of review actions' audit entries: actions are not rule-set decisions. */
  private static final String NO_RULE_SET = "review-action";

  private static final Comparator<ReviewItem> URGENT_FIRST =
      Comparator.comparingInt(ReviewItem::priority)
          .thenComparing(ReviewItem::asOf)
          .thenComparingLong(i -> Long.parseLong(i.id().substring(2)));

  private final AuditSink audit;
  private final Map<String, ReviewItem> items = new LinkedHashMap<>();

  /**
   * Creates an empty queue auditing to {@code audit}.
   *
   * @param audit where review actions are audited
   */
  public InMemoryReviewQueue(AuditSink audit) {
    this.audit = Checks.notNull(audit, "audit");
  }

  @Override
  public synchronized ReviewItem submit(
      String household, LocalDate asOf, int priority, Set<String> reasons, String explanation) {
    ReviewItem item =
        new ReviewItem(
            "R-" + (items.size() + 1),
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
    record(item, "SUBMITTED", asOf, "reasons=" + item.reasons());
    items.put(item.id(), item);
    return item;
  }

  @Override
  public synchronized Optional<ReviewItem> find(String id) {
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public synchronized List<ReviewItem> pending() {
    return items.values().stream()
        .filter(i -> i.status() == ReviewStatus.PENDING)
        .sorted(URGENT_FIRST)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized List<ReviewItem> byHousehold(String household) {
    return items.values().stream()
        .filter(i -> i.household().equals(household))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized List<ReviewItem> pendingByReason(String reason) {
    return pending().stream()
        .filter(i -> i.reasons().contains(reason))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized List<ReviewItem> pendingOlderThan(LocalDate date) {
    Checks.notNull(date, "date");
    return items.values().stream()
        .filter(i -> i.status() == ReviewStatus.PENDING && i.asOf().isBefore(date))
        .sorted(ReviewItem.OLDEST_FIRST)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized ReviewItem assign(
      String id, long expectedVersion, String assignee, LocalDate on) {
    ReviewItem current = pendingAt(id, expectedVersion);
    ReviewItem next =
        current.with(
            ReviewStatus.PENDING, Checks.notBlank(assignee, "assignee"), "", current.note());
    return store(next, "ASSIGNED", on, "assignee=" + assignee);
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

  @Override
  public synchronized List<ReviewItem> expireBefore(LocalDate cutoff, LocalDate on) {
    Checks.notNull(cutoff, "cutoff");
    List<ReviewItem> expired = new ArrayList<>();
    for (ReviewItem i : pending()) {
      if (i.asOf().isBefore(cutoff)) {
        expired.add(
            store(
                i.with(ReviewStatus.EXPIRED, i.assignee(), "", i.note()),
                "EXPIRED",
                on,
                "cutoff=" + cutoff));
      }
    }
    return ImmutableList.copyOf(expired);
  }

  private synchronized ReviewItem decide(
      String id,
      long expectedVersion,
      ReviewStatus status,
      String actor,
      String note,
      LocalDate on) {
    Checks.notBlank(actor, "actor");
    Checks.notNull(note, "note");
    ReviewItem current = pendingAt(id, expectedVersion);
    return store(
        current.with(status, current.assignee(), actor, note),
        status.name(),
        on,
        "actor=" + actor + "\nnote=" + note);
  }

  private ReviewItem pendingAt(String id, long expectedVersion) {
    ReviewItem current = items.get(Checks.notNull(id, "id"));
    if (current == null) {
      throw new ReviewConflictException("review[" + id + "]: no such item");
    }
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

  private ReviewItem store(ReviewItem next, String action, LocalDate on, String detail) {
    record(next, action, on, detail);
    items.put(next.id(), next);
    return next;
  }

  private void record(ReviewItem item, String action, LocalDate on, String detail) {
    Checks.notNull(on, "on");
    String body =
        "review " + item.id() + " v" + item.version() + " " + action + " on " + on + "\n" + detail;
    audit.append(
        new AuditEntry(
            item.household(),
            item.asOf(),
            AuditRecord.sha256Hex(item.explanation()),
            NO_RULE_SET,
            NO_RULE_SET,
            "REVIEW_" + action,
            body));
  }
}
