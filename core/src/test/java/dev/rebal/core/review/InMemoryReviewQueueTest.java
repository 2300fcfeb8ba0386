package dev.rebal.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.audit.InMemoryAuditSink;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryReviewQueueTest {
  private static final LocalDate D1 = LocalDate.of(2026, 6, 29);
  private static final LocalDate D2 = LocalDate.of(2026, 6, 30);

  private final InMemoryAuditSink audit = new InMemoryAuditSink();
  private final InMemoryReviewQueue queue = new InMemoryReviewQueue(audit);

  @Test
  void pending_ordersByPriorityThenAgeThenId() {
    // given
    queue.submit("HH-1", D2, 2, Set.of("review.turnover"), "a");
    queue.submit("HH-2", D2, 1, Set.of("review.tax"), "b");
    queue.submit("HH-3", D1, 2, Set.of("review.turnover"), "c");

    // then
    assertThat(queue.pending())
        .extracting(ReviewItem::household)
        .containsExactly("HH-2", "HH-3", "HH-1");
    assertThat(queue.pendingByReason("review.turnover"))
        .extracting(ReviewItem::id)
        .containsExactly("R-3", "R-1");
  }

  @Test
  void approve_twiceOnSameVersion_secondIsRefusedAndFirstKept() {
    // given
    ReviewItem item = queue.submit("HH-1", D2, 1, Set.of("review.tax"), "sell 100 X");

    // when
    ReviewItem approved = queue.approve(item.id(), 0, "rev.a", "ok", D2);

    // then
    assertThat(approved.status()).isEqualTo(ReviewStatus.APPROVED);
    assertThat(approved.version()).isEqualTo(1);
    assertThatThrownBy(() -> queue.reject(item.id(), 0, "rev.b", "no", D2))
        .isInstanceOf(ReviewConflictException.class)
        .hasMessage(
            "review[R-1].version: expected 0 (the version the reviewer saw), was 1: "
                + "someone else acted on it first");
    assertThat(queue.find("R-1").orElseThrow().decidedBy()).isEqualTo("rev.a");
  }

  @Test
  void actions_areAuditedInAnIntactChain() {
    // given
    ReviewItem item = queue.submit("HH-1", D1, 1, Set.of("review.restricted"), "sell ACME");

    // when
    ReviewItem assigned = queue.assign(item.id(), 0, "rev.a", D1);
    queue.modify(item.id(), assigned.version(), "rev.a", "halve the ACME sale", D2);

    // then
    assertThat(audit.records())
        .extracting(r -> r.entry().outcome())
        .containsExactly("REVIEW_SUBMITTED", "REVIEW_ASSIGNED", "REVIEW_MODIFIED");
    assertThat(audit.records().get(2).entry().body()).contains("note=halve the ACME sale");
    assertThat(audit.verify().isIntact()).isTrue();
  }

  @Test
  void expireBefore_expiresOnlyOldPendingItems() {
    // given
    queue.submit("HH-1", D1, 1, Set.of("a"), "x");
    ReviewItem fresh = queue.submit("HH-2", D2, 1, Set.of("a"), "y");

    // when
    var expired = queue.expireBefore(D2, D2);

    // then
    assertThat(expired).extracting(ReviewItem::household).containsExactly("HH-1");
    assertThat(queue.pending()).containsExactly(fresh);
    assertThatThrownBy(() -> queue.approve("R-1", 1, "rev", "", D2))
        .isInstanceOf(ReviewConflictException.class)
        .hasMessage("review[R-1].status: must be PENDING to act on, was EXPIRED");
  }

  @Test
  void approve_unknownItem_isRefused() {
    assertThatThrownBy(() -> queue.approve("R-9", 0, "rev", "", D2))
        .isInstanceOf(ReviewConflictException.class)
        .hasMessage("review[R-9]: no such item");
  }

  @Test
  void pendingOlderThan_returnsOldPendingItemsOldestFirst() {
    // given
    LocalDate d0 = LocalDate.of(2026, 6, 26);
    queue.submit("HH-1", D1, 2, Set.of("a"), "x");
    queue.submit("HH-2", D2, 1, Set.of("a"), "y");
    queue.submit("HH-3", D1, 1, Set.of("a"), "z");
    ReviewItem oldest = queue.submit("HH-4", d0, 2, Set.of("a"), "w");
    queue.approve(oldest.id(), 0, "rev", "", D2);
    queue.submit("HH-5", d0, 2, Set.of("a"), "v");

    // when
    var old = queue.pendingOlderThan(D2);

    // then: HH-4 is approved, HH-2 is not older than D2; oldest, then most urgent, then id
    assertThat(old).extracting(ReviewItem::household).containsExactly("HH-5", "HH-3", "HH-1");
  }

  @Test
  void pendingOlderThan_defaultMethod_agreesWithTheOverride() {
    // given: a queue that only has the interface's default
    queue.submit("HH-1", D2, 1, Set.of("a"), "x");
    queue.submit("HH-2", D1, 2, Set.of("a"), "y");
    queue.submit("HH-3", D1, 1, Set.of("a"), "z");
    ReviewQueue plain =
        new ReviewQueue() {
          @Override
          public ReviewItem submit(String h, LocalDate a, int p, Set<String> r, String e) {
            throw new UnsupportedOperationException();
          }

          @Override
          public java.util.Optional<ReviewItem> find(String id) {
            return queue.find(id);
          }

          @Override
          public java.util.List<ReviewItem> pending() {
            return queue.pending();
          }

          @Override
          public java.util.List<ReviewItem> byHousehold(String h) {
            return queue.byHousehold(h);
          }

          @Override
          public java.util.List<ReviewItem> pendingByReason(String r) {
            return queue.pendingByReason(r);
          }

          @Override
          public ReviewItem assign(String id, long v, String a, LocalDate on) {
            throw new UnsupportedOperationException();
          }

          @Override
          public ReviewItem approve(String id, long v, String a, String n, LocalDate on) {
            throw new UnsupportedOperationException();
          }

          @Override
          public ReviewItem reject(String id, long v, String a, String n, LocalDate on) {
            throw new UnsupportedOperationException();
          }

          @Override
          public ReviewItem modify(String id, long v, String a, String n, LocalDate on) {
            throw new UnsupportedOperationException();
          }

          @Override
          public java.util.List<ReviewItem> expireBefore(LocalDate c, LocalDate on) {
            throw new UnsupportedOperationException();
          }
        };

    // when
    var viaDefault = plain.pendingOlderThan(LocalDate.of(2026, 7, 1));

    // then
    assertThat(viaDefault)
        .extracting(ReviewItem::household)
        .containsExactly("HH-3", "HH-2", "HH-1");
    assertThat(viaDefault).isEqualTo(queue.pendingOlderThan(LocalDate.of(2026, 7, 1)));
  }
}
