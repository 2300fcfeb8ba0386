package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.engine.Rebalancer;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The pipeline and the screen per household of each {@link Bins size bin}, timed by the calling
 * thread's CPU time rather than by the wall clock, so that other processes on the machine do not
 * inflate the figures (JMH's {@code SampleTime} counts time the thread spent descheduled). After a
 * warm-up (every bin's households through both calls, {@code WARMUP} passes), each household is
 * run {@code REPS} times and its median kept; the report gives the median, p90 and maximum of those
 * per-household medians, in milliseconds of CPU, and the bytes allocated per call (median). Not run
 * by the build; run it by hand:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.HouseholdCpuTime [WARMUP] [REPS]
 * }</pre>
 */
public final class HouseholdCpuTime {
  private HouseholdCpuTime() {}

  /** Prints one line per bin and call. */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    BookGenerator generator = Bins.generator();
    MarketData market = generator.marketData();
    LocalDate asOf = generator.asOf();
    Rebalancer rebalancer = Rebalancer.standard();
    Household[][] bins = new Household[Bins.values().length][];
    for (Bins bin : Bins.values()) {
      bins[bin.ordinal()] = bin.households(generator);
    }
    for (int w = 0; w < warmup; w++) {
      for (Household[] households : bins) {
        for (Household h : households) {
          rebalancer.rebalance(h, market, asOf);
          rebalancer.screen(h, market, asOf);
        }
      }
    }
    long tid = Thread.currentThread().getId();
    for (String call : new String[] {"rebalance", "screen"}) {
      for (Bins bin : Bins.values()) {
        Household[] households = bins[bin.ordinal()];
        double[] cpu = new double[households.length];
        double[] alloc = new double[households.length];
        for (int i = 0; i < households.length; i++) {
          double[] c = new double[reps];
          double[] a = new double[reps];
          for (int r = 0; r < reps; r++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long t0 = threads.getCurrentThreadCpuTime();
            Object result = call.equals("rebalance")
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
        System.out.printf("%-9s %-8s cpu ms/household: median %.2f p90 %.2f max %.2f mean %.2f"
                + " | allocated MB/call: median %.2f p90 %.2f%n", call, bin, median(cpu),
            cpu[cpu.length * 9 / 10], cpu[cpu.length - 1], Arrays.stream(cpu).average().orElse(0),
            median(alloc) / 1e6, alloc[alloc.length * 9 / 10] / 1e6);
      }
    }
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
