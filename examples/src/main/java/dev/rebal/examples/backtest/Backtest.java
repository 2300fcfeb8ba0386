package dev.rebal.examples.backtest;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.Household;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The policy backtest: one seeded market path, one book of generated households, every policy run
 * on every household over the same path. Households run in parallel (each independent of the
 * others); results are gathered in household order, so the thread count never changes them.
 */
final class Backtest {
  /**
   * The run's settings.
   *
   * @param households the number of generated households (indexes 0 to households - 1)
   * @param years the number of simulated years (12 monthly steps each)
   * @param seed the seed of the book and of the market path
   * @param threads the worker threads
   * @param volatilityScale multiplies every asset-class volatility (1 for the documented set)
   * @param market parametric or historical class returns
   * @param assumptions trading cost, outside gains and horizons
   * @param realisticStart whether the book is generated with the realistic start
   */
  record Config(
      int households,
      int years,
      long seed,
      int threads,
      double volatilityScale,
      MarketModel.Kind market,
      Assumptions assumptions,
      boolean realisticStart) {
    Config {
      if (households < 1 || years < 1 || threads < 1) {
        throw new IllegalArgumentException(
            "households, years and threads must be at least 1, were "
                + households
                + ", "
                + years
                + ", "
                + threads);
      }
      if (!(volatilityScale > 0 && volatilityScale <= 5)) {
        throw new IllegalArgumentException(
            "volatility scale must be in (0, 5], was " + volatilityScale);
      }
    }

    Config(int households, int years, long seed, int threads) {
      this(households, years, seed, threads, 1.0);
    }

    Config(int households, int years, long seed, int threads, double volatilityScale) {
      this(
          households,
          years,
          seed,
          threads,
          volatilityScale,
          MarketModel.Kind.PARAMETRIC,
          Assumptions.DEFAULT,
          true);
    }
  }

  /** The outcome of a run: the market, and per policy each household's outcome in index order. */
  record Result(
      Config config,
      LocalDate start,
      MarketModel market,
      Map<Policy, ImmutableList<HouseholdOutcome>> outcomes) {}

  private Backtest() {}

  static Result run(Config config, IntConsumer progress) {
    BookGenerator generator =
        BookGenerator.of(
            new BookConfig(
                config.seed(), BookConfig.DEFAULT_AS_OF, 10, 0, config.realisticStart()));
    LocalDate start = generator.asOf();
    MarketModel market =
        MarketModel.simulate(
            generator.marketData(),
            start,
            config.years() * 12,
            mix(config.seed(), -1 - config.market().ordinal()),
            config.volatilityScale(),
            config.market());
    Map<Policy, Rebalancer> rebalancers = new EnumMap<>(Policy.class);
    for (Policy p : Policy.values()) {
      rebalancers.put(p, Rebalancer.of(p.ruleSet(config.assumptions().taxAwareParams())));
    }
    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    List<Future<List<HouseholdOutcome>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < config.households(); i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  List<HouseholdOutcome> r =
                      runHousehold(
                          generator,
                          market,
                          rebalancers,
                          index,
                          config.seed(),
                          config.assumptions());
                  progress.accept(index);
                  return r;
                }));
      }
      Map<Policy, List<HouseholdOutcome>> byPolicy = new EnumMap<>(Policy.class);
      for (Policy p : Policy.values()) {
        byPolicy.put(p, new ArrayList<>());
      }
      for (Future<List<HouseholdOutcome>> f : futures) {
        for (HouseholdOutcome o : f.get()) {
          byPolicy.get(o.policy).add(o);
        }
      }
      Map<Policy, ImmutableList<HouseholdOutcome>> out = new EnumMap<>(Policy.class);
      byPolicy.forEach((p, l) -> out.put(p, ImmutableList.copyOf(l)));
      return new Result(config, start, market, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("household failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs every policy on household {@code index}; the script is shared by all policies. */
  static List<HouseholdOutcome> runHousehold(
      BookGenerator generator,
      MarketModel market,
      Map<Policy, Rebalancer> rebalancers,
      int index,
      long seed,
      Assumptions assumptions) {
    Household generated = generator.household(index);
    BigDecimal startWealth = HouseholdSimulation.wealth(generated, market.market(0));
    HouseholdScript script =
        HouseholdScript.of(
            generated,
            startWealth,
            market.date(0),
            market.date(market.steps() - 1),
            mix(seed, index));
    List<HouseholdOutcome> out = new ArrayList<>();
    for (Policy p : Policy.values()) {
      out.add(
          new HouseholdSimulation(
                  index, p, rebalancers.get(p), market, generated, script, assumptions)
              .run());
    }
    return out;
  }

  /** SplitMix64 over the seed and a stream number: independent seeds for market and households. */
  static long mix(long seed, long stream) {
    long z = seed + 0x9E3779B97F4A7C15L * (stream + 2);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
