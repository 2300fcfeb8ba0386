package dev.rebal.examples.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The policy backtest's command line: runs five rebalancing policies over the same generated
 * households and seeded market path and writes {@code results.md} (tables ready for {@code
 * docs/backtest.md}), {@code problems.txt} (every engine problem met, with household index and
 * step) and SVG charts to the output folder.
 *
 * <pre>
 * java -cp examples/target/rebal-examples-*-all.jar dev.rebal.examples.backtest.PolicyBacktest \
 *     [households=80] [years=5] [seed=42] [output=target/backtest] [volatility-scale=1.0]
 * </pre>
 *
 * <p>The method and its assumptions are in {@code docs/backtest.md}.
 */
public final class PolicyBacktest {
  private PolicyBacktest() {}

  /**
   * Runs the backtest.
   *
   * @param args households, years, seed, output folder, volatility scale (all optional, in that
   *     order)
   */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the backtest and returns the exit code: 0, or 2 for bad arguments or an I/O error. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println("usage: PolicyBacktest [households=80] [years=5] [seed=42] "
          + "[output=target/backtest] [volatility-scale=1.0]");
      return 0;
    }
    Backtest.Config config;
    Path output;
    try {
      int households = args.length > 0 ? Integer.parseInt(args[0]) : 80;
      int years = args.length > 1 ? Integer.parseInt(args[1]) : 5;
      long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
      output = Path.of(args.length > 3 ? args[3] : "target/backtest");
      double volatility = args.length > 4 ? Double.parseDouble(args[4]) : 1.0;
      int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
      config = new Backtest.Config(households, years, seed, threads, volatility);
    } catch (IllegalArgumentException e) {
      err.println("bad arguments: " + e.getMessage()
          + " (usage: PolicyBacktest [households] [years] [seed] [output])");
      return 2;
    }
    long t0 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, config.households() / 10);
    Backtest.Result result = Backtest.run(config, i -> {
      int n = done.incrementAndGet();
      if (n % step == 0 || n == config.households()) {
        out.printf(Locale.ROOT, "  %d / %d households%n", n, config.households());
      }
    });
    List<PolicySummary> summaries = PolicySummary.of(result);
    String command = "PolicyBacktest " + config.households() + " " + config.years() + " "
        + config.seed() + " " + output + (config.volatilityScale() == 1.0 ? ""
            : " " + config.volatilityScale());
    String md = Report.markdown(result, summaries, command);
    try {
      Files.createDirectories(output);
      Files.writeString(output.resolve("results.md"), md, StandardCharsets.UTF_8);
      StringBuilder problems = new StringBuilder();
      for (Policy p : Policy.values()) {
        for (HouseholdOutcome o : result.outcomes().get(p)) {
          o.problems.forEach(x -> problems.append(x.replace('\n', ' ')).append('\n'));
        }
      }
      Files.writeString(output.resolve("problems.txt"), problems.toString(),
          StandardCharsets.UTF_8);
      for (var chart : Charts.all(result, summaries).entrySet()) {
        Files.writeString(output.resolve(chart.getKey()), chart.getValue(),
            StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      err.println("cannot write to " + output + ": " + e.getMessage());
      return 2;
    }
    out.print(md);
    out.printf(Locale.ROOT, "wrote %s in %.1f s on %d threads%n", output.toAbsolutePath(),
        (System.nanoTime() - t0) / 1e9, config.threads());
    return 0;
  }
}
