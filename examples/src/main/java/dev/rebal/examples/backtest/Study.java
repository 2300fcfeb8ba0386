package dev.rebal.examples.backtest;

import com.google.common.collect.ImmutableList;
import dev.rebal.engine.DecisionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The many-path study: for each market kind and each of {@code paths} seeds, a fresh generated book
 * (its own households) and a fresh market path, every policy run over it for the longest horizon,
 * and the results measured at every horizon in both conventions. Paths run in parallel, one per
 * thread; the results are gathered in path order, so the thread count never changes them.
 */
final class Study {
  /**
   * The study's settings.
   *
   * @param paths the number of seeded paths per market kind
   * @param households households per path (indexes 0 to households - 1 of each path's book)
   * @param seed the study's seed; path {@code i}'s seed is derived from it and {@code i}
   * @param threads worker threads (paths run in parallel)
   * @param markets the market kinds to run
   * @param assumptions trading cost, outside gains and horizons (the longest is the run's length)
   */
  record Config(
      int paths,
      int households,
      long seed,
      int threads,
      List<MarketModel.Kind> markets,
      Assumptions assumptions) {
    Config {
      if (paths < 1 || households < 1 || threads < 1 || markets.isEmpty()) {
        throw new IllegalArgumentException(
            "paths, households, threads and markets must be at "
                + "least 1, were "
                + paths
                + ", "
                + households
                + ", "
                + threads
                + ", "
                + markets);
      }
      markets = List.copyOf(markets);
    }

    int years() {
      int max = 0;
      for (int y : assumptions.horizonYears()) {
        max = Math.max(max, y);
      }
      return max;
    }
  }

  /** Per policy, horizon and convention: one path's measures. */
  record PathResult(
      MarketModel.Kind market,
      int path,
      long seed,
      /** [policy][horizon][convention]: the book's after-tax money-weighted return /yr. */
      double[][][] returns,
      /** [policy][horizon][convention][component]: the decomposition vs baseline, bps /yr. */
      double[][][][] components,
      /** [policy][metric]: activity over the whole run, see {@link #METRICS}. */
      double[][] activity,
      double maxUnexplained,
      /** [policy]: the engine decision quality over the path's households. */
      ImmutableList<DecisionQuality> quality,
      ImmutableList<String> problems,
      /** The raw run, kept for the first parametric path only (detail tables), else null. */
      Backtest.Result detail) {}

  /** The activity metrics, in {@link PathResult#activity} order. */
  static final List<String> METRICS =
      List.of(
          "turnover /yr",
          "events per household-year",
          "reviews per household-year",
          "needs",
          "needs met in time",
          "losses harvested",
          "income received",
          "income tax paid",
          "trading cost",
          "managed wealth-years",
          "household-years",
          "traded: relocation",
          "traded: harvest",
          "traded: cash flow",
          "traded: goals",
          "traded: concentration",
          "traded: rebalance");

  /** The index in {@link #METRICS} of the first {@link TradeReason}'s traded value. */
  static final int TRADED_BY_REASON = METRICS.indexOf("traded: relocation");

  private Study() {}

