/**
 * A deterministic, seeded generator of synthetic books (market data and households) for examples,
 * tests and benchmarks. Nothing here reads a clock or unseeded randomness.
 */
@RebalStyle
package dev.rebal.sample;

import dev.rebal.core.RebalStyle;
