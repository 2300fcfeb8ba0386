package dev.rebal.spark;

import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetParser;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdLines;
import dev.rebal.json.HouseholdRead;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} main class: rebalances a book with {@link SparkRebalancer} and writes
 * decisions, review items and audit chains under {@code --out}.
 *
 * <pre>
 * --households PATH  the households as JSON lines (any Spark path: file, HDFS, S3, a glob)
 * --header PATH      the book header: a Rebal book with no households (as-of date, market data)
 * --book FILE        or: a Rebal book file on the driver (read whole into the driver; small books)
 * --generate N       or: N generated households (seeded: --seed S, default 1)
 * --rules FILE       the rule set's text (default: Rebal's default rule set)
 * --out DIR          the output directory; must not exist
 * --partitions N     partitions and audit chains (default: 4 x Spark's default parallelism)
 * --master URL       Spark master (default: spark-submit's, else local[*])
 * </pre>
 *
 * <p>When {@code --out} is a local path the job verifies the audit output with {@link
 * SparkAuditVerifier} before it exits. It exits 1 if the audit is not intact, 2 on a usage error.
 * The wall-clock time it prints is reporting only, never part of the output.
 */
public final class SparkRebalanceJob {
  private SparkRebalanceJob() {}

  /**
   * Runs the job.
   *
   * @param args the options above
   * @throws IOException if an input cannot be read or the audit cannot be verified
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: SparkRebalanceJob (--households PATH --header PATH | --book FILE"
              + " | --generate N [--seed S]) --out DIR [--partitions N] [--rules FILE]"
              + " [--master URL]");
      System.exit(2);
      return;
    }
    SparkConf conf = new SparkConf().setAppName("rebal-rebalance");
    if (options.containsKey("master") || !conf.contains("spark.master")) {
      conf.setMaster(options.getOrDefault("master", "local[*]"));
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    int exit;
    try {
      exit = run(spark, options);
    } finally {
      spark.stop();
    }
    if (exit != 0) {
      System.exit(exit);
    }
  }

  static int run(SparkSession spark, Map<String, String> options) throws IOException {
    RuleSet ruleSet =
        options.containsKey("rules")
            ? RuleSetParser.parse(
                options.get("rules"), Files.readString(Path.of(options.get("rules"))))
            : RuleSet.defaults();
    LocalDate asOf;
    MarketData marketData;
    Dataset<String> households;
    if (options.containsKey("generate")) {
      long n = Long.parseLong(options.get("generate"));
      BookGenerator g =
          BookGenerator.of(BookConfig.of(Long.parseLong(options.getOrDefault("seed", "1"))));
      // generated on the executors: household i is the same everywhere
      asOf = g.asOf();
      marketData = g.marketData();
      households = GeneratedBook.lines(spark, g.config().seed(), n);
    } else if (options.containsKey("book")) {
      List<String> lines = new ArrayList<>();
      try (BookReader book = BookReader.open(Path.of(options.get("book")))) {
        asOf = book.asOf();
        marketData = book.marketData();
        for (HouseholdRead r : (Iterable<HouseholdRead>) book.households()::iterator) {
          if (r.isOk()) {
            lines.add(HouseholdLines.write(r.household().orElseThrow()));
          } else {
            System.err.println("unreadable, left out: " + r.failure().orElseThrow());
          }
        }
      }
      households = spark.createDataset(lines, Encoders.STRING());
    } else {
      String header =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .wholeTextFiles(options.get("header"), 1)
              .first()
              ._2();
      try (BookReader book =
          BookReader.open(new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)))) {
        asOf = book.asOf();
        marketData = book.marketData();
        if (book.next().isPresent()) {
          throw new IllegalArgumentException(
              "--header "
                  + options.get("header")
                  + ": must have no households (write it with BookLines.header)");
        }
      }
      households = spark.read().textFile(options.get("households"));
    }
    int partitions =
        options.containsKey("partitions")
            ? Integer.parseInt(options.get("partitions"))
            : 4 * spark.sparkContext().defaultParallelism();
    String out = options.get("out");
    System.out.println(
        "rebal: rule set "
            + ruleSet
            + ", as of "
            + asOf
            + ", "
            + partitions
            + " partitions, master "
            + spark.sparkContext().master());
    long start = System.nanoTime();
    SparkRunSummary summary =
        SparkRebalancer.of(spark, ruleSet).run(households, asOf, marketData, partitions, out);
    double seconds = (System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1);
    System.out.printf(
        Locale.ROOT,
        "rebal: %d households in %.1f s (%.0f households/s), %d audit chains%n",
        summary.households(),
        seconds,
        summary.households() / seconds,
        summary.chains());
    summary.outcomes().forEach((k, v) -> System.out.println("  " + k + " " + v));
    System.out.println("rebal: wrote " + out + "/{decisions,review,audit,audit-manifest}");
    if (!out.contains("://") || out.startsWith("file:")) {
      SparkAuditVerifier.Report report =
          SparkAuditVerifier.verify(
              Path.of(out.startsWith("file:") ? java.net.URI.create(out).getPath() : out));
      System.out.println(
          "rebal: audit "
              + report.chains()
              + " chains, "
              + report.records()
              + " records, "
              + (report.isIntact() ? "intact" : "BROKEN"));
      report.problems().forEach(p -> System.out.println("  " + p));
      return report.isIntact() ? 0 : 1;
    }
    return 0;
  }

  /** Parses {@code --name value} pairs and checks that the inputs are given one way. */
  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    List<String> known =
        List.of(
            "households",
            "header",
            "book",
            "generate",
            "seed",
            "rules",
            "out",
            "partitions",
            "master");
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!known.contains(name) || i + 1 >= args.length) {
        throw new IllegalArgumentException("unknown option or missing value: " + args[i]);
      }
      o.put(name, args[i + 1]);
    }
    int inputs =
        (o.containsKey("households") || o.containsKey("header") ? 1 : 0)
            + (o.containsKey("book") ? 1 : 0)
            + (o.containsKey("generate") ? 1 : 0);
    if (inputs != 1 || o.containsKey("households") != o.containsKey("header")) {
      throw new IllegalArgumentException(
          "give the input one way: --households with --header, or --book, or --generate");
    }
    if (!o.containsKey("out")) {
      throw new IllegalArgumentException("--out is required");
    }
    return o;
  }
}
