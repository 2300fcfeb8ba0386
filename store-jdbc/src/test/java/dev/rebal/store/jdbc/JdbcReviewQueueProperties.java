package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.InMemoryAuditSink;
import dev.rebal.core.review.InMemoryReviewQueue;
import dev.rebal.core.review.ReviewConflictException;
import dev.rebal.core.review.ReviewQueue;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The database queue behaves as the in-memory one: any sequence of actions (submits, assigns,
 * decisions on current or stale versions, expiries) gives the same results, the same refusals, the
 * same reviewer queries and the same audit chain, record for record. Runs on in-memory H2
 * databases.
 */
class JdbcReviewQueueProperties {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final List<LocalDate> DATES =
      List.of(LocalDate.of(2026, 6, 26), LocalDate.of(2026, 6, 29), LocalDate.of(2026, 6, 30));
  private static final List<String> REASONS =
      List.of("review.tax", "review.turnover", "review.conflict");

  /** One action of a reviewer or of the run: op 0 submit, 1 assign, 2-4 decide, 5 expire. */
  record Action(int op, int household, int date, int priority, int reasons, int item, int staleBy) {
    String apply(ReviewQueue q) {
      LocalDate d = DATES.get(date);
      String id = "R-" + item;
      long version = q.find(id).map(i -> i.version()).orElse(0L) - staleBy;
      try {
        switch (op) {
          case 0:
            Set<String> r = new TreeSet<>();
            for (int b = 0; b < REASONS.size(); b++) {
              if ((reasons & (1 << b)) != 0) {
                r.add(REASONS.get(b));
              }
            }
            return q.submit("HH-" + household, d, priority, r, "proposal " + household).toString();
          case 1:
            return q.assign(id, version, "rev." + household, d).toString();
          case 2:
            return q.approve(id, version, "rev." + household, "ok", d).toString();
          case 3:
            return q.reject(id, version, "rev." + household, "", d).toString();
          case 4:
            return q.modify(id, version, "rev." + household, "halve it", d).toString();
          default:
            return q.expireBefore(d, d).toString();
        }
      } catch (ReviewConflictException e) {
        return "conflict: " + e.getMessage();
      }
    }
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    // submits and decisions often, on the first few ids, so that decisions meet pending items
    Arbitrary<Integer> op =
        Arbitraries.frequency(
            Tuple.of(4, 0),
            Tuple.of(1, 1),
            Tuple.of(2, 2),
            Tuple.of(1, 3),
            Tuple.of(1, 4),
            Tuple.of(1, 5));
    Arbitrary<Action> action =
        Combinators.combine(
                op,
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 7),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(0, 3).map(x -> x == 0 ? 1 : 0))
            .as(Action::new);
    return action.list().ofMinSize(6).ofMaxSize(14);
  }

  @Property(tries = 40)
  void anySequenceOfActions_givesWhatTheInMemoryQueueGives(@ForAll("actions") List<Action> actions)
      throws Exception {
    String url = "jdbc:h2:mem:q" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=0";
    DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
    // the keeper holds the in-memory database open between the store's connections
    Connection keeper = ds.getConnection();
    try {
      JdbcStore store = JdbcStore.open(ds);
      InMemoryAuditSink memoryAudit = new InMemoryAuditSink();
      ReviewQueue memory = new InMemoryReviewQueue(memoryAudit);
      ReviewQueue jdbc = store.reviewQueue();
      boolean conflicts = false;
      boolean decided = false;

      for (Action a : actions) {
        String expected = a.apply(memory);
        conflicts |= expected.startsWith("conflict");
        decided |= a.op() >= 2 && a.op() <= 4 && !expected.startsWith("conflict");
        assertThat(a.apply(jdbc)).isEqualTo(expected);
      }

      Statistics.label("refusals").collect(conflicts ? "some refused" : "none refused");
      Statistics.label("refusals").coverage(c -> c.check("some refused").percentage(p -> p > 20));
      Statistics.label("decisions").collect(decided ? "some decided" : "none decided");
      Statistics.label("decisions").coverage(c -> c.check("some decided").percentage(p -> p > 20));
      assertThat(jdbc.pending()).isEqualTo(memory.pending());
      for (LocalDate d : DATES) {
        assertThat(jdbc.pendingOlderThan(d)).isEqualTo(memory.pendingOlderThan(d));
      }
      for (String r : REASONS) {
        assertThat(jdbc.pendingByReason(r)).isEqualTo(memory.pendingByReason(r));
      }
      for (int h = 1; h <= 3; h++) {
        assertThat(jdbc.byHousehold("HH-" + h)).isEqualTo(memory.byHousehold("HH-" + h));
      }
      assertThat(store.auditSink().records()).isEqualTo(memoryAudit.records());
      assertThat(store.auditSink().verify().isIntact()).isTrue();
    } finally {
      keeper.close();
    }
  }
}
