package dev.rebal.benchmarks;

import dev.rebal.optimizer.internal.BoundedSimplexSolver;
import dev.rebal.optimizer.internal.DenseSimplexSolver;
import dev.rebal.optimizer.internal.LinearProgram;
import dev.rebal.optimizer.internal.LpShapes;
import dev.rebal.optimizer.internal.LpSolution;
import dev.rebal.optimizer.internal.OjAlgoLp;
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
 * One LP solve of the optimizer's shape ({@code LpShapes.household}: per sell segment a column with
 * its capacity row, per (account, class) a buy column, drift rows and columns per class, a cash row
 * per account, a gain budget) at several sizes, by {@link BoundedSimplexSolver}, {@link
 * DenseSimplexSolver} (which refuses programs above its size limit: run it only up to 1,000
 * variables) and ojAlgo (bounds given as bounds). Four programs per size (seeds 1-4) are cycled.
 * Sample mode gives the median:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar LpSolverBenchmark.bounded -bm sample -tu ms \
 *     -p variables=200,1000,3000,8000 -wi 3 -i 5 -w 2 -r 2 -f 1
 * java -jar benchmarks/target/benchmarks.jar LpSolverBenchmark.dense -bm sample -tu ms \
 *     -p variables=200,500,1000 -wi 3 -i 5 -w 2 -r 2 -f 1
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class LpSolverBenchmark {
  /** Programs per size, cycled. */
  static final int PROGRAMS = 4;

  /** The number of variables. */
  @Param({"200", "1000", "3000", "8000"})
  public int variables;

  private LinearProgram[] programs;
  private int next;

  /** Builds the programs once per trial and checks that the bounded solver finds an optimum. */
  @Setup(Level.Trial)
  public void build() {
    programs = new LinearProgram[PROGRAMS];
    for (int i = 0; i < PROGRAMS; i++) {
      programs[i] = LpShapes.household(variables, 1 + i);
      LpSolution s = BoundedSimplexSolver.standard().solve(programs[i]);
      if (s.status() != LpSolution.Status.OPTIMAL) {
        throw new IllegalStateException("program " + i + ": " + s.status() + " " + s.detail());
      }
    }
  }

  private LinearProgram nextProgram() {
    LinearProgram p = programs[next];
    next = (next + 1) % PROGRAMS;
    return p;
  }

  /** Solves the next program with the bounded solver. */
  @Benchmark
  public LpSolution bounded() {
    return BoundedSimplexSolver.standard().solve(nextProgram());
  }

  /** Solves the next program with the dense tableau. */
  @Benchmark
  public LpSolution dense() {
    return DenseSimplexSolver.standard().solve(nextProgram());
  }

  /** Solves the next program with ojAlgo, model building included. */
  @Benchmark
  public OjAlgoLp.Outcome ojAlgo() {
    return OjAlgoLp.solve(nextProgram(), true);
  }
}
