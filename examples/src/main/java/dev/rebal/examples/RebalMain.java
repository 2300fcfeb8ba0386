package dev.rebal.examples;

import dev.rebal.core.RebalException;
import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.household.Household;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetException;
import dev.rebal.core.ruleset.RuleSetParser;
import dev.rebal.json.BookFormatException;
import dev.rebal.json.BookWriter;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import dev.rebal.store.jdbc.StoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

/**
 * The main job: rebalances a book as of a date and writes the output folder (proposals, trade
 * blotter, review queue, audit log, summary and an HTML report); screens a book (the triggers of
 * each household, no trades: {@code screen.csv}); or generates a book.
 *
 * <pre>
 * rebal [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]
 *       [--state DIR | --state-url JDBC-URL] [--goal-outlook | --no-goal-outlook]
 *       [--assumptions FILE] [--compare-rules OLD.rules] [--audit-head FILE]
 * rebal --screen [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]
 * rebal --generate N [--seed S] [--realistic-start] [--out DIR]
 * rebal --verify-audit FILE [--expect-head SEQUENCE:HASH | --expect-head @FILE]
 * rebal --help | --version
 * </pre>
 *
 * <p>The command line is parsed by {@link RebalCommand} (picocli): {@code --opt value} and {@code
 * --opt=value}, suggestions for a mistyped option, the exit statuses in {@code --help}.
 *
 * <p>Without {@code --book} the bundled {@link SampleBook} is used; without {@code --rules}, {@link
 * RuleSet#defaults()}. The as-of date defaults to the book's own, never today, so the same book
 * gives the same output. Progress goes to standard error while the run lasts; the summary and the
 * list of files written go to standard output. A user error (a missing file, a bad date, a
 * malformed book or rule set, a state database that cannot be opened) prints one clear line and
 * exits with status 1 (bad input) or 2 (bad usage), and an audit log that does not verify exits
 * with 3; it never prints a stack trace. A run that stops after it began writing says so and leaves
 * the previous output untouched ({@link MainJob}).
 */
public final class RebalMain {
  /** Exit status for bad input (a missing or malformed book or rule set). */
  public static final int BAD_INPUT = 1;

  /** Exit status for bad usage (an unknown option, a bad value). */
  public static final int BAD_USAGE = 2;

  /** Exit status for an audit log that does not verify (against its head, if one is given). */
  public static final int AUDIT_BROKEN = 3;

  private RebalMain() {}

