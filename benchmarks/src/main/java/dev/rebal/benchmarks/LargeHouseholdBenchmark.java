package dev.rebal.benchmarks;

import dev.rebal.optimizer.HouseholdOptimizer;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.OptimizationResult;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SolverBackends;
import dev.rebal.optimizer.internal.SizeRoutingSolver;
import dev.rebal.optimizer.testing.ProblemGenerator;
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
 * One whole household optimisation (model build, LP, verification, rounding and repair) of a large
 * generated household in tax-loss-harvest mode (8 accounts, 200 securities, {@code lots} lots; four
 * seeds cycled) on {@link SizeRoutingSolver}, whose LPs of several thousand variables go to the
 * bounded solver:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LargeHouseholdBenchmark -bm sample -tu ms \
 *     -wi 3 -i 5 -w 2 -r 3 -f 1
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class LargeHouseholdBenchmark {
  /** Households cycled. */
  static final int HOUSEHOLDS = 4;

  /** The number of lots. */
  @Param({"8000"})
  public int lots;

  private HouseholdProblem[] problems;
  private int next;
  private final HouseholdOptimizer optimizer =
      SolverBackends.optimizer(SizeRoutingSolver.standard());

  /** Generates the households once per trial and checks that each is solved. */
  @Setup(Level.Trial)
  public void generate() {
    problems = new HouseholdProblem[HOUSEHOLDS];
    for (int i = 0; i < HOUSEHOLDS; i++) {
      problems[i] = ProblemGenerator.generate(8, 200, lots, 7 + i, RebalanceMode.TAX_LOSS_HARVEST);
      OptimizationResult r = optimizer.optimize(problems[i]);
      if (!(r instanceof OptimizationResult.Optimal)) {
        throw new IllegalStateException("household " + i + ": " + r);
      }
    }
  }

  /** Optimises the next household. */
  @Benchmark
  public OptimizationResult optimize() {
    HouseholdProblem p = problems[next];
    next = (next + 1) % HOUSEHOLDS;
    return optimizer.optimize(p);
  }
}
