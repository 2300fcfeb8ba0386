package dev.rebal.examples;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.engine.HouseholdSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/**
 * Writes the per-household summary table ({@link HouseholdSummary} rows) as CSV, {@value #FILE} in
 * the main job's output folder, for a spreadsheet or {@code pandas.read_csv}. One line per
 * household in the order added (the main job: book order), after the header {@value #HEADER}.
 *
 * <ul>
 *   <li>amounts are plain decimal numbers at the currency's scale ({@code 12345.67}: no currency
 *       sign, no grouping), in the currency of the {@code currency} column;
 *   <li>{@code drift_before} and {@code drift_after} are fractions ({@code 0.0523} is 5.23%), the
 *       largest absolute drift of an asset class from the goal-aware target, empty when the
 *       household was not valued (on hold, or its valuation failed), as is {@code value};
 *   <li>{@code releasable} is {@code true} or {@code false}; {@code trades} counts buys and sales,
 *       {@code gifts} the gifts in kind (their value, {@code gifted}, is not in {@code traded});
 *   <li>{@code triggers} and {@code review_reasons} are reason codes separated by {@code ;};
 *   <li>lines end with {@code \n}; a field with a comma, a quote or a line break is quoted (RFC
 *       4180), and a text cell a spreadsheet would run as a formula is defused as in {@link
 *       Blotter}.
 * </ul>
 *
 * <pre>{@code
 * SummaryCsv.write(HouseholdSummaries.of(market, ruleSet).rows(decisions, households), writer);
 * }</pre>
 *
 * <p>Add rows on one thread. This class does not close the writer.
 */
public final class SummaryCsv {
  /** The file name in the output folder. */
  public static final String FILE = "summary.csv";

  /** The header line. */
  public static final String HEADER =
      "household,as_of,outcome,releasable,currency,value,triggers,"
          + "drift_before,drift_after,trades,bought,sold,traded,gifts,gifted,estimated_tax,"
          + "net_realized_gain,short_term_gain,loss_harvested,review_reasons";

  private final Writer out;
  private long rows;

  /**
   * Returns a writer of the table to {@code out}, which writes the header now.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public SummaryCsv(Writer out) {
    this.out = Checks.notNull(out, "out");
    write(HEADER);
  }

  /**
   * Writes the header and {@code rows} to {@code out}.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(List<HouseholdSummary> rows, Writer out) {
    Checks.notNull(rows, "rows");
    SummaryCsv csv = new SummaryCsv(out);
    rows.forEach(csv::add);
  }

  /**
   * Writes one row.
   *
   * @throws UncheckedIOException if the writer fails
   */
  public void add(HouseholdSummary r) {
    Checks.notNull(r, "row");
    String[] f = {
      r.household().value(),
      r.asOf().toString(),
      r.outcome().name(),
      Boolean.toString(r.releasable()),
      r.bought().currency().getCurrencyCode(),
      money(r.value()),
      String.join(";", r.triggers()),
      weight(r.driftBefore()),
      weight(r.driftAfter()),
      Integer.toString(r.trades()),
      r.bought().toPlainString(),
      r.sold().toPlainString(),
      r.traded().toPlainString(),
      Integer.toString(r.gifts()),
      r.gifted().toPlainString(),
      r.estimatedTax().toPlainString(),
      r.netRealizedGain().toPlainString(),
      r.shortTermGain().toPlainString(),
      r.lossHarvested().toPlainString(),
      String.join(";", r.reviewReasons())
    };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < f.length; i++) {
      sb.append(i == 0 ? "" : ",").append(Blotter.quote(f[i]));
    }
    write(sb.toString());
    rows++;
  }

  /** Returns the rows written so far. */
  public long rows() {
    return rows;
  }

  private static String money(Optional<Money> m) {
    return m.map(Money::toPlainString).orElse("");
  }

  private static String weight(Optional<Weight> w) {
    return w.map(x -> x.value().toPlainString()).orElse("");
  }

  private void write(String line) {
    try {
      out.write(line);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
