package dev.rebal.examples;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Weight;
import dev.rebal.core.validation.Problem;
import dev.rebal.core.validation.Severity;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdDrift;
import dev.rebal.json.ReadFailure;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the data-quality counts and drift lines of a book, household by household, and renders
 * them as text. Deterministic: the same book gives the same text. The per-household lines (on hold,
 * unreadable, drift) are kept in files in a work folder, not in memory, so a report over a book of
 * any size holds only its counts; {@link #close()} deletes them.
 */
final class DataQualityReport implements AutoCloseable {
  private static final int PROBLEMS_SHOWN = 3;

  private final String bookName;
  private final LocalDate asOf;
  private int read;
  private int valid;
  private int withWarnings;
  private int inBalance;
  private int outOfBalance;
  private final Map<String, int[]> byCode = new TreeMap<>();
  private final SpillList onHold;
  private final SpillList unreadable;
  private final SpillList drift;

  DataQualityReport(String bookName, LocalDate asOf, Path work) throws IOException {
    this.bookName = bookName;
    this.asOf = asOf;
    this.onHold = new SpillList(work.resolve("dq-on-hold.txt"));
    this.unreadable = new SpillList(work.resolve("dq-unreadable.txt"));
    this.drift = new SpillList(work.resolve("dq-drift.txt"));
  }

  void unreadable(ReadFailure failure) {
    unreadable.add("  " + failure);
  }

  /** Adds a household with the problems found in it; any error means it is on hold. */
  void add(Household h, List<Problem> problems, MarketData market) {
    read++;
    List<Problem> errors = new ArrayList<>();
    boolean warned = false;
    for (Problem p : problems) {
      boolean error = p.severity() == Severity.ERROR;
      byCode.computeIfAbsent(p.code(), c -> new int[2])[error ? 0 : 1]++;
      if (error) {
        errors.add(p);
      } else {
        warned = true;
      }
    }
    if (warned) {
      withWarnings++;
    }
    if (!errors.isEmpty()) {
      StringBuilder sb =
          new StringBuilder("  ")
              .append(h.id())
              .append(": ")
              .append(errors.size())
              .append(" error(s)");
      errors.stream().limit(PROBLEMS_SHOWN).forEach(p -> sb.append("\n      ").append(p));
      onHold.add(sb.toString());
      return;
    }
    valid++;
    try {
      HouseholdDrift d = HouseholdDrift.of(h, market);
      StringBuilder sb =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "  %-10s %16s %8s  ",
                  h.id(),
                  money(d.total().amount()),
                  percent(d.maxAbsoluteDrift())));
      if (d.isOutOfBalance()) {
        outOfBalance++;
        sb.append("OUT ");
        List<String> out = new ArrayList<>();
        for (ClassDrift c : d.outOfBand()) {
          out.add(
              c.assetClass()
                  + " "
                  + signedPercent(c.drift())
                  + " (band "
                  + percent(c.halfWidth())
                  + ")");
        }
        sb.append(String.join(", ", out));
      } else {
        inBalance++;
        sb.append("in band");
      }
      drift.add(sb.toString());
    } catch (RuntimeException e) {
      drift.add(String.format(Locale.ROOT, "  %-10s cannot be valued: %s", h.id(), e.getMessage()));
    }
  }

  int valid() {
    return valid;
  }

  int onHold() {
    return (int) onHold.size();
  }

  int unreadable() {
    return (int) unreadable.size();
  }

  int withWarnings() {
    return withWarnings;
  }

  /** Returns the problem counts by code: errors, warnings. */
  Map<String, int[]> byCode() {
    return byCode;
  }

  /** Writes the report to {@code out}, copying the per-household lines from their files. */
  void renderTo(Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("Rebal data-quality report\n");
    sb.append("book: ").append(bookName).append(", as of ").append(asOf).append('\n');
    sb.append('\n');
    sb.append(
        String.format(
            Locale.ROOT, "households: %d read, %d unreadable%n", read, unreadable.size()));
    sb.append(
        String.format(
            Locale.ROOT,
            "valid: %d   on hold: %d   with warnings: %d%n",
            valid,
            onHold.size(),
            withWarnings));
    sb.append('\n').append("problems by code (errors / warnings):\n");
    if (byCode.isEmpty()) {
      sb.append("  none\n");
    }
    byCode.forEach(
        (code, n) -> sb.append(String.format(Locale.ROOT, "  %-40s %5d %5d%n", code, n[0], n[1])));
    if (!unreadable.isEmpty()) {
      sb.append('\n').append("unreadable households:\n");
      out.write(sb.toString());
      sb.setLength(0);
      unreadable.copyTo(out);
    }
    if (!onHold.isEmpty()) {
      sb.append('\n').append("on hold:\n");
      out.write(sb.toString());
      sb.setLength(0);
      onHold.copyTo(out);
    }
    sb.append('\n')
        .append(
            String.format(
                Locale.ROOT,
                "drift from target (valid households): %d in band, %d out of balance%n",
                inBalance,
                outOfBalance));
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-10s %16s %8s  %s%n",
            "household",
            "value (USD)",
            "max|d|",
            "classes outside their band"));
    out.write(sb.toString());
    drift.copyTo(out);
  }

  /** Deletes the files of per-household lines. */
  @Override
  public void close() throws IOException {
    onHold.close();
    unreadable.close();
    drift.close();
  }

  private static String money(BigDecimal amount) {
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(amount);
  }

  private static String percent(Weight w) {
    return w.value().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  private static String signedPercent(Weight w) {
    return (w.isNegative() ? "" : "+") + percent(w);
  }
}
