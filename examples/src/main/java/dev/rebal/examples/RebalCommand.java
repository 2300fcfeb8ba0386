package dev.rebal.examples;

import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of the main job, {@code rebal}, parsed with picocli: every option takes its
 * value as {@code --opt value} or {@code --opt=value}; {@code --help} lists the options and the
 * exit statuses, {@code --version} prints Rebal's version and the default rule set's; a mistyped
 * option is named with the options it may have meant, followed by the short usage. The values are
 * checked here, with messages that name the option and the value seen, and handed to the job as
 * {@link RebalMain.Options}.
 */
@Command(
    name = "rebal",
    mixinStandardHelpOptions = true,
    versionProvider = RebalCommand.Version.class,
    sortOptions = false,
    usageHelpWidth = 100,
    abbreviateSynopsis = false,
    synopsisHeading = "Usage:%n",
    customSynopsis = {
      "  rebal [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]",
      "        [--state DIR | --state-url JDBC-URL] [--goal-outlook | --no-goal-outlook]",
      "        [--assumptions FILE] [--compare-rules OLD.rules] [--audit-head FILE]",
      "  rebal --screen [--book FILE] [--as-of DATE] [--rules FILE] [--threads N] [--out DIR]",
      "  rebal --generate N [--seed S] [--realistic-start] [--out DIR]",
      "  rebal --verify-audit FILE [--expect-head SEQUENCE:HASH | --expect-head @FILE]",
      "  rebal --help | --version"
    },
    description = {
      "",
      "Rebalances every household of the book as of a date and writes to DIR: proposals/"
          + "<household>.json, blotter.csv, review-queue.json, audit.jsonl, summary.txt, "
          + "report.html and run-record.txt; an earlier run in DIR is kept under DIR/runs/ "
          + "(docs/guide-main-job.md). Options take their value as --opt VALUE or --opt=VALUE.",
      ""
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:done (households with bad data are held or listed as unreadable, the others run)",
      "1:bad input: a missing or malformed book, rule set or assumptions file, a state "
          + "database that cannot be opened or written, or a book none of whose households "
          + "could be read",
      "2:bad usage: an unknown option, a missing or bad value, options that do not combine",
      "3:an audit log that does not verify (--verify-audit, or a state database whose chain "
          + "is broken)"
    },
    footer = {
      "",
      "The guide: docs/guide-main-job.md; rule sets: docs/rules.md; state databases: "
          + "docs/stores.md."
    })
final class RebalCommand {
  /** The command's name, as the help and the error lines give it. */
  static final String NAME = "rebal";

