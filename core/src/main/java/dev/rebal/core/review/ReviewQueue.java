package dev.rebal.core.review;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The exception workflow: proposals that need a human, with the actions a reviewer takes.
 *
 * <p>Every action names the item's version the reviewer saw and is refused with {@link
 * ReviewConflictException} if the item changed since, so two reviewers can never both act on one
 * item. Every action is written to the audit log together with the change (an implementation on a
 * database does both in one transaction). Dates are passed in; no clock is read.
 */
public interface ReviewQueue {
  /**
   * Adds a pending item and returns it.
   *
   * @param household the household id
   * @param asOf the as-of date of the decision
   * @param priority the review priority (lower is more urgent)
   * @param reasons the review reason codes
   * @param explanation the decision's explanation, for the reviewer
   * @return the item, pending
   */
  ReviewItem submit(
      String household, LocalDate asOf, int priority, Set<String> reasons, String explanation);

  /**
   * {@return the item with {@code id}, if any}
   *
   * @param id the item's id
   */
  Optional<ReviewItem> find(String id);

  /** {@return pending items, most urgent first, then oldest, then by id} */
  List<ReviewItem> pending();

  /**
   * {@return items of a household, in submission order}
   *
   * @param household the household id
   */
  List<ReviewItem> byHousehold(String household);

  /**
   * {@return pending items carrying {@code reason}, most urgent first}
   *
   * @param reason a review reason code
   */
  List<ReviewItem> pendingByReason(String reason);

  /**
   * {@return pending items whose as-of date is before {@code date}, oldest first, then most urgent,
   * then by id: the reviewer's "by age" view (what has waited longest)}
   *
   * <p>The default filters {@link #pending()}; a store with an index on the date overrides it, and
   * an implementation that does not override it keeps compiling.
   *
   * @param date items with an as-of date strictly before it are returned
   * @since 0.1.0
   */
  default List<ReviewItem> pendingOlderThan(LocalDate date) {
    Checks.notNull(date, "date");
    return pending().stream()
        .filter(i -> i.asOf().isBefore(date))
        .sorted(ReviewItem.OLDEST_FIRST)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * Assigns a pending item to a reviewer.
   *
   * @param id the item's id
   * @param expectedVersion the version the caller read; another means a conflict
   * @param assignee the reviewer
   * @param on the date of the action
   * @return the item, assigned
   */
  ReviewItem assign(String id, long expectedVersion, String assignee, LocalDate on);

  /**
   * Approves a pending item as proposed.
   *
   * @param id the item's id
   * @param expectedVersion the version the caller read; another means a conflict
   * @param actor who approves
   * @param note why
   * @param on the date of the action
   * @return the item, approved
   */
  ReviewItem approve(String id, long expectedVersion, String actor, String note, LocalDate on);

  /**
   * Rejects a pending item.
   *
   * @param id the item's id
   * @param expectedVersion the version the caller read; another means a conflict
   * @param actor who rejects
   * @param note why
   * @param on the date of the action
   * @return the item, rejected
   */
  ReviewItem reject(String id, long expectedVersion, String actor, String note, LocalDate on);

  /**
   * Approves a pending item with changes described in {@code note}.
   *
   * @param id the item's id
   * @param expectedVersion the version the caller read; another means a conflict
   * @param actor who modifies
   * @param note the changes
   * @param on the date of the action
   * @return the item, modified
   */
  ReviewItem modify(String id, long expectedVersion, String actor, String note, LocalDate on);

  /**
   * Expires every pending item whose as-of date is before {@code cutoff}; returns them.
   *
   * @param cutoff the first as-of date kept pending
   * @param on the date of the action
   * @return the items expired
   */
  List<ReviewItem> expireBefore(LocalDate cutoff, LocalDate on);
}
