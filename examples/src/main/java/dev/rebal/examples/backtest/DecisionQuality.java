package dev.rebal.examples.backtest;

import dev.rebal.engine.DecisionOutcome;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures an engine-quality review reads, for one policy over a set of household-paths: the
 * engine decisions, those routed to review by reason code and those put on hold, the
 * household-paths in review for the same reason three months running, and the needs met in time
 * against the needs the household could fund. Counts add exactly across paths ({@link #plus}).
 */
final class DecisionQuality {
  /** The review reason codes reported one by one; the others are summed. */
  static final List<String> NAMED_REASONS =
      List.of(
          "review.verifier",
          "review.infeasible",
          "review.conflict",
          "review.residual",
          "review.unmet-goal");

  static final DecisionQuality EMPTY =
      new DecisionQuality(0, 0, 0, Map.of(), 0, 0, Map.of(), 0, 0, 0, 0);

  /** Engine decisions (one per household-path and month). */
  final int decisions;

  /** Decisions routed to review. */
  final int inReview;

  /** Decisions put on hold. */
  final int onHold;

  /**
   * Per reason code: decisions routed to review that carry it (a decision counts once per code).
   */
  final Map<String, Integer> reasons;

  final int householdPaths;

  /** Household-paths with at least one run of {@link ReviewRuns#MIN_MONTHS} months or more. */
  final int householdPathsWithRun;

  /** Runs of {@link ReviewRuns#MIN_MONTHS} months or more (one per code and stretch). */
  final int runs;

  /** Per reason code: the runs of that code. */
  final Map<String, Integer> runCodes;

  /** The longest such run, in months (0 if none). */
  final int longestRun;

  final int needs;
  final int needsMet;
  final int needsFundable;

  private DecisionQuality(
      int decisions,
      int inReview,
      int onHold,
      Map<String, Integer> reasons,
      int householdPaths,
      int householdPathsWithRun,
      Map<String, Integer> runCodes,
      int longestRun,
      int needs,
      int needsMet,
      int needsFundable) {
    this.decisions = decisions;
    this.inReview = inReview;
    this.onHold = onHold;
    this.reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
    this.householdPaths = householdPaths;
    this.householdPathsWithRun = householdPathsWithRun;
    this.runCodes = Collections.unmodifiableMap(new TreeMap<>(runCodes));
    int n = 0;
    for (int v : runCodes.values()) {
      n += v;
    }
    this.runs = n;
    this.longestRun = longestRun;
    this.needs = needs;
    this.needsMet = needsMet;
    this.needsFundable = needsFundable;
  }

  /** Returns the figures of {@code outcomes}, each one household-path under one policy. */
  static DecisionQuality of(List<HouseholdOutcome> outcomes) {
    DecisionQuality q = EMPTY;
    for (HouseholdOutcome o : outcomes) {
      q = q.plus(of(o));
    }
    return q;
  }

  /** Returns the figures of one household-path. */
  static DecisionQuality of(HouseholdOutcome o) {
    int decisions = 0;
    for (int n : o.outcomes.values()) {
      decisions += n;
    }
    int longest = 0;
    Map<String, Integer> runCodes = new TreeMap<>();
    for (ReviewRuns.Run r : o.reviewRuns) {
      longest = Math.max(longest, r.months());
      runCodes.merge(r.code(), 1, Integer::sum);
    }
    return new DecisionQuality(
        decisions,
        o.outcomes.getOrDefault(DecisionOutcome.REVIEW, 0),
        o.outcomes.getOrDefault(DecisionOutcome.ON_HOLD, 0),
        o.reviewReasons,
        1,
        o.reviewRuns.isEmpty() ? 0 : 1,
        runCodes,
        longest,
        o.needs,
        o.needs - o.shortfalls,
        o.needsFundable);
  }

  /** Returns the figures of both sets of household-paths together. */
  DecisionQuality plus(DecisionQuality other) {
    Map<String, Integer> r = new TreeMap<>(reasons);
    other.reasons.forEach((k, v) -> r.merge(k, v, Integer::sum));
    Map<String, Integer> rc = new TreeMap<>(runCodes);
    other.runCodes.forEach((k, v) -> rc.merge(k, v, Integer::sum));
    return new DecisionQuality(
        decisions + other.decisions,
        inReview + other.inReview,
        onHold + other.onHold,
        r,
        householdPaths + other.householdPaths,
        householdPathsWithRun + other.householdPathsWithRun,
        rc,
        Math.max(longestRun, other.longestRun),
        needs + other.needs,
        needsMet + other.needsMet,
        needsFundable + other.needsFundable);
  }

  /** Decisions routed to review carrying {@code code}. */
  int reason(String code) {
    return reasons.getOrDefault(code, 0);
  }

  /** The sum, over the codes not in {@link #NAMED_REASONS}, of the decisions carrying each. */
  int otherReasons() {
    int n = 0;
    for (Map.Entry<String, Integer> e : reasons.entrySet()) {
      if (!NAMED_REASONS.contains(e.getKey())) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** The codes not in {@link #NAMED_REASONS} with their decision counts, e.g. "review.tax 3". */
  String otherReasonsText() {
    StringBuilder sb = new StringBuilder();
    reasons.forEach(
        (k, v) -> {
          if (!NAMED_REASONS.contains(k)) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
          }
        });
    return sb.length() == 0 ? "none" : sb.toString();
  }

  /** The codes of the runs with their run counts, e.g. "review.data-warning 4", or "none". */
  String runCodesText() {
    List<String> parts = new java.util.ArrayList<>();
    runCodes.forEach((k, v) -> parts.add(k + " " + v));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** The table header of {@link #row}. */
  static String header() {
    StringBuilder sb = new StringBuilder("| policy | engine decisions | routed to review |");
    for (String code : NAMED_REASONS) {
      sb.append(" `").append(code).append("` |");
    }
    sb.append(
        " other reasons | on hold | household-paths in review for the same reason 3+ months "
            + "running | such runs | longest run (months) | needs the household could fund | needs "
            + "met in time / fundable |\n|---|");
    sb.append("---:|".repeat(NAMED_REASONS.size() + 9)).append('\n');
    return sb.toString();
  }

  /** One table row for {@code label}. */
  String row(String label) {
    StringBuilder sb =
        new StringBuilder("| ")
            .append(label)
            .append(" | ")
            .append(decisions)
            .append(" | ")
            .append(inReview)
            .append(" |");
    for (String code : NAMED_REASONS) {
      sb.append(' ').append(reason(code)).append(" |");
    }
    sb.append(
        Report.f(
            " %d | %d | %d of %d (%s) | %d | %d | %d of %d | %d / %d (%s) |%n",
            otherReasons(),
            onHold,
            householdPathsWithRun,
            householdPaths,
            percent(householdPathsWithRun, householdPaths),
            runs,
            longestRun,
            needsFundable,
            needs,
            needsMet,
            needsFundable,
            percent(needsMet, needsFundable)));
    return sb.toString();
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : Report.f("%.0f%%", 100.0 * part / whole);
  }
}