  @Option(
      names = "--book",
      paramLabel = "FILE",
      order = 1,
      description = "the book to read (JSON, or gzipped JSON); default: the bundled sample book")
  String book;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      order = 2,
      description = "the as-of date (yyyy-mm-dd); default: the book's own as-of date")
  String asOf;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      order = 3,
      description = "the rule set (text, see docs/rules.md); default: Rebal's default rules")
  String rules;

  @Option(
      names = "--threads",
      paramLabel = "N",
      order = 4,
      description = "worker threads, 1 to 256; default: the number of processors")
  String threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      order = 5,
      description =
          "the output folder; default: rebal-out. A run's files replace the earlier "
              + "run's only when it is complete (an aborted run leaves them untouched); the earlier "
              + "run moves to DIR/runs/AS-OF/RUN-ID and the report compares with it")
  String out;

  @Option(
      names = "--audit-head",
      paramLabel = "FILE",
      order = 6,
      description =
          "also write the audit chain's head (SEQUENCE:HASH) to FILE, a new file "
              + "(keep it apart from the log, e.g. on write-once storage)")
  String auditHead;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      order = 7,
      description =
          "keep the review queue and audit log in an embedded database in DIR "
              + "(created if missing; later runs append to the same chain and queue) instead of "
              + "writing audit.jsonl")
  String state;

  @Option(
      names = "--state-url",
      paramLabel = "JDBC-URL",
      order = 8,
      description =
          "the same in a database server, through a connection pool, e.g. "
              + "jdbc:postgresql://host/rebal?user=...&password=... (see docs/stores.md)")
  String stateUrl;

  @Option(
      names = "--goal-outlook",
      order = 9,
      description =
          "add each household's goal outlook (the probability that each goal is met, "
              + "docs/goals.md) to proposals/ and report.html; about a millisecond per household with "
              + "goals; default: on for the bundled sample book only")
  boolean goalOutlook;

  @Option(names = "--no-goal-outlook", order = 10, description = "leave the goal outlook out")
  boolean noGoalOutlook;

  @Option(
      names = "--assumptions",
      paramLabel = "FILE",
      order = 11,
      description =
          "capital market assumptions for the goal outlook (.cma text or JSON, "
              + "docs/goals.md), carried in the rule set; default: Rebal's")
  String assumptions;

  @Option(
      names = "--compare-rules",
      paramLabel = "OLD.rules",
      order = 12,
      description =
          "a shadow run before a new rule set goes live: also decide every household "
              + "under OLD.rules (the rule set in force; no audit, no review queue, no state) and "
              + "write DIR/rules-compare.txt and a report section; the run's own outputs are those "
              + "of a run without it")
  String compareRules;

  @Option(
      names = "--screen",
      order = 13,
      description =
          "the daily screen only: which households trigger today, and why; writes "
              + "DIR/screen.csv (no trades, no audit records)")
  boolean screen;

  @Option(
      names = "--generate",
      paramLabel = "N",
      order = 14,
      description = "write a generated book of N households to DIR/book-N-seed-S.json.gz")
  String generate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      order = 15,
      description = "the generator's seed; default: " + SampleBook.SEED)
  String seed;

  @Option(
      names = "--realistic-start",
      order = 16,
      description =
          "generate a realistic starting book (mostly funds, lots bought regularly "
              + "over years), as the bundled sample book is")
  boolean realisticStart;

  @Option(
      names = "--verify-audit",
      paramLabel = "FILE",
      order = 17,
      description = "verify an audit log (audit.jsonl)")
  String verifyAudit;

  @Option(
      names = "--expect-head",
      paramLabel = "SEQUENCE:HASH|@FILE",
      order = 18,
      description =
          "with --verify-audit, also check that the log ends exactly at that head "
              + "(as printed by the run, or @FILE holding it)")
  String expectHead;

  /** What parsing the command line gave: options to run, or a status to exit with at once. */
  record Parsed(RebalMain.Options options, int exitNow) {
    boolean exits() {
      return options == null;
    }
  }

  /** Returns the picocli command line of {@code command}, set up as the main job uses it. */
  static CommandLine commandLine(RebalCommand command) {
    CommandLine cl = new CommandLine(command);
    // --expect-head @FILE is the job's own syntax, not a picocli argument file
    cl.setExpandAtFiles(false);
    // as before picocli: an option given twice keeps its last value
    cl.setOverwrittenOptionsAllowed(true);
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    return cl;
  }

  /**
   * Parses {@code args}: prints the help or the version to {@code out}, or a usage error to {@code
   * err} (one line, the options meant, the short usage), and returns the status to exit with; or
   * returns the options to run with.
   */
  static Parsed parse(String[] args, PrintStream out, PrintStream err) {
    RebalCommand command = new RebalCommand();
    CommandLine cl = commandLine(command);
    try {
      cl.parseArgs(args);
      if (cl.isUsageHelpRequested()) {
        cl.usage(out);
        return new Parsed(null, 0);
      }
      if (cl.isVersionHelpRequested()) {
        cl.printVersionHelp(out);
        return new Parsed(null, 0);
      }
      return new Parsed(command.options(), 0);
    } catch (ParameterException e) {
      usageError(cl, message(e), suggestions(e), err);
      return new Parsed(null, RebalMain.BAD_USAGE);
    } catch (IllegalArgumentException e) {
      usageError(cl, e.getMessage(), List.of(), err);
      return new Parsed(null, RebalMain.BAD_USAGE);
    }
  }

  private static void usageError(
      CommandLine cl, String message, List<String> suggestions, PrintStream err) {
    err.println("error: " + message);
    if (!suggestions.isEmpty()) {
      err.println("did you mean: " + String.join(" or ", suggestions) + "?");
    }
    err.print(
        cl.getHelp().synopsisHeading()
            + cl.getHelp().synopsis(cl.getHelp().synopsisHeading().length()));
    err.println("Try '" + NAME + " --help' for the options and exit statuses.");
  }

  /** The error line for a picocli parse failure, in the job's own wording. */
  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u) {
      List<String> unmatched = u.getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      return first.startsWith("-") ? "unknown option: " + first : "unexpected argument: " + first;
    }
    if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
      ArgSpec spec = m.getMissing().get(0);
      if (spec instanceof OptionSpec o) {
        return o.longestName() + ": missing value";
      }
    }
    return e.getMessage();
  }

  private static List<String> suggestions(ParameterException e) {
    if (e instanceof UnmatchedArgumentException u) {
      return u.getSuggestions().stream().distinct().limit(3).collect(Collectors.toList());
    }
    return List.of();
  }

  /**
   * Checks the values and their combinations and returns the job's options.
   *
   * @throws IllegalArgumentException naming the option and the value seen
   */
  RebalMain.Options options() {
    RebalMain.Options o = new RebalMain.Options();
    if (book != null) {
      o.book = path(book, "--book");
    }
    if (asOf != null) {
      try {
        o.asOf = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--as-of: not a date (yyyy-mm-dd): " + asOf);
      }
    }
    if (rules != null) {
      o.rules = path(rules, "--rules");
    }
    if (threads != null) {
      long n = number(threads, "--threads");
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("--threads: must be 1 to 256: " + n);
      }
      o.threads = (int) n;
    }
    if (out != null) {
      o.out = path(out, "--out");
    }
    if (state != null) {
      o.state = path(state, "--state");
      try {
        JdbcStore.checkStateFolder(o.state);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--state: " + e.getMessage());
      }
    }
    if (stateUrl != null) {
      o.stateUrl = stateUrl;
      try {
        JdbcStore.checkUrl(stateUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--state-url: " + e.getMessage());
      }
    }
    if (auditHead != null) {
      o.auditHead = path(auditHead, "--audit-head");
    }
    if (verifyAudit != null) {
      o.verifyAudit = path(verifyAudit, "--verify-audit");
    }
    o.expectHead = expectHead;
    o.screen = screen;
    if (goalOutlook && noGoalOutlook) {
      throw new IllegalArgumentException("--goal-outlook and --no-goal-outlook cannot be combined");
    }
    o.goalOutlook = goalOutlook ? Boolean.TRUE : noGoalOutlook ? Boolean.FALSE : null;
    if (assumptions != null) {
      o.assumptions = path(assumptions, "--assumptions");
    }
    if (compareRules != null) {
      o.compareRules = path(compareRules, "--compare-rules");
    }
    if (generate != null) {
      o.generate = number(generate, "--generate");
    }
    o.realisticStart = realisticStart;
    if (seed != null) {
      o.seed = number(seed, "--seed");
    }
    o.check();
    return o;
  }

  /** A path option's value: never empty (an empty --out would write into the current folder). */
  private static Path path(String value, String option) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(option + ": must not be empty");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(option + ": not a path: " + e.getMessage());
    }
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

  /** Rebal's version, as the build wrote it into the jar. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = RebalCommand.class.getResourceAsStream("rebal-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version", "unknown");
  }

  /** The lines {@code --version} prints. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      RuleSet defaults = RuleSet.defaults();
      return new String[] {
        NAME + " " + version(),
        "default rule set: "
            + defaults.name()
            + " "
            + defaults.version()
            + ", sha-256 "
            + defaults.contentHash(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
      };
    }
  }
}
