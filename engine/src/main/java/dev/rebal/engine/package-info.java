/**
 * The rebalancing engine: one call per household ({@link dev.rebal.engine.Rebalancer}) that
 * validates, assesses, fires triggers, compiles constraints, optimizes, verifies, routes and
 * audits; and the book runner over a whole book.
 */
@RebalStyle
package dev.rebal.engine;

import dev.rebal.core.RebalStyle;
