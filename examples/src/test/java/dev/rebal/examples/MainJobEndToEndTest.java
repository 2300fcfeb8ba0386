package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebal.core.audit.AuditChain;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.household.Household;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job once on the bundled sample book, as the README's run command does, and checks
 * that its outputs agree with each other.
 */
class MainJobEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OUTCOMES =
      Pattern.compile("^households (\\d+)(.*)$", Pattern.MULTILINE);

  @TempDir static Path dir;
  static RebalMainTest.Run run;
  static Map<String, JsonNode> proposals = new TreeMap<>();
  static List<String[]> blotter = new ArrayList<>();

  @BeforeAll
  static void runTheMainJob() throws IOException {
    run = RebalMainTest.run("--out", dir.toString(), "--threads", "2");
    try (Stream<Path> files = Files.list(dir.resolve("proposals"))) {
      for (Path f : files.sorted().toList()) {
        proposals.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
      }
    }
    List<String> lines = Files.readAllLines(dir.resolve("blotter.csv"));
    assertThat(lines.get(0)).isEqualTo(Blotter.HEADER);
    // the sample book's ids and codes hold no commas, so a plain split is exact here
    lines.subList(1, lines.size()).forEach(l -> blotter.add(l.split(",", -1)));
  }

  /** Returns the summary's count for each outcome, from its first line. */
  static Map<String, Long> summaryOutcomes() throws IOException {
    String summary = Files.readString(dir.resolve("summary.txt"));
    Matcher m = OUTCOMES.matcher(summary);
    assertThat(m.find()).as(summary).isTrue();
    Map<String, Long> out = new TreeMap<>();
    out.put("households", Long.parseLong(m.group(1)));
    for (String part : m.group(2).split(", ")) {
      if (!part.isBlank()) {
        String[] kv = part.strip().split(" ");
        out.put(kv[0].toUpperCase(java.util.Locale.ROOT), Long.parseLong(kv[1]));
      }
    }
    return out;
  }

  @Test
  void run_sampleBook_succeedsAndListsTheFilesWritten() {
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("households 200")
        .contains("report.html")
        .contains("audit.jsonl");
    assertThat(run.err()).contains("progress: 200").doesNotContain("Exception");
  }

  @Test
  void proposals_oneFilePerHousehold_outcomesAgreeWithTheSummary() throws IOException {
    // given
    Map<String, Long> summary = summaryOutcomes();

    // when
    Map<String, Long> counted = new TreeMap<>();
    proposals.values().forEach(d -> counted.merge(d.get("outcome").asText(), 1L, Long::sum));

    // then
    assertThat(proposals).hasSize(SampleBook.COUNT);
    assertThat(summary.get("households")).isEqualTo(SampleBook.COUNT);
    counted.forEach((outcome, n) -> assertThat(summary.get(outcome)).as(outcome).isEqualTo(n));
    assertThat(summary.keySet()).hasSize(counted.size() + 1);
    proposals.forEach(
        (file, d) -> assertThat(file).isEqualTo(d.get("household").asText() + ".json"));
  }

  @Test
  void blotter_oneLinePerTrade_agreesWithProposalsAndSummary() throws IOException {
    // given: trades per household in the proposals
    Map<String, Integer> inProposals = new TreeMap<>();
    proposals
        .values()
        .forEach(
            d -> {
              if (d.get("trades").size() > 0) {
                inProposals.put(d.get("household").asText(), d.get("trades").size());
              }
            });
    Map<String, Integer> inBlotter = new TreeMap<>();
    blotter.forEach(f -> inBlotter.merge(f[0], 1, Integer::sum));

    // then
    assertThat(inBlotter).isEqualTo(inProposals);
    String summary = Files.readString(dir.resolve("summary.txt"));
    long gifts = blotter.stream().filter(f -> f[4].equals("GIFT")).count();
    assertThat(summary)
        .containsPattern(
            "(?m)^  trades \\(buys and sales\\) +\\d+ +\\d+ +" + (blotter.size() - gifts) + "$");
    assertThat(summary).containsPattern("(?m)^  gifts in kind +\\d+ +\\d+ +" + gifts + "$");
    assertThat(blotter).isNotEmpty();
    // every blotter line's outcome is its proposal's
    blotter.forEach(
        f -> assertThat(f[1]).isEqualTo(proposals.get(f[0] + ".json").get("outcome").asText()));
  }

  @Test
  void summaryCsv_oneRowPerHousehold_inBookOrder_figuresAgreeWithProposalsAndSummary()
      throws IOException {
    // given
    List<String> lines = Files.readAllLines(dir.resolve(SummaryCsv.FILE));
    String summary = Files.readString(dir.resolve("summary.txt"));

    // then: the header, then one row per household in book order (ids sort in book order here)
    assertThat(lines.get(0)).isEqualTo(SummaryCsv.HEADER);
    List<String[]> rows =
        lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    assertThat(rows).extracting(r -> r[0] + ".json").containsExactlyElementsOf(proposals.keySet());
    java.math.BigDecimal tax = java.math.BigDecimal.ZERO;
    java.math.BigDecimal book = java.math.BigDecimal.ZERO;
    for (String[] r : rows) {
      JsonNode d = proposals.get(r[0] + ".json");
      assertThat(r[2]).isEqualTo(d.get("outcome").asText());
      assertThat(new java.math.BigDecimal(r[15]))
          .as(r[0])
          .isEqualByComparingTo(d.get("impact").get("taxCost").decimalValue());
      assertThat(new java.math.BigDecimal(r[18]))
          .as(r[0])
          .isEqualByComparingTo(d.get("impact").get("harvestedLoss").decimalValue());
      long trades = 0;
      for (JsonNode t : d.get("trades")) {
        trades += t.get("side").asText().equals("GIFT") ? 0 : 1;
      }
      assertThat(Long.parseLong(r[9])).as(r[0]).isEqualTo(trades);
      tax = tax.add(new java.math.BigDecimal(r[15]));
      book = r[5].isEmpty() ? book : book.add(new java.math.BigDecimal(r[5]));
      assertThat(r[5].isEmpty()).as(r[0]).isEqualTo(r[2].equals("ON_HOLD"));
    }
    // the summary's totals are the table's
    assertThat(summary)
        .contains(
            "book value "
                + dev.rebal.core.money.HumanFormat.money(dev.rebal.core.money.Money.usd(book))
                + " (");
    assertThat(summary)
        .containsPattern(
            "(?m)^  estimated tax on realized gains .* "
                + java.util.regex.Pattern.quote(
                    dev.rebal.core.money.HumanFormat.money(dev.rebal.core.money.Money.usd(tax)))
                + " +\\S+%$");
  }

  @Test
  void orderFiles_autoAndReviewApart_giftsInTransfers_addUpToTheBlotter() throws IOException {
    // given
    List<String> auto = Files.readAllLines(dir.resolve(OrderBlotter.AUTO_FILE));
    List<String> review = Files.readAllLines(dir.resolve(OrderBlotter.REVIEW_FILE));
    List<String> transfers = Files.readAllLines(dir.resolve(OrderBlotter.TRANSFERS_FILE));

    // then: quantities per household, security and side add up to the blotter's
    Map<String, java.math.BigDecimal> inBlotter = new TreeMap<>();
    Map<String, java.math.BigDecimal> inOrders = new TreeMap<>();
    for (String[] f : blotter) {
      String file = f[4].equals("GIFT") ? "T" : f[1];
      inBlotter.merge(
          file + " " + f[0] + " " + f[2] + " " + f[3] + " " + f[4],
          new java.math.BigDecimal(f[5]),
          java.math.BigDecimal::add);
    }
    for (String l : auto.subList(1, auto.size())) {
      String[] f = l.split(",", -1);
      assertThat(f[3]).isEqualTo("AUTO");
      inOrders.merge(
          "AUTO " + f[4] + " " + f[5] + " " + f[6] + " " + f[8],
          new java.math.BigDecimal(f[10]),
          java.math.BigDecimal::add);
    }
    for (String l : review.subList(1, review.size())) {
      String[] f = l.split(",", -1);
      assertThat(f[3]).isEqualTo("REVIEW");
      inOrders.merge(
          "REVIEW " + f[4] + " " + f[5] + " " + f[6] + " " + f[8],
          new java.math.BigDecimal(f[10]),
          java.math.BigDecimal::add);
    }
    for (String l : transfers.subList(1, transfers.size())) {
      String[] f = l.split(",", -1);
      inOrders.merge(
          "T " + f[4] + " " + f[5] + " " + f[6] + " GIFT",
          new java.math.BigDecimal(f[8]),
          java.math.BigDecimal::add);
    }
    assertThat(inOrders.keySet()).isEqualTo(inBlotter.keySet());
    inBlotter.forEach((k, q) -> assertThat(inOrders.get(k)).as(k).isEqualByComparingTo(q));
    assertThat(transfers).hasSizeGreaterThan(1);
    // one run id on every line, and order ids unique in the run
    java.util.Set<String> runIds = new java.util.TreeSet<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    List<String> all = new ArrayList<>(auto.subList(1, auto.size()));
    all.addAll(review.subList(1, review.size()));
    all.addAll(transfers.subList(1, transfers.size()));
    for (String l : all) {
      String[] f = l.split(",", -1);
      runIds.add(f[0]);
      assertThat(f[1]).isEqualTo("2026-06-30");
      assertThat(ids.add(f[2])).as(f[2]).isTrue();
    }
    assertThat(runIds).hasSize(1);
    assertThat(Files.readString(dir.resolve("summary.txt")))
        .contains("run " + runIds.iterator().next());
  }

  @Test
  void everyTrade_hasReasonCodes_inBlotterAndProposals() {
    blotter.forEach(f -> assertThat(f[8]).as(String.join(",", f)).isNotBlank());
    proposals
        .values()
        .forEach(
            d ->
                d.get("trades")
                    .forEach(
                        t ->
                            assertThat(t.get("reasonCodes").size())
                                .as(d.get("household").asText())
                                .isPositive()));
    // a sale names the lots it relieves
    blotter.stream()
        .filter(f -> f[4].equals("SELL"))
        .forEach(f -> assertThat(f[9]).as(String.join(",", f)).isNotBlank());
  }

  @Test
  void audit_chainVerifies_andHoldsEveryDecisionAndReviewSubmission() throws IOException {
    // when
    List<AuditRecord> records =
        dev.rebal.core.audit.JsonLinesAuditSink.read(dir.resolve("audit.jsonl"));
    AuditVerification v = AuditChain.verify(records);

    // then
    assertThat(v.isIntact()).as(v.problem().orElse("")).isTrue();
    long review = summaryOutcomes().getOrDefault("REVIEW", 0L);
    assertThat(records).hasSize((int) (SampleBook.COUNT + review));
    Map<String, String> decided = new HashMap<>();
    records.stream()
        .filter(r -> !r.entry().outcome().equals("REVIEW_SUBMITTED"))
        .forEach(r -> decided.put(r.entry().household(), r.entry().outcome()));
    proposals
        .values()
        .forEach(
            d ->
                assertThat(decided.get(d.get("household").asText()))
                    .isEqualTo(d.get("outcome").asText()));
  }

  @Test
  void reviewQueue_holdsEveryReviewDecisionWithItsReasons() throws IOException {
    // given
    JsonNode queue = JSON.readTree(dir.resolve("review-queue.json").toFile());
    List<String> inReview =
        proposals.values().stream()
            .filter(d -> d.get("outcome").asText().equals("REVIEW"))
            .map(d -> d.get("household").asText())
            .toList();

    // then
    assertThat(queue.get("pending").asInt()).isEqualTo(inReview.size()).isPositive();
    List<String> queued = new ArrayList<>();
    queue
        .get("items")
        .forEach(
            i -> {
              queued.add(i.get("household").asText());
              assertThat(i.get("reasons").size()).isPositive();
              assertThat(i.get("findings").size())
                  .isEqualTo(
                      proposals.get(i.get("household").asText() + ".json").get("routing").size());
            });
    assertThat(queued).containsExactlyInAnyOrderElementsOf(inReview);
  }

  @Test
  void summary_dataQualityCountsAreTheValidatorsOwn() throws IOException {
    // given: the counts, computed here independently
    int onHold = 0;
    try (BookReader book = SampleBook.open()) {
      for (HouseholdRead r : book.households().toList()) {
        Household h = r.household().orElseThrow();
        onHold +=
            HouseholdValidator.standard().validate(h, book.marketData(), book.asOf()).isOnHold()
                ? 1
                : 0;
      }
    }

    // then
    String summary = Files.readString(dir.resolve("summary.txt"));
    assertThat(summary)
        .contains("book: the bundled sample book, as of 2026-06-30")
        .contains("households: 200 read, 0 unreadable")
        .contains("valid: " + (200 - onHold) + "   on hold: " + onHold);
    assertThat(summaryOutcomes().get("ON_HOLD")).isEqualTo(onHold);
  }

  @Test
  void report_isSelfContainedWithEverySection() throws IOException {
    // when
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);

    // then
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html)
        .contains(
            "id=\"summary\"",
            "id=\"routing\"",
            "id=\"drift\"",
            "id=\"tax\"",
            "id=\"exceptions\"",
            "id=\"households\"",
            "<svg",
            "<style>");
    assertThat(html)
        .contains(
            "Drift per asset class, before and after",
            "Tax realized and losses harvested",
            "Top exceptions",
            "Goals",
            "Trades",
            "Tax impact");
    assertThat(
            Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(html)
                .find())
        .isFalse();
    assertThat(html).doesNotContain("http://", "https://", "<script src", "<link", "@import");
    // one inline script, no other
    assertThat(html.split("<script", -1)).hasSize(2);
    assertThat(html).contains("<script>\n(function () {");
    // one section per triggered household (the sample book has fewer than the cap)
    long triggered =
        proposals.values().stream()
            .filter(d -> d.get("outcome").asText().matches("AUTO|REVIEW"))
            .count();
    assertThat(html.split("<details ", -1)).hasSize((int) triggered + 1);
    // the bundled sample book gets each goal's outlook: a probability column and a fan chart
    assertThat(html)
        .contains(
            "<th class=\"n\">probability</th>",
            "Goal outlook: the " + "probability that each goal is met",
            "aria-label=\"goal outlook of ");
  }

  @Test
  void report_tablesSortableAndFilterable_exceptionsLinkedToTheirHouseholds() throws IOException {
    // when
    String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);

    // then: both tables sort (a button per heading, numbers by value) and filter
    for (String table : List.of("households-table", "exceptions-table")) {
      assertThat(html)
          .contains(
              "<table id=\"" + table + "\" class=\"sortable\"><thead>",
              "<input type=\"search\" data-filter=\"" + table + "\"");
    }
    assertThat(html)
        .contains(
            "<th data-key=\"saved\" data-type=\"num\" class=\"n\">"
                + "<button type=\"button\">est. tax saved</button></th>",
            "<th data-key=\"harvested\" data-type=\"num\" class=\"n\">");
    // a row per triggered household, each linked to its section
    long triggered =
        proposals.values().stream()
            .filter(d -> d.get("outcome").asText().matches("AUTO|REVIEW"))
            .count();
    String table = html.substring(html.indexOf("<table id=\"households-table\""));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(table.split("<tr><td><a href=\"#hh-", -1)).hasSize((int) triggered + 1);
    // every link to a household points at a section of the report
    Matcher links = Pattern.compile("href=\"#(hh-[^\"]+)\"").matcher(html);
    int n = 0;
    while (links.find()) {
      assertThat(html).contains("<details id=\"" + links.group(1) + "\">");
      n++;
    }
    assertThat(n).isGreaterThan((int) triggered);
    String exceptions = html.substring(html.indexOf("<table id=\"exceptions-table\""));
    exceptions = exceptions.substring(0, exceptions.indexOf("</table>"));
    assertThat(exceptions).contains("<a href=\"#hh-HH-");
    // the run's metadata, and the colours of the WCAG AA palette
    assertThat(html)
        .contains(
            "<dl id=\"run-metadata\"><dt>run</dt><dd>run-0001</dd>"
                + "<dt>Rebal</dt><dd>"
                + RebalCommand.version()
                + "</dd>",
            "rule-set hash (SHA-256)");
    assertThat(html)
        .contains(".REVIEW{background:" + Palette.REVIEW + "}")
        .doesNotContainIgnoringCase("#ef6c00");
    // no previous run in a fresh folder, no shadow run without --compare-rules
    assertThat(html).doesNotContain("id=\"previous-run\"", "id=\"rules-compare\"");
  }

  @Test
  void proposals_householdsWithGoals_carryTheirGoalOutlook() {
    // then: every valid household with goals has a goalOutlook with a probability per goal
    long withOutlook = proposals.values().stream().filter(d -> d.has("goalOutlook")).count();
    assertThat(withOutlook).isPositive();
    proposals.values().stream()
        .filter(d -> d.has("goalOutlook"))
        .forEach(
            d -> {
              assertThat(d.get("outcome").asText()).isNotEqualTo("ON_HOLD");
              assertThat(d.get("goalOutlook").get("assumptions").asText())
                  .startsWith("rebal-default ");
              d.get("goalOutlook")
                  .get("goals")
                  .forEach(
                      g ->
                          assertThat(g.get("probability").decimalValue())
                              .isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE));
            });
  }

  @Test
  void screen_sampleBook_triggersExactlyTheHouseholdsTheRunDecided(@TempDir Path other)
      throws IOException {
    // when: the daily screen of the same book
    RebalMainTest.Run screen =
        RebalMainTest.run("--screen", "--out", other.toString(), "--threads", "2");

    // then: a household is triggered exactly when the full run went on to a proposal
    assertThat(screen.status()).as(screen.err()).isZero();
    List<String> lines = Files.readAllLines(other.resolve(ScreenJob.SCREEN));
    assertThat(lines.get(0)).isEqualTo(ScreenJob.HEADER);
    assertThat(lines).hasSize(SampleBook.COUNT + 1);
    Map<String, String> screened = new TreeMap<>();
    lines
        .subList(1, lines.size())
        .forEach(
            l -> {
              String[] f = l.split(",", -1);
              screened.put(f[1], f[2]);
            });
    Map<String, String> decided = new TreeMap<>();
    proposals
        .values()
        .forEach(
            d ->
                decided.put(
                    d.get("household").asText(),
                    d.get("outcome").asText().equals("AUTO")
                            || d.get("outcome").asText().equals("REVIEW")
                        ? "TRIGGERED"
                        : "NONE"));
    assertThat(screened).isEqualTo(decided);
    long triggered = screened.values().stream().filter(s -> s.equals("TRIGGERED")).count();
    assertThat(screen.out())
        .contains("screened " + SampleBook.COUNT + ": " + triggered + " triggered");
    assertThat(Files.exists(other.resolve("audit.jsonl"))).isFalse();
  }
}
