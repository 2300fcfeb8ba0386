package dev.rebal.examples;

import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Escaping and number formatting for the HTML report. */
final class Html {
  private Html() {}

  /** Returns {@code text} with {@code & < > " '} escaped. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Returns e.g. {@code $1,234.50}; negative amounts as {@code -$1,234.50}. */
  static String money(Money m) {
    return money(m.amount());
  }

  static String money(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return (amount.signum() < 0 ? "-$" : "$") + f.format(amount.abs());
  }

  /** Returns a whole-dollar amount, e.g. {@code $1,234}. */
  static String dollars(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return (amount.signum() < 0 ? "-$" : "$")
        + f.format(amount.abs().setScale(0, RoundingMode.HALF_EVEN));
  }

  /** Returns a weight as a percentage with two decimals, e.g. {@code 12.34%}. */
  static String percent(Weight w) {
    return percent(w.value());
  }

  static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** Returns a signed percentage, e.g. {@code +1.20%}. */
  static String signedPercent(Weight w) {
    return (w.isNegative() ? "" : "+") + percent(w);
  }
}
