package dev.rebal.examples;

import dev.rebal.core.batch.CancellationToken;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.engine.BookScreener;
import dev.rebal.engine.Rebalancer;
import dev.rebal.engine.ScreenSummary;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The main job's daily screen ({@code --screen}): every household of the book through {@link
 * BookScreener} (validation, assessment and triggers; no optimization, no trades, no audit
 * records), writing {@code screen.csv}, one line per household in book order: position, id, {@code
 * TRIGGERED}, {@code NONE} or {@code FAILED}, and the trigger codes (separated by {@code ;}) or the
 * error. A household that cannot be read from the book is a {@code FAILED} line with the reader's
 * message. The summary goes to standard output.
 */
final class ScreenJob {
  static final String SCREEN = "screen.csv";
  static final String HEADER = "position,household,screen,triggers";

  private ScreenJob() {}

  static int run(RebalMain.Options options, RuleSet ruleSet, PrintStream out, PrintStream err)
      throws IOException {
    long start = System.nanoTime();
    Path dir = options.outDir();
    Files.createDirectories(dir);
    Path file = dir.resolve(SCREEN);
    try (BookReader book =
            options.book == null ? SampleBook.open() : BookReader.open(options.book);
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      LocalDate asOf = options.asOf != null ? options.asOf : book.asOf();
      MarketData market = book.marketData();
      err.println(
          "screening "
              + options.bookName()
              + " as of "
              + asOf
              + " with rule set "
              + ruleSet
              + " on "
              + options.threads
              + " thread(s)");
      w.write(HEADER + "\n");
      ScreenSummary summary =
          BookScreener.builder(Rebalancer.of(ruleSet))
              .threads(options.threads)
              .progress(p -> err.println("  progress: " + p), 2000)
              .build()
              .run(
                  book.households().iterator(),
                  ScreenJob::household,
                  market,
                  asOf,
                  r -> {
                    List<String> fields = new ArrayList<>();
                    fields.add(Long.toString(r.index()));
                    fields.add(r.household());
                    fields.add(
                        r.failure().isPresent()
                            ? "FAILED"
                            : r.isTriggered() ? "TRIGGERED" : "NONE");
                    fields.add(r.failure().orElseGet(() -> codes(r.triggers())));
                    try {
                      w.write(
                          String.join(",", fields.stream().map(Blotter::quote).toList()) + "\n");
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  },
                  new CancellationToken());
      double seconds = (System.nanoTime() - start) / 1e9;
      out.println(
          "Rebal screen: " + options.bookName() + " as of " + asOf + ", rule set " + ruleSet);
      out.println(summary);
      out.printf(Locale.ROOT, "wrote %s in %.1f s%n", file, seconds);
      return 0;
    }
  }

  /** Reads a record of the book: its household, or the reader's failure as an exception. */
  private static dev.rebal.core.household.Household household(HouseholdRead read) {
    return read.household()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    read.failure().map(Object::toString).orElse("unreadable household")));
  }

  private static String codes(List<Finding> triggers) {
    return String.join(";", triggers.stream().map(Finding::code).distinct().toList());
  }
}
