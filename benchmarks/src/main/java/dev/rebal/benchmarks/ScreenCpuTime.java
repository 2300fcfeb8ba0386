package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookGenerator;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The engine's part of the daily screen alone: the first {@code N} households of the book (2,000 by
 * default) are generated once and held in memory, then {@link Rebalancer#screen} runs over all of
 * them for {@code PASSES} passes on the calling thread, timed by the thread's CPU time, so that
 * neither the input (generation or parsing) nor other processes on the machine count. The first
 * {@code WARMUP} passes are not reported; each later pass prints its CPU time per household, and
 * the last line gives their median, the bytes allocated per household (last pass) and the number of
 * households with a trigger (which must not change between builds). Since {@code N} households do
 * not stay in the CPU caches, this is closer to a batch than {@link HouseholdCpuTime}'s bins of 32.
 * Not run by the build; run it by hand:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.ScreenCpuTime [N] [WARMUP] [PASSES]
 * }</pre>
 */
public final class ScreenCpuTime {
  private ScreenCpuTime() {}

  /**
   * Prints the CPU time per household of each measured pass and their median.
   *
   * @param args optional: the number of households, the warm-up passes and the measured passes
   *     (2,000, 5 and 5 by default)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    BookGenerator generator = Bins.generator();
    MarketData market = generator.marketData();
    LocalDate asOf = generator.asOf();
    Rebalancer rebalancer = Rebalancer.standard();
    Household[] households = new Household[n];
    for (int i = 0; i < n; i++) {
      households[i] = generator.household(i);
    }
    double[] perHousehold = new double[passes];
    double bytes = 0;
    int triggered = 0;
    for (int p = 0; p < warmup + passes; p++) {
      int fired = 0;
      long a0 = threads.getThreadAllocatedBytes(tid);
      long t0 = threads.getCurrentThreadCpuTime();
      for (Household h : households) {
        if (!rebalancer.screen(h, market, asOf).isEmpty()) {
          fired++;
        }
      }
      double ms = (threads.getCurrentThreadCpuTime() - t0) / 1e6 / n;
      bytes = (threads.getThreadAllocatedBytes(tid) - a0) / (double) n;
      triggered = fired;
      if (p >= warmup) {
        perHousehold[p - warmup] = ms;
        System.out.printf(Locale.ROOT, "pass %d: %.4f ms CPU per household%n", p - warmup + 1, ms);
      }
    }
    Arrays.sort(perHousehold);
    System.out.printf(
        Locale.ROOT,
        "screen, %d households in memory: median %.4f ms CPU per household"
            + " (min %.4f), %.1f KB allocated per household, %d with a trigger%n",
        n,
        perHousehold[passes / 2],
        perHousehold[0],
        bytes / 1e3,
        triggered);
  }
}
