package dev.rebal.examples;

import dev.rebal.core.household.Household;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetException;
import dev.rebal.core.ruleset.RuleSetParser;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import dev.rebal.json.BookFormatException;
import dev.rebal.json.BookWriter;
import dev.rebal.core.RebalException;
import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.store.jdbc.JdbcStore;
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
import java.time.format.DateTimeParseException;
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
 * RebalMain [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]
 *           [--state DIR | --state-url JDBC-URL] [--goal-outlook | --no-goal-outlook]
 *           [--assumptions FILE] [--compare-rules OLD.rules]
 * RebalMain --screen [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]
 * RebalMain --generate N [--seed S] [--out DIR]
 * RebalMain --verify-audit FILE [--expect-head SEQUENCE:HASH | --expect-head @FILE]
 * RebalMain --help
 * </pre>
 *
 * <p>Without {@code --book} the bundled {@link SampleBook} is used; without {@code --rules},
 * {@link RuleSet#defaults()}. The as-of date defaults to the book's own, never today, so the same
 * book gives the same output. Progress goes to standard error while the run lasts; the summary and
 * the list of files written go to standard output. A user error (a missing file, a bad date, a
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

  static final String USAGE = String.join("\n",
      "usage: RebalMain [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]",
      "                 [--state DIR | --state-url JDBC-URL] [--goal-outlook | --no-goal-outlook]",
      "                 [--compare-rules OLD.rules]",
      "       RebalMain --screen [--book FILE] [--as-of DATE] [--rules FILE] [--threads N]",
      "                 [--out DIR]",
      "       RebalMain --generate N [--seed S] [--realistic-start] [--out DIR]",
      "       RebalMain --verify-audit FILE [--expect-head SEQUENCE:HASH | --expect-head @FILE]",
      "",
      "Rebalances every household of the book and writes to DIR: proposals/<household>.json,",
      "blotter.csv, review-queue.json, audit.jsonl, summary.txt and report.html.",
      "",
      "  --book FILE     the book to read (JSON, or gzipped JSON); default: the bundled sample book",
      "  --as-of DATE    the as-of date (yyyy-mm-dd); default: the book's own as-of date",
      "  --rules FILE    the rule set (text, see docs/rules.md); default: Rebal's default rules",
      "  --threads N     worker threads; default: the number of processors",
      "  --out DIR       the output folder; default rebal-out (an earlier run's files are replaced",
      "                  only when this run is complete; an aborted run leaves them untouched)",
      "  --audit-head FILE  also write the audit chain's head (SEQUENCE:HASH) to FILE, a new file",
      "                  (keep it apart from the log, e.g. on write-once storage)",
      "  --state DIR     keep the review queue and audit log in an embedded database in DIR",
      "                  (created if missing; later runs append to the same chain and queue)",
      "                  instead of writing audit.jsonl",
      "  --state-url URL the same in a database server, e.g.",
      "                  jdbc:postgresql://host/rebal?user=...&password=... (see docs/stores.md)",
      "  --goal-outlook  add each household's goal outlook (the probability that each goal is",
      "                  met, docs/goals.md) to proposals/ and report.html; about a millisecond",
      "                  per household with goals; default: on for the bundled sample book only",
      "  --no-goal-outlook  leave it out",
      "  --assumptions FILE  capital market assumptions for the goal outlook (.cma text or",
      "                  JSON, docs/goals.md), carried in the rule set; default: Rebal's",
      "  --compare-rules OLD.rules  a shadow run before a new rule set goes live: also decide",
      "                  every household under OLD.rules (the rule set in force; no audit, no",
      "                  review queue, no state) and write DIR/rules-compare.txt: the rule-set",
      "                  changes, book totals under each and the households that changed; the",
      "                  run's own outputs are those of a run without it",
      "  --screen        the daily screen only: which households trigger today, and why;",
      "                  writes DIR/screen.csv (no trades, no audit records)",
      "  --generate N    write a generated book of N households to DIR/book-N-seed-S.json.gz",
      "  --seed S        the generator's seed; default " + SampleBook.SEED,
      "  --realistic-start  generate a realistic starting book (mostly funds, lots bought",
      "                  regularly over years), as the bundled sample book is",
      "  --verify-audit FILE  verify an audit log (audit.jsonl); with --expect-head, also that it",
      "                  ends exactly at that head (as printed by the run, or @FILE holding it)",
      "",
      "Exit status: 0 done, 1 bad input, 2 bad usage, 3 the audit log does not verify.",
      "  --help          print this help");

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
   * @return 0 on success (households with bad data are held or listed unreadable, the others
   *     run), {@link #BAD_INPUT} or {@link #BAD_USAGE} on a user error, {@link #BAD_INPUT} also
   *     when the book has households but none of them could be read
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return BAD_USAGE;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
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
        err.println("error: --audit-head: " + options.auditHead + " exists; the head is written "
            + "once, to a new file");
        return BAD_USAGE;
      }
      RuleSet rules = ruleSet(options);
      Optional<RuleSet> older = Optional.empty();
      if (options.compareRules != null) {
        older = Optional.of(withAssumptions(options, RuleSetParser.parse(
            options.compareRules.toString(), Files.readString(options.compareRules,
                StandardCharsets.UTF_8))));
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
      String text = options.expectHead.startsWith("@")
          ? Files.readString(Path.of(options.expectHead.substring(1)), StandardCharsets.UTF_8)
          : options.expectHead;
      try {
        expected = Optional.of(AuditHead.parse(text));
      } catch (IllegalArgumentException e) {
        err.println("error: --expect-head: " + e.getMessage());
        return BAD_USAGE;
      }
    }
    AuditVerification v = expected.isPresent() ? JsonLinesAuditSink.verify(file, expected.get())
        : JsonLinesAuditSink.verify(file);
    if (!v.isIntact()) {
      out.println("audit log " + file + ": BROKEN: " + v.problem().orElseThrow());
      return AUDIT_BROKEN;
    }
    if (expected.isPresent()) {
      out.println("audit log " + file + ": intact, " + v.recordsChecked()
          + " records, ends at its head " + expected.get());
    } else {
      out.println("audit log " + file + ": chain intact, " + v.recordsChecked() + " records; "
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
      rules = dev.rebal.json.AssumptionsReader.read(options.assumptions)
          .applyTo(rules, rules.version());
    }
    return rules;
  }

  private static int generate(Options options, PrintStream out) throws IOException {
    BookGenerator generator = BookGenerator.of(BookConfig.of(options.seed)
        .withRealisticStart(options.realisticStart));
    Path dir = options.outDir();
    Files.createDirectories(dir);
    Path file = dir.resolve("book-" + options.generate + "-seed-" + options.seed + ".json.gz");
    long start = System.nanoTime();
    // generate in parallel, in batches, and write in order: memory is bounded by one batch
    final long batch = 2_000;
    try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        BookWriter writer = BookWriter.open(os, generator.asOf(), generator.marketData())) {
      for (long from = 0; from < options.generate; from += batch) {
        List<Household> households = LongStream.range(from, Math.min(options.generate, from + batch))
            .parallel().mapToObj(generator::household).collect(Collectors.toList());
        households.forEach(writer::write);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "wrote %d households (seed %d, as of %s) to %s in %.1f s%n", options.generate,
        options.seed, generator.asOf(), file, seconds);
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
    boolean help;
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

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--help":
          case "-h":
            o.help = true;
            break;
          case "--book":
            o.book = Path.of(value(args, ++i, a));
            break;
          case "--as-of":
            String d = value(args, ++i, a);
            try {
              o.asOf = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
              throw new IllegalArgumentException("--as-of: not a date (yyyy-mm-dd): " + d);
            }
            break;
          case "--rules":
            o.rules = Path.of(value(args, ++i, a));
            break;
          case "--threads":
            long n = number(value(args, ++i, a), a);
            if (n < 1 || n > 256) {
              throw new IllegalArgumentException("--threads: must be 1 to 256: " + n);
            }
            o.threads = (int) n;
            break;
          case "--out":
            o.out = path(value(args, ++i, a), a);
            break;
          case "--state":
            o.state = path(value(args, ++i, a), a);
            try {
              JdbcStore.checkStateFolder(o.state);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--state: " + e.getMessage());
            }
            break;
          case "--state-url":
            o.stateUrl = value(args, ++i, a);
            try {
              JdbcStore.checkUrl(o.stateUrl);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException("--state-url: " + e.getMessage());
            }
            break;
          case "--audit-head":
            o.auditHead = path(value(args, ++i, a), a);
            break;
          case "--verify-audit":
            o.verifyAudit = path(value(args, ++i, a), a);
            break;
          case "--expect-head":
            o.expectHead = value(args, ++i, a);
            break;
          case "--screen":
            o.screen = true;
            break;
          case "--goal-outlook":
            o.goalOutlook = true;
            break;
          case "--assumptions":
            o.assumptions = Path.of(value(args, ++i, a));
            break;
          case "--compare-rules":
            o.compareRules = path(value(args, ++i, a), a);
            break;
          case "--no-goal-outlook":
            o.goalOutlook = false;
            break;
          case "--generate":
            o.generate = number(value(args, ++i, a), a);
            break;
          case "--realistic-start":
            o.realisticStart = true;
            break;
          case "--seed":
            o.seed = number(value(args, ++i, a), a);
            break;
          default:
            throw new IllegalArgumentException("unknown option: " + a);
        }
      }
      if (o.generate >= 0 && (o.book != null || o.asOf != null || o.rules != null
          || o.state != null || o.stateUrl != null)) {
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
      if (o.verifyAudit != null && (o.generate >= 0 || o.screen || o.book != null || o.asOf != null
          || o.rules != null || o.state != null || o.stateUrl != null || o.out != null
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
      return o;
    }

    /** A path option's value: never empty (an empty --out would write into the current folder). */
    private static Path path(String value, String option) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(option + ": must not be empty");
      }
      try {
        return Path.of(value);
      } catch (java.nio.file.InvalidPathException e) {
        throw new IllegalArgumentException(option + ": not a path: " + e.getMessage());
      }
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length || args[i].startsWith("--")) {
        throw new IllegalArgumentException(option + ": missing value");
      }
      return args[i];
    }

    private static long number(String s, String option) {
      try {
        long n = Long.parseLong(s);
        if (n < 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + ": not a whole number >= 0: " + s);
      }
    }
  }
}
