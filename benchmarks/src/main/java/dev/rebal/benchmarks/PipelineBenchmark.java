package dev.rebal.benchmarks;

import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
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
 * The whole pipeline, {@link Rebalancer#rebalance} (validate, assess, triggers, constraints,
 * harvest, LP, rounding and repair, verify, route, the decision and its audit entry), per generated
 * household of each {@link Bins size bin}. The bin's 32 households are generated in {@code @Setup}
 * and cycled, so each invocation decides a different household and the sampled distribution is over
 * households; read the median ({@code p0.50}) and {@code p0.90} lines. Household generation is not
 * timed. The warm-up is long (25 s) because the pipeline is a lot of code for the JIT to compile.
 * Run on one thread with {@code -prof gc} for allocation per household ({@code
 * gc.alloc.rate.norm}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar PipelineBenchmark -t 1 -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 3, time = 4)
@Fork(1)
@Threads(1)
public class PipelineBenchmark extends BinnedHouseholds {
  /** Decides the next household. */
  @Benchmark
  public Decision rebalance() {
    return rebalancer.rebalance(nextHousehold(), marketData, asOf);
  }
}
