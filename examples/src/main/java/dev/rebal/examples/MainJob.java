package dev.rebal.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.GoalOutlook;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.review.ReviewItem;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.RunSummary;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The rebalancing run of {@link RebalMain}: reads the book lazily, rebalances it with a {@link
 * BookRebalancer} and writes the output folder as decisions arrive (in book order):
 *
 * <ul>
 *   <li>{@code proposals/<household>.json}: each household's decision ({@link DecisionJson});
 *   <li>{@code blotter.csv}: one line per proposed trade ({@link Blotter});
 *   <li>{@code review-queue.json}: the pending review items with their reasons;
 *   <li>{@code audit.jsonl}: the hash-chained audit log (decisions and review submissions); with
 *       {@code --state} or {@code --state-url} the log and the review queue are kept in that
 *       database instead, across runs ({@link RunState});
 *   <li>{@code summary.txt}: the run summary and the data-quality report;
 *   <li>{@code report.html}: the self-contained report ({@link HtmlReport}).
 * </ul>
 *
 * <p>Files of an earlier run in the same folder are replaced. Every output file is deterministic: the
 * same book, date and rule set give the same bytes whatever the thread count.
 */
final class MainJob {
  static final String PROPOSALS = "proposals";
  static final String BLOTTER = "blotter.csv";
  static final String REVIEW_QUEUE = "review-queue.json";
  static final String AUDIT = "audit.jsonl";
  static final String SUMMARY = "summary.txt";
  static final String REPORT = "report.html";

  private MainJob() {}

  /**
   * Returns the decision's JSON, with the household's goal outlook when {@code outlook} is on and
   * the household has goals and could be valued (not on hold).
   */
  static String json(Decision d, Household h, GoalOutlook outlook, MarketData market,
      LocalDate asOf, BigDecimal discountRate) {
    if (outlook == null || h.goals().isEmpty() || d.outcome() == DecisionOutcome.ON_HOLD) {
      return DecisionJson.toJson(d);
    }
    HouseholdValuation v = HouseholdValuation.of(h, market);
    return DecisionJson.toJson(d, outlook.outlook(h,
        GoalPlanner.withDiscountRate(discountRate).plan(h, v, asOf), asOf));
  }

  static int run(RebalMain.Options options, RuleSet ruleSet, PrintStream out, PrintStream err)
      throws IOException {
    long start = System.nanoTime();
    Rebalancer rebalancer = Rebalancer.of(ruleSet);
    Path dir = options.outDir();
    Path proposals = dir.resolve(PROPOSALS);
    try (BookReader book = options.book == null ? SampleBook.open()
        : BookReader.open(options.book)) {
      LocalDate asOf = options.asOf != null ? options.asOf : book.asOf();
      MarketData market = book.marketData();
      prepare(dir, proposals);
      DataQualityReport dq = new DataQualityReport(options.bookName(), asOf);
      BigDecimal discountRate = ruleSet.find("goal.discount-rate").map(BigDecimal::new)
          .orElse(new BigDecimal("0.04"));
      GoalOutlook outlook = options.goalOutlook()
          ? GoalOutlook.of(CapitalMarketAssumptions.from(ruleSet)) : null;
      BookResults results = new BookResults(market, asOf, discountRate, outlook);
      Households households = new Households(book, dq);
      RunSummary summary;
      long trades;
      List<ReviewItem> pending;
      long auditRecords;
      Optional<RunState.Totals> stateTotals;
      try (RunState state = RunState.open(options, dir.resolve(AUDIT));
          Writer blotterOut = Files.newBufferedWriter(dir.resolve(BLOTTER),
              StandardCharsets.UTF_8)) {
        AuditSink audit = state.audit();
        ReviewQueue queue = state.queue();
        Blotter blotter = new Blotter(blotterOut);
        err.println("rebalancing " + options.bookName() + " as of " + asOf + " with rule set "
            + ruleSet + " on " + options.threads + " thread(s)");
        summary = BookRebalancer.builder(rebalancer).threads(options.threads)
            .progress(p -> err.println("  progress: " + p), 2000).audit(audit).review(queue)
            .build().run(households, market, asOf, d -> {
              Household h = households.decided(d.household());
              try {
                Files.writeString(proposals.resolve(fileName(d.household().value()) + ".json"),
                    json(d, h, outlook, market, asOf, discountRate), StandardCharsets.UTF_8);
                blotter.add(d);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              dq.add(h, d.problems(), market);
              results.add(h, d);
            }, new CancellationToken());
        trades = blotter.trades();
        pending = queue.pending();
        writeReviewQueue(dir.resolve(REVIEW_QUEUE), pending);
        auditRecords = state.thisRun().size();
        for (AuditRecord r : failures(summary, state)) {
          results.exceptions.add(new BookResults.Issue(1, r.entry().household(), "failed",
              r.entry().body().strip()));
        }
        stateTotals = state.totals();
      }
      String summaryText = "Rebal run summary\n" + "book: " + options.bookName() + ", as of "
          + asOf + ", rule set " + ruleSet + "\n\n" + summary + "\n\n" + dq.render();
      Files.writeString(dir.resolve(SUMMARY), summaryText, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(REPORT), HtmlReport.render(options.bookName(), asOf, ruleSet,
          summary, dq, results, pending.size()), StandardCharsets.UTF_8);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println("Rebal: " + options.bookName() + " as of " + asOf + ", rule set " + ruleSet);
      out.println(summary);
      out.printf(Locale.ROOT, "data quality: %d valid, %d on hold, %d with warnings, %d unreadable%n",
          dq.valid(), dq.onHold(), dq.withWarnings(), dq.unreadable());
      out.printf(Locale.ROOT, "wrote %s in %.1f s:%n", dir, seconds);
      out.printf(Locale.ROOT, "  %-18s %d households%n", PROPOSALS + "/", households.read());
      out.printf(Locale.ROOT, "  %-18s %d trades%n", BLOTTER, trades);
      out.printf(Locale.ROOT, "  %-18s %d pending%n", REVIEW_QUEUE, pending.size());
      if (stateTotals.isEmpty()) {
        out.printf(Locale.ROOT, "  %-18s %d records%n", AUDIT, auditRecords);
      } else {
        RunState.Totals t = stateTotals.get();
        out.printf(Locale.ROOT, "state %s:%n", t.where());
        out.printf(Locale.ROOT, "  %-18s %d records this run, %d in all, chain intact%n",
            "audit log", auditRecords, t.auditRecords());
        out.printf(Locale.ROOT, "  %-18s %d pending in all%n", "review queue", t.pending());
      }
      out.printf(Locale.ROOT, "  %-18s run summary and data-quality report%n", SUMMARY);
      out.printf(Locale.ROOT, "  %-18s open it in a browser%n", REPORT);
      return 0;
    }
  }

  /** Creates the folder and removes the files an earlier run left. */
  private static void prepare(Path dir, Path proposals) throws IOException {
    Files.createDirectories(proposals);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(proposals, "*.json")) {
      for (Path p : old) {
        Files.delete(p);
      }
    }
    for (String f : List.of(BLOTTER, REVIEW_QUEUE, AUDIT, SUMMARY, REPORT)) {
      Files.deleteIfExists(dir.resolve(f));
    }
  }

