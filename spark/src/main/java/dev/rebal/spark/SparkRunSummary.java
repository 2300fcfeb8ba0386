package dev.rebal.spark;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.internal.Checks;
import java.util.SortedMap;

/**
 * What a {@link SparkRebalancer#run} wrote: the number of households, how many got each outcome,
 * the number of audit chains (non-empty partitions) and where the output is. This record is
 * immutable and thread-safe.
 *
 * @param households the number of household lines decided
 * @param outcomes households by outcome name, sorted
 * @param chains the number of audit chains written
 * @param outDir the output directory
 */
public record SparkRunSummary(
    long households, SortedMap<String, Long> outcomes, long chains, String outDir) {
  /**
   * Checks that no component is null.
   *
   * @param households the number of household lines decided
   * @param outcomes households by outcome name, sorted
   * @param chains the number of audit chains written
   * @param outDir the output directory
   */
  public SparkRunSummary {
    Checks.notNull(outcomes, "outcomes");
    outcomes = ImmutableSortedMap.copyOf(outcomes);
    Checks.notNull(outDir, "outDir");
  }
}
