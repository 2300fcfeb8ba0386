package dev.rebal.core.batch;

import dev.rebal.core.internal.Checks;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one function over a stream of items in parallel and emits the outcomes in input order.
 *
 * <p>The input is an {@link Iterator}, read lazily: at most {@code threads * queueFactor} chunks of
 * {@code chunkSize} items (one item each by default) are in flight at once, so memory stays flat
 * however long the book is. Outcomes are handed to the sink on the calling thread, strictly in
 * input order, so the output's order and content do not depend on the thread count or the chunk
 * size. Work that throws becomes a failed {@link BatchItem}; the batch goes on. Chunks of several
 * items suit short work (a tenth of a millisecond per item): each task then pays the hand-over
 * between threads once for the whole chunk.
 *
 * <pre>{@code
 * BatchRunner<Household, Decision> runner = BatchRunner.<Household, Decision>builder(h -> rebalance(h))
 *     .threads(2).build();
 * BatchSummary summary = runner.run(households, item -> write(item), new CancellationToken());
 * }</pre>
 *
 * <p>The work runs on the caller's {@link Executor} when the builder is given one ({@link
 * Builder#executor}); the runner then never shuts it down, and {@code threads} only bounds how many
 * chunks are in flight. Without one, each {@link #run} starts its own pool of {@code threads}
 * daemon threads and shuts it down before it returns.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param <I> the input type
 * @param <O> the result type
 */
public final class BatchRunner<I, O> {
  private final Function<? super I, ? extends O> work;
  private final int threads;
  private final int inFlight;
  private final int chunkSize;
  private final ProgressListener progress;
  private final long reportEveryNanos;
  private final long total;
  private final Ticker ticker;

  /** The caller's executor, or null to start (and shut down) a pool per run. */
  private final Executor executor;

  private BatchRunner(Builder<I, O> b) {
    this.work = b.work;
    this.threads = b.threads;
    this.inFlight = b.threads * b.queueFactor;
    this.chunkSize = b.chunkSize;
    this.progress = b.progress;
    this.reportEveryNanos = b.reportEveryNanos;
    this.total = b.total;
    this.ticker = b.ticker;
    this.executor = b.executor;
  }

  /**
   * {@return a builder for a runner of {@code work}; it must be thread-safe}
   *
   * @param <I> the type of the items
   * @param <O> the type of the results
   * @param work what to do with each item
   */
  public static <I, O> Builder<I, O> builder(Function<? super I, ? extends O> work) {
    return new Builder<>(Checks.notNull(work, "work"));
  }

  /**
   * Runs the work over every input and hands each outcome to {@code sink} in input order.
   *
   * @param inputs the items, read lazily
   * @param sink receives each outcome on the calling thread, in input order
   * @param cancellation stops the batch early when signalled
   * @return how the batch ended
   */
  public BatchSummary run(
      Iterator<? extends I> inputs,
      Consumer<? super BatchItem<I, O>> sink,
      CancellationToken cancellation) {
    Checks.notNull(inputs, "inputs");
    Checks.notNull(sink, "sink");
    Checks.notNull(cancellation, "cancellation");
    long start = ticker.read();
    long lastReport = start;
    long done = 0;
    long failed = 0;
    ExecutorService ownPool =
        executor == null ? Executors.newFixedThreadPool(threads, new DaemonThreads()) : null;
    Executor pool = executor == null ? ownPool : executor;
    ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    long next = 0;
    boolean cancelled = false;
    try {
      emit:
      while (true) {
        if (cancellation.isCancelled()) {
          cancelled = true;
          break;
        }
        while (queue.size() < inFlight && inputs.hasNext()) {
          List<I> chunk = new ArrayList<>(chunkSize);
          long first = next;
          while (chunk.size() < chunkSize && inputs.hasNext()) {
            chunk.add(inputs.next());
            next++;
          }
          FutureTask<Object[]> task = new FutureTask<>(() -> apply(chunk));
          queue.add(new Pending<>(first, chunk, task));
          pool.execute(task);
        }
        Pending<I, O> head = queue.poll();
        if (head == null) {
          break;
        }
        List<BatchItem<I, O>> items = head.await();
        if (items == null) {
          cancelled = true;
          break;
        }
        for (int i = 0; i < items.size(); i++) {
          if (i > 0 && cancellation.isCancelled()) {
            cancelled = true;
            break emit;
          }
          BatchItem<I, O> item = items.get(i);
          sink.accept(item);
          done++;
          if (item.isFailure()) {
            failed++;
          }
          long now = ticker.read();
          if (now - lastReport >= reportEveryNanos) {
            lastReport = now;
            progress.onProgress(new Progress(done, failed, total, now - start));
          }
        }
      }
    } finally {
      for (Pending<I, O> p : queue) {
        p.future.cancel(true);
      }
      if (ownPool != null) {
        ownPool.shutdownNow();
      }
    }
    long elapsed = ticker.read() - start;
    progress.onProgress(new Progress(done, failed, total, elapsed));
    return new BatchSummary(done, failed, cancelled, elapsed);
  }

  /**
   * Applies the work to each input of a chunk on a worker thread: an outcome per input, a result or
   * the failure it threw (as a {@link java.util.concurrent.Future} would hold it for a chunk of
   * one), so one failure does not lose the rest of the chunk.
   */
  private Object[] apply(List<I> chunk) {
    Object[] outcomes = new Object[chunk.size()];
    for (int i = 0; i < outcomes.length; i++) {
      try {
        outcomes[i] = new Done(work.apply(chunk.get(i)));
      } catch (Throwable e) { // a failed item is recorded, whatever it threw
        outcomes[i] = new Thrown(e);
      }
    }
    return outcomes;
  }

  /** A result the work returned (possibly null, which the runner reports as it always has). */
  private record Done(Object result) {}

  /** What the work threw. */
  private record Thrown(Throwable error) {}

  /** A chunk submitted to the pool and not yet emitted. */
  private static final class Pending<I, O> {
    final long first;
    final List<I> inputs;
    final Future<Object[]> future;

    Pending(long first, List<I> inputs, Future<Object[]> future) {
      this.first = first;
      this.inputs = inputs;
      this.future = future;
    }

    /**
     * Returns the chunk's outcomes, or null if the calling thread was interrupted while waiting.
     */
    @SuppressWarnings("unchecked")
    List<BatchItem<I, O>> await() {
      Object[] outcomes;
      try {
        outcomes = future.get();
      } catch (ExecutionException e) {
        // the chunk's task itself failed (never the work: apply catches that): fail every item
        Throwable cause = e.getCause() == null ? e : e.getCause();
        List<BatchItem<I, O>> failed = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
          failed.add(BatchItem.failure(first + i, inputs.get(i), cause));
        }
        return failed;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      List<BatchItem<I, O>> items = new ArrayList<>(outcomes.length);
      for (int i = 0; i < outcomes.length; i++) {
        items.add(
            outcomes[i] instanceof Thrown t
                ? BatchItem.failure(first + i, inputs.get(i), t.error())
                : BatchItem.success(first + i, inputs.get(i), (O) ((Done) outcomes[i]).result()));
      }
      return items;
    }
  }

  /** Names the pool's threads and makes them daemons, so a forgotten batch never blocks exit. */
  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "rebal-batch-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /**
   * Configures a {@link BatchRunner}.
   *
   * @param <I> the input type
   * @param <O> the result type
   */
  public static final class Builder<I, O> {
    private final Function<? super I, ? extends O> work;
    private int threads = Runtime.getRuntime().availableProcessors();
    private int queueFactor = 4;
    private int chunkSize = 1;
    private ProgressListener progress = ProgressListener.none();
    private long reportEveryNanos = 1_000_000_000L;
    private long total = -1;
    private Ticker ticker = Ticker.system();
    private Executor executor;

    private Builder(Function<? super I, ? extends O> work) {
      this.work = work;
    }

    /**
     * Sets the number of worker threads (default: available processors).
     *
     * @param threads the number of threads, at least 1
     * @return this builder
     */
    public Builder<I, O> threads(int threads) {
      Checks.isTrue(threads >= 1, "threads", threads, "must be at least 1");
      this.threads = threads;
      return this;
    }

    /**
     * Sets how many items each task takes (default 1). Larger chunks cut the hand-over between
     * threads for short work; outcomes, order and failures are the same whatever the size.
     *
     * @param chunkSize the items per task, at least 1
     * @return this builder
     */
    public Builder<I, O> chunkSize(int chunkSize) {
      Checks.isTrue(chunkSize >= 1, "chunkSize", chunkSize, "must be at least 1");
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * Sets how many chunks per thread may be in flight (default 4): the bounded queue.
     *
     * @param queueFactor the chunks per thread in flight, at least 1
     * @return this builder
     */
    public Builder<I, O> queueFactor(int queueFactor) {
      Checks.isTrue(queueFactor >= 1, "queueFactor", queueFactor, "must be at least 1");
      this.queueFactor = queueFactor;
      return this;
    }

    /**
     * Sets the progress listener and how often it is called, in milliseconds.
     *
     * @param listener the listener
     * @param everyMillis the interval between two reports, in milliseconds
     * @return this builder
     */
    public Builder<I, O> progress(ProgressListener listener, long everyMillis) {
      Checks.isTrue(everyMillis >= 0, "everyMillis", everyMillis, "must not be negative");
      this.progress = Checks.notNull(listener, "listener");
      this.reportEveryNanos = everyMillis * 1_000_000L;
      return this;
    }

    /**
     * Sets the number of items, if known, for the ETA.
     *
     * @param total the number of items
     * @return this builder
     */
    public Builder<I, O> total(long total) {
      Checks.isTrue(total >= 0, "total", total, "must not be negative");
      this.total = total;
      return this;
    }

    /**
     * Sets the time source for progress reports (default: the JVM's monotonic clock).
     *
     * @param ticker the time source
     * @return this builder
     */
    public Builder<I, O> ticker(Ticker ticker) {
      this.ticker = Checks.notNull(ticker, "ticker");
      return this;
    }

    /**
     * Runs the work on {@code executor} instead of a pool of the runner's own, for a caller that
     * manages its threads (an application server's pool, a virtual-thread executor). The runner
     * never shuts it down; {@link #threads} still bounds the chunks in flight, {@code threads *
     * queueFactor}, so set it to the executor's parallelism. A task the executor rejects fails the
     * run with its {@link java.util.concurrent.RejectedExecutionException}.
     *
     * @param executor the executor the chunks run on
     * @return this builder
     */
    public Builder<I, O> executor(Executor executor) {
      this.executor = Checks.notNull(executor, "executor");
      return this;
    }

    /** {@return the runner} */
    public BatchRunner<I, O> build() {
      return new BatchRunner<>(this);
    }
  }
}
