package dev.rebal.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import java.time.LocalDate;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Rebalances a book with Spark: the households, a {@code Dataset<String>} of JSON lines (one
 * household per line, {@link dev.rebal.json.HouseholdLines}), are hash-partitioned by household id,
 * sorted by id within each partition, and decided by {@code mapPartitions} with one {@link
 * dev.rebal.engine.Rebalancer} per partition; the rule set and the book header (as-of date and
 * market data) are broadcast as text with their hashes and re-parsed on each executor.
 *
 * <pre>{@code
 * SparkRebalancer rebalancer = SparkRebalancer.of(spark, RuleSet.defaults());
 * SparkRunSummary summary = rebalancer.run(spark.read().textFile("households.jsonl"), asOf,
 *     marketData, 64, "hdfs:///rebal/2026-06-30");
 * }</pre>
 *
 * <p><b>Identity.</b> Every household's decision is the one {@link dev.rebal.engine.BookRebalancer}
 * makes on one machine with the same rule set, as-of date and market data: the same outcome, inputs
 * hash and canonical text (so the same {@code contentHash}), whatever the partitioning, because a
 * decision depends on nothing but those inputs.
 *
 * <p><b>Audit.</b> Each partition is one audit chain (named {@code p00000}, {@code p00001}, ...),
 * chained from {@link dev.rebal.core.audit.AuditRecord#GENESIS} in household-id order, in the
 * format of {@link dev.rebal.core.audit.JsonLinesAuditSink}. Which households share a chain depends
 * on the number of partitions (not on Spark's scheduling); each chain verifies on its own. {@link
 * #run} writes each chain to one file of {@code audit/} and a manifest (chain, records, first and
 * last hash) to {@code audit-manifest/}; {@link SparkAuditVerifier} checks both after the job.
 *
 * <p>This class is immutable; its methods run Spark jobs on the session it was built with.
 */
public final class SparkRebalancer {
  /**
   * The schema of {@link #decide}'s rows: {@code chain}, {@code sequence} (the audit chain and the
   * record's position in it), {@code household}, {@code asOf}, {@code outcome} (a {@link
   * dev.rebal.engine.DecisionOutcome} name, {@code FAILED} when the rebalance threw, {@code
   * UNREADABLE} when the line is not a household), {@code releasable}, {@code inputsHash}, {@code
   * ruleSetVersion}, {@code ruleSetHash}, {@code contentHash} (SHA-256 of the decision's canonical
   * text, the audit body), {@code trades} (account, security, side, quantity, price, value as plain
   * decimal strings, reasonCodes), {@code reviewPriority} (1 urgent, 2 normal, 0 not in review),
   * {@code reviewReasons}, {@code error} (empty unless failed or unreadable), {@code auditHash} and
   * {@code auditLine} (the audit record as one JSON line).
   */
  public static final StructType SCHEMA = DecisionRows.SCHEMA;

  private final SparkSession spark;
  private final RuleSet ruleSet;

  private SparkRebalancer(SparkSession spark, RuleSet ruleSet) {
    this.spark = spark;
    this.ruleSet = ruleSet;
  }

  /**
   * {@return a rebalancer that runs on {@code spark} with {@code ruleSet}}
   *
   * @param spark the Spark session
   * @param ruleSet the rule set in force
   */
  public static SparkRebalancer of(SparkSession spark, RuleSet ruleSet) {
    return new SparkRebalancer(Checks.notNull(spark, "spark"), Checks.notNull(ruleSet, "ruleSet"));
  }

  /** {@return the rule set in force} */
  public RuleSet ruleSet() {
    return ruleSet;
  }

  /**
   * {@return the decisions of {@code households} as a lazy Dataset of {@link #SCHEMA} rows, one per
   * line, in {@code partitions} partitions (partition i is audit chain {@code p0000i})}
   *
   * @param households one household per line, in {@link dev.rebal.json.HouseholdLines} form
   * @param asOf the as-of date
   * @param marketData the market data shared by the book
   * @param partitions the number of partitions (and audit chains), at least 1
   */
  public Dataset<Row> decide(
      Dataset<String> households, LocalDate asOf, MarketData marketData, int partitions) {
    Checks.notNull(households, "households");
    Checks.isTrue(partitions >= 1, "partitions", partitions, "must be at least 1");
    Broadcast<JobInputs> inputs =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(
                JobInputs.of(
                    ruleSet,
                    Checks.notNull(asOf, "asOf"),
                    Checks.notNull(marketData, "marketData")));
    Dataset<Row> lines =
        households
            .toDF("line")
            .withColumn("id", coalesce(get_json_object(col("line"), "$.id"), lit("")));
    return lines
        .repartition(partitions, col("id"))
        .sortWithinPartitions(col("id"), col("line"))
        .select(col("line"))
        .mapPartitions(new DecidePartition(inputs), Encoders.row(SCHEMA));
  }

  /**
   * Decides {@code households} and writes the results under {@code outDir} (any Hadoop file system
   * URI or local path; it must not exist): {@code decisions/} (JSON, every {@link #SCHEMA} column
   * but {@code auditLine}), {@code review/} (JSON, the households in review: household, asOf,
   * reviewPriority, reviewReasons, contentHash, chain, sequence), {@code audit/} (text, one file
   * per chain, each line a {@link dev.rebal.core.audit.JsonLinesAuditSink} record in sequence
   * order) and {@code audit-manifest/} (JSON, one row per chain: chain, records, firstHash,
   * lastHash). The decisions are computed once (persisted while the four outputs are written).
   *
   * @param households one household per line, in {@link dev.rebal.json.HouseholdLines} form
   * @param asOf the as-of date
   * @param marketData the market data shared by the book
   * @param partitions the number of partitions (and audit chains), at least 1
   * @param outDir the output directory, which must not exist
   * @return the households by outcome and the number of chains
   */
  public SparkRunSummary run(
      Dataset<String> households,
      LocalDate asOf,
      MarketData marketData,
      int partitions,
      String outDir) {
    Checks.notBlank(outDir, "outDir");
    Dataset<Row> decided =
        decide(households, asOf, marketData, partitions).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      decided.drop("auditLine").write().mode(SaveMode.ErrorIfExists).json(outDir + "/decisions");
      decided
          .filter(col("outcome").equalTo("REVIEW"))
          .select(
              "household",
              "asOf",
              "reviewPriority",
              "reviewReasons",
              "contentHash",
              "chain",
              "sequence")
          .write()
          .mode(SaveMode.ErrorIfExists)
          .json(outDir + "/review");
      decided.select("auditLine").write().mode(SaveMode.ErrorIfExists).text(outDir + "/audit");
      Dataset<Row> manifest =
          decided
              .groupBy("chain")
              .agg(
                  count(lit(1)).as("records"),
                  min_by(col("auditHash"), col("sequence")).as("firstHash"),
                  max_by(col("auditHash"), col("sequence")).as("lastHash"))
              .orderBy("chain");
      manifest.coalesce(1).write().mode(SaveMode.ErrorIfExists).json(outDir + "/audit-manifest");
      TreeMap<String, Long> outcomes = new TreeMap<>();
      long total = 0;
      for (Row r : decided.groupBy("outcome").count().collectAsList()) {
        outcomes.put(r.getString(0), r.getLong(1));
        total += r.getLong(1);
      }
      long chains = decided.select("chain").distinct().count();
      return new SparkRunSummary(total, ImmutableSortedMap.copyOf(outcomes), chains, outDir);
    } finally {
      decided.unpersist();
    }
  }
}
