package dev.rebal.examples;

import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetChange;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shadow run of {@code --compare-rules}: each household decided under the rule set in force
 * (old) and under the run's own (new), compared as the decisions arrive, one household at a time.
 * Only the book totals of each side and the first {@link #CAP} changed households of each list (by
 * household id) are kept, so memory stays bounded whatever the book's size. Not thread-safe: feed
 * it from the thread that receives the decisions, in book order; the text is the same for the same
 * decisions whatever order they came in.
 */
final class RuleSetComparison {
  static final String FILE = "rules-compare.txt";
  static final int CAP = 50;

  /**
   * What the comparison keeps of one decision: its kind, its review reasons, its trades and their
   * traded value and estimated tax.
   */
  record Side(
      String kind, SortedSet<String> reviewCodes, List<Trade> trades, Money traded, Money tax) {
    /** Returns the side of a decision. */
    static Side of(Decision d) {
      DecisionOutcome o = d.outcome();
      String kind =
          o == DecisionOutcome.AUTO
              ? (d.proposal().isEmpty() ? "AUTO empty" : "AUTO with trades")
              : o.name();
      TreeSet<String> codes = new TreeSet<>();
      if (o == DecisionOutcome.REVIEW) {
        d.routing().stream().map(Finding::code).forEach(codes::add);
      }
      Money traded = Money.ZERO_USD;
      for (Trade t : d.proposal().trades()) {
        traded = traded.plus(t.estimatedValue());
      }
      return new Side(
          kind, codes, List.copyOf(d.proposal().trades()), traded, d.impact().taxCost());
    }

    /** Returns the side of a household whose decision threw. */
    static Side failed() {
      return new Side("FAILED", new TreeSet<>(), List.of(), Money.ZERO_USD, Money.ZERO_USD);
    }

    /** Returns e.g. {@code REVIEW (review.tax, review.turnover)} or {@code AUTO with trades}. */
    String describe() {
      return reviewCodes.isEmpty() ? kind : kind + " (" + String.join(", ", reviewCodes) + ")";
    }

    /** Returns e.g. {@code 4 trades USD 12034.50}. */
    String trading() {
      return trades.size() + (trades.size() == 1 ? " trade " : " trades ") + traded;
    }
  }

  /** The book totals under one rule set. */
  private static final class Totals {
    final TreeMap<String, Long> kinds = new TreeMap<>();
    final TreeMap<String, Long> reasons = new TreeMap<>();
    long trades;
    Money traded = Money.ZERO_USD;
    Money tax = Money.ZERO_USD;

    void add(Side s) {
      kinds.merge(s.kind(), 1L, Long::sum);
      s.reviewCodes().forEach(c -> reasons.merge(c, 1L, Long::sum));
      trades += s.trades().size();
      traded = traded.plus(s.traded());
      tax = tax.plus(s.tax());
    }
  }

  /** One list of changed households: the first {@link #CAP} by id, and how many in all. */
  private static final class Changes {
    final TreeMap<String, String> lines = new TreeMap<>();
    long count;

    void add(String household, String line) {
      count++;
      lines.put(household, line);
      if (lines.size() > CAP) {
        lines.pollLastEntry();
      }
    }

    void renderTo(StringBuilder out, String title) {
      out.append(title).append(": ").append(count).append('\n');
      lines.forEach(
          (id, line) -> out.append("  ").append(id).append("  ").append(line).append('\n'));
      if (count > lines.size()) {
        out.append("  ... and ").append(count - lines.size()).append(" more\n");
      }
    }
  }

  private final RuleSet older;
  private final RuleSet newer;
  private final Totals oldTotals = new Totals();
  private final Totals newTotals = new Totals();
  private final Changes outcomes = new Changes();
  private final Changes reasons = new Changes();
  private final Changes trades = new Changes();
  private Money bookValue = Money.ZERO_USD;
  private long households;

  RuleSetComparison(RuleSet older, RuleSet newer) {
    this.older = older;
    this.newer = newer;
  }

  /**
   * Adds one household's two decisions: {@code value} is its value (zero when it cannot be valued),
   * the denominator of turnover.
   */
  void add(String household, Money value, Side old, Side now) {
    households++;
    bookValue = bookValue.plus(value);
    oldTotals.add(old);
    newTotals.add(now);
    if (!old.kind().equals(now.kind())) {
      outcomes.add(household, old.describe() + " -> " + now.describe());
    }
    if (!old.reviewCodes().equals(now.reviewCodes())) {
      TreeSet<String> added = new TreeSet<>(now.reviewCodes());
      added.removeAll(old.reviewCodes());
      TreeSet<String> removed = new TreeSet<>(old.reviewCodes());
      removed.removeAll(now.reviewCodes());
      StringBuilder line = new StringBuilder();
      added.forEach(c -> line.append(line.length() == 0 ? "" : " ").append('+').append(c));
      removed.forEach(c -> line.append(line.length() == 0 ? "" : " ").append('-').append(c));
      reasons.add(household, line.toString());
    }
    if (!old.trades().equals(now.trades())) {
      String line = old.trading() + " -> " + now.trading();
      if (orders(old.trades()).equals(orders(now.trades()))) {
        line += " (the same orders; their lots or reason codes differ)";
      }
      trades.add(household, line);
    }
  }

