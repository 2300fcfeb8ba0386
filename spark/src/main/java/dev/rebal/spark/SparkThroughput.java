package dev.rebal.spark;

import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.RunSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * Measures Spark local mode against the plain batch runner on the same generated book, in one JVM:
 * {@link BookRebalancer} (2 threads, audit appended to a JSON-lines file, as in production) and
 * {@link SparkRebalancer#run} ({@code local[2]}, decisions, review, audit and manifest written),
 * each after a warm-up on other households of the same book, each including the generation of its
 * households (on the calling thread for the batch runner, on the executors for Spark). Prints
 * households per second for each, the outcome counts (which must agree) and the load average.
 *
 * <p>Usage: {@code SparkThroughput [households=10000] [partitions=8] [warmup=1000] [seed=1]}. A
 * measuring tool, not a test: it reads the wall clock (reporting only) and writes to a temporary
 * directory that it deletes.
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
    BookGenerator book = BookGenerator.of(BookConfig.of(seed));
    RuleSet rules = RuleSet.defaults();
    Path tmp = Files.createTempDirectory("rebal-spark-throughput");
    System.out.printf(Locale.ROOT, "book: %d households (seed %d), warm-up %d, %d partitions,"
        + " %d cores, Java %s%n", n, seed, warmup, partitions,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

    // batch runner: warm up on households n.., then time households 0..n-1
    BookRebalancer batch = BookRebalancer.builder(Rebalancer.of(rules)).threads(2)
        .audit(JsonLinesAuditSink.open(tmp.resolve("warmup-audit.jsonl"))).build();
    batch.run(java.util.stream.LongStream.range(n, n + warmup).mapToObj(book::household)
        .iterator(), book.marketData(), book.asOf(), d -> { }, new CancellationToken());
    double load0 = load();
    long t0 = System.nanoTime();
    RunSummary summary;
    try (JsonLinesAuditSink audit = JsonLinesAuditSink.open(tmp.resolve("audit.jsonl"))) {
      summary = BookRebalancer.builder(Rebalancer.of(rules)).threads(2).audit(audit).build()
          .run(book.households(n).iterator(), book.marketData(), book.asOf(), d -> { },
              new CancellationToken());
    }
    double batchSeconds = seconds(t0);
    double load1 = load();
    System.out.printf(Locale.ROOT, "batch runner (2 threads):  %,d households in %.1f s = %.0f"
        + " households/s   load %.1f -> %.1f   %s%n", summary.households(), batchSeconds,
        n / batchSeconds, load0, load1, summary.outcomes());

    SparkSession spark = SparkSession.builder().master("local[2]").appName("rebal-throughput")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        .getOrCreate();
    try {
      SparkRebalancer rebalancer = SparkRebalancer.of(spark, rules);
      // warm-up: a book of another seed, same size as the batch runner's warm-up
      rebalancer.run(GeneratedBook.lines(spark, seed + 1, warmup), book.asOf(),
          book.marketData(), partitions, tmp.resolve("spark-warmup").toString());
      double load2 = load();
      long t1 = System.nanoTime();
      SparkRunSummary s = rebalancer.run(GeneratedBook.lines(spark, seed, n), book.asOf(),
          book.marketData(), partitions, tmp.resolve("spark").toString());
      double sparkSeconds = seconds(t1);
      double load3 = load();
      System.out.printf(Locale.ROOT, "spark local[2] (%d part.): %,d households in %.1f s = %.0f"
          + " households/s   load %.1f -> %.1f   %s%n", partitions, s.households(), sparkSeconds,
          n / sparkSeconds, load2, load3, s.outcomes());
      System.out.printf(Locale.ROOT, "spark / batch throughput: %.2f%n",
          batchSeconds / sparkSeconds);
    } finally {
      spark.stop();
      deleteTree(tmp);
    }
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
