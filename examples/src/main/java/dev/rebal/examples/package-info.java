/**
 * The main job ({@link dev.rebal.examples.RebalMain}), which rebalances a book and writes
 * proposals, a trade blotter, the review queue, the audit log, a summary and an HTML report; the
 * bundled sample book ({@link dev.rebal.examples.SampleBook}); and {@link
 * dev.rebal.examples.DecisionJson}, which writes a decision as JSON. Embedding examples are in
 * {@code dev.rebal.examples.service} (a firm service) and {@code dev.rebal.examples.rules} (a
 * custom rule through the SPI); a JShell script is in {@code examples/jshell/}.
 */
package dev.rebal.examples;
