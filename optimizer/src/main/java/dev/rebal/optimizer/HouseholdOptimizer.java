package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.optimizer.internal.BoundedSimplexSolver;
import dev.rebal.optimizer.internal.DenseSimplexSolver;
import dev.rebal.optimizer.internal.ElasticProgram;
import dev.rebal.optimizer.internal.LinearProgram;
import dev.rebal.optimizer.internal.LpSolution;
import dev.rebal.optimizer.internal.LpSolver;
import dev.rebal.optimizer.internal.SizeRoutingSolver;
import dev.rebal.optimizer.internal.SolutionCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Optimises one household: builds the LP of {@code docs/optimizer.md}, solves it, verifies the
 * solution against every row, rounds it to tradable quantities and repairs it.
 *
 * <pre>{@code
 * OptimizationResult result = HouseholdOptimizer.standard().optimize(problem);
 * if (result instanceof OptimizationResult.Optimal optimal) {
 *   optimal.trades().forEach(...);
 * }
 * }</pre>
 *
 * <p>Never throws for an infeasible, unbounded or numerically troubled household: those are {@link
 * OptimizationResult} variants. This class is immutable and thread-safe.
 */
public final class HouseholdOptimizer {
  private static final HouseholdOptimizer STANDARD =
      new HouseholdOptimizer(SizeRoutingSolver.standard());

  private final LpSolver solver;

  private HouseholdOptimizer(LpSolver solver) {
    this.solver = solver;
  }

  /**
   * Returns the optimizer on the default backend, {@link SizeRoutingSolver}: {@link
   * DenseSimplexSolver} below 1,000 variables, {@link BoundedSimplexSolver} above and for any
   * program the dense tableau would refuse as too large.
   *
   * @return the shared standard optimizer
   */
  public static HouseholdOptimizer standard() {
    return STANDARD;
  }

  /**
   * Returns an optimizer on another LP backend.
   *
   * @param solver the LP backend
   * @return the optimizer
   */
  static HouseholdOptimizer withSolver(LpSolver solver) {
    return new HouseholdOptimizer(Checks.notNull(solver, "solver"));
  }

  /**
   * Returns the optimal rounded proposal for {@code problem}, or why there is none.
   *
   * @param problem the household problem
   * @return the rounded proposal with its objective and goals left unmet, or why there is none
   * @throws IllegalArgumentException if {@code problem} is null
   */
  public OptimizationResult optimize(HouseholdProblem problem) {
    Checks.notNull(problem, "problem");
    Model model = new Model(problem);
    if (model.value <= 0) {
      return new OptimizationResult.Optimal(
          List.of(),
          Rounder.zeroBreakdown(),
          dev.rebal.core.money.Money.ZERO_USD,
          dev.rebal.core.money.Money.ZERO_USD,
          new LpSize(0, 0, 0));
    }
    Solved solved = solveLp(model);
    if (solved.failure != null) {
      return solved.failure;
    }
    OptimizationResult rounded = new Rounder(model, solved.build, solved.x).round(solved.size());
    if (rounded instanceof OptimizationResult.Optimal) {
      return rounded;
    }
    // second pass: leave room for rounding in every hard row, solve again, round again
    Model tightened = new Model(problem);
    tightened.copyDirections(model);
    tightened.setRoundingMargins(solved.build, solved.x);
    Solved again = solveLp(tightened);
    if (again.failure != null) {
      return rounded;
    }
    return new Rounder(tightened, again.build, again.x)
        .round(
            new LpSize(
                again.build.program.variables(),
                again.build.program.rows(),
                solved.solves + again.solves));
  }

  /** The LP stage alone: the final build and its verified point, or a failure. */
  Solved solveLp(Model model) {
    return solveLp(model, false);
  }

