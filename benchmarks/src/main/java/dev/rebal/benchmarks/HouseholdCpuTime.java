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
 * The pipeline and the screen per household of each {@link Bins size bin}, timed by the calling
 * thread's CPU time rather than by the wall clock, so that other processes on the machine do not
 * inflate the figures (JMH's {@code SampleTime} counts time the thread spent descheduled). After a
 * warm-up (every bin's households through both calls, {@code WARMUP} passes), each household is run
 * {@code REPS} times and its median kept; the report gives the median, p90 and maximum of those
 * per-household medians, in milliseconds of CPU, and the bytes allocated per call (median). Not run
 * by the build; run it by hand:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.HouseholdCpuTime [WARMUP] [REPS] [BIN]
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.HouseholdCpuTime book 5000
 * }</pre>
 */
public final class HouseholdCpuTime {
  private HouseholdCpuTime() {}

  /**
   * Prints one line per bin and call; with {@code book N} as arguments, instead streams households
   * 2,000 to 2,000 + N - 1 of the book (after households 0 to 1,999 as warm-up), each screened and
   * rebalanced once, and prints the distribution of CPU time per call over those households.
   */
  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("book")) {
      book(Integer.parseInt(args[1]));
      return;
    }
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    java.util.List<Bins> selected =
        args.length > 2
            ? java.util.List.of(Bins.valueOf(args[2]))
            : java.util.List.of(Bins.values());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    BookGenerator generator = Bins.generator();
    MarketData market = generator.marketData();
    LocalDate asOf = generator.asOf();
    Rebalancer rebalancer = Rebalancer.standard();
    Household[][] bins = new Household[Bins.values().length][];
    for (Bins bin : selected) {
      bins[bin.ordinal()] = bin.households(generator);
    }
    for (int w = 0; w < warmup; w++) {
      for (Bins bin : selected) {
        for (Household h : bins[bin.ordinal()]) {
          rebalancer.rebalance(h, market, asOf);
          rebalancer.screen(h, market, asOf);
        }
      }
    }
    long tid = Thread.currentThread().getId();
    for (String call : new String[] {"rebalance", "screen"}) {
      for (Bins bin : selected) {
        Household[] households = bins[bin.ordinal()];
        double[] cpu = new double[households.length];
        double[] alloc = new double[households.length];
        for (int i = 0; i < households.length; i++) {
          double[] c = new double[reps];
          double[] a = new double[reps];
          for (int r = 0; r < reps; r++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long t0 = threads.getCurrentThreadCpuTime();
            Object result =
                call.equals("rebalance")
                    ? rebalancer.rebalance(households[i], market, asOf)
                    : rebalancer.screen(households[i], market, asOf);
            c[r] = (threads.getCurrentThreadCpuTime() - t0) / 1e6;
            a[r] = threads.getThreadAllocatedBytes(tid) - a0;
            if (result == null) {
              throw new AssertionError("no result");
            }
          }
          cpu[i] = median(c);
          alloc[i] = median(a);
        }
        Arrays.sort(cpu);
        Arrays.sort(alloc);
        System.out.printf(
            Locale.ROOT,
            "%-9s %-8s cpu ms/household: median %.2f p90 %.2f max %.2f mean %.2f"
                + " | allocated MB/call: median %.2f p90 %.2f%n",
            call,
            bin,
            median(cpu),
            cpu[cpu.length * 9 / 10],
            cpu[cpu.length - 1],
            Arrays.stream(cpu).average().orElse(0),
            median(alloc) / 1e6,
            alloc[alloc.length * 9 / 10] / 1e6);
      }
    }
  }

  private static void book(int n) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    BookGenerator generator = Bins.generator();
    MarketData market = generator.marketData();
    LocalDate asOf = generator.asOf();
    Rebalancer rebalancer = Rebalancer.standard();
    for (long i = 0; i < 2_000; i++) {
      Household h = generator.household(i);
      rebalancer.screen(h, market, asOf);
      rebalancer.rebalance(h, market, asOf);
    }
    double[] screen = new double[n];
    double[] rebalance = new double[n];
    double[] generate = new double[n];
    for (int i = 0; i < n; i++) {
      long g0 = threads.getCurrentThreadCpuTime();
      Household h = generator.household(2_000L + i);
      long t0 = threads.getCurrentThreadCpuTime();
      rebalancer.screen(h, market, asOf);
      long t1 = threads.getCurrentThreadCpuTime();
      rebalancer.rebalance(h, market, asOf);
      long t2 = threads.getCurrentThreadCpuTime();
      generate[i] = (t0 - g0) / 1e6;
      screen[i] = (t1 - t0) / 1e6;
      rebalance[i] = (t2 - t1) / 1e6;
    }
    printDistribution("generate", n, generate);
    printDistribution("screen", n, screen);
    printDistribution("rebalance", n, rebalance);
  }

  private static void printDistribution(String call, int n, double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    double sum = Arrays.stream(v).sum();
    System.out.printf(
        Locale.ROOT,
        "%-9s book households 2000..%d: cpu ms median %.2f p90 %.2f p99 %.2f max %.2f"
            + " mean %.2f; the slowest 10%% take %.0f%% of the total%n",
        call,
        2_000 + n - 1,
        median(v),
        v[n * 9 / 10],
        v[n * 99 / 100],
        v[n - 1],
        sum / n,
        100 * Arrays.stream(v, n * 9 / 10, n).sum() / sum);
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
