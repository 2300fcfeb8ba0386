package dev.rebal.examples;

import dev.rebal.core.money.HumanFormat;
import dev.rebal.core.money.Money;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.HouseholdSummary;
import dev.rebal.engine.RunSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of a run's summary ({@code summary.txt} and the lines printed at the end of a run):
 * the book's value, and for the auto proposals, those in review and both together, the trades and
 * their value bought and sold, the gifts in kind apart from the trades, the net realized gain, the
 * estimated tax on realized gains and the losses harvested, each amount also as a percentage of the
 * book's value. Totalled from the {@link HouseholdSummary} rows of the run, one at a time, so they
 * add up to {@code summary.csv}.
 */
final class BookFigures {
  /** Totals of one side: auto or review. */
  private static final class Side {
    long households;
    long trades;
    long gifts;
    Money bought = Money.ZERO_USD;
    Money sold = Money.ZERO_USD;
    Money gifted = Money.ZERO_USD;
    Money gain = Money.ZERO_USD;
    Money tax = Money.ZERO_USD;
    Money harvested = Money.ZERO_USD;

    void add(HouseholdSummary r) {
      households++;
      trades += r.trades();
      gifts += r.gifts();
      bought = bought.plus(r.bought());
      sold = sold.plus(r.sold());
      gifted = gifted.plus(r.gifted());
      gain = gain.plus(r.netRealizedGain());
      tax = tax.plus(r.estimatedTax());
      harvested = harvested.plus(r.lossHarvested());
    }

    Side plus(Side o) {
      Side s = new Side();
      s.households = households + o.households;
      s.trades = trades + o.trades;
      s.gifts = gifts + o.gifts;
      s.bought = bought.plus(o.bought);
      s.sold = sold.plus(o.sold);
      s.gifted = gifted.plus(o.gifted);
      s.gain = gain.plus(o.gain);
      s.tax = tax.plus(o.tax);
      s.harvested = harvested.plus(o.harvested);
      return s;
    }
  }

  private final Side auto = new Side();
  private final Side review = new Side();
  private Money bookValue = Money.ZERO_USD;
  private long valued;
  private long notValued;

  /** Adds one household's row. */
  void add(HouseholdSummary r) {
    if (r.value().isPresent()) {
      bookValue = bookValue.plus(r.value().get());
      valued++;
    } else {
      notValued++;
    }
    if (r.outcome() == DecisionOutcome.AUTO) {
      auto.add(r);
    } else if (r.outcome() == DecisionOutcome.REVIEW) {
      review.add(r);
    }
  }

  /** Returns the book's value: the sum of the values of the households valued. */
  Money bookValue() {
    return bookValue;
  }

  /**
   * Returns the summary: the run's counts from {@code summary} (households by outcome, the
   * auto/review split), the book's value, the table of figures, and the review reasons.
   */
  String render(RunSummary summary) {
    StringBuilder sb = new StringBuilder();
    sb.append("households ").append(summary.households());
    for (Map.Entry<String, Long> e : summary.outcomes().entrySet()) {
      sb.append(", ").append(e.getKey().toLowerCase(Locale.ROOT)).append(' ').append(e.getValue());
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nauto/review %.1f%% / %.1f%% of %d triggered%n",
            100 * summary.autoShare(),
            100 * (summary.triggered() == 0 ? 0.0 : 1 - summary.autoShare()),
            summary.triggered()));
    sb.append("book value ")
        .append(HumanFormat.money(bookValue))
        .append(" (")
        .append(valued)
        .append(valued == 1 ? " household" : " households")
        .append(" valued");
    if (notValued > 0) {
      sb.append("; ").append(notValued).append(" not valued: on hold or failed valuation");
    }
    sb.append(")\n");
    Side all = auto.plus(review);
    sb.append(
        String.format(
            Locale.ROOT, "%-34s %26s %26s %26s%n", "", "auto", "review", "auto + review"));
    count(sb, "households", s -> s.households, all);
    count(sb, "trades (buys and sales)", s -> s.trades, all);
    amount(sb, "bought", s -> s.bought, all);
    amount(sb, "sold", s -> s.sold, all);
    amount(sb, "traded (bought + sold)", s -> s.bought.plus(s.sold), all);
    count(sb, "gifts in kind", s -> s.gifts, all);
    amount(sb, "given in kind", s -> s.gifted, all);
    amount(sb, "net realized gain", s -> s.gain, all);
    amount(sb, "estimated tax on realized gains", s -> s.tax, all);
    amount(sb, "losses harvested", s -> s.harvested, all);
    sb.append("(each amount also as a % of the book's value)");
    if (!summary.reviewReasons().isEmpty()) {
      sb.append("\nreview reasons ").append(summary.reviewReasons());
    }
    if (summary.cancelled()) {
      sb.append("\ncancelled");
    }
    return sb.toString();
  }

  private void count(StringBuilder sb, String label, Function<Side, Long> f, Side all) {
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-32s %26d %26d %26d%n",
            label,
            f.apply(auto),
            f.apply(review),
            f.apply(all)));
  }

  private void amount(StringBuilder sb, String label, Function<Side, Money> f, Side all) {
    sb.append(String.format(Locale.ROOT, "  %-32s", label));
    for (Side s : new Side[] {auto, review, all}) {
      Money m = f.apply(s);
      sb.append(String.format(Locale.ROOT, " %18s %7s", HumanFormat.money(m), ofBook(m)));
    }
    sb.append('\n');
  }

  /** Returns {@code m} as a percentage of the book's value with two decimals. */
  String ofBook(Money m) {
    if (!bookValue.isPositive()) {
      return "-";
    }
    BigDecimal p =
        m.amount().movePointRight(2).divide(bookValue.amount(), 2, RoundingMode.HALF_EVEN);
    if (p.signum() == 0 && m.isPositive()) {
      return "<0.01%";
    }
    return p.toPlainString() + "%";
  }
}