  /**
   * As {@link #solveLp(Model)}; {@code minimalStart} starts from the fewest segments. Wash-sale
   * groups may first be traded both ways; a group the optimum both buys and sells (an offsetting
   * trade, and a wash sale when the sale is a loss) is fixed to the side it trades more and the LP
   * is solved again, until no group is traded both ways (at most once per group).
   */
  Solved solveLp(Model model, boolean minimalStart) {
    Counter solves = new Counter();
    List<Integer> salesGivenUp = new ArrayList<>();
    SegmentPool pool = new SegmentPool(model, minimalStart);
    Solved best = settle(model, pool, solves, salesGivenUp);
    // a group kept to buying whose sales were harvests (a loss worth taking by itself) or raised
    // an account's cash for a need or its floor is tried the other way once, buying the class in
    // another group (or not at all) instead; the better of the two points is kept, so a harvest
    // or a need is not lost to a buy that trades more dollars for drift
    for (int g : salesGivenUp) {
      if (best.failure != null || model.groupDirection[g] != Model.BUY_ONLY) {
        continue;
      }
      int[] kept = model.groupDirection.clone();
      model.fixDirection(g, true);
      Solved other = settle(model, pool, solves, new ArrayList<>());
      if (other.failure == null
          && objective(other) < objective(best) - 1e-9 * Math.max(1, Math.abs(objective(best)))) {
        best = other;
      } else {
        model.setDirections(kept);
      }
    }
    if (best.failure == null
        && (slack(best, LpBuild.GAIN_OVER) > TRADED
            || slack(best, LpBuild.SHORT_TERM_OVER) > TRADED)) {
      best = budgetsFirst(model, pool, solves, best);
    }
    return new Solved(best.build, best.x, solves.n, best.failure);
  }

  /**
   * Solves the budgets before the goals below them, lexicographically, when point {@code best}
   * exceeds the gain budget or the short-term cap. The penalties cannot order these by themselves:
   * the budgets' is per dollar of gain, drift's and the concentration reward per dollar sold, so a
   * sale at a small gain would buy either with budget excess although the budgets rank higher
   * (docs/optimizer.md, "Goals and their priorities"). So: first without drift and the reward,
   * which gives the least the budgets must be exceeded (for the needs and floors above them), then
   * with everything and the budgets' excess held to that. Keeps {@code best} if either solve fails.
   */
  private Solved budgetsFirst(Model model, SegmentPool pool, Counter solves, Solved best) {
    int[] directions = model.groupDirection.clone();
    model.budgetsOnly = true;
    Solved first = settle(model, pool, solves, new ArrayList<>());
    model.budgetsOnly = false;
    model.setDirections(directions);
    if (first.failure != null) {
      return best;
    }
    model.gainOverLimit = slack(first, LpBuild.GAIN_OVER) * model.value;
    model.shortTermOverLimit = slack(first, LpBuild.SHORT_TERM_OVER) * model.value;
    Solved second = settle(model, pool, solves, new ArrayList<>());
    if (second.failure != null) {
      model.gainOverLimit = Double.NaN;
      model.shortTermOverLimit = Double.NaN;
      model.setDirections(directions);
      return best;
    }
    return second;
  }

  /** The value of point {@code s}'s column of {@code kind} (a budget's excess), 0 if none. */
  private static double slack(Solved s, int kind) {
    for (int j = 0; j < s.x.length; j++) {
      if (s.build.kind[j] == kind) {
        return s.x[j];
      }
    }
    return 0;
  }

  /**
   * Solves, fixing each group traded both ways to the side it trades more, until none is; adds to
   * {@code salesGivenUp} the groups fixed to buying whose sales included a harvest or raised cash
   * in an account that must.
   */
  private Solved settle(Model model, SegmentPool pool, Counter solves, List<Integer> salesGivenUp) {
    while (true) {
      Solved solved = solveWithDirections(model, pool, solves);
      if (solved.failure != null) {
        return solved;
      }
      int[] conflicts = bothWays(model, solved.build, solved.x);
      if (conflicts.length == 0) {
        return solved;
      }
      for (int g : conflicts) {
        boolean sells =
            sold(model, solved.build, solved.x, g) >= bought(model, solved.build, solved.x, g);
        if (!sells
            && (harvested(model, solved.build, solved.x, g)
                || raisesCash(model, solved.build, solved.x, g))) {
          salesGivenUp.add(g);
        }
        model.fixDirection(g, sells);
      }
    }
  }

  /** The LP objective of a solved point (without the constant). */
  private static double objective(Solved s) {
    double sum = 0;
    for (int j = 0; j < s.x.length; j++) {
      sum += s.build.program.objective(j) * s.x[j];
    }
    return sum;
  }