  static List<PathResult> run(Config config, Consumer<String> progress) {
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    List<Future<PathResult>> futures = new ArrayList<>();
    try {
      for (MarketModel.Kind kind : config.markets()) {
        for (int i = 0; i < config.paths(); i++) {
          int path = i;
          futures.add(
              pool.submit(
                  () -> {
                    PathResult r = runPath(config, kind, path);
                    progress.accept(kind + " path " + path);
                    return r;
                  }));
        }
      }
      List<PathResult> out = new ArrayList<>();
      for (Future<PathResult> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("path failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static long pathSeed(long seed, int path) {
    return Backtest.mix(seed, 1000 + path);
  }

  static PathResult runPath(Config config, MarketModel.Kind kind, int path) {
    long seed = pathSeed(config.seed(), path);
    Backtest.Result r =
        Backtest.run(
            new Backtest.Config(
                config.households(),
                config.years(),
                seed,
                1,
                1.0,
                kind,
                config.assumptions(),
                true),
            i -> {});
    return measure(config, kind, path, seed, r, path == 0 && kind == config.markets().get(0));
  }

  /** Measures one path's run: returns, decompositions and activity per policy. */
  static PathResult measure(
      Config config,
      MarketModel.Kind kind,
      int path,
      long seed,
      Backtest.Result r,
      boolean keepDetail) {
    Policy[] policies = Policy.values();
    int[] horizons = config.assumptions().horizonYears();
    int nc = Attribution.Component.values().length;
    double[][][] returns = new double[policies.length][horizons.length][2];
    double[][][][] comps = new double[policies.length][horizons.length][2][nc];
    double[][] activity = new double[policies.length][METRICS.size()];
    List<HouseholdOutcome> base = r.outcomes().get(Policy.BASELINE);
    double maxUnexplained = 0;
    for (int hi = 0; hi < horizons.length; hi++) {
      int h = 12 * horizons[hi];
      for (int conv = 0; conv < 2; conv++) {
        double baseIrr = bookReturn(base, h, conv);
        double monthly = Math.pow(1 + baseIrr, 1.0 / 12) - 1;
        double k = 0;
        for (HouseholdOutcome o : base) {
          for (int t = 0; t < h; t++) {
            k += o.wealth[t] * Math.pow(1 + monthly, h - t) / 12;
          }
        }
        for (Policy p : policies) {
          List<HouseholdOutcome> hs = r.outcomes().get(p);
          returns[p.ordinal()][hi][conv] = bookReturn(hs, h, conv);
          double diff = 0;
          double[] sum = new double[nc];
          for (int i = 0; i < hs.size(); i++) {
            double[] c = Attribution.of(hs.get(i), base.get(i), h, conv);
            double total = 0;
            for (int j = 0; j < nc; j++) {
              sum[j] += c[j];
              total += c[j];
            }
            double d = Attribution.difference(hs.get(i), base.get(i), h, conv);
            diff += d;
            maxUnexplained = Math.max(maxUnexplained, Math.abs(total - d));
          }
          for (int j = 0; j < nc; j++) {
            comps[p.ordinal()][hi][conv][j] = k > 0 ? 10_000 * sum[j] / k : 0;
          }
        }
      }
    }
    List<String> problems = new ArrayList<>();
    List<DecisionQuality> quality = new ArrayList<>();
    for (Policy p : policies) {
      quality.add(DecisionQuality.of(r.outcomes().get(p)));
      double[] a = activity[p.ordinal()];
      for (HouseholdOutcome o : r.outcomes().get(p)) {
        double avg = 0;
        for (double w : o.wealth) {
          avg += w / o.wealth.length;
        }
        double years = (o.wealth.length - 1) / 12.0;
        a[0] += o.traded / 2;
        a[1] += o.events;
        a[2] += o.outcomes.getOrDefault(DecisionOutcome.REVIEW, 0);
        a[3] += o.needs;
        a[4] += o.needs - o.shortfalls;
        a[5] += o.harvested;
        a[6] += o.income;
        a[7] += o.incomeTaxPaid;
        a[8] += o.costs;
        a[9] += avg * years;
        a[10] += years;
        for (TradeReason why : TradeReason.values()) {
          a[TRADED_BY_REASON + why.ordinal()] += o.tradedByReason[why.ordinal()] / 2;
        }
        maxUnexplained = Math.max(maxUnexplained, o.maxOther);
        problems.addAll(o.problems);
      }
    }
    return new PathResult(
        kind,
        path,
        seed,
        returns,
        comps,
        activity,
        maxUnexplained,
        ImmutableList.copyOf(quality),
        ImmutableList.copyOf(problems),
        keepDetail ? r : null);
  }

  /**
   * The book's after-tax money-weighted return a year to month {@code h}: the start's after-tax
   * value (convention's), the script's flows, and the after-tax value at {@code h}.
   */
  static double bookReturn(List<HouseholdOutcome> hs, int h, int convention) {
    double start = 0;
    double end = 0;
    double[] flows = new double[h + 1];
    for (HouseholdOutcome o : hs) {
      start += convention == Attribution.AFTER_LIQUIDATION ? o.startAfterTax : o.startStepUp;
      end += o.checkpoints.get(h)[convention];
      for (int t = 1; t <= h; t++) {
        flows[t] += o.flows[t];
      }
    }
    return PolicySummary.irr(start, flows, end);
  }
}
