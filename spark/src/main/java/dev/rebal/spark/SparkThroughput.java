package dev.rebal.spark;

import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.RunSummary;
import dev.rebal.json.BookReader;
import dev.rebal.json.BookWriter;
import dev.rebal.json.HouseholdRead;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;

/**
 * Measures Spark local mode against the plain batch runner on the same generated book, in one JVM:
 * {@link BookRebalancer} (2 threads, audit appended to a JSON-lines file, as in production; the
 * households once straight from the generator, once read from a book file written beforehand, which
 * adds the JSON parsing that Spark's path also has) and {@link SparkRebalancer#run} ({@code
 * local[2]}, decisions, review, audit and manifest written), each after a warm-up on other
 * households of the same book, each including the generation of its households (on the calling
 * thread for the batch runner, on the executors for Spark), the two alternated over several
 * repetitions so that a change in the machine's load hits both. Prints, per run, households per
 * second, the process CPU time per household (all threads: the pipeline, and for Spark its shuffle,
 * sort, persistence and writes too), the outcome counts (which must agree) and the load average.
 *
 * <p>Usage: {@code SparkThroughput [households=10000] [partitions=8] [warmup=1000] [seed=1]
 * [repetitions=2]}. A measuring tool, not a test: it reads the wall clock (reporting only) and
 * writes to a temporary directory that it deletes.
 */
public final class SparkThroughput {
  private SparkThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args households, partitions, warm-up households, seed (all optional)
   * @throws IOException if the temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    long warmup = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
    BookGenerator book = BookGenerator.of(BookConfig.of(seed));
    RuleSet rules = RuleSet.defaults();
    Path tmp = Files.createTempDirectory("rebal-spark-throughput");
    System.out.printf(
        Locale.ROOT,
        "book: %d households (seed %d), warm-up %d, %d partitions,"
            + " %d rounds, %d cores, Java %s%n",
        n,
        seed,
        warmup,
        partitions,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("rebal-throughput")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate();
    try {
      SparkRebalancer rebalancer = SparkRebalancer.of(spark, rules);
      // warm-up of both on households n.. (batch) and a book of another seed (Spark)
      runBatch(book, rules, n, warmup, tmp.resolve("warmup-audit.jsonl"));
      rebalancer.run(
          GeneratedBook.lines(spark, seed + 1, warmup),
          book.asOf(),
          book.marketData(),
          partitions,
          tmp.resolve("spark-warmup").toString());
      Path bookFile = tmp.resolve("book.json");
      BookWriter.write(bookFile, book.asOf(), book.marketData(), book.households(n));
      // alternate the runs, so that a change in the machine's load hits each
      for (int round = 1; round <= rounds; round++) {
        Measure m = new Measure();
        RunSummary summary = runBatch(book, rules, 0, n, tmp.resolve("audit-" + round + ".jsonl"));
        m.print("batch runner, 2 threads", n, summary.outcomes().toString());
        m = new Measure();
        summary = runBatch(bookFile, rules, tmp.resolve("audit-file-" + round + ".jsonl"));
        m.print("batch runner, from book file", n, summary.outcomes().toString());
        m = new Measure();
        SparkRunSummary s =
            rebalancer.run(
                GeneratedBook.lines(spark, seed, n),
                book.asOf(),
                book.marketData(),
                partitions,
                tmp.resolve("spark-" + round).toString());
        m.print("spark local[2], " + partitions + " partitions", n, s.outcomes().toString());
      }
    } finally {
      spark.stop();
      deleteTree(tmp);
    }
  }

  private static RunSummary runBatch(
      BookGenerator book, RuleSet rules, long from, long count, Path auditFile) {
    try (JsonLinesAuditSink audit = JsonLinesAuditSink.open(auditFile)) {
      return BookRebalancer.builder(Rebalancer.of(rules))
          .threads(2)
          .audit(audit)
          .build()
          .run(
              LongStream.range(from, from + count).mapToObj(book::household).iterator(),
              book.marketData(),
              book.asOf(),
              d -> {},
              new CancellationToken());
    }
  }

  /** Runs the batch runner on the households of a book file, parsed as they are read. */
  private static RunSummary runBatch(Path bookFile, RuleSet rules, Path auditFile)
      throws IOException {
    try (BookReader reader = BookReader.open(bookFile);
        JsonLinesAuditSink audit = JsonLinesAuditSink.open(auditFile)) {
      return BookRebalancer.builder(Rebalancer.of(rules))
          .threads(2)
          .audit(audit)
          .build()
          .run(
              reader
                  .households()
                  .filter(HouseholdRead::isOk)
                  .map(r -> r.household().orElseThrow())
                  .iterator(),
              reader.marketData(),
              reader.asOf(),
              d -> {},
              new CancellationToken());
    }
  }

  /** Wall time, process CPU time and load average from construction to {@link #print}. */
  private static final class Measure {
    private final long wall0 = System.nanoTime();
    private final long cpu0 = cpu();
    private final double load0 = load();

    void print(String what, long n, String outcomes) {
      double seconds = seconds(wall0);
      double cpuMsPerHousehold = (cpu() - cpu0) / 1e6 / n;
      System.out.printf(
          Locale.ROOT,
          "%-30s %,d households in %6.1f s = %4.0f households/s,"
              + " process CPU %.2f ms/household, load %.1f -> %.1f  %s%n",
          what,
          n,
          seconds,
          n / seconds,
          cpuMsPerHousehold,
          load0,
          load(),
          outcomes);
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / (double) TimeUnit.SECONDS.toNanos(1);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
