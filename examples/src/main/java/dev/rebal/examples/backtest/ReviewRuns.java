package dev.rebal.examples.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the runs of months a household spent in review for the same reason.
 *
 * <p>The input is a household's monthly decisions in order, each given as the set of its review
 * reason codes (the codes of {@code Decision.routing()}); an empty set is a month not in review (an
 * automatic decision, no trigger, on hold, or no decision). A <b>run</b> of a code is a maximal
 * stretch of consecutive months whose sets all contain that code. Runs are found code by code, so a
 * stretch in which two codes persist together holds one run of each, and a run of one code may
 * overlap a run of another. For example, with a minimum of three months, {@code [{A}, {A, B}, {A}]}
 * has one run (code A, months 0 to 2), {@code [{A}, {B}, {A}]} and {@code [{A}, {A, B}, {B}, {A}]}
 * have none, and {@code [{A, B}, {A, B}, {A, B}]} has two (A and B, both months 0 to 2). A run of
 * four months is one run, not two of three.
 */
final class ReviewRuns {
  /** The shortest run reported by the backtest: three months running. */
  static final int MIN_MONTHS = 3;

  /**
   * One run: the code, its first month (index into the input) and its length in months.
   *
   * @param code the review reason code present in every month of the run
   * @param start the index of the run's first month
   * @param months the run's length, at least the minimum asked for
   */
  record Run(String code, int start, int months) {}

  private ReviewRuns() {}

  /**
   * Returns every run of at least {@code minMonths} months in {@code months}, ordered by first
   * month, then code.
   *
   * @param months the monthly review reason codes, in order; an empty set is a month not in review
   * @param minMonths the shortest run to report, at least 1
   * @throws IllegalArgumentException if {@code minMonths} is below 1
   */
  static List<Run> of(List<? extends Set<String>> months, int minMonths) {
    if (minMonths < 1) {
      throw new IllegalArgumentException("minMonths must be at least 1, was " + minMonths);
    }
    Set<String> codes = new TreeSet<>();
    months.forEach(codes::addAll);
    List<Run> runs = new ArrayList<>();
    for (String code : codes) {
      int start = -1;
      for (int t = 0; t <= months.size(); t++) {
        boolean in = t < months.size() && months.get(t).contains(code);
        if (in && start < 0) {
          start = t;
        } else if (!in && start >= 0) {
          if (t - start >= minMonths) {
            runs.add(new Run(code, start, t - start));
          }
          start = -1;
        }
      }
    }
    runs.sort(Comparator.comparingInt(Run::start).thenComparing(Run::code));
    return List.copyOf(runs);
  }
}
