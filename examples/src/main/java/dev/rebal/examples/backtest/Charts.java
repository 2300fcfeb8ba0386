package dev.rebal.examples.backtest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written SVG charts of a backtest (no libraries): file name to SVG text. Numbers are printed
 * with fixed decimals in the root locale, so the same results give byte-identical files.
 */
final class Charts {
  private static final String[] COLORS = {
    "#1f77b4", "#7f7f7f", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728"
  };
  private static final int W = 720;
  private static final int H = 360;
  private static final int LEFT = 70;
  private static final int RIGHT = 200;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private Charts() {}

  static Map<String, String> all(Backtest.Result r, List<PolicySummary> s) {
    Map<String, String> out = new TreeMap<>();
    out.put("backtest-wealth.svg", wealth(r, s));
    out.put("backtest-bps.svg", bps(s));
    out.put("backtest-households.svg", households(r));
    return out;
  }

  /** Book wealth (before liquidation tax) of each policy relative to the baseline, per month. */
  static String wealth(Backtest.Result r, List<PolicySummary> s) {
    PolicySummary base = Report.find(s, Policy.BASELINE);
    int n = base.wealth.length;
    double[][] rel = new double[s.size()][n];
    double lo = 0;
    double hi = 0;
    for (int p = 0; p < s.size(); p++) {
      for (int t = 0; t < n; t++) {
        rel[p][t] = 100 * (s.get(p).wealth[t] / base.wealth[t] - 1);
        lo = Math.min(lo, rel[p][t]);
        hi = Math.max(hi, rel[p][t]);
      }
    }
    double[] axis = nice(lo - 0.05, hi + 0.05);
    lo = axis[0];
    hi = axis[1];
    StringBuilder sb =
        header(
            "Managed wealth before liquidation tax, relative to "
                + Policy.BASELINE.label()
                + " (%)");
    axes(sb, lo, hi, axis[2], "%.1f");
    for (int y = 0; y <= (n - 1) / 12; y++) {
      double x = xOf(y * 12, n);
      sb.append(
          Report.f(
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">" + "%d</text>%n",
              x, H - BOTTOM + 16, r.start().getYear() + y));
    }
    sb.append(
        Report.f(
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                + "year (monthly steps)</text>%n",
            LEFT + (W - LEFT - RIGHT) / 2, H - 10));
    for (int p = 0; p < s.size(); p++) {
      StringBuilder pts = new StringBuilder();
      for (int t = 0; t < n; t++) {
        pts.append(Report.f("%.1f,%.1f ", xOf(t, n), yOf(rel[p][t], lo, hi)));
      }
      sb.append(
          Report.f(
              "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" " + "points=\"%s\"/>%n",
              COLORS[p], pts.toString().trim()));
      legend(sb, p, s.get(p).policy.label());
    }
    return sb.append("</svg>\n").toString();
  }

  /** After-tax and before-liquidation return difference to the baseline, bps a year. */
  static String bps(List<PolicySummary> s) {
    PolicySummary base = Report.find(s, Policy.BASELINE);
    double lo = 0;
    double hi = 0;
    double[][] v = new double[s.size()][2];
    for (int p = 0; p < s.size(); p++) {
      v[p][0] = 10_000 * (s.get(p).afterTaxReturn - base.afterTaxReturn);
      v[p][1] = 10_000 * (s.get(p).preLiquidationReturn - base.preLiquidationReturn);
      lo = Math.min(lo, Math.min(v[p][0], v[p][1]));
      hi = Math.max(hi, Math.max(v[p][0], v[p][1]));
    }
    double[] axis = nice(lo - 1, hi + 1);
    lo = axis[0];
    hi = axis[1];
    StringBuilder sb = header("Return difference to " + Policy.BASELINE.label() + " (bps a year)");
    axes(sb, lo, hi, axis[2], "%.0f");
    double slot = (W - LEFT - RIGHT) / (double) s.size();
    for (int p = 0; p < s.size(); p++) {
      for (int k = 0; k < 2; k++) {
        double x = LEFT + p * slot + slot * (0.15 + 0.35 * k);
        double y0 = yOf(0, lo, hi);
        double y1 = yOf(v[p][k], lo, hi);
        sb.append(
            Report.f(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"%s\" fill-opacity=\"%s\"/>%n",
                x,
                Math.min(y0, y1),
                slot * 0.33,
                Math.max(0.5, Math.abs(y1 - y0)),
                COLORS[p],
                k == 0 ? "1" : "0.45"));
        sb.append(
            Report.f(
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">"
                    + "%+.0f</text>%n",
                x + slot * 0.165,
                v[p][k] >= 0 ? Math.min(y0, y1) - 3 : Math.max(y0, y1) + 11,
                v[p][k]));
      }
      sb.append(
          Report.f(
              "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">" + "%s</text>%n",
              LEFT + p * slot + slot / 2, H - BOTTOM + 16, s.get(p).policy.shortName()));
    }
    legendBox(sb, 0, "#444444", "1", "after liquidation tax");
    legendBox(sb, 1, "#444444", "0.45", "before liquidation tax");
    return sb.append("</svg>\n").toString();
  }

