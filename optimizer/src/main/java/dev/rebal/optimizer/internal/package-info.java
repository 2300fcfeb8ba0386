/**
 * The household optimizer's solver machinery: the linear program it builds ({@link
 * dev.rebal.optimizer.internal.LinearProgram}), the backends that solve it ({@link
 * dev.rebal.optimizer.internal.SizeRoutingSolver}, {@link
 * dev.rebal.optimizer.internal.DenseSimplexSolver}, {@link
 * dev.rebal.optimizer.internal.BoundedSimplexSolver}, and commons-math3 as the reference), the
 * elastic retry and the residual check with their tolerances.
 *
 * <p>Not API: these types may change in any release. Embedders use {@code
 * dev.rebal.optimizer.HouseholdOptimizer}.
 */
package dev.rebal.optimizer.internal;
