package dev.rebal.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchRunnerTest {

  /** Uneven work, so that later items often finish before earlier ones on several threads. */
  private static long unevenWork(long n) {
    long acc = n;
    long rounds = (n * 7919) % 50_000;
    for (long i = 0; i < rounds; i++) {
      acc = acc * 6364136223846793005L + 1442695040888963407L;
    }
    return n * 10 + (acc & 0);
  }

  private static List<String> runAll(int threads, long count) {
    List<String> out = new ArrayList<>();
    BatchRunner<Long, Long> runner =
        BatchRunner.<Long, Long>builder(BatchRunnerTest::unevenWork).threads(threads).build();
    runner.run(
        LongStream.range(0, count).boxed().iterator(),
        item -> out.add(item.index() + ":" + item.result().orElseThrow()),
        new CancellationToken());
    return out;
  }

  @Test
  void run_fourThreads_emitsInInputOrderLikeOneThread() {
    // given / when
    List<String> one = runAll(1, 500);
    List<String> four = runAll(4, 500);

    // then
    assertThat(four).isEqualTo(one).hasSize(500);
    assertThat(four.get(0)).isEqualTo("0:0");
    assertThat(four.get(499)).isEqualTo("499:4990");
  }

  @Test
  void run_workThrows_recordsFailureAndGoesOn() {
    // given
    BatchRunner<Long, Long> runner =
        BatchRunner.<Long, Long>builder(
                n -> {
                  if (n == 3) {
                    throw new IllegalArgumentException("bad household 3");
                  }
                  return n;
                })
            .threads(2)
            .build();
    List<BatchItem<Long, Long>> out = new ArrayList<>();

    // when
    BatchSummary summary =
        runner.run(LongStream.range(0, 10).boxed().iterator(), out::add, new CancellationToken());

    // then
    assertThat(summary.done()).isEqualTo(10);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(out.get(3).failure())
        .hasValue("java.lang.IllegalArgumentException: bad household 3");
    assertThat(out.get(3).result()).isEmpty();
    assertThat(out.get(4).result()).hasValue(4L);
  }

  @Test
  void run_inputIsStreamed_inFlightStaysBounded() {
    // given: an iterator that counts how far it has been read ahead of the sink
    AheadCounter counting = new AheadCounter(1000);
    BatchRunner<Long, Long> runner =
        BatchRunner.<Long, Long>builder(n -> n).threads(2).queueFactor(3).build();

    // when
    runner.run(counting, item -> counting.emitted.incrementAndGet(), new CancellationToken());

    // then: never more than threads * queueFactor items read but not yet emitted
    assertThat(counting.emitted.get()).isEqualTo(1000);
    assertThat(counting.maxAhead.get()).isLessThanOrEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10})
  void run_cancelledBySink_stopsAndReportsCancelled(int chunkSize) {
    // given
    CancellationToken token = new CancellationToken();
    BatchRunner<Long, Long> runner =
        BatchRunner.<Long, Long>builder(n -> n).threads(2).chunkSize(chunkSize).build();
    List<Long> out = new ArrayList<>();

    // when: the sink cancels after the fifth item (with chunks of 10, in the middle of the first)
    BatchSummary summary =
        runner.run(
            LongStream.range(0, 1_000_000).boxed().iterator(),
            item -> {
              out.add(item.index());
              if (out.size() == 5) {
                token.cancel();
              }
            },
            token);

    // then
    assertThat(summary.cancelled()).isTrue();
    assertThat(summary.done()).isEqualTo(5);
    assertThat(out).containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void run_fakeTicker_reportsRateAndEta() {
    // given: each reading of the ticker advances one second
    AtomicLong clock = new AtomicLong();
    List<Progress> reports = new ArrayList<>();
    BatchRunner<Long, Long> runner =
        BatchRunner.<Long, Long>builder(n -> n)
            .threads(1)
            .ticker(() -> clock.getAndAdd(1_000_000_000L))
            .progress(reports::add, 0)
            .total(4)
            .build();

    // when
    runner.run(LongStream.range(0, 4).boxed().iterator(), item -> {}, new CancellationToken());

    // then: after the first item, 1 done in 1 s, 3 left at 1/s
    assertThat(reports.get(0).done()).isEqualTo(1);
    assertThat(reports.get(0).perSecond()).isEqualTo(1.0);
    assertThat(reports.get(0).etaSeconds()).hasValue(3.0);
    assertThat(reports.get(reports.size() - 1).done()).isEqualTo(4);
    assertThat(reports.get(0).toString()).isEqualTo("1/4 done (0 failed), 1.0/s, eta 3.0 s");
  }

  @Test
  void builder_zeroThreads_throwsNamingTheArgument() {
    assertThatThrownBy(() -> BatchRunner.<Long, Long>builder(n -> n).threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads: must be at least 1, was 0");
  }

  @Test
  void run_chunksOfSeven_emitTheSameItemsInTheSameOrderAsChunksOfOne() {
    // given: 100 items (not a multiple of 7), uneven work, items 3 and 50 fail
    java.util.function.Function<Long, Long> work =
        n -> {
          if (n == 3 || n == 50) {
            throw new IllegalStateException("item " + n);
          }
          return unevenWork(n);
        };
    List<String> one = new ArrayList<>();
    List<String> seven = new ArrayList<>();

    // when
    BatchSummary a =
        BatchRunner.<Long, Long>builder(work)
            .threads(1)
            .build()
            .run(
                LongStream.range(0, 100).boxed().iterator(),
                i -> one.add(describe(i)),
                new CancellationToken());
    BatchSummary b =
        BatchRunner.<Long, Long>builder(work)
            .threads(3)
            .chunkSize(7)
            .build()
            .run(
                LongStream.range(0, 100).boxed().iterator(),
                i -> seven.add(describe(i)),
                new CancellationToken());

    // then
    assertThat(seven).isEqualTo(one).hasSize(100);
    assertThat(seven.get(50)).isEqualTo("50 50 java.lang.IllegalStateException: item 50");
    assertThat(seven.get(51)).isEqualTo("51 51 510");
    assertThat(b.failed()).isEqualTo(a.failed()).isEqualTo(2);
    assertThat(b.done()).isEqualTo(100);
  }

  @Test
  void run_chunks_inFlightStaysBoundedByChunksTimesQueue() {
    // given
    AheadCounter counting = new AheadCounter(1000);

    // when
    BatchRunner.<Long, Long>builder(n -> n)
        .threads(2)
        .queueFactor(3)
        .chunkSize(5)
        .build()
        .run(counting, item -> counting.emitted.incrementAndGet(), new CancellationToken());

    // then: never more than threads * queueFactor chunks of 5 read but not yet emitted
    assertThat(counting.emitted.get()).isEqualTo(1000);
    assertThat(counting.maxAhead.get()).isLessThanOrEqualTo(30);
  }

  @Test
  void builder_zeroChunk_throwsNamingTheArgument() {
    assertThatThrownBy(() -> BatchRunner.<Long, Long>builder(n -> n).chunkSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chunkSize");
  }

  /** Counts 0 to n - 1 and records how far reading ran ahead of what the sink emitted. */
  private static final class AheadCounter implements Iterator<Long> {
    final AtomicLong read = new AtomicLong();
    final AtomicLong maxAhead = new AtomicLong();
    final AtomicLong emitted = new AtomicLong();
    private final long n;

    AheadCounter(long n) {
      this.n = n;
    }

    @Override
    public boolean hasNext() {
      return read.get() < n;
    }

    @Override
    public Long next() {
      long i = read.getAndIncrement();
      maxAhead.accumulateAndGet(i + 1 - emitted.get(), Math::max);
      return i;
    }
  }

  private static String describe(BatchItem<Long, Long> item) {
    return item.index()
        + " "
        + item.input()
        + " "
        + item.result().map(String::valueOf).orElseGet(() -> item.failure().orElseThrow());
  }

  @Test
  void run_callersExecutor_runsWorkThereInInputOrderAndLeavesItRunning() {
    // given: an executor that counts the tasks it is given and names its threads
    ExecutorService callers = Executors.newFixedThreadPool(2, r -> new Thread(r, "callers-pool"));
    AtomicInteger tasks = new AtomicInteger();
    List<String> threadNames = new ArrayList<>();
    BatchRunner<Long, String> runner =
        BatchRunner.<Long, String>builder(n -> Thread.currentThread().getName())
            .threads(2)
            .chunkSize(5)
            .executor(
                task -> {
                  tasks.incrementAndGet();
                  callers.execute(task);
                })
            .build();
    List<Long> indexes = new ArrayList<>();
    try {
      // when
      BatchSummary summary =
          runner.run(
              LongStream.range(0, 100).boxed().iterator(),
              item -> {
                indexes.add(item.index());
                threadNames.add(item.result().orElseThrow());
              },
              new CancellationToken());

      // then: every chunk went to the caller's executor, which is still usable afterwards
      assertThat(summary.done()).isEqualTo(100);
      assertThat(tasks).hasValue(20);
      assertThat(threadNames).containsOnly("callers-pool");
      assertThat(indexes).isEqualTo(LongStream.range(0, 100).boxed().toList());
      assertThat(callers.isShutdown()).isFalse();
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void builder_nullExecutor_throwsNamingTheArgument() {
    assertThatThrownBy(() -> BatchRunner.<Long, Long>builder(n -> n).executor(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("executor");
  }
}
