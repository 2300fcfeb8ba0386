package dev.rebal.benchmarks;

import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
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
 * Solve time per household, model build, LP, verification, rounding and repair included, for the
 * three generated shapes. Households are generated in {@code @Setup} from fixed seeds and cycled,
 * so each invocation solves a different household. Run with {@code -prof gc} for allocation per
 * solve ({@code gc.alloc.rate.norm}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar OptimizerBenchmark -wi 2 -i 3 -f 1 -prof gc
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(1)
public class OptimizerBenchmark {
  /** Households generated per shape and cycled through. */
  static final int HOUSEHOLDS = 32;

  /** The household shape. */
  @Param({"SMALL", "TYPICAL", "LARGE"})
  public String shape;

  private HouseholdProblem[] problems;
  private int next;

  /** Generates the households once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    problems = new HouseholdProblem[HOUSEHOLDS];
    for (int i = 0; i < HOUSEHOLDS; i++) {
      problems[i] = ProblemGenerator.generate(Shape.valueOf(shape), 1_000 + i);
    }
  }

  /** Optimises the next household. */
  @Benchmark
  public OptimizationResult optimize() {
    HouseholdProblem p = problems[next];
    next = (next + 1) % HOUSEHOLDS;
    return HouseholdOptimizer.standard().optimize(p);
  }
}
