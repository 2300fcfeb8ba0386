package dev.rebal.examples;

import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.GoalOutlook;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.ruleset.RuleParameters;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.engine.BookRebalancer;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.HouseholdSummaries;
import dev.rebal.engine.HouseholdSummary;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.RunSummary;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import dev.rebal.json.ReadFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rebalancing run of {@link RebalMain}: reads the book lazily, rebalances it with a {@link
 * BookRebalancer} and writes the output folder as decisions arrive (in book order):
 *
 * <ul>
 *   <li>{@code proposals/<household>.json}: each household's decision ({@link DecisionJson});
 *   <li>{@code blotter.csv}: one line per proposed trade ({@link Blotter});
 *   <li>{@code blotter-auto.csv}, {@code blotter-review.csv}, {@code transfers.csv}: the orders
 *       that may execute now, those waiting for review, and the gifts in kind, for an order system
 *       ({@link OrderBlotter});
 *   <li>{@code summary.csv}: one line per household with its figures ({@link SummaryCsv});
 *   <li>{@code review-queue.json}: the pending review items with their reasons;
 *   <li>{@code audit.jsonl}: the hash-chained audit log (decisions and review submissions); with
 *       {@code --state} or {@code --state-url} the log and the review queue are kept in that
 *       database instead, across runs ({@link RunState});
 *   <li>{@code summary.txt}: the run summary and the data-quality report;
 *   <li>{@code report.html}: the self-contained report ({@link HtmlReport});
 *   <li>{@code rules-compare.txt}, with {@code --compare-rules}: the book decided a second time
 *       under the rule set in force, compared household by household ({@link ShadowRun}).
 * </ul>
 *
 * <p>The run writes into a staging folder and its files replace an earlier run's only when all of
 * them are complete and their audit records durable ({@link OutputFolder}); a run that stops
 * ({@link Aborted}) or is killed leaves the earlier run's files untouched. Nothing of the book, the
 * audit log or the review queue is held in memory whatever the book's size: decisions are written
 * as they come, the queue file is streamed, and the data-quality lists are kept in work files.
 * Every output file is deterministic: the same book, date and rule set give the same bytes whatever
 * the thread count.
 */
final class MainJob {
  static final String PROPOSALS = "proposals";
  static final String BLOTTER = "blotter.csv";
  static final String REVIEW_QUEUE = "review-queue.json";
  static final String AUDIT = "audit.jsonl";
  static final String SUMMARY = "summary.txt";
  static final String REPORT = "report.html";
  static final String RULES_COMPARE = RuleSetComparison.FILE;
  static final String RUN_RECORD = RunRecord.FILE;
  static final String SUMMARY_CSV = SummaryCsv.FILE;
  static final String BLOTTER_AUTO = OrderBlotter.AUTO_FILE;
  static final String BLOTTER_REVIEW = OrderBlotter.REVIEW_FILE;
  static final String TRANSFERS = OrderBlotter.TRANSFERS_FILE;

  private MainJob() {}

  /** The files of a run, moved into the output folder together when the run is complete. */
  static final List<String> OUTPUTS =
      List.of(
          PROPOSALS,
          BLOTTER,
          BLOTTER_AUTO,
          BLOTTER_REVIEW,
          TRANSFERS,
          REVIEW_QUEUE,
          AUDIT,
          SUMMARY,
          SUMMARY_CSV,
          REPORT,
          RULES_COMPARE,
          RUN_RECORD);

  /**
   * Thrown when a run stops after it began writing: the staged output was deleted and the output
   * folder still holds the previous run's files, untouched. The cause says why.
   */
  static final class Aborted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path dir;

    private final boolean untouched;

    Aborted(Path dir, boolean untouched, Exception cause) {
      super(cause);
      this.dir = dir;
      this.untouched = untouched;
    }