  /** Returns a file name for a household id: letters, digits, {@code . _ -}; others become _. */
  static String fileName(String householdId) {
    String s = householdId.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.startsWith(".") ? "_" + s : s;
  }

  private static List<AuditRecord> failures(RunSummary summary, RunState state) {
    if (summary.count("FAILED") == 0) {
      return List.of();
    }
    return state.thisRun().stream().filter(r -> r.entry().outcome().equals("FAILED")).toList();
  }

  private static void writeReviewQueue(Path file, List<ReviewItem> pending) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator g = DecisionJson.generator(w)) {
      g.writeStartObject();
      g.writeNumberField("pending", pending.size());
      g.writeArrayFieldStart("items");
      for (ReviewItem i : pending) {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("household", i.household());
        g.writeStringField("asOf", i.asOf().toString());
        g.writeNumberField("priority", i.priority());
        g.writeStringField("status", i.status().name());
        g.writeArrayFieldStart("reasons");
        for (String r : i.reasons()) {
          g.writeString(r);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (String line : i.explanation().split("\n")) {
          if (line.startsWith("route ")) {
            g.writeString(line.substring("route ".length()));
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("decision");
        for (String line : i.explanation().split("\n")) {
          g.writeString(line);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      w.write('\n');
    }
  }

  /**
   * The book's readable households, read lazily; unreadable ones go to the data-quality report. The
   * households read but not yet decided wait here so the decision sink can find them (the runner
   * reads a bounded distance ahead).
   */
  private static final class Households implements Iterator<Household> {
    private final BookReader book;
    private final DataQualityReport dq;
    private final Map<HouseholdId, Deque<Household>> waiting = new HashMap<>();
    private Household next;
    private long read;

    Households(BookReader book, DataQualityReport dq) {
      this.book = book;
      this.dq = dq;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        Optional<HouseholdRead> r = book.next();
        if (r.isEmpty()) {
          return false;
        }
        if (r.get().household().isPresent()) {
          next = r.get().household().get();
        } else {
          synchronized (dq) {
            dq.unreadable(r.get().failure().orElseThrow());
          }
        }
      }
      return true;
    }

    @Override
    public Household next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Household h = next;
      next = null;
      read++;
      synchronized (waiting) {
        waiting.computeIfAbsent(h.id(), k -> new ArrayDeque<>()).add(h);
      }
      return h;
    }

    Household decided(HouseholdId id) {
      synchronized (waiting) {
        Deque<Household> q = waiting.get(id);
        Household h = q.poll();
        if (q.isEmpty()) {
          waiting.remove(id);
        }
        return h;
      }
    }

    long read() {
      return read;
    }
  }
}
