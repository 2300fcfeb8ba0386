/**
 * The engine's per-household call distributed with Apache Spark: a book as a {@code Dataset} of
 * JSON lines (one household per line), {@code mapPartitions} over one {@link
 * dev.rebal.engine.Rebalancer} per partition with the rule set, as-of date and market data
 * broadcast, and the decisions, review items and audit records written as files. No engine logic
 * lives here: each household's decision is the one {@link dev.rebal.engine.BookRebalancer} makes on
 * one machine, byte for byte.
 *
 * <p>Entry points: {@link dev.rebal.spark.SparkRebalancer} (the library API), {@link
 * dev.rebal.spark.SparkRebalanceJob} (the {@code spark-submit} main class), {@link
 * dev.rebal.spark.SparkAuditVerifier} (checks the written audit chains after a job) and {@link
 * dev.rebal.spark.BookLines} (turns a Rebal book file into the job's inputs). See {@code
 * docs/scale-out.md}.
 */
@RebalStyle
package dev.rebal.spark;

import dev.rebal.core.RebalStyle;
