package dev.rebal.examples.backtest;

import dev.rebal.examples.backtest.Attribution.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a {@link Study} as Markdown tables and SVG charts. Output depends only on the results, so
 * the same settings give byte-identical files.
 */
final class StudyReport {
  private static final String[] CONVENTIONS = {"after liquidation", "step-up"};
  private static final String[] COLORS = {
    "#1f77b4", "#7f7f7f", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#8c564b"
  };

  private StudyReport() {}

  /** Mean, standard error and the half-width of the 95% interval (Student t) of {@code x}. */
  record Stats(double mean, double se, double half, int n) {
    static Stats of(double[] x) {
      int n = x.length;
      double mean = 0;
      for (double v : x) {
        mean += v / n;
      }
      double ss = 0;
      for (double v : x) {
        ss += (v - mean) * (v - mean);
      }
      double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
      return new Stats(mean, se, n > 1 ? tQuantile975(n - 1) * se : Double.NaN, n);
    }
  }

  /**
   * The 97.5% quantile of Student's t with {@code df} degrees of freedom: exact table values up to
   * 5, then the Cornish-Fisher expansion around the normal's 1.95996 (error under 0.001 for df
   * above 5; Abramowitz and Stegun 26.7.5).
   */
  static double tQuantile975(int df) {
    double[] small = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571};
    if (df <= 5) {
      return small[df];
    }
    double z = 1.959964;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    double z7 = z5 * z * z;
    return z
        + (z3 + z) / (4 * df)
        + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df)
        + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384.0 * df * df * df);
  }

  static String markdown(Study.Config c, List<Study.PathResult> results, String command) {
    StringBuilder sb = new StringBuilder();
    int[] horizons = c.assumptions().horizonYears();
    sb.append(
        Report.f(
            "Run: `%s`: %d paths per market, %d households per path (each path its own "
                + "generated book, realistic start), monthly steps for %d years from 2026-06-30, trading "
                + "cost %.1f bps per traded dollar, outside gains x%.1f a year. Differences are to %s, in "
                + "bps a year of after-tax money-weighted return of the book.%n%n",
            command,
            c.paths(),
            c.households(),
            c.years(),
            c.assumptions().tradingCostBps(),
            c.assumptions().outsideGains(),
            Policy.BASELINE.label()));
    for (MarketModel.Kind kind : c.markets()) {
      List<Study.PathResult> rs = results.stream().filter(r -> r.market() == kind).toList();
      sb.append("### ")
          .append(
              kind == MarketModel.Kind.PARAMETRIC
                  ? "Parametric market"
                  : "Historical market (bootstrapped annual returns 1928-1989)")
          .append("\n\n");
      sb.append("Difference to naive threshold, bps a year: mean [95% interval] over ")
          .append(rs.size())
          .append(" paths.\n\n| policy |");
      for (int y : horizons) {
        for (String conv : CONVENTIONS) {
          sb.append(Report.f(" %d y, %s |", y, conv));
        }
      }
      sb.append("\n|---|");
      sb.append("---:|".repeat(horizons.length * 2)).append('\n');
      for (Policy p : Policy.values()) {
        if (p == Policy.BASELINE) {
          continue;
        }
        sb.append("| ").append(p.label()).append(" |");
        for (int hi = 0; hi < horizons.length; hi++) {
          for (int conv = 0; conv < 2; conv++) {
            Stats s = Stats.of(diffs(rs, p, hi, conv));
            sb.append(
                Report.f(
                    " %+.1f [%+.1f, %+.1f] |", s.mean(), s.mean() - s.half(), s.mean() + s.half()));
          }
        }
        sb.append('\n');
      }
      sb.append("\nNaive threshold's own after-tax return a year (mean over paths):");
      for (int hi = 0; hi < horizons.length; hi++) {
        for (int conv = 0; conv < 2; conv++) {
          double m = 0;
          for (Study.PathResult r : rs) {
            m += r.returns()[Policy.BASELINE.ordinal()][hi][conv] / rs.size();
          }
          sb.append(Report.f(" %d y %s %.2f%%;", horizons[hi], CONVENTIONS[conv], 100 * m));
        }
      }
      sb.append("\n\nStandard errors (bps a year), same order:\n\n| policy |");
      for (int y : horizons) {
        for (String conv : CONVENTIONS) {
          sb.append(Report.f(" %d y, %s |", y, conv));
        }
      }
      sb.append("\n|---|").append("---:|".repeat(horizons.length * 2)).append('\n');
      for (Policy p : Policy.values()) {
        if (p == Policy.BASELINE) {
          continue;
        }
        sb.append("| ").append(p.label()).append(" |");
        for (int hi = 0; hi < horizons.length; hi++) {
          for (int conv = 0; conv < 2; conv++) {
            sb.append(Report.f(" %.1f |", Stats.of(diffs(rs, p, hi, conv)).se()));
          }
        }
        sb.append('\n');
      }
      sb.append(
          "\n**Decomposition** of each difference (bps a year, mean over paths; the "
              + "components add to the total, which is the first-order equivalent of the difference "
              + "in return):\n\n");
      for (Policy p : Policy.values()) {
        if (p == Policy.BASELINE) {
          continue;
        }
        sb.append("*")
            .append(p.label())
            .append("*\n\n| horizon, convention | return " + "difference |");
        for (Component comp : Component.values()) {
          sb.append(' ').append(comp.label).append(" |");
        }
        sb.append(" total |\n|---|---:|")
            .append("---:|".repeat(Component.values().length + 1))
            .append('\n');
        for (int hi = 0; hi < horizons.length; hi++) {
          for (int conv = 0; conv < 2; conv++) {
            sb.append(
                Report.f(
                    "| %d y, %s | %+.1f |",
                    horizons[hi], CONVENTIONS[conv], Stats.of(diffs(rs, p, hi, conv)).mean()));
            double total = 0;
            for (Component comp : Component.values()) {
              double m = 0;
              for (Study.PathResult r : rs) {
                m += r.components()[p.ordinal()][hi][conv][comp.ordinal()] / rs.size();
              }
              total += m;
              sb.append(Report.f(" %+.1f |", m));
            }
            sb.append(Report.f(" %+.1f |%n", total));
          }
        }
        sb.append('\n');
      }
      sb.append(
          "**Activity** over the whole run (all paths pooled):\n\n| policy | turnover /yr | "
              + "rebalancing events per household-year | reviews per household-year | needs met in "
              + "time | losses harvested | income received | income tax paid | trading cost (bps of "
              + "wealth /yr) |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Policy p : Policy.values()) {
        double[] a = new double[Study.METRICS.size()];
        for (Study.PathResult r : rs) {
          for (int j = 0; j < a.length; j++) {
            a[j] += r.activity()[p.ordinal()][j];
          }
        }
        sb.append(
            Report.f(
                "| %s | %.1f%% | %.2f | %.2f | %.0f of %.0f (%.0f%%) | %s | %s | %s "
                    + "| %.1f |%n",
                p.label(),
                100 * a[0] / a[9],
                a[1] / a[10],
                a[2] / a[10],
                a[4],
                a[3],
                a[3] > 0 ? 100 * a[4] / a[3] : 100,
                Report.money(a[5]),
                Report.money(a[6]),
                Report.money(a[7]),
                10_000 * a[8] / a[9]));
      }
      sb.append(turnoverByReason(rs));
      sb.append(
              "\n**Engine decision quality** over the whole run (all paths pooled; counts of "
                  + "engine decisions, one per household-path and month; a decision routed to review counts "
                  + "once under each of its reason codes, so the code columns can add to more than the "
                  + "decisions routed to review):\n\n")
          .append(DecisionQuality.header());
      List<String> others = new ArrayList<>();
      for (Policy p : Policy.values()) {
        DecisionQuality q = DecisionQuality.EMPTY;
        for (Study.PathResult r : rs) {
          q = q.plus(r.quality().get(p.ordinal()));
        }
        sb.append(q.row(p.label()));
        others.add(
            p.label()
                + ": other reasons "
                + q.otherReasonsText()
                + "; runs of 3+ months "
                + "by code "
                + q.runCodesText());
      }
      sb.append("\nOther reasons by code (decisions) and the codes of the runs (runs):\n\n");
      others.forEach(o -> sb.append("- ").append(o).append('\n'));
      double worst = 0;
      int problems = 0;
      for (Study.PathResult r : rs) {
        worst = Math.max(worst, r.maxUnexplained());
        problems += r.problems().size();
      }
      sb.append(
          Report.f(
              "%nLargest unexplained amount in any household's attribution: $%.2f. "
                  + "Engine problems met (listed in problems.txt): %d.%n%n",
              worst, problems));
    }
    return sb.toString();
  }

  /**
   * The turnover a year by {@link TradeReason}, per policy, all paths pooled: where each policy's
   * turnover goes.
   */
  private static String turnoverByReason(List<Study.PathResult> rs) {
    StringBuilder sb =
        new StringBuilder("\n**Turnover by reason** (a year; a trade counts under the first of ");
    StringBuilder head = new StringBuilder("| policy | turnover /yr |");
    StringBuilder rule = new StringBuilder("|---|---:|");
    List<String> labels = new ArrayList<>();
    for (TradeReason why : TradeReason.values()) {
      labels.add(why.label());
      head.append(' ').append(why.label()).append(" |");
      rule.append("---:|");
    }
    sb.append(String.join(", ", labels))
        .append(" it carries):\n\n")
        .append(head)
        .append('\n')
        .append(rule)
        .append('\n');
    for (Policy p : Policy.values()) {
      double[] a = new double[Study.METRICS.size()];
      for (Study.PathResult r : rs) {
        for (int j = 0; j < a.length; j++) {
          a[j] += r.activity()[p.ordinal()][j];
        }
      }
      sb.append(Report.f("| %s | %.1f%% |", p.label(), 100 * a[0] / a[9]));
      for (TradeReason why : TradeReason.values()) {
        sb.append(Report.f(" %.1f%% |", 100 * a[Study.TRADED_BY_REASON + why.ordinal()] / a[9]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static double[] diffs(List<Study.PathResult> rs, Policy p, int hi, int conv) {
    double[] d = new double[rs.size()];
    for (int i = 0; i < d.length; i++) {
      double[][][] r = rs.get(i).returns();
      d[i] = 10_000 * (r[p.ordinal()][hi][conv] - r[Policy.BASELINE.ordinal()][hi][conv]);
    }
    return d;
  }

  /** The study's charts: file name to SVG text. */
  static Map<String, String> charts(Study.Config c, List<Study.PathResult> results) {
    Map<String, String> out = new TreeMap<>();
    for (MarketModel.Kind kind : c.markets()) {
      List<Study.PathResult> rs = results.stream().filter(r -> r.market() == kind).toList();
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      out.put("backtest-" + name + "-intervals.svg", intervals(c, rs, kind));
      out.put("backtest-" + name + "-decomposition.svg", decomposition(c, rs, kind));
    }
    return out;
  }

  private static final int W = 760;
  private static final int H = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 250;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  /** Mean difference and 95% interval per policy, at each horizon, in both conventions. */
  static String intervals(Study.Config c, List<Study.PathResult> rs, MarketModel.Kind kind) {
    int[] horizons = c.assumptions().horizonYears();
    List<Policy> ps = new ArrayList<>();
    for (Policy p : Policy.values()) {
      if (p != Policy.BASELINE) {
        ps.add(p);
      }
    }
    double lo = 0;
    double hi = 0;
    Stats[][][] st = new Stats[ps.size()][horizons.length][2];
    for (int i = 0; i < ps.size(); i++) {
      for (int h = 0; h < horizons.length; h++) {
        for (int conv = 0; conv < 2; conv++) {
          Stats s = Stats.of(diffs(rs, ps.get(i), h, conv));
          st[i][h][conv] = s;
          double half = Double.isNaN(s.half()) ? 0 : s.half();
          lo = Math.min(lo, s.mean() - half);
          hi = Math.max(hi, s.mean() + half);
        }
      }
    }
    double[] axis = Charts.nice(lo - 1, hi + 1);
    StringBuilder sb =
        header(
            "Difference to naive threshold, bps a year, mean and 95% interval ("
                + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ", "
                + rs.size()
                + " paths)");
    axes(sb, axis[0], axis[1], axis[2]);
    int groups = horizons.length * 2;
    double gw = (W - LEFT - RIGHT) / (double) groups;
    for (int g = 0; g < groups; g++) {
      double x0 = LEFT + gw * g;
      sb.append(
          Report.f(
              "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d y,"
                  + " %s</text>%n",
              x0 + gw / 2,
              H - BOTTOM + 16,
              horizons[g / 2],
              g % 2 == 0 ? "liquidated" : "step-up"));
      for (int i = 0; i < ps.size(); i++) {
        Stats s = st[i][g / 2][g % 2];
        double x = x0 + gw * (i + 1) / (ps.size() + 1);
        double half = Double.isNaN(s.half()) ? 0 : s.half();
        sb.append(
            Report.f(
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\"/>%n",
                x, yOf(s.mean() - half, axis), x, yOf(s.mean() + half, axis), COLORS[i]));
        sb.append(
            Report.f(
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                x, yOf(s.mean(), axis), COLORS[i]));
      }
    }
    for (int i = 0; i < ps.size(); i++) {
      legend(sb, i, COLORS[i], ps.get(i).label());
    }
    return sb.append("</svg>\n").toString();
  }

  /**
   * Stacked components of each policy's difference, first horizon after liquidation and step-up.
   */
  static String decomposition(Study.Config c, List<Study.PathResult> rs, MarketModel.Kind kind) {
    int[] horizons = c.assumptions().horizonYears();
    int hIndex = horizons.length > 1 ? 1 : 0;
    List<Policy> ps = new ArrayList<>();
    for (Policy p : Policy.values()) {
      if (p != Policy.BASELINE) {
        ps.add(p);
      }
    }
    int nc = Component.values().length;
    double[][] m = new double[ps.size()][nc];
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < ps.size(); i++) {
      double pos = 0;
      double neg = 0;
      for (int k = 0; k < nc; k++) {
        for (Study.PathResult r : rs) {
          m[i][k] +=
              r.components()[ps.get(i).ordinal()][hIndex][Attribution.AFTER_LIQUIDATION][k]
                  / rs.size();
        }
        if (m[i][k] > 0) {
          pos += m[i][k];
        } else {
          neg += m[i][k];
        }
      }
      lo = Math.min(lo, neg);
      hi = Math.max(hi, pos);
    }
    double[] axis = Charts.nice(lo - 1, hi + 1);
    StringBuilder sb =
        header(
            "Where the difference comes from, bps a year, "
                + horizons[hIndex]
                + " years, after liquidation ("
                + kind.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
    axes(sb, axis[0], axis[1], axis[2]);
    double gw = (W - LEFT - RIGHT) / (double) ps.size();
    for (int i = 0; i < ps.size(); i++) {
      double x = LEFT + gw * i + gw * 0.2;
      double pos = 0;
      double neg = 0;
      for (int k = 0; k < nc; k++) {
        double v = m[i][k];
        double from = v >= 0 ? pos : neg;
        double to = from + v;
        if (v >= 0) {
          pos = to;
        } else {
          neg = to;
        }
        double y1 = yOf(Math.max(from, to), axis);
        double y2 = yOf(Math.min(from, to), axis);
        sb.append(
            Report.f(
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" " + "fill=\"%s\"/>%n",
                x, y1, gw * 0.6, Math.max(0, y2 - y1), COLORS[k]));
      }
      sb.append(
          Report.f(
              "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s" + "</text>%n",
              x + gw * 0.3, H - BOTTOM + 14 + 10 * (i % 2), escape(ps.get(i).shortName())));
    }
    for (int k = 0; k < nc; k++) {
      legend(sb, k, COLORS[k], Component.values()[k].label);
    }
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
            "<text x=\"%d\" y=\"22\" font-size=\"13\" font-weight=\"bold\">%s</text>%n",
            10, escape(title)));
    return sb;
  }

  private static void axes(StringBuilder sb, double lo, double hi, double step) {
    sb.append(
        Report.f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, TOP, LEFT, H - BOTTOM));
    int ticks = (int) Math.round((hi - lo) / step);
    double[] axis = {lo, hi};
    for (int i = 0; i <= ticks; i++) {
      double v = lo + step * i;
      double y = yOf(v, axis);
      sb.append(
          Report.f(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
              LEFT, y, W - RIGHT, y, Math.abs(v) < step / 1e6 ? "black" : "#dddddd"));
      sb.append(
          Report.f(
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.0f" + "</text>%n",
              LEFT - 4, y + 3, Math.abs(v) < step / 1e6 ? 0.0 : v));
    }
  }

  private static void legend(StringBuilder sb, int i, String color, String label) {
    int y = TOP + 10 + 18 * i;
    sb.append(
        Report.f(
            "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\"/>%n",
            W - RIGHT + 10, y - 5, color));
    sb.append(
        Report.f(
            "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
            W - RIGHT + 30, y + 4, escape(label)));
  }

  private static double yOf(double v, double[] axis) {
    return H - BOTTOM - (H - TOP - BOTTOM) * (v - axis[0]) / (axis[1] - axis[0]);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