  /** Returns each trade's account, security, side and quantity: what goes to the desk. */
  private static List<String> orders(List<Trade> trades) {
    return trades.stream()
        .map(t -> t.account() + " " + t.security() + " " + t.side() + " " + t.quantity())
        .toList();
  }

  /** Returns how many households were compared. */
  long households() {
    return households;
  }

  /** Returns how many households changed outcome. */
  long outcomesChanged() {
    return outcomes.count;
  }

  /** Returns how many households changed review reasons. */
  long reasonsChanged() {
    return reasons.count;
  }

  /** Returns how many households changed trades. */
  long tradesChanged() {
    return trades.count;
  }

  /** Returns the full comparison, the text of {@value #FILE}. */
  String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        "Rule-set shadow run: the book decided under the rule set in force (old) and the "
            + "run's rule set (new)\n");
    out.append("old: ").append(describe(older)).append('\n');
    out.append("new: ").append(describe(newer)).append('\n');
    List<RuleSetChange> changes = newer.diff(older);
    out.append("\nrule-set changes (new against old): ").append(changes.size()).append('\n');
    changes.forEach(c -> out.append("  ").append(c).append('\n'));
    out.append("\nbook totals (")
        .append(households)
        .append(" households, book value ")
        .append(bookValue)
        .append(")\n");
    TreeSet<String> kinds = new TreeSet<>(oldTotals.kinds.keySet());
    kinds.addAll(newTotals.kinds.keySet());
    out.append(String.format(Locale.ROOT, "  %-34s %16s %16s%n", "", "old", "new"));
    for (String k : kinds) {
      row(
          out,
          "outcome " + k,
          oldTotals.kinds.getOrDefault(k, 0L),
          newTotals.kinds.getOrDefault(k, 0L));
    }
    TreeSet<String> codes = new TreeSet<>(oldTotals.reasons.keySet());
    codes.addAll(newTotals.reasons.keySet());
    for (String c : codes) {
      row(
          out,
          "review " + c,
          oldTotals.reasons.getOrDefault(c, 0L),
          newTotals.reasons.getOrDefault(c, 0L));
    }
    row(out, "trades", oldTotals.trades, newTotals.trades);
    row(
        out,
        "traded value",
        oldTotals.traded.amount().toPlainString(),
        newTotals.traded.amount().toPlainString());
    row(
        out,
        "estimated tax",
        oldTotals.tax.amount().toPlainString(),
        newTotals.tax.amount().toPlainString());
    row(out, "turnover", turnover(oldTotals.traded), turnover(newTotals.traded));
    out.append('\n');
    outcomes.renderTo(out, "households whose outcome changed (old -> new)");
    out.append('\n');
    reasons.renderTo(out, "households whose review reasons changed (+ added, - removed)");
    out.append('\n');
    trades.renderTo(out, "households whose trades changed (old -> new)");
    return out.toString();
  }

  /** Returns the short block for the run summary. */
  String summaryBlock() {
    return "rule-set shadow run against "
        + older
        + ": "
        + newer.diff(older).size()
        + " rule-set changes; "
        + households
        + " households compared, "
        + outcomes.count
        + " changed outcome, "
        + reasons.count
        + " changed review reasons, "
        + trades.count
        + " changed trades\n  trades "
        + oldTotals.trades
        + " -> "
        + newTotals.trades
        + ", traded value "
        + oldTotals.traded.amount().toPlainString()
        + " -> "
        + newTotals.traded.amount().toPlainString()
        + ", estimated tax "
        + oldTotals.tax.amount().toPlainString()
        + " -> "
        + newTotals.tax.amount().toPlainString()
        + ", review "
        + oldTotals.kinds.getOrDefault("REVIEW", 0L)
        + " -> "
        + newTotals.kinds.getOrDefault("REVIEW", 0L)
        + " (see "
        + FILE
        + ")";
  }

  private String turnover(Money traded) {
    if (bookValue.amount().signum() == 0) {
      return "-";
    }
    return traded
            .amount()
            .multiply(BigDecimal.valueOf(100))
            .divide(bookValue.amount(), 2, RoundingMode.HALF_EVEN)
            .toPlainString()
        + "%";
  }

  private static void row(StringBuilder out, String label, Object old, Object now) {
    out.append(String.format(Locale.ROOT, "  %-34s %16s %16s%n", label, old, now));
  }

  private static String describe(RuleSet r) {
    return r.name() + " " + r.version() + ", hash " + r.contentHash();
  }

  /** Returns the totals of one side by kind, for tests. */
  Map<String, Long> kinds(boolean old) {
    return (old ? oldTotals : newTotals).kinds;
  }
}
