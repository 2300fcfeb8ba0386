package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.engine.Rebalancer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The daily screen, {@link Rebalancer#screen} (validate, assess, eligibility and trigger rules; no
 * constraints, no optimization), per generated household of each {@link Bins size bin}. The bin's 32 households are generated in {@code @Setup}
 * and cycled, so each invocation screens a different household and the sampled distribution is over
 * households; read the median ({@code p0.50}) and {@code p0.90} lines. Household generation is not
 * timed. Run on one thread with {@code -prof gc} for allocation per household ({@code
 * gc.alloc.rate.norm}):
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
public class ScreenBenchmark {
  /** The size bin. */
  @Param({"BOOK", "SMALL", "MEDIAN", "LARGE", "LOTS300"})
  public String bin;

  private Rebalancer rebalancer;
  private MarketData marketData;
  private LocalDate asOf;
  private Household[] households;
  private int next;

  /** Generates the bin's households once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    BookGenerator generator = Bins.generator();
    rebalancer = Rebalancer.standard();
    marketData = generator.marketData();
    asOf = generator.asOf();
    households = Bins.valueOf(bin).households(generator);
  }

  /** Screens the next household. */
  @Benchmark
  public List<Finding> screen() {
    Household h = households[next];
    next = (next + 1) % households.length;
    return rebalancer.screen(h, marketData, asOf);
  }
}
