package dev.rebal.engine;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.batch.BatchRunner;
import dev.rebal.core.batch.BatchSummary;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.batch.ProgressListener;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.core.rule.Finding;
import dev.rebal.engine.internal.Attempt;
import dev.rebal.engine.internal.Failure;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rebalances a whole book: every household through one {@link Rebalancer}, in parallel on a {@link
 * BatchRunner}, with decisions handed on, audited and queued for review in input order, so that the
 * output and the audit chain are the same whatever the thread count.
 *
 * <pre>{@code
 * RunSummary summary = BookRebalancer.builder(Rebalancer.standard()).threads(2)
 *     .audit(new InMemoryAuditSink()).build()
 *     .run(households, marketData, asOf, decision -> {}, new CancellationToken());
 * }</pre>
 *
 * <p>A household whose rebalance throws (a bug, or data the validator did not foresee) is recorded
 * as {@code FAILED} with its error, in the summary and in the audit log; the run goes on. Review
 * items get priority 1 for verifier, conflict and infeasibility reasons, else 2. This class is
 * immutable and thread-safe; each run uses its own threads.
 */
public final class BookRebalancer {
  private static final Set<String> URGENT =
      Set.of("review.verifier", "review.conflict", "review.infeasible", "review.numerical");

  private final Rebalancer rebalancer;
  private final int threads;
  private final ProgressListener progress;
  private final long progressEveryMillis;
  private final Optional<AuditSink> audit;
  private final Optional<ReviewQueue> review;

  private BookRebalancer(Builder b) {
    this.rebalancer = b.rebalancer;
    this.threads = b.threads;
    this.progress = b.progress;
    this.progressEveryMillis = b.progressEveryMillis;
    this.audit = Optional.ofNullable(b.audit);
    this.review = Optional.ofNullable(b.review);
  }

  /**
   * {@return a builder for runs of {@code rebalancer}}
   *
   * @param rebalancer the rebalancer that decides each household
   */
  public static Builder builder(Rebalancer rebalancer) {
    return new Builder(Checks.notNull(rebalancer, "rebalancer"));
  }

  /**
   * Rebalances every household of {@code households} as of {@code asOf}.
   *
   * @param households the book, read lazily (never all in memory)
   * @param marketData the market data shared by the book
   * @param asOf the as-of date
   * @param sink receives each decision, in input order, on the calling thread
   * @param cancellation stops the run early when signalled
   * @return the run's summary
   */
  public RunSummary run(
      Iterator<Household> households,
      MarketData marketData,
      LocalDate asOf,
      Consumer<Decision> sink,
      CancellationToken cancellation) {
    return run(households, Function.identity(), marketData, asOf, sink, cancellation);
  }

  /**
   * Rebalances the household of every record of {@code records} as of {@code asOf}, reading each
   * record into its household on the worker threads: parsing or loading then runs in parallel
   * instead of on the calling thread, which only iterates the records (a line of a file, a key, an
   * index) and hands on the decisions. A record {@code reader} cannot read is recorded as {@code
   * FAILED} under the id {@code #} and its zero-based position, with the reader's error; the run
   * goes on. Output and audit are the same as {@link #run(Iterator, MarketData, LocalDate,
   * Consumer, CancellationToken)} over the households read, whatever the thread count.
   *
   * @param records the book's records, read lazily on the calling thread
   * @param reader reads one record into its household; called on the worker threads, so it must be
   *     thread-safe
   * @param marketData the market data shared by the book
   * @param asOf the as-of date
   * @param sink receives each decision, in input order, on the calling thread
   * @param cancellation stops the run early when signalled
   * @param <S> the record type
   * @return the run's summary
   */
  public <S> RunSummary run(
      Iterator<? extends S> records,
      Function<? super S, Household> reader,
      MarketData marketData,
      LocalDate asOf,
      Consumer<Decision> sink,
      CancellationToken cancellation) {
    Checks.notNull(records, "records");
    Checks.notNull(reader, "reader");
    Checks.notNull(marketData, "marketData");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(sink, "sink");
    BatchRunner<S, Attempt<Decision>> runner =
        BatchRunner.<S, Attempt<Decision>>builder(
                Attempt.reading(reader, h -> rebalancer.rebalance(h, marketData, asOf)))
            .threads(threads)
            .progress(progress, progressEveryMillis)
            .build();
    Tally tally = new Tally();
    BatchSummary batch =
        runner.run(
            records,
            item -> {
              Optional<Attempt<Decision>> attempt = item.result();
              if (attempt.isEmpty() || attempt.get().failure().isPresent()) {
                tally.failed(Failure.of(item), asOf, rebalancer, audit);
                return;
              }
              Decision d = attempt.get().result().orElseThrow();
              audit.ifPresent(a -> a.append(d.auditEntry()));
              if (d.outcome() == DecisionOutcome.REVIEW) {
                review.ifPresent(
                    q ->
                        q.submit(
                            d.household().value(), asOf, priority(d), codes(d), d.canonicalText()));
              }
              tally.add(d);
              sink.accept(d);
            },
            cancellation);
    return tally.summary(batch.done(), batch.cancelled());
  }

