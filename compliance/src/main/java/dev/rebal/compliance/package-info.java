/**
 * Compliance: household restrictions compiled, on an as-of date, into the pre-trade {@link
 * dev.rebal.compliance.TradeConstraints} an optimizer consumes ({@link
 * dev.rebal.compliance.ConstraintCompiler}), and an independent post-trade check of a proposed list
 * of trades ({@link dev.rebal.compliance.TradeVerifier}).
 *
 * <p>The compiler and the verifier share no code beyond the core model and the plain result values
 * of this package: each lives in its own internal package, so that one bug cannot hide in both.
 *
 * @since 0.1
 */
package dev.rebal.compliance;
