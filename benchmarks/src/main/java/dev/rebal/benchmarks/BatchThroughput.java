package dev.rebal.benchmarks;

import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.batch.BatchRunner;
import dev.rebal.core.batch.BatchSummary;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.RunSummary;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batch throughput over the generated book (seed {@link Bins#SEED}, default settings): households
 * streamed from {@link BookGenerator} one at a time (never all in memory) through {@link
 * BookRebalancer} (full pipeline, each decision's audit entry appended to a JSON-lines audit log in
 * a temporary file, deleted afterwards), through {@link Rebalancer#screen} on a {@link BatchRunner}
 * (the daily screen), or only generated (the cost of the input stream, which the runner reads on
 * the calling thread). Prints households per second, per second per core (the thread count), wall
 * time, peak heap used (sampled every 20 ms from {@link MemoryMXBean}), the largest heap left after a
 * collection (the live set, from the heap pools' collection usage), the collectors' counts and
 * times, the process CPU time (all threads: generation, workers, audit, GC and JIT) per household,
 * and the system load average before and after (other processes on the machine slow the wall
 * clock, not the CPU time). Not a JMH benchmark and not run by the build; run it by hand, e.g.
 *
 * <pre>{@code
 * java -Xmx512m -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.BatchThroughput \
 *     rebalance 10000 2
 * }</pre>
 *
 * <p>Arguments: mode ({@code rebalance}, {@code screen} or {@code generate}), household count,
 * threads, and optionally the first household index (default 0) and a warm-up count (default
 * 2,000 households through the same mode before timing starts, on the same threads).
 */
public final class BatchThroughput {
  private BatchThroughput() {}

  /** Runs one measurement and prints one result line. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: BatchThroughput rebalance|screen|generate COUNT THREADS [FIRST]"
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
    System.out.printf("%s count=%d threads=%d first=%d wall=%.1fs households/s=%.0f"
            + " households/s/core=%.0f processCpu=%.1fs cpuMs/household=%.2f peakHeapUsed=%dMB"
            + " liveAfterGcMax=%dMB heapCommittedMax=%dMB maxHeap=%dMB gcs=%d gcTime=%.1fs"
            + " loadavg=%.1f->%.1f | %s%n", mode, count, threads, first, seconds, perSecond,
        perSecond / threads, cpuSeconds, cpuSeconds * 1e3 / count, sampler.peakUsed / (1 << 20),
        liveAfterGc() / (1 << 20), sampler.peakCommitted / (1 << 20),
        Runtime.getRuntime().maxMemory() / (1 << 20), gcCount() - gcCount0,
        (gcMillis() - gcMillis0) / 1e3, load0, os.getSystemLoadAverage(), result);
  }

  private static String run(String mode, BookGenerator generator, Rebalancer rebalancer,
      long first, long count, int threads) throws IOException {
    Iterator<Household> households = generator.households(first + count).skip(first).iterator();
    MarketData market = generator.marketData();
    LocalDate asOf = generator.asOf();
    switch (mode) {
      case "rebalance": {
        Path dir = Files.createTempDirectory("rebal-throughput");
        Path log = dir.resolve("audit.jsonl");
        AtomicLong decisions = new AtomicLong();
        RunSummary summary;
        try (JsonLinesAuditSink audit = JsonLinesAuditSink.open(log)) {
          summary = BookRebalancer.builder(rebalancer).threads(threads).audit(audit).build()
              .run(households, market, asOf, d -> decisions.incrementAndGet(),
                  new CancellationToken());
        }
        long bytes = Files.size(log);
        Files.delete(log);
        Files.delete(dir);
        return "decisions=" + decisions.get() + " auditBytes=" + bytes + " " + summary.outcomes()
            + " trades=" + summary.trades();
      }
      case "screen": {
        AtomicLong triggered = new AtomicLong();
        BatchSummary summary = BatchRunner.<Household, List<Finding>>builder(
            h -> rebalancer.screen(h, market, asOf)).threads(threads).build()
            .run(households, item -> {
              if (item.result().map(f -> !f.isEmpty()).orElse(false)) {
                triggered.incrementAndGet();
              }
            }, new CancellationToken());
        return "screened=" + summary.done() + " failed=" + summary.failed() + " triggered="
            + triggered.get();
      }
      case "generate": {
        long lots = 0;
        while (households.hasNext()) {
          lots += households.next().lots().size();
        }
        return "lots=" + lots;
      }
      default:
        throw new IllegalArgumentException("mode must be rebalance, screen or generate: " + mode);
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