  private static int priority(Decision d) {
    return d.routing().stream().anyMatch(f -> URGENT.contains(f.code())) ? 1 : 2;
  }

  private static Set<String> codes(Decision d) {
    Set<String> codes = new LinkedHashSet<>();
    for (Finding f : d.routing()) {
      codes.add(f.code());
    }
    return codes;
  }

  /** Running totals, updated on the calling thread only. */
  private static final class Tally {
    private final TreeMap<String, Long> outcomes = new TreeMap<>();
    private final TreeMap<String, Long> reasons = new TreeMap<>();
    private long trades;
    private Money traded = Money.ZERO_USD;
    private Money tax = Money.ZERO_USD;
    private Money harvested = Money.ZERO_USD;

    void add(Decision d) {
      outcomes.merge(d.outcome().name(), 1L, Long::sum);
      if (d.outcome() == DecisionOutcome.REVIEW) {
        codes(d).forEach(c -> reasons.merge(c, 1L, Long::sum));
      }
      trades += d.proposal().trades().size();
      d.proposal().trades().forEach(t -> traded = traded.plus(t.estimatedValue()));
      tax = tax.plus(d.impact().taxCost());
      harvested = harvested.plus(d.impact().harvestedLoss());
    }

    void failed(Failure failure, LocalDate asOf, Rebalancer rebalancer, Optional<AuditSink> audit) {
      outcomes.merge("FAILED", 1L, Long::sum);
      audit.ifPresent(
          a ->
              a.append(
                  new AuditEntry(
                      failure.household(),
                      asOf,
                      AuditRecord.sha256Hex(failure.input()),
                      rebalancer.ruleSet().version().toString(),
                      rebalancer.ruleSet().contentHash(),
                      "FAILED",
                      "error " + failure.error() + "\n")));
    }

    RunSummary summary(long households, boolean cancelled) {
      return new RunSummary(
          households,
          ImmutableSortedMap.copyOf(outcomes),
          ImmutableSortedMap.copyOf(reasons),
          trades,
          traded,
          tax,
          harvested,
          cancelled);
    }
  }

  /** Configures a {@link BookRebalancer}. */
  public static final class Builder {
    private final Rebalancer rebalancer;
    private int threads = Runtime.getRuntime().availableProcessors();
    private ProgressListener progress = ProgressListener.none();
    private long progressEveryMillis = 1000;
    private AuditSink audit;
    private ReviewQueue review;

    private Builder(Rebalancer rebalancer) {
      this.rebalancer = rebalancer;
    }

    /**
     * Sets the number of worker threads (default: available processors).
     *
     * @param threads the number of threads, at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      Checks.isTrue(threads >= 1, "threads", threads, "must be at least 1");
      this.threads = threads;
      return this;
    }

    /**
     * Sets where progress goes and how often, in milliseconds.
     *
     * @param listener where progress goes
     * @param everyMillis the interval between two reports, in milliseconds
     * @return this builder
     */
    public Builder progress(ProgressListener listener, long everyMillis) {
      this.progress = Checks.notNull(listener, "listener");
      this.progressEveryMillis = everyMillis;
      return this;
    }

    /**
     * Sets the audit sink every decision is appended to, in input order.
     *
     * @param sink the audit sink
     * @return this builder
     */
    public Builder audit(AuditSink sink) {
      this.audit = Checks.notNull(sink, "sink");
      return this;
    }

    /**
     * Sets the review queue every decision in review is submitted to.
     *
     * @param queue the review queue
     * @return this builder
     */
    public Builder review(ReviewQueue queue) {
      this.review = Checks.notNull(queue, "queue");
      return this;
    }

    /** {@return the book rebalancer} */
    public BookRebalancer build() {
      return new BookRebalancer(this);
    }
  }
}
