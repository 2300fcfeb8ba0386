package dev.rebal.core.outlook;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.time.LocalDate;

/**
 * The simulated range of a goal's value on one date: the 10th, 25th, 50th (median), 75th and 90th
 * percentiles across the paths, in dollars of that date (nominal). A fan chart draws one per year.
 * This record is immutable and thread-safe.
 *
 * @param date the date
 * @param p10 the 10th percentile: 9 paths in 10 end above it
 * @param p25 the 25th percentile
 * @param median the median
 * @param p75 the 75th percentile
 * @param p90 the 90th percentile
 */
public record FanPoint(LocalDate date, Money p10, Money p25, Money median, Money p75, Money p90) {
  /**
   * Checks that no component is null and the percentiles are in order.
   *
   * @param date the date
   * @param p10 the 10th percentile: 9 paths in 10 end above it
   * @param p25 the 25th percentile
   * @param median the median
   * @param p75 the 75th percentile
   * @param p90 the 90th percentile
   */
  public FanPoint {
    Checks.notNull(date, "date");
    Checks.notNull(p10, "p10");
    Checks.notNull(p25, "p25");
    Checks.notNull(median, "median");
    Checks.notNull(p75, "p75");
    Checks.notNull(p90, "p90");
    Checks.isTrue(
        p10.compareTo(p25) <= 0
            && p25.compareTo(median) <= 0
            && median.compareTo(p75) <= 0
            && p75.compareTo(p90) <= 0,
        "percentiles",
        p10 + " " + p25 + " " + median + " " + p75 + " " + p90,
        "must not decrease");
  }
}
