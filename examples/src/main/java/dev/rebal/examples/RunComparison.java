package dev.rebal.examples;

import dev.rebal.core.money.Money;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.engine.RunSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A run compared with the previous run of the same output folder: the auto/review split, trades,
 * estimated tax and losses harvested side by side, and the exceptions that are new in this run or
 * resolved since the previous one (an exception is a household and its kind, e.g. {@code HH-000042
 * review}). The previous run is read from its {@link RunRecord}; a folder without one has nothing
 * to compare with.
 *
 * @param previous the previous run's record
 * @param runId this run's id
 * @param figures this run's figures, with the keys of {@link #figures}
 * @param exceptions this run's exceptions as {@code household<TAB>kind}
 */
record RunComparison(
    RunRecord previous, String runId, Map<String, String> figures, Set<String> exceptions) {
  /** The figures compared, by key, with their labels; money figures end in "tax", "traded" etc. */
  static final List<String[]> ROWS =
      List.of(
          new String[] {"households", "households"},
          new String[] {"auto", "auto"},
          new String[] {"review", "review"},
          new String[] {"on-hold", "on hold"},
          new String[] {"no-trigger", "no trigger"},
          new String[] {"trades", "trades"},
          new String[] {"traded-auto", "traded value, auto"},
          new String[] {"traded-review", "traded value, review"},
          new String[] {"tax-auto", "estimated tax on realized gains, auto"},
          new String[] {"tax-review", "estimated tax on realized gains, review"},
          new String[] {"harvested-auto", "losses harvested, auto"},
          new String[] {"harvested-review", "losses harvested, review"},
          new String[] {"exceptions", "exceptions"});

  /** The keys whose values are amounts of money. */
  static boolean isMoney(String key) {
    return key.startsWith("traded-") || key.startsWith("tax-") || key.startsWith("harvested-");
  }

  /** Returns a run's figures for its {@link RunRecord} and for the comparison. */
  static Map<String, String> figures(
      String bookName,
      String rebalVersion,
      RuleSet ruleSet,
      RunSummary s,
      BookResults r,
      long exceptions) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("book", bookName);
    f.put("rebal", rebalVersion);
    f.put("rule-set", ruleSet.name() + " " + ruleSet.version());
    f.put("rule-set-hash", ruleSet.contentHash());
    f.put("households", String.valueOf(s.households()));
    f.put("auto", String.valueOf(s.count("AUTO")));
    f.put("review", String.valueOf(s.count("REVIEW")));
    f.put("on-hold", String.valueOf(s.count("ON_HOLD")));
    f.put("no-trigger", String.valueOf(s.count("NO_TRIGGER")));
    f.put("ineligible", String.valueOf(s.count("INELIGIBLE")));
    f.put("failed", String.valueOf(s.count("FAILED")));
    f.put("trades", String.valueOf(s.trades()));
    f.put("traded-auto", plain(r.autoTraded));
    f.put("traded-review", plain(r.reviewTraded));
    f.put("tax-auto", plain(r.autoTax));
    f.put("tax-review", plain(r.reviewTax));
    f.put("harvested-auto", plain(r.autoHarvested));
    f.put("harvested-review", plain(r.reviewHarvested));
    f.put("exceptions", String.valueOf(exceptions));
    return f;
  }

  private static String plain(Money m) {
    return m.amount().toPlainString();
  }

  /** This run's figure {@code key} as a decimal, zero if absent. */
  BigDecimal now(String key) {
    String v = figures.get(key);
    return v == null ? BigDecimal.ZERO : new BigDecimal(v);
  }

  /** The exceptions of this run that the previous run did not have, sorted. */
  List<String> newExceptions() {
    TreeSet<String> out = new TreeSet<>(exceptions);
    out.removeAll(previous.exceptions());
    return new ArrayList<>(out);
  }

  /** The exceptions of the previous run that this run no longer has, sorted. */
  List<String> resolvedExceptions() {
    TreeSet<String> out = new TreeSet<>(previous.exceptions());
    out.removeAll(exceptions);
    return new ArrayList<>(out);
  }
}
