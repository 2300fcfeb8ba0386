package dev.rebal.benchmarks;

import dev.rebal.core.rule.Finding;
import dev.rebal.engine.Rebalancer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The daily screen, {@link Rebalancer#screen} (validate, assess, eligibility and trigger rules; no
 * constraints, no optimization), per generated household of each {@link Bins size bin}. The bin's
 * 32 households are generated in {@code @Setup} and cycled, so each invocation screens a different
 * household and the sampled distribution is over households; read the median ({@code p0.50}) and
 * {@code p0.90} lines. Household generation is not timed. Run on one thread with {@code -prof gc}
 * for allocation per household ({@code gc.alloc.rate.norm}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ScreenBenchmark -t 1 -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class ScreenBenchmark extends BinnedHouseholds {
  /** Screens the next household. */
  @Benchmark
  public List<Finding> screen() {
    return rebalancer.screen(nextHousehold(), marketData, asOf);
  }
}