  /**
   * Whether point {@code x} sells in group {@code g} a segment whose sale pays by itself (a
   * harvest: its cost is a benefit even when no buy of its class elsewhere matches it).
   */
  private static boolean harvested(Model m, LpBuild b, double[] x, int g) {
    for (int j = 0; j < x.length; j++) {
      if (b.kind[j] == LpBuild.SELL
          && x[j] > TRADED
          && m.unmatchedSellCost(b.position[j], b.segment[j]) < 0
          && m.securityGroup[m.positionSecurity[b.position[j]]] == g) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether point {@code x} sells in group {@code g} in an account whose cash is below its floor
   * plus the needs it holds (a sale that pays a goal of a higher priority than drift).
   */
  private static boolean raisesCash(Model m, LpBuild b, double[] x, int g) {
    for (int j = 0; j < x.length; j++) {
      if (b.kind[j] == LpBuild.SELL
          && x[j] > TRADED
          && m.securityGroup[m.positionSecurity[b.position[j]]] == g) {
        int a = m.positionAccount[b.position[j]];
        if (m.cash[a] < m.floor[a] + m.needReserve[a]) {
          return true;
        }
      }
    }
    return false;
  }

  /** The groups point {@code x} both buys and sells, by index. */
  private static int[] bothWays(Model m, LpBuild b, double[] x) {
    boolean[] buys = new boolean[m.groups.length];
    boolean[] sells = new boolean[m.groups.length];
    for (int j = 0; j < x.length; j++) {
      if (x[j] <= TRADED || b.kind[j] != LpBuild.BUY && b.kind[j] != LpBuild.SELL) {
        continue;
      }
      int g = m.securityGroup[m.positionSecurity[b.position[j]]];
      if (b.kind[j] == LpBuild.BUY) {
        buys[g] = true;
      } else {
        sells[g] = true;
      }
    }
    return java.util.stream.IntStream.range(0, m.groups.length)
        .filter(g -> buys[g] && sells[g] && m.groupDirection[g] == Model.BOTH)
        .toArray();
  }

  private static double bought(Model m, LpBuild b, double[] x, int g) {
    return traded(m, b, x, g, LpBuild.BUY);
  }

  private static double sold(Model m, LpBuild b, double[] x, int g) {
    return traded(m, b, x, g, LpBuild.SELL);
  }

  private static double traded(Model m, LpBuild b, double[] x, int g, int side) {
    double sum = 0;
    for (int j = 0; j < x.length; j++) {
      if (b.kind[j] == side && m.securityGroup[m.positionSecurity[b.position[j]]] == g) {
        sum += x[j];
      }
    }
    return sum;
  }

  /** A trade column above this (scaled) counts as traded when directions are checked. */
  static final double TRADED = 1e-9;

  private Solved solveWithDirections(Model model, SegmentPool pool, Counter solves) {
    while (true) {
      LpBuild build = new LpBuild(model, pool.kept(), Set.of());
      Attempt at = attempt(build.program, solves);
      if (at.status != Attempt.OK) {
        LpSize size = new LpSize(build.program.variables(), build.program.rows(), solves.n);
        if (at.status == Attempt.INFEASIBLE) {
          if (pool.expandAll()) {
            continue; // the restricted LP may lack the segments that make it feasible
          }
          return Solved.failed(diagnose(model, pool, solves, size));
        }
        return Solved.failed(new OptimizationResult.NumericalFailure(at.reason, at.detail, size));
      }
      if (!pool.expand(build, at.x)) {
        return new Solved(build, at.x, solves.n, null);
      }
    }
  }

  /** One solve with verification and the elastic retry. */
  private Attempt attempt(LinearProgram lp, Counter solves) {
    LpSolution first = solver.solve(lp);
    solves.n++;
    switch (first.status()) {
      case UNBOUNDED:
        return Attempt.failed("UNBOUNDED", first.detail());
      case TOO_LARGE:
        return Attempt.failed("TOO_LARGE", first.detail());
      case OPTIMAL:
        if (SolutionCheck.passes(lp, first.point())) {
          return Attempt.ok(first.point());
        }
        break;
      default:
        break;
    }
    // safer formulation: no artificial variables
    ElasticProgram elastic = new ElasticProgram(lp);
    LpSolution second = solver.solve(elastic.program);
    solves.n++;
    if (second.status() != LpSolution.Status.OPTIMAL) {
      String reason =
          second.status() == LpSolution.Status.ITERATION_LIMIT
              ? "ITERATION_LIMIT"
              : second.status() == LpSolution.Status.TOO_LARGE ? "TOO_LARGE" : "SOLVER_ERROR";
      return Attempt.failed(reason, second.status() + ": " + second.detail());
    }
    double[] ex = second.point();
    if (!SolutionCheck.passes(elastic.program, ex)) {
      return Attempt.failed(
          "CHECK_FAILED",
          "solution violates the LP by "
              + SolutionCheck.worstViolation(elastic.program, ex)
              + " (scaled) after the retry");
    }
    if (elastic.uncovered(ex).length > 0) {
      return Attempt.infeasible();
    }
    double[] x = elastic.originalPoint(ex);
    if (!SolutionCheck.passes(lp, x)) {
      return Attempt.failed(
          "CHECK_FAILED",
          "elastic point violates the LP by " + SolutionCheck.worstViolation(lp, x) + " (scaled)");
    }
    return Attempt.ok(x);
  }

  /** Relaxes one constraint group at a time and reports those that restore feasibility. */
  private OptimizationResult diagnose(Model model, SegmentPool pool, Counter solves, LpSize size) {
    pool.expandAll();
    boolean[][] all = pool.kept();
    LpBuild full = new LpBuild(model, all, Set.of());
    Set<String> present = new TreeSet<>();
    for (String g : full.rowGroup) {
      if (!g.isEmpty()) {
        present.add(g);
      }
    }
    List<ConstraintGroup> conflicting = new ArrayList<>();
    List<ConstraintGroup> every = new ArrayList<>();
    for (String g : present) {
      ConstraintGroup group = parse(g);
      every.add(group);
      LpBuild relaxed = new LpBuild(model, all, Set.of(g));
      if (attempt(relaxed.program, solves).status == Attempt.OK) {
        conflicting.add(group);
      }
    }
    List<ConstraintGroup> named = conflicting.isEmpty() ? every : conflicting;
    named.sort(null);
    String detail =
        conflicting.isEmpty()
            ? "no single constraint group can be relaxed to make the household feasible"
            : "relaxing any one of these groups alone makes the household feasible";
    return new OptimizationResult.Infeasible(
        named, detail, new LpSize(size.variables(), size.constraints(), solves.n));
  }

  private static ConstraintGroup parse(String g) {
    int open = g.indexOf('[');
    return open < 0
        ? new ConstraintGroup(g, "")
        : new ConstraintGroup(g.substring(0, open), g.substring(open + 1, g.length() - 1));
  }

  /** The verified LP stage: the final build and its point, or a failure result. */
  static final class Solved {
    final LpBuild build;
    final double[] x;
    final int solves;
    final OptimizationResult failure;

    Solved(LpBuild build, double[] x, int solves, OptimizationResult failure) {
      this.build = build;
      this.x = x;
      this.solves = solves;
      this.failure = failure;
    }

    static Solved failed(OptimizationResult r) {
      return new Solved(null, null, 0, r);
    }

    LpSize size() {
      return new LpSize(build.program.variables(), build.program.rows(), solves);
    }
  }

  private static final class Counter {
    int n;
  }

  private static final class Attempt {
    static final int OK = 0;
    static final int INFEASIBLE = 1;
    static final int FAILED = 2;
    final int status;
    final double[] x;
    final String reason;
    final String detail;

    private Attempt(int status, double[] x, String reason, String detail) {
      this.status = status;
      this.x = x;
      this.reason = reason;
      this.detail = detail;
    }

    static Attempt ok(double[] x) {
      return new Attempt(OK, x, "", "");
    }

    static Attempt infeasible() {
      return new Attempt(INFEASIBLE, null, "", "");
    }

    static Attempt failed(String reason, String detail) {
      return new Attempt(FAILED, null, reason, detail);
    }
  }
}
