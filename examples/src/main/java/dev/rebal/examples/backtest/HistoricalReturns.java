package dev.rebal.examples.backtest;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.security.AssetClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Historical annual total returns of US stocks, 10-year Treasury bonds and 3-month Treasury bills,
 * read from the bundled {@code annual-returns.csv} (its header cites the source: Damodaran, NYU
 * Stern, the 1928-2009 edition; the file holds 1928 to 1989, the years we could read in a public
 * copy).
 *
 * <p>Asset classes map onto the three series: the four equity classes and real estate take the
 * stock return, US bonds and municipal bonds the Treasury bond return, cash the bill return. The
 * series has no small-cap, international, emerging-market, REIT, corporate or municipal figures, so
 * in this mode those classes differ from each other only by their within-year swings; the
 * documentation says so.
 *
 * <p>This class is immutable and thread-safe.
 */
final class HistoricalReturns {
  static final String RESOURCE = "/dev/rebal/examples/backtest/annual-returns.csv";
  private static final HistoricalReturns BUNDLED = read();

  private final ImmutableList<Integer> years;

  /** rows[i] = {stocks, bonds, bills} as fractions. */
  private final ImmutableList<double[]> rows;

  private HistoricalReturns(List<Integer> years, List<double[]> rows) {
    this.years = ImmutableList.copyOf(years);
    this.rows = ImmutableList.copyOf(rows);
  }

  static HistoricalReturns bundled() {
    return BUNDLED;
  }

  /** Parses {@code year,stocks,tbonds,tbills} lines in percent; {@code #} starts a comment. */
  static HistoricalReturns parse(List<String> lines) {
    List<Integer> years = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("year")) {
        continue;
      }
      String[] f = l.split(",");
      if (f.length != 4) {
        throw new IllegalArgumentException(
            "annual returns: expected year,stocks,tbonds,tbills, was " + l);
      }
      int year = Integer.parseInt(f[0].strip());
      if (!years.isEmpty() && year != years.get(years.size() - 1) + 1) {
        throw new IllegalArgumentException(
            "annual returns: years must be consecutive, was "
                + year
                + " after "
                + years.get(years.size() - 1));
      }
      years.add(year);
      rows.add(
          new double[] {
            Double.parseDouble(f[1]) / 100,
            Double.parseDouble(f[2]) / 100,
            Double.parseDouble(f[3]) / 100
          });
    }
    if (years.isEmpty()) {
      throw new IllegalArgumentException("annual returns: no data rows");
    }
    return new HistoricalReturns(years, rows);
  }

  private static HistoricalReturns read() {
    try (InputStream in = HistoricalReturns.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(r.lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int size() {
    return years.size();
  }

  int year(int row) {
    return years.get(row);
  }

  /** Returns the simple annual return of {@code assetClass} in {@code row}'s year. */
  double annualReturn(int row, AssetClass assetClass) {
    double[] r = rows.get(row);
    switch (assetClass.value()) {
      case "US_BONDS":
      case "MUNI_BONDS":
        return r[1];
      case "CASH":
        return r[2];
      default:
        return r[0];
    }
  }
}
