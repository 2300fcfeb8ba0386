package dev.rebal.core.review;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.SortedSet;

/**
 * A proposal waiting for, or decided by, a human reviewer: the household, the as-of date, the
 * priority (1 is most urgent), the reason codes that sent it to review, the proposal's explanation,
 * its status, assignee, and a version for optimistic locking (every action increments it, and an
 * action naming an older version is refused). This record is immutable and thread-safe.
 *
 * @param id the item's id
 * @param household the household id
 * @param asOf the as-of date of the proposal
 * @param priority 1 is the most urgent
 * @param reasons the reason codes, sorted
 * @param explanation the proposal's explanation, as the reviewer reads it
 * @param status where it stands
 * @param assignee the reviewer it is assigned to, or empty text
 * @param decidedBy who approved, rejected or modified it, or empty text
 * @param note the reviewer's note, or empty text
 * @param version incremented by every action
 */
public record ReviewItem(
    String id,
    String household,
    LocalDate asOf,
    int priority,
    SortedSet<String> reasons,
    String explanation,
    ReviewStatus status,
    String assignee,
    String decidedBy,
    String note,
    long version) {
  /**
   * The "by age" order: oldest as-of date first, then most urgent, then by the number in the id
   * (submission order for ids of the form {@code R-<n>}, else the id's text).
   */
  static final Comparator<ReviewItem> OLDEST_FIRST =
      Comparator.comparing(ReviewItem::asOf)
          .thenComparingInt(ReviewItem::priority)
          .thenComparing(ReviewItem::idNumber)
          .thenComparing(ReviewItem::id);

  /**
   * Checks that every component is present and the priority is at least 1.
   *
   * @param id the item's id
   * @param household the household id
   * @param asOf the as-of date of the proposal
   * @param priority 1 is the most urgent
   * @param reasons the reason codes, sorted
   * @param explanation the proposal's explanation, as the reviewer reads it
   * @param status where it stands
   * @param assignee the reviewer it is assigned to, or empty text
   * @param decidedBy who approved, rejected or modified it, or empty text
   * @param note the reviewer's note, or empty text
   * @param version incremented by every action
   */
  public ReviewItem {
    Checks.notBlank(id, "id");
    Checks.notBlank(household, "household");
    Checks.notNull(asOf, "asOf");
    Checks.isTrue(priority >= 1, "priority", priority, "must be at least 1");
    Checks.notNull(reasons, "reasons");
    Checks.isTrue(!reasons.isEmpty(), "reasons", reasons, "must not be empty");
    reasons = ImmutableSortedSet.copyOf(reasons);
    Checks.notNull(explanation, "explanation");
    Checks.notNull(status, "status");
    Checks.notNull(assignee, "assignee");
    Checks.notNull(decidedBy, "decidedBy");
    Checks.notNull(note, "note");
  }

  /** {@return the assignee, if any} */
  public Optional<String> findAssignee() {
    return assignee.isEmpty() ? Optional.empty() : Optional.of(assignee);
  }

  /** The number in an id of the form {@code R-<n>}, or {@link Long#MAX_VALUE}. */
  long idNumber() {
    if (id.startsWith("R-")) {
      try {
        return Long.parseLong(id.substring(2));
      } catch (NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
    return Long.MAX_VALUE;
  }

  ReviewItem with(ReviewStatus newStatus, String newAssignee, String newDecidedBy, String newNote) {
    return new ReviewItem(
        id,
        household,
        asOf,
        priority,
        reasons,
        explanation,
        newStatus,
        newAssignee,
        newDecidedBy,
        newNote,
        version + 1);
  }
}
