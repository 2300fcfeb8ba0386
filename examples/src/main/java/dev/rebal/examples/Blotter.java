package dev.rebal.examples;

import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.Decision;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade blotter: one CSV line per proposed trade, in book order, with a header line. Columns:
 * household, outcome (AUTO trades may execute now, REVIEW trades wait for a reviewer), account,
 * security, side, quantity, price, value, reason codes (separated by {@code ;}) and the lots a sale
 * relieves ({@code lot:quantity}, separated by {@code ;}). Fields are quoted when they hold a
 * comma, a quote or a line break (RFC 4180); lines end with {@code \n}.
 *
 * <p>A spreadsheet opening the file would run a cell that starts with {@code =}, {@code +}, {@code
 * -} or {@code @} (or a tab or carriage return) as a formula, and ids come from a custodian's feed.
 * So such a cell is written with a leading apostrophe ({@code '}), which spreadsheets show as text,
 * unless the whole cell is a plain decimal number ({@code -12.50}): numbers are left as they are,
 * so quantities, prices and values keep the documented format.
 *
 * <p>This is the review file of every proposed trade, gifts included. For an order system, use
 * {@link OrderBlotter}: orders to execute apart from those in review, with run id, order ids and
 * symbols, and gifts in a transfers file.
 *
 * <pre>{@code
 * try (Writer w = Files.newBufferedWriter(Path.of("blotter.csv"), StandardCharsets.UTF_8)) {
 *   Blotter blotter = new Blotter(w);
 *   for (Decision d : decisions) {
 *     blotter.add(d);
 *   }
 * }
 * }</pre>
 */
public final class Blotter {
  /** The header line. */
  public static final String HEADER =
      "household,outcome,account,security,side,quantity,price,value,reason_codes,lots";

  private final Writer out;
  private long lines;

  /**
   * Returns a blotter writing to {@code out}, which writes the header line now; it does not close
   * {@code out}.
   *
   * @throws IOException if {@code out} fails
   */
  public Blotter(Writer out) throws IOException {
    dev.rebal.core.internal.Checks.notNull(out, "out");
    this.out = out;
    out.write(HEADER);
    out.write('\n');
  }

  /**
   * Writes a line for every trade of {@code decision}; add decisions in book order, on one thread.
   *
   * @throws IOException if the writer fails
   */
  public void add(Decision decision) throws IOException {
    Decision d = dev.rebal.core.internal.Checks.notNull(decision, "decision");
    for (Trade t : d.proposal().trades()) {
      List<String> lots = new ArrayList<>();
      for (LotPick p : t.lots()) {
        lots.add(p.lot() + ":" + p.quantity().value().toPlainString());
      }
      List<String> fields =
          List.of(
              d.household().value(),
              d.outcome().name(),
              t.account().value(),
              t.security().value(),
              t.side().name(),
              t.quantity().value().toPlainString(),
              t.estimatedPrice().amount().toPlainString(),
              t.estimatedValue().amount().toPlainString(),
              String.join(";", t.reasonCodes()),
              String.join(";", lots));
      List<String> quoted = new ArrayList<>();
      fields.forEach(f -> quoted.add(quote(f)));
      out.write(String.join(",", quoted));
      out.write('\n');
      lines++;
    }
  }

  /** Returns the trade lines written so far. */
  public long trades() {
    return lines;
  }

  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  /**
   * Returns {@code field} safe to open in a spreadsheet: a leading apostrophe before a leading
   * {@code = + - @}, tab or carriage return, unless the field is a plain decimal number.
   */
  static String defuse(String field) {
    if (field.isEmpty()
        || "=+-@\t\r".indexOf(field.charAt(0)) < 0
        || NUMBER.matcher(field).matches()) {
      return field;
    }
    return "'" + field;
  }

  static String quote(String field) {
    field = defuse(field);
    if (field.indexOf(',') < 0
        && field.indexOf('"') < 0
        && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
