package dev.rebal.tax.internal;

import dev.rebal.core.household.LotId;
import dev.rebal.core.money.Quantity;
import java.math.BigDecimal;

/**
 * The ids of lots split off by a wash sale: {@code <purchase>#w<from>-<to>}, where {@code (from,
 * to]} is the range of the purchase's shares the piece took, counted in the order the purchase's
 * shares were used as replacements. Because each share is used at most once, the ranges of one
 * purchase never overlap, so an id is never given twice in the household's history, whatever the
 * number of analyses; and the id leads back to the purchase (its lot id before {@code #w}).
 */
public final class PieceIds {
  /** The mark between a purchase's lot id and a piece's share range. */
  public static final String MARK = "#w";

  private PieceIds() {}

  /** Returns the id of the piece taking shares {@code (from, to]} of purchase {@code origin}. */
  public static LotId piece(String origin, Quantity from, Quantity to) {
    return LotId.of(origin + MARK + plain(from) + "-" + plain(to));
  }

  /** Returns the purchase's lot id: the id before the last {@code #w<from>-<to>}, else itself. */
  public static String origin(LotId id) {
    String v = id.value();
    int i = v.lastIndexOf(MARK);
    return i > 0 && range(v.substring(i + MARK.length())) != null ? v.substring(0, i) : v;
  }

  /**
   * Returns the first share of the piece's range ({@code from}), or {@code null} if {@code id} is
   * not a piece id.
   */
  public static BigDecimal rangeStart(LotId id) {
    BigDecimal[] r = rangeOf(id);
    return r == null ? null : r[0];
  }

  /** Returns the last share of the piece's range ({@code to}), or zero if not a piece id. */
  public static BigDecimal rangeEnd(LotId id) {
    BigDecimal[] r = rangeOf(id);
    return r == null ? BigDecimal.ZERO : r[1];
  }

  private static BigDecimal[] rangeOf(LotId id) {
    String v = id.value();
    int i = v.lastIndexOf(MARK);
    return i > 0 ? range(v.substring(i + MARK.length())) : null;
  }

  private static BigDecimal[] range(String s) {
    int dash = s.indexOf('-');
    if (dash <= 0 || dash == s.length() - 1) {
      return null;
    }
    BigDecimal from = decimal(s.substring(0, dash));
    BigDecimal to = decimal(s.substring(dash + 1));
    return from == null || to == null || from.compareTo(to) >= 0
        ? null
        : new BigDecimal[] {from, to};
  }

  private static BigDecimal decimal(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (!(c >= '0' && c <= '9') && c != '.') {
        return null;
      }
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String plain(Quantity q) {
    return q.value().stripTrailingZeros().toPlainString();
  }
}