  /** Histogram of per-household after-tax return differences, engine minus baseline. */
  static String households(Backtest.Result r) {
    double[] base = PolicySummary.householdReturns(r.outcomes().get(Policy.BASELINE));
    double[] engine = PolicySummary.householdReturns(r.outcomes().get(Policy.ENGINE));
    double[] tax = PolicySummary.householdReturns(r.outcomes().get(Policy.TAX_AWARE_THRESHOLD));
    int bins = 24;
    double lo = -240;
    double width = 20;
    int[][] counts = new int[2][bins];
    int max = 1;
    for (int i = 0; i < base.length; i++) {
      if (Double.isNaN(base[i])) {
        continue;
      }
      double[] d = {10_000 * (engine[i] - base[i]), 10_000 * (tax[i] - base[i])};
      for (int k = 0; k < 2; k++) {
        int b = (int) Math.floor((d[k] - lo) / width);
        b = Math.max(0, Math.min(bins - 1, b));
        counts[k][b]++;
        max = Math.max(max, counts[k][b]);
      }
    }
    StringBuilder sb = header("Households: after-tax return minus naive threshold (bps/yr)");
    double[] axis = nice(0, max);
    double top = axis[1];
    axes(sb, 0, top, axis[2], "%.0f");
    sb.append(
        Report.f(
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">"
                + "bps a year (the end bins hold the tails)</text>%n",
            LEFT + (W - LEFT - RIGHT) / 2, H - 10));
    double slot = (W - LEFT - RIGHT) / (double) bins;
    for (int b = 0; b < bins; b++) {
      for (int k = 0; k < 2; k++) {
        double x = LEFT + b * slot + k * slot * 0.45;
        double y0 = yOf(0, 0, top);
        double y1 = yOf(counts[k][b], 0, top);
        sb.append(
            Report.f(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" " + "fill=\"%s\"/>%n",
                x, y1, slot * 0.45, y0 - y1, k == 0 ? COLORS[4] : COLORS[3]));
      }
      if (b % 4 == 0) {
        sb.append(
            Report.f(
                "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">"
                    + "%.0f</text>%n",
                LEFT + b * slot, H - BOTTOM + 16, lo + b * width));
      }
    }
    legendBox(sb, 0, COLORS[4], "1", Policy.ENGINE.label());
    legendBox(sb, 1, COLORS[3], "1", Policy.TAX_AWARE_THRESHOLD.label());
    return sb.append("</svg>\n").toString();
  }

  private static StringBuilder header(String title) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Report.f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
            W, H, W, H));
    sb.append(Report.f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
    sb.append(
        Report.f(
            "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            LEFT, escape(title)));
    return sb;
  }

  /** Returns {lo, hi, step}: the range widened to whole multiples of a 1-2-5 step. */
  static double[] nice(double lo, double hi) {
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
    return new double[] {Math.floor(lo / step) * step, Math.ceil(hi / step) * step, step};
  }

  private static void axes(StringBuilder sb, double lo, double hi, double step, String format) {
    sb.append(
        Report.f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, TOP, LEFT, H - BOTTOM));
    sb.append(
        Report.f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
    int ticks = (int) Math.round((hi - lo) / step);
    for (int i = 0; i <= ticks; i++) {
      double v = lo + step * i;
      double y = yOf(v, lo, hi);
      sb.append(
          Report.f(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n",
              LEFT, y, W - RIGHT, y));
      sb.append(
          Report.f(
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s" + "</text>%n",
              LEFT - 4, y + 3, Report.f(format, Math.abs(v) < step / 1e6 ? 0.0 : v)));
    }
    if (lo < 0 && hi > 0) {
      double y = yOf(0, lo, hi);
      sb.append(
          Report.f(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\" "
                  + "stroke-dasharray=\"3,3\"/>%n",
              LEFT, y, W - RIGHT, y));
    }
  }

  private static void legend(StringBuilder sb, int i, String label) {
    int y = TOP + 10 + 18 * i;
    sb.append(
        Report.f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                + "stroke-width=\"3\"/>%n",
            W - RIGHT + 10, y, W - RIGHT + 30, y, COLORS[i]));
    sb.append(
        Report.f(
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
            W - RIGHT + 35, y + 4, escape(label)));
  }

  private static void legendBox(
      StringBuilder sb, int i, String color, String opacity, String label) {
    int y = TOP + 10 + 18 * i;
    sb.append(
        Report.f(
            "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\" "
                + "fill-opacity=\"%s\"/>%n",
            W - RIGHT + 10, y - 5, color, opacity));
    sb.append(
        Report.f(
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
            W - RIGHT + 30, y + 4, escape(label)));
  }

  private static double xOf(int t, int n) {
    return LEFT + (W - LEFT - RIGHT) * t / (double) Math.max(1, n - 1);
  }

  private static double yOf(double v, double lo, double hi) {
    return H - BOTTOM - (H - TOP - BOTTOM) * (v - lo) / (hi - lo);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
