package dev.rebal.examples;

import dev.rebal.core.household.Household;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetException;
import dev.rebal.core.ruleset.RuleSetParser;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.json.BookFormatException;
import dev.rebal.json.BookWriter;
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
 *           [--state DIR | --state-url JDBC-URL]
 * RebalMain --screen [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]
 * RebalMain --generate N [--seed S] [--out DIR]
 * RebalMain --help
 * </pre>
 *
 * <p>Without {@code --book} the bundled {@link SampleBook} is used; without {@code --rules},
 * {@link RuleSet#defaults()}. The as-of date defaults to the book's own, never today, so the same
 * book gives the same output. Progress goes to standard error while the run lasts; the summary and
 * the list of files written go to standard output. A user error (a missing file, a bad date, a
 * malformed book or rule set) prints one clear line and exits with status 1 (bad input) or 2 (bad
 * usage); it never prints a stack trace.
 */
public final class RebalMain {
  /** Exit status for bad input (a missing or malformed book or rule set). */
  public static final int BAD_INPUT = 1;
  /** Exit status for bad usage (an unknown option, a bad value). */
  public static final int BAD_USAGE = 2;

  static final String USAGE = String.join("\n",
      "usage: RebalMain [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]",
      "                 [--state DIR | --state-url JDBC-URL]",
      "       RebalMain --screen [--book FILE] [--as-of DATE] [--rules FILE] [--threads N]",
      "                 [--out DIR]",
      "       RebalMain --generate N [--seed S] [--out DIR]",
      "",
      "Rebalances every household of the book and writes to DIR: proposals/<household>.json,",
      "blotter.csv, review-queue.json, audit.jsonl, summary.txt and report.html.",
      "",
      "  --book FILE     the book to read (JSON, or gzipped JSON); default: the bundled sample book",
      "  --as-of DATE    the as-of date (yyyy-mm-dd); default: the book's own as-of date",
      "  --rules FILE    the rule set (text, see docs/rules.md); default: Rebal's default rules",
      "  --threads N     worker threads; default: the number of processors",
      "  --out DIR       the output folder; default rebal-out (files of an earlier run are replaced)",
      "  --state DIR     keep the review queue and audit log in an embedded database in DIR",
      "                  (created if missing; later runs append to the same chain and queue)",
      "                  instead of writing audit.jsonl",
      "  --state-url URL the same in a database server, e.g.",
      "                  jdbc:postgresql://host/rebal?user=...&password=... (see docs/stores.md)",
      "  --screen        the daily screen only: which households trigger today, and why;",
      "                  writes DIR/screen.csv (no trades, no audit records)",
      "  --generate N    write a generated book of N households to DIR/book-N-seed-S.json.gz",
      "  --seed S        the generator's seed; default " + SampleBook.SEED,
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
   * @return 0 on success, {@link #BAD_INPUT} or {@link #BAD_USAGE} on a user error
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
      if (options.generate >= 0) {
        return generate(options, out);
      }
      if (options.screen) {
        return ScreenJob.run(options, ruleSet(options), out, err);
      }
      return MainJob.run(options, ruleSet(options), out, err);
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + e.getFile());
      return BAD_INPUT;
    } catch (BookFormatException e) {
      err.println("error: " + options.bookName() + " is not a valid book: " + oneLine(e));
      return BAD_INPUT;
    } catch (RuleSetException e) {
      err.println("error: rule set: " + oneLine(e));
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
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static RuleSet ruleSet(Options options) throws IOException {
    if (options.rules == null) {
      return RuleSet.defaults();
    }
    String text = Files.readString(options.rules, StandardCharsets.UTF_8);
    return RuleSetParser.parse(options.rules.toString(), text);
  }

  private static int generate(Options options, PrintStream out) throws IOException {
    BookGenerator generator = BookGenerator.of(BookConfig.of(options.seed));
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
    boolean screen;
    boolean help;

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
            o.out = Path.of(value(args, ++i, a));
            break;
          case "--state":
            o.state = Path.of(value(args, ++i, a));
            break;
          case "--state-url":
            o.stateUrl = value(args, ++i, a);
            if (!o.stateUrl.startsWith("jdbc:")) {
              throw new IllegalArgumentException("--state-url: not a JDBC URL (jdbc:...): "
                  + o.stateUrl.replaceAll("(?i)(password=)[^&;]*", "$1***"));
            }
            break;
          case "--screen":
            o.screen = true;
            break;
          case "--generate":
            o.generate = number(value(args, ++i, a), a);
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
      return o;
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
