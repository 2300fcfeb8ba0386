package dev.rebal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.InMemoryAuditSink;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.Rebalancer;
import dev.rebal.json.HouseholdLines;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity of the Spark job with the single-machine batch runner: a generated book of 2,000
 * households (3% faulty, so some are on hold) decided by {@link BookRebalancer} and by {@link
 * SparkRebalancer} in {@code local[2]} with 3 and with 7 partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkRebalancerTest {
  private static final int HOUSEHOLDS = 2_000;
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(20260630L));
  private static final RuleSet RULES = RuleSet.defaults();

  private Path dir;

  /** The batch runner's decision text hash, outcome and inputs hash, by household. */
  private final Map<String, String> batchDecisions = new TreeMap<>();

  /** The batch runner's audit entries, by household. */
  private final Map<String, AuditEntry> batchAudit = new TreeMap<>();

  private long batchInReview;
  private SparkRunSummary three;
  private SparkRunSummary seven;

  @BeforeAll
  void runBatchAndSpark(@TempDir Path tempDir) {
    dir = tempDir;
    InMemoryAuditSink audit = new InMemoryAuditSink();
    BookRebalancer.builder(Rebalancer.of(RULES))
        .threads(2)
        .audit(audit)
        .build()
        .run(
            BOOK.households(HOUSEHOLDS).iterator(),
            BOOK.marketData(),
            BOOK.asOf(),
            this::recordBatch,
            new CancellationToken());
    audit.records().forEach(r -> batchAudit.put(r.entry().household(), r.entry()));

    SparkSession spark = LocalSpark.session();
    Dataset<String> lines = GeneratedBook.lines(spark, BOOK.config().seed(), HOUSEHOLDS);
    SparkRebalancer rebalancer = SparkRebalancer.of(spark, RULES);
    three = rebalancer.run(lines, BOOK.asOf(), BOOK.marketData(), 3, out("three"));
    seven = rebalancer.run(lines, BOOK.asOf(), BOOK.marketData(), 7, out("seven"));
  }

  private void recordBatch(Decision d) {
    batchDecisions.put(
        d.household().value(),
        key(d.outcome().name(), AuditRecord.sha256Hex(d.canonicalText()), d.inputsHash()));
    if (d.outcome() == DecisionOutcome.REVIEW) {
      batchInReview++;
    }
  }

  private static String key(String outcome, String contentHash, String inputsHash) {
    return outcome + " " + contentHash + " " + inputsHash;
  }

  private String out(String name) {
    return dir.resolve(name).toString();
  }

  private Map<String, String> sparkDecisions(String name) {
    Map<String, String> byHousehold = new TreeMap<>();
    for (Row r :
        LocalSpark.session()
            .read()
            .json(out(name) + "/decisions")
            .select("household", "outcome", "contentHash", "inputsHash")
            .collectAsList()) {
      String previous =
          byHousehold.put(r.getString(0), key(r.getString(1), r.getString(2), r.getString(3)));
      assertThat(previous).as("household %s decided twice", r.getString(0)).isNull();
    }
    return byHousehold;
  }

  private Map<String, AuditEntry> sparkAudit(String name) throws IOException {
    Map<String, AuditEntry> byHousehold = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir.resolve(name).resolve("audit"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        JsonLinesAuditSink.read(f).forEach(r -> byHousehold.put(r.entry().household(), r.entry()));
      }
    }
    return byHousehold;
  }

  @Test
  void run_threeAndSevenPartitions_decisionsEqualTheBatchRunnersPerHousehold() {
    // given: the batch runner decided every household
    assertThat(batchDecisions).hasSize(HOUSEHOLDS);

    // when
    Map<String, String> byThree = sparkDecisions("three");
    Map<String, String> bySeven = sparkDecisions("seven");

    // then: same household ids, and per household the same outcome, content and inputs hashes
    assertThat(byThree.keySet()).isEqualTo(batchDecisions.keySet());
    assertThat(byThree).isEqualTo(batchDecisions);
    assertThat(bySeven).isEqualTo(batchDecisions);
    assertThat(three.households()).isEqualTo(HOUSEHOLDS);
    assertThat(seven.outcomes()).isEqualTo(three.outcomes());
    assertThat(three.outcomes()).containsKeys("AUTO", "REVIEW", "ON_HOLD");
  }

  @Test
  void run_anyPartitioning_auditEntriesEqualTheBatchRunnersAndEveryChainVerifies()
      throws IOException {
    // when
    SparkAuditVerifier.Report byThree = SparkAuditVerifier.verify(dir.resolve("three"));
    SparkAuditVerifier.Report bySeven = SparkAuditVerifier.verify(dir.resolve("seven"));

    // then: one chain per partition, every chain intact and as the manifest says
    assertThat(byThree.problems()).isEmpty();
    assertThat(bySeven.problems()).isEmpty();
    assertThat(byThree.chains()).isEqualTo(3).isEqualTo(three.chains());
    assertThat(bySeven.chains()).isEqualTo(7).isEqualTo(seven.chains());
    assertThat(byThree.records()).isEqualTo(HOUSEHOLDS);
    assertThat(bySeven.records()).isEqualTo(HOUSEHOLDS);
    // and each household's audit entry (body = canonical text) is the batch runner's
    assertThat(sparkAudit("three")).isEqualTo(batchAudit);
    assertThat(sparkAudit("seven")).isEqualTo(batchAudit);
  }

  @Test
  void run_reviewOutput_listsExactlyTheHouseholdsInReview() {
    // when
    List<Row> review =
        LocalSpark.session()
            .read()
            .json(out("seven") + "/review")
            .select("household", "reviewPriority")
            .collectAsList();

    // then
    assertThat(batchInReview).isPositive();
    assertThat(review).hasSize((int) batchInReview);
    assertThat(review)
        .allSatisfy(
            r -> {
              assertThat(batchDecisions.get(r.getString(0))).startsWith("REVIEW ");
              assertThat(r.getLong(1)).isBetween(1L, 2L);
            });
  }

  @Test
  void decide_unreadableLines_becomeUnreadableRowsInTheChain() {
    // given: two good households, a malformed line and a household with a bad field
    List<Household> good = BOOK.households(2).toList();
    String badField =
        HouseholdLines.write(BOOK.household(2))
            .replaceFirst("\"role\":\"[A-Z_]+\"", "\"role\":\"BOSS\"");
    Dataset<String> lines =
        LocalSpark.session()
            .createDataset(
                List.of(
                    HouseholdLines.write(good.get(0)),
                    "{\"id\":",
                    badField,
                    HouseholdLines.write(good.get(1))),
                Encoders.STRING());

    // when
    List<Row> rows =
        SparkRebalancer.of(LocalSpark.session(), RULES)
            .decide(lines, BOOK.asOf(), BOOK.marketData(), 1)
            .collectAsList();

    // then: one chain in household-id order, the bad lines named and chained like the others
    assertThat(rows).extracting(r -> r.getAs("sequence")).containsExactly(0L, 1L, 2L, 3L);
    Map<String, String> outcomes = new TreeMap<>();
    rows.forEach(r -> outcomes.put(r.getAs("household"), r.getAs("outcome")));
    assertThat(outcomes).containsEntry(BOOK.household(2).id().value(), "UNREADABLE");
    assertThat(outcomes.keySet()).anyMatch(id -> id.startsWith("unreadable-"));
    assertThat(rows)
        .filteredOn(r -> r.getAs("outcome").equals("UNREADABLE"))
        .extracting(r -> (String) r.getAs("error"))
        .anyMatch(e -> e.startsWith("$.members[0].role: "))
        .anyMatch(e -> e.startsWith("$: malformed JSON"));
    List<AuditRecord> chain =
        rows.stream().map(r -> JsonLinesAuditSink.parseLine(r.getAs("auditLine"))).toList();
    assertThat(dev.rebal.core.audit.AuditChain.verify(chain).isIntact()).isTrue();
  }
}