  /** Runs the job and exits with a non-zero status on error. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the job, printing the summary to {@code out} and progress and errors to {@code err}.
   *
   * @return 0 on success (households with bad data are held or listed unreadable, the others run),
   *     {@link #BAD_INPUT} or {@link #BAD_USAGE} on a user error, {@link #BAD_INPUT} also when the
   *     book has households but none of them could be read
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    RebalCommand.Parsed parsed = RebalCommand.parse(args, out, err);
    if (parsed.exits()) {
      return parsed.exitNow();
    }
    Options options = parsed.options();
    try {
      if (options.verifyAudit != null) {
        return verifyAudit(options, out, err);
      }
      if (options.generate >= 0) {
        return generate(options, out);
      }
      if (options.screen) {
        return ScreenJob.run(options, ruleSet(options), out, err);
      }
      if (options.auditHead != null && Files.exists(options.auditHead)) {
        err.println(
            "error: --audit-head: "
                + options.auditHead
                + " exists; the head is written "
                + "once, to a new file");
        return BAD_USAGE;
      }
      RuleSet rules = ruleSet(options);
      Optional<RuleSet> older = Optional.empty();
      if (options.compareRules != null) {
        older =
            Optional.of(
                withAssumptions(
                    options,
                    RuleSetParser.parse(
                        options.compareRules.toString(),
                        Files.readString(options.compareRules, StandardCharsets.UTF_8))));
      }
      return MainJob.run(options, rules, older, out, err);
    } catch (MainJob.Aborted e) {
      int status = report(e.getCause(), options, err);
      err.println(e.leaves());
      return status;
    } catch (IOException | RuntimeException e) {
      return report(e, options, err);
    }
  }

  /** Prints one line for a failure and returns the exit status; rethrows what is a bug. */
  private static int report(Throwable failure, Options options, PrintStream err) {
    try {
      throw failure;
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + e.getFile());
      return BAD_INPUT;
    } catch (BookFormatException e) {
      err.println("error: " + options.bookName() + " is not a valid book: " + oneLine(e));
      return BAD_INPUT;
    } catch (RuleSetException e) {
      err.println("error: rule set: " + oneLine(e));
      return BAD_INPUT;
    } catch (dev.rebal.core.outlook.AssumptionsException e) {
      err.println("error: assumptions: " + oneLine(e));
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("error: cannot read or write " + oneLine(e));
      return BAD_INPUT;
    } catch (UncheckedIOException e) {
      err.println("error: cannot read or write " + oneLine(e.getCause()));
      return BAD_INPUT;
    } catch (StoreException e) {
      err.println("error: state: " + oneLine(e));
      return BAD_INPUT;
    } catch (RunState.BrokenChainException e) {
      err.println("error: " + oneLine(e));
      return AUDIT_BROKEN;
    } catch (RebalException e) {
      err.println("error: " + oneLine(e));
      return BAD_INPUT;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies an audit log file, against the expected head if one is given. */
  private static int verifyAudit(Options options, PrintStream out, PrintStream err)
      throws IOException {
    Path file = options.verifyAudit;
    Optional<AuditHead> expected = Optional.empty();
    if (options.expectHead != null) {
      String text =
          options.expectHead.startsWith("@")
              ? Files.readString(Path.of(options.expectHead.substring(1)), StandardCharsets.UTF_8)
              : options.expectHead;
      try {
        expected = Optional.of(AuditHead.parse(text));
      } catch (IllegalArgumentException e) {
        err.println("error: --expect-head: " + e.getMessage());
        return BAD_USAGE;
      }
    }
    AuditVerification v =
        expected.isPresent()
            ? JsonLinesAuditSink.verify(file, expected.get())
            : JsonLinesAuditSink.verify(file);
    if (!v.isIntact()) {
      out.println("audit log " + file + ": BROKEN: " + v.problem().orElseThrow());
      return AUDIT_BROKEN;
    }
    if (expected.isPresent()) {
      out.println(
          "audit log "
              + file
              + ": intact, "
              + v.recordsChecked()
              + " records, ends at its head "
              + expected.get());
    } else {
      out.println(
          "audit log "
              + file
              + ": chain intact, "
              + v.recordsChecked()
              + " records; "
              + "without --expect-head a log cut at its end cannot be detected");
    }
    return 0;
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static RuleSet ruleSet(Options options) throws IOException {
    RuleSet rules = RuleSet.defaults();
    if (options.rules != null) {
      String text = Files.readString(options.rules, StandardCharsets.UTF_8);
      rules = RuleSetParser.parse(options.rules.toString(), text);
    }
    return withAssumptions(options, rules);
  }

  /** Returns {@code rules} carrying {@code --assumptions}, if given. */
  private static RuleSet withAssumptions(Options options, RuleSet rules) throws IOException {
    if (options.assumptions != null) {
      // the rule set carries the assumptions, so its hash (in every decision) covers them
      rules =
          dev.rebal.json.AssumptionsReader.read(options.assumptions)
              .applyTo(rules, rules.version());
    }
    return rules;
  }

  private static int generate(Options options, PrintStream out) throws IOException {
    BookGenerator generator =
        BookGenerator.of(BookConfig.of(options.seed).withRealisticStart(options.realisticStart));
    Path dir = options.outDir();
    Files.createDirectories(dir);
    Path file = dir.resolve("book-" + options.generate + "-seed-" + options.seed + ".json.gz");
    long start = System.nanoTime();
    // generate in parallel, in batches, and write in order: memory is bounded by one batch
    final long batch = 2_000;
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        BookWriter writer = BookWriter.open(os, generator.asOf(), generator.marketData())) {
      for (long from = 0; from < options.generate; from += batch) {
        List<Household> households =
            LongStream.range(from, Math.min(options.generate, from + batch))
                .parallel()
                .mapToObj(generator::household)
                .collect(Collectors.toList());
        households.forEach(writer::write);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        Locale.ROOT,
        "wrote %d households (seed %d, as of %s) to %s in %.1f s%n",
        options.generate,
        options.seed,
        generator.asOf(),
        file,
        seconds);
    return 0;
  }

  /** The parsed command line. */
  static final class Options {
    Path book;
    LocalDate asOf;
    Path rules;
    int threads = Runtime.getRuntime().availableProcessors();
    Path out;
    Path state;
    String stateUrl;
    long generate = -1;
    long seed = SampleBook.SEED;
    Path auditHead;
    Path verifyAudit;
    String expectHead;
    boolean realisticStart;
    boolean screen;
    Path assumptions;

    /** The rule set in force, for a shadow run ({@code --compare-rules}); null: none. */
    Path compareRules;

    /** Whether to compute each household's goal outlook; null: only for the bundled sample book. */
    Boolean goalOutlook;

    boolean goalOutlook() {
      return goalOutlook != null ? goalOutlook : book == null;
    }

    Path outDir() {
      return out == null ? Path.of("rebal-out") : out;
    }

    String bookName() {
      return book == null ? "the bundled sample book" : book.toString();
    }

    /**
     * Checks that the options combine.
     *
     * @throws IllegalArgumentException naming the options that do not
     */
    void check() {
      Options o = this;
      if (o.generate >= 0
          && (o.book != null
              || o.asOf != null
              || o.rules != null
              || o.state != null
              || o.stateUrl != null)) {
        throw new IllegalArgumentException(
            "--generate cannot be combined with --book, --as-of, --rules, --state or --state-url");
      }
      if (o.screen && (o.generate >= 0 || o.state != null || o.stateUrl != null)) {
        throw new IllegalArgumentException(
            "--screen cannot be combined with --generate, --state or --state-url");
      }
      if (o.state != null && o.stateUrl != null) {
        throw new IllegalArgumentException("--state and --state-url cannot be combined");
      }
      if (o.verifyAudit != null
          && (o.generate >= 0
              || o.screen
              || o.book != null
              || o.asOf != null
              || o.rules != null
              || o.state != null
              || o.stateUrl != null
              || o.out != null
              || o.auditHead != null)) {
        throw new IllegalArgumentException("--verify-audit takes only --expect-head");
      }
      if (o.compareRules != null && (o.generate >= 0 || o.screen || o.verifyAudit != null)) {
        throw new IllegalArgumentException("--compare-rules is for a rebalancing run");
      }
      if (o.expectHead != null && o.verifyAudit == null) {
        throw new IllegalArgumentException("--expect-head needs --verify-audit FILE");
      }
      if (o.auditHead != null && (o.generate >= 0 || o.screen)) {
        throw new IllegalArgumentException("--audit-head is for a rebalancing run");
      }
    }
  }
}
