/**
 * The main job ({@link dev.rebal.examples.RebalMain}) and the bundled sample book ({@link
 * dev.rebal.examples.SampleBook}).
 */
package dev.rebal.examples;
