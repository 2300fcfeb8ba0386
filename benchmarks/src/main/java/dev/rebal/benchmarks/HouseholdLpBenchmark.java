package dev.rebal.benchmarks;

import dev.rebal.optimizer.SolverBackends;
import dev.rebal.optimizer.internal.BoundedSimplexSolver;
import dev.rebal.optimizer.internal.DenseSimplexSolver;
import dev.rebal.optimizer.internal.LinearProgram;
import dev.rebal.optimizer.internal.LpSolution;
import dev.rebal.optimizer.testing.ProblemGenerator;
import dev.rebal.optimizer.testing.ProblemGenerator.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * One LP solve on the programs the optimizer really builds: every LP solved for the 32 generated
 * households of {@link OptimizerBenchmark} (seeds 1000-1031, modes drawn from the seed) of one
 * shape, captured once and cycled, by {@link BoundedSimplexSolver} and by {@link
 * DenseSimplexSolver}:
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar HouseholdLpBenchmark -bm sample -tu ms \
 *     -wi 3 -i 5 -w 2 -r 2 -f 1
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class HouseholdLpBenchmark {
  /** The household shape. */
  @Param({"SMALL", "TYPICAL", "LARGE"})
  public String shape;

  private LinearProgram[] programs;
  private int next;

  /** Captures the programs once per trial and prints their sizes. */
  @Setup(Level.Trial)
  public void capture() {
    List<LinearProgram> captured = new ArrayList<>();
    for (int i = 0; i < OptimizerBenchmark.HOUSEHOLDS; i++) {
      SolverBackends.optimizer(
              lp -> {
                captured.add(lp);
                return DenseSimplexSolver.standard().solve(lp);
              })
          .optimize(ProblemGenerator.generate(Shape.valueOf(shape), 1_000 + i));
    }
    programs = captured.toArray(new LinearProgram[0]);
    int[] sizes = captured.stream().mapToInt(LinearProgram::variables).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%n%d programs, variables median %d max %d%n",
        sizes.length,
        sizes[sizes.length / 2],
        sizes[sizes.length - 1]);
  }

  private LinearProgram nextProgram() {
    LinearProgram p = programs[next];
    next = (next + 1) % programs.length;
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
}
