package dev.rebal.examples.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The policy backtest's command line: runs six rebalancing policies over many seeded paths (each
 * its own generated book and market path, parametric and historical), and writes {@code results.md}
 * (the tables of {@code docs/backtest-results.md}), {@code problems.txt} (every engine problem met,
 * with path, household index and step), SVG charts, and the first path's detail tables ({@code
 * path0.md}) to the output folder; with {@code --docs DIR} it also writes {@code
 * DIR/backtest-results.md} and {@code DIR/img/backtest-*.svg}, the generated part of the docs.
 *
 * <pre>
 * java -cp examples/target/rebal-examples-*-all.jar dev.rebal.examples.backtest.PolicyBacktest \
 *     [--paths 50] [--households 6] [--seed 42] [--threads N] [--markets parametric,historical] \
 *     [--cost-bps 5] [--outside-gains 1] [--horizons 5,10,20] [--out target/backtest] [--docs DIR]
 * </pre>
 *
 * <p>The method and its assumptions are in {@code docs/backtest.md}.
 */
public final class PolicyBacktest {
  static final String USAGE =
      "usage: PolicyBacktest [--paths 50] [--households 6] [--seed 42] "
          + "[--threads N] [--markets parametric,historical] [--cost-bps 5] [--outside-gains 1] "
          + "[--horizons 5,10,20] [--tax-aware-params k=v,k=v] [--out target/backtest] [--docs DIR]";

  private PolicyBacktest() {}

  /**
   * Runs the backtest.
   *
   * @param args the options above, all optional
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
      out.println(USAGE);
      return 0;
    }
    Study.Config config;
    Path output = Path.of("target/backtest");
    Path docs = null;
    try {
      int paths = 50;
      int households = 6;
      long seed = 42;
      int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
      List<MarketModel.Kind> markets =
          List.of(MarketModel.Kind.PARAMETRIC, MarketModel.Kind.HISTORICAL);
      double cost = 5;
      double outside = 1;
      int[] horizons = {5, 10, 20};
      java.util.SortedMap<String, String> studied = new java.util.TreeMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        String v = args[++i];
        switch (a) {
          case "--paths":
            paths = Integer.parseInt(v);
            break;
          case "--households":
            households = Integer.parseInt(v);
            break;
          case "--seed":
            seed = Long.parseLong(v);
            break;
          case "--threads":
            threads = Integer.parseInt(v);
            break;
          case "--markets":
            List<MarketModel.Kind> ks = new ArrayList<>();
            for (String k : v.split(",")) {
              ks.add(MarketModel.Kind.valueOf(k.strip().toUpperCase(Locale.ROOT)));
            }
            markets = ks;
            break;
          case "--cost-bps":
            cost = Double.parseDouble(v);
            break;
          case "--outside-gains":
            outside = Double.parseDouble(v);
            break;
          case "--horizons":
            String[] hs = v.split(",");
            horizons = new int[hs.length];
            for (int j = 0; j < hs.length; j++) {
              horizons[j] = Integer.parseInt(hs[j].strip());
              if (horizons[j] < 1 || (j > 0 && horizons[j] <= horizons[j - 1])) {
                throw new IllegalArgumentException(
                    "horizons must be increasing whole years, was " + v);
              }
            }
            break;
          case "--tax-aware-params":
            for (String kv : v.split(",")) {
              String[] parts = kv.split("=", 2);
              if (parts.length != 2) {
                throw new IllegalArgumentException("--tax-aware-params wants key=value, was " + kv);
              }
              studied.put(parts[0].strip(), parts[1].strip());
            }
            break;
          case "--out":
            output = Path.of(v);
            break;
          case "--docs":
            docs = Path.of(v);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + a);
        }
      }
      config =
          new Study.Config(
              paths,
              households,
              seed,
              threads,
              markets,
              new Assumptions(cost, outside, horizons, studied));
    } catch (IllegalArgumentException e) {
      err.println("bad arguments: " + e.getMessage() + " (" + USAGE + ")");
      return 2;
    }
    long t0 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    int total = config.paths() * config.markets().size();
    List<Study.PathResult> results =
        Study.run(
            config,
            what ->
                out.printf(
                    Locale.ROOT,
                    "  %d / %d paths (%s, " + "%.0f s)%n",
                    done.incrementAndGet(),
                    total,
                    what,
                    (System.nanoTime() - t0) / 1e9));
    String command = "PolicyBacktest " + String.join(" ", args);
    String md = StudyReport.markdown(config, results, command.strip());
    Map<String, String> charts = StudyReport.charts(config, results);
    try {
      Files.createDirectories(output);
      Files.writeString(output.resolve("results.md"), md, StandardCharsets.UTF_8);
      StringBuilder problems = new StringBuilder();
      for (Study.PathResult r : results) {
        for (String x : r.problems()) {
          problems
              .append(r.market())
              .append(" path ")
              .append(r.path())
              .append(": ")
              .append(x.replace('\n', ' '))
              .append('\n');
        }
        if (r.detail() != null) {
          Backtest.Result d = r.detail();
          List<PolicySummary> summaries = PolicySummary.of(d);
          Files.writeString(
              output.resolve("path0.md"),
              Report.markdown(d, summaries, "first path of " + command.strip()),
              StandardCharsets.UTF_8);
          for (var chart : Charts.all(d, summaries).entrySet()) {
            Files.writeString(
                output.resolve("path0-" + chart.getKey()),
                chart.getValue(),
                StandardCharsets.UTF_8);
          }
        }
      }
      Files.writeString(
          output.resolve("problems.txt"), problems.toString(), StandardCharsets.UTF_8);
      for (var chart : charts.entrySet()) {
        Files.writeString(output.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
      }
      if (docs != null) {
        Files.createDirectories(docs.resolve("img"));
        Files.writeString(
            docs.resolve("backtest-results.md"),
            "# Policy backtest: generated "
                + "results\n\nGenerated by the command below; the method is in "
                + "[backtest.md](backtest.md). Do not edit by hand: re-run the command.\n\n"
                + md
                + chartLinks(charts),
            StandardCharsets.UTF_8);
        for (var chart : charts.entrySet()) {
          Files.writeString(
              docs.resolve("img").resolve(chart.getKey()),
              chart.getValue(),
              StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      err.println("cannot write to " + output + ": " + e.getMessage());
      return 2;
    }
    out.print(md);
    out.printf(
        Locale.ROOT,
        "wrote %s in %.1f s on %d threads%n",
        output.toAbsolutePath(),
        (System.nanoTime() - t0) / 1e9,
        config.threads());
    return 0;
  }

  private static String chartLinks(Map<String, String> charts) {
    StringBuilder sb = new StringBuilder();
    for (String name : charts.keySet()) {
      sb.append("![").append(name).append("](img/").append(name).append(")\n\n");
    }
    return sb.toString();
  }
}