    /** The line that tells the user what an abort leaves. */
    String leaves() {
      return untouched
          ? "the run was aborted: " + dir + " keeps the previous run's output, " + "untouched"
          : "the run was aborted while its complete output was being moved into "
              + dir
              + "; the next run in "
              + dir
              + " finishes the move";
    }
  }

  /**
   * Returns the decision's JSON, with the household's goal outlook when {@code outlook} is on and
   * the household has goals and could be valued (not on hold).
   */
  static String json(
      Decision d,
      Household h,
      GoalOutlook outlook,
      MarketData market,
      LocalDate asOf,
      BigDecimal discountRate) {
    if (outlook == null || h.goals().isEmpty() || d.outcome() == DecisionOutcome.ON_HOLD) {
      return DecisionJson.toJson(d);
    }
    HouseholdValuation v = HouseholdValuation.of(h, market);
    return DecisionJson.toJson(
        d, outlook.outlook(h, GoalPlanner.withDiscountRate(discountRate).plan(h, v, asOf), asOf));
  }

  static int run(RebalMain.Options options, RuleSet ruleSet, PrintStream out, PrintStream err)
      throws IOException {
    return run(options, ruleSet, Optional.empty(), out, err);
  }

  /**
   * Runs the book under {@code ruleSet}; with {@code older}, also decides every household under
   * that rule set (no audit, no review queue, no state) and writes {@value #RULES_COMPARE}.
   */
  static int run(
      RebalMain.Options options,
      RuleSet ruleSet,
      Optional<RuleSet> older,
      PrintStream out,
      PrintStream err)
      throws IOException {
    long start = System.nanoTime();
    Rebalancer rebalancer = Rebalancer.of(ruleSet);
    Path dir = options.outDir();
    // a household id listed twice is a data error for both: find them before anything is released
    Map<String, String> rejectedIds;
    long records;
    try (BookReader ids = open(options)) {
      List<String> all = ids.ids();
      records = all.size();
      rejectedIds = HouseholdFiles.rejected(all);
    }
    try (BookReader book = open(options)) {
      LocalDate asOf = options.asOf != null ? options.asOf : book.asOf();
      MarketData market = book.marketData();
      StringBuilder recovered = new StringBuilder();
      OutputFolder folder = OutputFolder.open(dir, OUTPUTS, recovered);
      if (recovered.length() > 0) {
        err.println("note: " + recovered);
      }
      Written w;
      String runId;
      Optional<RunRecord> previous;
      try {
        runId = RunHistory.nextRunId(dir);
        previous = RunRecord.read(dir);
        Optional<ShadowRun> shadow = older.map(o -> new ShadowRun(o, ruleSet, market, asOf));
        w =
            write(
                options,
                ruleSet,
                rebalancer,
                book,
                asOf,
                market,
                folder,
                err,
                rejectedIds,
                shadow,
                new RunContext(runId, records, previous));
        folder.commit(OUTPUTS);
      } catch (IOException | RuntimeException e) {
        throw new Aborted(dir, folder.abandon(), e);
      }
      if (options.auditHead != null) {
        // write-once: never replaces an anchor kept from an earlier run
        Files.writeString(
            options.auditHead,
            w.head + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println("Rebal: " + options.bookName() + " as of " + asOf + ", rule set " + ruleSet);
      out.println(w.figures);
      if (w.comparison.isPresent()) {
        out.println(w.comparison.get().summaryBlock());
      }
      DataQualityReport dq = w.dq;
      out.printf(
          Locale.ROOT,
          "data quality: %d valid, %d on hold, %d with warnings, %d unreadable%n",
          dq.valid(),
          dq.onHold(),
          dq.withWarnings(),
          dq.unreadable());
      out.printf(Locale.ROOT, "wrote %s in %.1f s:%n", dir, seconds);
      out.printf(Locale.ROOT, "  %-18s %d households%n", PROPOSALS + "/", w.households);
      out.printf(Locale.ROOT, "  %-18s %d trades%n", BLOTTER, w.trades);
      out.printf(
          Locale.ROOT,
          "  %-18s %d orders to execute (run %s)%n",
          BLOTTER_AUTO,
          w.autoOrders,
          w.runId);
      out.printf(
          Locale.ROOT, "  %-18s %d orders waiting for review%n", BLOTTER_REVIEW, w.reviewOrders);
      out.printf(Locale.ROOT, "  %-18s %d gifts in kind%n", TRANSFERS, w.transfers);
      out.printf(Locale.ROOT, "  %-18s %d pending%n", REVIEW_QUEUE, w.pending);
      if (w.stateTotals.isEmpty()) {
        out.printf(Locale.ROOT, "  %-18s %d records%n", AUDIT, w.auditRecords);
      } else {
        RunState.Totals t = w.stateTotals.get();
        out.printf(Locale.ROOT, "state %s:%n", t.where());
        out.printf(
            Locale.ROOT,
            "  %-18s %d records this run, %d in all, chain intact%n",
            "audit log",
            w.auditRecords,
            t.auditRecords());
        out.printf(Locale.ROOT, "  %-18s %d pending in all%n", "review queue", t.pending());
      }
      out.printf(Locale.ROOT, "  %-18s run summary and data-quality report%n", SUMMARY);
      out.printf(Locale.ROOT, "  %-18s one line per household%n", SUMMARY_CSV);
      out.printf(Locale.ROOT, "  %-18s open it in a browser%n", REPORT);
      out.printf(
          Locale.ROOT,
          "  %-18s %s%s%n",
          RUN_RECORD,
          runId,
          previous
              .map(
                  p ->
                      "; the "
                          + "previous run, "
                          + p.runId()
                          + ", is kept in "
                          + dir.resolve(RunHistory.RUNS)
                              .resolve(p.asOf().toString())
                              .resolve(p.runId()))
              .orElse(""));
      if (w.comparison.isPresent()) {
        out.printf(
            Locale.ROOT,
            "  %-18s %d households compared, %d changed outcome%n",
            RULES_COMPARE,
            w.comparison.get().households(),
            w.comparison.get().outcomesChanged());
      }
      out.printf(Locale.ROOT, "audit head: %s%n", w.head);
      if (w.households == 0 && dq.unreadable() > 0) {
        err.println(
            "error: none of the "
                + dq.unreadable()
                + " households of "
                + options.bookName()
                + " could be read (see "
                + dir.resolve(SUMMARY)
                + ")");
        return RebalMain.BAD_INPUT;
      }
      return 0;
    }
  }

  /** What a complete, staged run wrote, for the lines printed once it is in place. */
  private record Written(
      RunSummary summary,
      String figures,
      DataQualityReport dq,
      long households,
      long trades,
      long pending,
      long auditRecords,
      AuditHead head,
      Optional<RunState.Totals> stateTotals,
      Optional<RuleSetComparison> comparison,
      RunId runId,
      long autoOrders,
      long reviewOrders,
      long transfers) {}

  /**
   * What a run knows of its output folder and book before it starts.
   *
   * @param runId the run's id in the folder
   * @param records the book's household records (the progress lines' total)
   * @param previous the previous run's record, if the folder has one
   */
  private record RunContext(String runId, long records, Optional<RunRecord> previous) {}

  /** Runs the book and writes every output file into the staging folder. */
  private static Written write(
      RebalMain.Options options,
      RuleSet ruleSet,
      Rebalancer rebalancer,
      BookReader book,
      LocalDate asOf,
      MarketData market,
      OutputFolder folder,
      PrintStream err,
      Map<String, String> rejectedIds,
      Optional<ShadowRun> shadow,
      RunContext context)
      throws IOException {
    Path proposals = folder.staged(PROPOSALS);
    Files.createDirectories(proposals);
    BigDecimal discountRate =
        RuleParameters.standard().lookup("goal.discount-rate").decimal(ruleSet);
    GoalOutlook outlook =
        options.goalOutlook() ? GoalOutlook.of(CapitalMarketAssumptions.from(ruleSet)) : null;
    BookResults results = new BookResults(market, asOf, discountRate, outlook);
    RunId runId = runId(options, asOf, ruleSet);
    HouseholdSummaries summaries = HouseholdSummaries.of(market, ruleSet);
    BookFigures figures = new BookFigures();
    Files.createDirectories(folder.work());
    Path exceptionLines = folder.work().resolve("exceptions.tsv");
    Writer exceptionsOut = Files.newBufferedWriter(exceptionLines, StandardCharsets.UTF_8);
    results.onException(
        i -> {
          try {
            exceptionsOut.write(
                i.household().replaceAll("[\\t\\r\\n]", " ") + "\t" + i.kind() + "\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    try (Writer exceptionsFile = exceptionsOut;
        DataQualityReport dq = new DataQualityReport(options.bookName(), asOf, folder.work())) {
      Households households = new Households(book, dq, rejectedIds);
      RunSummary summary;
      long trades;
      long autoOrders;
      long reviewOrders;
      long transfers;
      long pending;
      long auditRecords;
      AuditHead head;
      Optional<RunState.Totals> stateTotals;
      try (RunState state =
              RunState.open(
                  options,
                  folder.staged(AUDIT),
                  folder.work(),
                  r ->
                      results.exception(
                          new BookResults.Issue(
                              1, r.entry().household(), "failed", r.entry().body().strip())));
          Writer blotterOut =
              Files.newBufferedWriter(folder.staged(BLOTTER), StandardCharsets.UTF_8);
          Writer autoOut =
              Files.newBufferedWriter(folder.staged(BLOTTER_AUTO), StandardCharsets.UTF_8);
          Writer reviewOut =
              Files.newBufferedWriter(folder.staged(BLOTTER_REVIEW), StandardCharsets.UTF_8);
          Writer transfersOut =
              Files.newBufferedWriter(folder.staged(TRANSFERS), StandardCharsets.UTF_8);
          Writer summaryCsvOut =
              Files.newBufferedWriter(folder.staged(SUMMARY_CSV), StandardCharsets.UTF_8)) {
        Blotter blotter = new Blotter(blotterOut);
        OrderBlotter orders =
            new OrderBlotter(runId, asOf, market, autoOut, reviewOut, transfersOut);
        SummaryCsv summaryCsv = new SummaryCsv(summaryCsvOut);
        // with a shadow run, each worker also decides its household under the older rule set
        Function<Household, Household> reader =
            shadow.isPresent() ? shadow.get()::decide : Function.identity();
        err.println(
            "rebalancing "
                + options.bookName()
                + " as of "
                + asOf
                + " with rule set "
                + ruleSet
                + " on "
                + options.threads
                + " thread(s)");
        summary =
            BookRebalancer.builder(rebalancer)
                .threads(options.threads)
                .progress(new ProgressLine(context.records(), err), 2000)
                .audit(state.audit())
                .review(state.queue())
                .build()
                .run(
                    households,
                    reader,
                    market,
                    asOf,
                    d -> {
                      Household h = households.decided(d.household());
                      shadow.ifPresent(s -> s.compare(h, d));
                      try {
                        Files.writeString(
                            proposals.resolve(fileName(d.household().value()) + ".json"),
                            json(d, h, outlook, market, asOf, discountRate),
                            StandardCharsets.UTF_8);
                        blotter.add(d);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                      orders.add(d);
                      HouseholdSummary row = summaries.row(h, d);
                      summaryCsv.add(row);
                      figures.add(row);
                      dq.add(h, d.problems(), market);
                      results.add(h, d);
                    },
                    new CancellationToken());
        trades = blotter.trades();
        autoOrders = orders.ordersTo(DecisionOutcome.AUTO);
        reviewOrders = orders.ordersTo(DecisionOutcome.REVIEW);
        transfers = orders.transfers();
        pending = state.writeReviewQueue(folder.staged(REVIEW_QUEUE), folder.work());
        // the outputs are released only once the records behind them are durable
        state.sync();
        auditRecords = state.recordsThisRun();
        head = state.head();
        stateTotals = state.totals(pending);
      }
      try (Writer w = Files.newBufferedWriter(folder.staged(SUMMARY), StandardCharsets.UTF_8)) {
        w.write(
            "Rebal run summary\n"
                + "book: "
                + options.bookName()
                + ", as of "
                + asOf
                + ", rule set "
                + ruleSet
                + ", run "
                + runId
                + "\n\n"
                + figures.render(summary)
                + "\n\n");
        if (shadow.isPresent()) {
          w.write(shadow.get().comparison().summaryBlock() + "\n\n");
        }
        dq.renderTo(w);
        w.write(
            "\naudit head: "
                + head
                + " (keep it apart from the log; check the log with "
                + "--verify-audit FILE --expect-head "
                + head
                + ")\n");
      }
      if (shadow.isPresent()) {
        Files.writeString(
            folder.staged(RULES_COMPARE),
            shadow.get().comparison().render(),
            StandardCharsets.UTF_8);
      }
      exceptionsFile.flush();
      String version = RebalCommand.version();
      Map<String, String> recorded =
          RunComparison.figures(
              options.bookName(), version, ruleSet, summary, results, results.exceptionCount());
      try (Writer w = Files.newBufferedWriter(folder.staged(RUN_RECORD), StandardCharsets.UTF_8)) {
        RunRecord.write(w, context.runId(), asOf, recorded, exceptionLines);
      }
      Optional<RunComparison> compared = Optional.empty();
      if (context.previous().isPresent()) {
        Set<String> now =
            new LinkedHashSet<>(Files.readAllLines(exceptionLines, StandardCharsets.UTF_8));
        compared =
            Optional.of(
                new RunComparison(context.previous().get(), context.runId(), recorded, now));
      }
      Files.writeString(
          folder.staged(REPORT),
          HtmlReport.render(
              options.bookName(),
              asOf,
              ruleSet,
              summary,
              dq,
              results,
              (int) pending,
              new HtmlReport.RunInfo(
                  context.runId(), version, shadow.map(ShadowRun::comparison), compared)),
          StandardCharsets.UTF_8);
      return new Written(
          summary,
          figures.render(summary),
          dq,
          households.read(),
          trades,
          pending,
          auditRecords,
          head,
          stateTotals,
          shadow.map(ShadowRun::comparison),
          runId,
          autoOrders,
          reviewOrders,
          transfers);
    }
  }

  /** Returns the run's id: from the as-of date, the rule set and the book's bytes. */
  private static RunId runId(RebalMain.Options options, LocalDate asOf, RuleSet ruleSet)
      throws IOException {
    try (InputStream in =
        options.book == null
            ? SampleBook.class.getResourceAsStream(SampleBook.RESOURCE)
            : Files.newInputStream(options.book)) {
      if (in == null) {
        throw new IOException("sample book " + SampleBook.RESOURCE + " is not on the class path");
      }
      return RunId.of(asOf, ruleSet.contentHash(), in);
    }
  }

  private static BookReader open(RebalMain.Options options) throws IOException {
    return options.book == null ? SampleBook.open() : BookReader.open(options.book);
  }

  /** Returns the unique, reversible file name for a household id ({@link HouseholdFiles}). */
  static String fileName(String householdId) {
    return HouseholdFiles.fileName(householdId);
  }

  /**
   * The book's readable households, read lazily; unreadable ones go to the data-quality report. The
   * households read but not yet decided wait here so the decision sink can find them (the runner
   * reads a bounded distance ahead).
   */
  private static final class Households implements Iterator<Household> {
    private final BookReader book;
    private final DataQualityReport dq;
    private final Map<String, String> rejectedIds;
    private final Map<HouseholdId, Deque<Household>> waiting = new HashMap<>();
    private Household next;
    private long read;

    Households(BookReader book, DataQualityReport dq, Map<String, String> rejectedIds) {
      this.book = book;
      this.dq = dq;
      this.rejectedIds = rejectedIds;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        Optional<HouseholdRead> r = book.next();
        if (r.isEmpty()) {
          return false;
        }
        String rejected = rejectedIds.get(r.get().householdId());
        if (r.get().household().isPresent() && rejected == null) {
          next = r.get().household().get();
        } else if (r.get().household().isPresent()) {
          synchronized (dq) {
            dq.unreadable(
                new ReadFailure(
                    r.get().index(),
                    r.get().householdId(),
                    "$.households[" + r.get().index() + "].id",
                    rejected));
          }
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
