package dev.rebal.examples;

import dev.rebal.core.household.Household;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.ValidationReport;
import dev.rebal.json.BookFormatException;
import dev.rebal.json.BookReader;
import dev.rebal.json.BookWriter;
import dev.rebal.json.HouseholdRead;
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
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

/**
 * The main job: loads a book, validates every household and prints a data-quality report and each
 * household's drift from its target; or generates a book.
 *
 * <pre>
 * RebalMain [--book FILE] [--as-of DATE] [--out DIR]
 * RebalMain --generate N [--seed S] [--out DIR]
 * RebalMain --help
 * </pre>
 *
 * <p>Without {@code --book} the bundled {@link SampleBook} is used. The as-of date defaults to the
 * book's own, never today, so the same book gives the same report. A user error (a missing file, a
 * bad date, malformed JSON) prints one clear line and exits with status 1 (bad input) or 2 (bad
 * usage); it never prints a stack trace.
 */
public final class RebalMain {
  /** Exit status for bad input (a missing or malformed book). */
  public static final int BAD_INPUT = 1;
  /** Exit status for bad usage (an unknown option, a bad value). */
  public static final int BAD_USAGE = 2;

  static final String USAGE = String.join("\n",
      "usage: RebalMain [--book FILE] [--as-of DATE] [--out DIR]",
      "       RebalMain --generate N [--seed S] [--out DIR]",
      "",
      "  --book FILE     the book to read (JSON, or gzipped JSON); default: the bundled sample book",
      "  --as-of DATE    the as-of date (yyyy-mm-dd); default: the book's own as-of date",
      "  --out DIR       also write the report to DIR/report.txt (with --generate: where the book",
      "                  goes; default rebal-out)",
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
   * Runs the job, printing to {@code out} and errors to {@code err}.
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
      return options.generate >= 0 ? generate(options, out) : report(options, out);
    } catch (NoSuchFileException e) {
      err.println("error: no such file: " + e.getFile());
      return BAD_INPUT;
    } catch (BookFormatException e) {
      err.println("error: " + options.bookName() + " is not a valid book: " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("error: cannot read or write " + e.getMessage());
      return BAD_INPUT;
    } catch (UncheckedIOException e) {
      err.println("error: cannot read or write " + e.getCause().getMessage());
      return BAD_INPUT;
    }
  }

  private static int report(Options options, PrintStream out) throws IOException {
    DataQualityReport report;
    try (BookReader book = options.book == null ? SampleBook.open() : BookReader.open(options.book)) {
      LocalDate asOf = options.asOf != null ? options.asOf : book.asOf();
      report = new DataQualityReport(options.bookName(), asOf);
      HouseholdValidator validator = HouseholdValidator.standard();
      Optional<HouseholdRead> next;
      while ((next = book.next()).isPresent()) {
        HouseholdRead read = next.get();
        if (read.household().isEmpty()) {
          report.unreadable(read.failure().orElseThrow());
          continue;
        }
        Household h = read.household().get();
        ValidationReport validation = validator.validate(h, book.marketData(), asOf);
        report.add(h, validation, book.marketData());
      }
    }
    String text = report.render();
    out.print(text);
    if (options.out != null) {
      Files.createDirectories(options.out);
      Path file = options.out.resolve("report.txt");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      out.println("report written to " + file);
    }
    return 0;
  }

  private static int generate(Options options, PrintStream out) throws IOException {
    BookGenerator generator = BookGenerator.of(BookConfig.of(options.seed));
    Path dir = options.out == null ? Path.of("rebal-out") : options.out;
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
    out.printf("wrote %d households (seed %d, as of %s) to %s in %.1f s%n", options.generate,
        options.seed, generator.asOf(), file, seconds);
    return 0;
  }

  /** The parsed command line. */
  static final class Options {
    Path book;
    LocalDate asOf;
    Path out;
    long generate = -1;
    long seed = SampleBook.SEED;
    boolean help;

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
          case "--out":
            o.out = Path.of(value(args, ++i, a));
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
      if (o.generate >= 0 && (o.book != null || o.asOf != null)) {
        throw new IllegalArgumentException("--generate cannot be combined with --book or --as-of");
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
