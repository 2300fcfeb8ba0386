package dev.rebal.benchmarks;

import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.BookScreener;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.RunSummary;
import dev.rebal.engine.ScreenSummary;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Batch throughput over the generated book (seed {@link Bins#SEED}, default settings), streamed one
 * household at a time (never all in memory): through {@link BookRebalancer} (full pipeline, each
 * decision's audit entry appended to a JSON-lines audit log in a temporary file, deleted
 * afterwards), through {@link BookScreener} (the daily screen), or only generated (the cost of the
 * input stream). In modes {@code rebalance} and {@code screen} the records are household indices
 * and each household is generated on the worker that decides it, as a reader of a file or a
 * database would parse it there; modes {@code rebalance-serial} and {@code screen-serial} generate
 * every household on the calling thread instead. Prints households per second, per second per core
 * (the thread count), wall time, peak heap used (sampled every 20 ms from {@link MemoryMXBean}),
 * the largest heap left after a collection (the live set, from the heap pools' collection usage),
 * the collectors' counts and times, the process CPU time (all threads: generation, workers, audit,
 * GC and JIT) per household, and the system load average before and after (other processes on the
 * machine slow the wall clock, not the CPU time). Not a JMH benchmark and not run by the build; run
 * it by hand, e.g.
 *
 * <pre>{@code
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.BatchThroughput \
 *     rebalance 10000 2
 * }</pre>
 *
 * <p>Arguments: mode ({@code rebalance}, {@code rebalance-serial}, {@code screen}, {@code
 * screen-serial} or {@code generate}), household count, threads, and optionally the first household
 * index (default 0) and a warm-up count (default 2,000 households through the same mode before
 * timing starts, on the same threads).
 */
public final class BatchThroughput {
  private BatchThroughput() {}

  /** Runs one measurement and prints one result line. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: BatchThroughput rebalance|rebalance-serial|screen|screen-serial"
              + "|generate COUNT THREADS [FIRST]"
              + " [WARMUP]");
      System.exit(2);
    }
    String mode = args[0];
    long count = Long.parseLong(args[1]);
    int threads = Integer.parseInt(args[2]);
    long first = args.length > 3 ? Long.parseLong(args[3]) : 0;
    long warmup = args.length > 4 ? Long.parseLong(args[4]) : 2_000;
    BookGenerator generator = BookGenerator.of(BookConfig.of(Bins.SEED));
    Rebalancer rebalancer = Rebalancer.standard();
    if (warmup > 0) {
      run(mode, generator, rebalancer, first + count, warmup, threads);
    }
    System.gc();
    HeapSampler sampler = new HeapSampler();
    sampler.start();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double load0 = os.getSystemLoadAverage();
    long gcCount0 = gcCount();
    long gcMillis0 = gcMillis();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    String result = run(mode, generator, rebalancer, first, count, threads);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
    sampler.stop();
    double perSecond = count / seconds;
    System.out.printf(
        Locale.ROOT,
        "%s count=%d threads=%d first=%d wall=%.1fs households/s=%.0f"
            + " households/s/core=%.0f processCpu=%.1fs cpuMs/household=%.2f peakHeapUsed=%dMB"
            + " liveAfterGcMax=%dMB heapCommittedMax=%dMB maxHeap=%dMB gcs=%d gcTime=%.1fs"
            + " loadavg=%.1f->%.1f | %s%n",
        mode,
        count,
        threads,
        first,
        seconds,
        perSecond,
        perSecond / threads,
        cpuSeconds,
        cpuSeconds * 1e3 / count,
        sampler.peakUsed / (1 << 20),
        liveAfterGc() / (1 << 20),
        sampler.peakCommitted / (1 << 20),
        Runtime.getRuntime().maxMemory() / (1 << 20),
        gcCount() - gcCount0,
        (gcMillis() - gcMillis0) / 1e3,
        load0,
        os.getSystemLoadAverage(),
        result);
  }

  private static String run(
      String mode,
      BookGenerator generator,
      Rebalancer rebalancer,
      long first,
      long count,
      int threads)
      throws IOException {
    // the records are indices: the generator builds each household on the worker that decides it
    Iterator<Long> indices = LongStream.range(first, first + count).boxed().iterator();
    Iterator<Household> households = generator.households(first + count).skip(first).iterator();
    MarketData market = generator.marketData();
    LocalDate asOf = generator.asOf();
    switch (mode) {
      case "rebalance":
      case "rebalance-serial":
        {
          Path dir = Files.createTempDirectory("rebal-throughput");
          Path log = dir.resolve("audit.jsonl");
          AtomicLong decisions = new AtomicLong();
          RunSummary summary;
          try (JsonLinesAuditSink audit = JsonLinesAuditSink.open(log)) {
            BookRebalancer book =
                BookRebalancer.builder(rebalancer).threads(threads).audit(audit).build();
            summary =
                mode.equals("rebalance")
                    ? book.run(
                        indices,
                        generator::household,
                        market,
                        asOf,
                        d -> decisions.incrementAndGet(),
                        new CancellationToken())
                    : book.run(
                        households,
                        market,
                        asOf,
                        d -> decisions.incrementAndGet(),
                        new CancellationToken());
          }
          long bytes = Files.size(log);
          Files.delete(log);
          Files.delete(dir);
          return "decisions="
              + decisions.get()
              + " auditBytes="
              + bytes
              + " "
              + summary.outcomes()
              + " trades="
              + summary.trades();
        }
      case "screen":
      case "screen-serial":
        {
          BookScreener screener = BookScreener.builder(rebalancer).threads(threads).build();
          ScreenSummary summary =
              mode.equals("screen")
                  ? screener.run(
                      indices, generator::household, market, asOf, r -> {}, new CancellationToken())
                  : screener.run(households, market, asOf, r -> {}, new CancellationToken());
          return summary.toString().replace(System.lineSeparator(), "; ");
        }
      case "generate":
        {
          long lots = 0;
          while (households.hasNext()) {
            lots += households.next().lots().size();
          }
          return "lots=" + lots;
        }
      default:
        throw new IllegalArgumentException(
            "mode must be rebalance, rebalance-serial, screen,"
                + " screen-serial or generate: "
                + mode);
    }
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static long gcMillis() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionTime());
    }
    return n;
  }

  /** The sum over heap pools of the usage after their last collection: the live set, roughly. */
  private static long liveAfterGc() {
    long n = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (u != null) {
        n += u.getUsed();
      }
    }
    return n;
  }

  /** Samples heap use every 20 ms on a daemon thread and keeps the peaks. */
  private static final class HeapSampler implements Runnable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread = new Thread(this, "heap-sampler");
    private volatile boolean running = true;
    private volatile long peakUsed;
    private volatile long peakCommitted;

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    @Override
    public void run() {
      while (running) {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        peakUsed = Math.max(peakUsed, heap.getUsed());
        peakCommitted = Math.max(peakCommitted, heap.getCommitted());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
