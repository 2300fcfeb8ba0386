/**
 * The household optimizer: one linear program per household over all of its accounts, solved by the
 * backends of {@code dev.rebal.optimizer.internal} (commons-math3's simplex path, pivot for pivot,
 * without its set-up costs, and a bounded revised simplex for large households), then rounded to
 * tradable quantities and repaired so every hard constraint holds.
 *
 * <p>The entry point is {@link dev.rebal.optimizer.HouseholdOptimizer}; its input is a {@link
 * dev.rebal.optimizer.HouseholdProblem} and its output an {@link
 * dev.rebal.optimizer.OptimizationResult}. The formulation is written down in {@code
 * docs/optimizer.md}.
 */
package dev.rebal.optimizer;
