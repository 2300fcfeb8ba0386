package dev.rebal.examples;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Inline SVG charts for the HTML report: horizontal bar charts, one group of bars per label and one
 * bar per series, with the value written after each bar, and fan charts of goal outlooks. Doubles
 * are used for drawing only; the figures in the report's tables are exact.
 */
final class Svg {
  private static final int WIDTH = 680;
  private static final int LABEL = 170;
  private static final int VALUE = 110;
  private static final int BAR = 16;
  private static final int GAP = 10;

  private Svg() {}

  /**
   * Returns a horizontal bar chart.
   *
   * @param title the chart's accessible title
   * @param labels one per group
   * @param series the series' names (shown in a legend when there is more than one)
   * @param colors one CSS colour per series
   * @param values values[group][series], zero or positive
   * @param format how a value is written next to its bar
   */
  static String bars(
      String title,
      List<String> labels,
      List<String> series,
      List<String> colors,
      double[][] values,
      DoubleFunction<String> format) {
    return bars(title, labels, series, colors, List.of(), values, format);
  }

  /**
   * Returns a bar chart of one series whose bars each have their own colour.
   *
   * @param labelColors one CSS colour per label
   */
  static String coloredBars(
      String title,
      List<String> labels,
      List<String> labelColors,
      double[][] values,
      DoubleFunction<String> format) {
    return bars(
        title, labels, List.of(title), List.of(labelColors.get(0)), labelColors, values, format);
  }

  private static String bars(
      String title,
      List<String> labels,
      List<String> series,
      List<String> colors,
      List<String> labelColors,
      double[][] values,
      DoubleFunction<String> format) {
    double max = 0;
    for (double[] row : values) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    int legend = series.size() > 1 ? 26 : 0;
    int group = series.size() * BAR + GAP;
    int height = legend + labels.size() * group + GAP;
    double scale = max <= 0 ? 0 : (WIDTH - LABEL - VALUE) / max;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
            WIDTH,
            height,
            WIDTH,
            height,
            Html.escape(title),
            Html.escape(title)));
    if (legend > 0) {
      int x = LABEL;
      for (int s = 0; s < series.size(); s++) {
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"16\" class=\"legend\">%s</text>\n",
                x,
                colors.get(s),
                x + 16,
                Html.escape(series.get(s))));
        x += 30 + 7 * series.get(s).length();
      }
    }
    for (int g = 0; g < labels.size(); g++) {
      int y0 = legend + g * group + GAP / 2;
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>\n",
              LABEL - 8,
              y0 + series.size() * BAR / 2 + 4,
              Html.escape(labels.get(g))));
      for (int s = 0; s < series.size(); s++) {
        double v = values[g][s];
        double w = Math.max(v > 0 ? 1 : 0, v * scale);
        int y = y0 + s * BAR;
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>\n",
                LABEL,
                y + 1,
                w,
                BAR - 2,
                labelColors.isEmpty() ? colors.get(s) : labelColors.get(g),
                LABEL + w + 6,
                y + BAR - 4,
                Html.escape(format.apply(v))));
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n",
            LABEL,
            legend,
            LABEL,
            height));
    sb.append("</svg>\n");
    return sb.toString();
  }

  /**
   * Returns a fan chart of one or more goals, one panel each, on a shared time axis: the 10th to
   * 90th and 25th to 75th percentile bands of the goal's simulated value, its median line, and the
   * target amount as a dashed line to a dot at the target date.
   *
   * @param title the chart's accessible title
   * @param labels one per goal (e.g. its id and probability)
   * @param points per goal, rows of {years from today, p10, p25, median, p75, p90}, in time order
   * @param targetYears per goal, years from today to its date
   * @param targetAmounts per goal, its target amount
   */
  static String fan(
      String title,
      List<String> labels,
      List<double[][]> points,
      double[] targetYears,
      double[] targetAmounts) {
    int panel = 84;
    int left = LABEL;
    int right = 20;
    int height = labels.size() * panel + 22;
    double maxT = 0;
    for (double t : targetYears) {
      maxT = Math.max(maxT, t);
    }
    maxT = Math.max(maxT, 1e-9);
    double tx = (WIDTH - left - right) / maxT;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
            WIDTH,
            height,
            WIDTH,
            height,
            Html.escape(title),
            Html.escape(title)));
    for (int g = 0; g < labels.size(); g++) {
      double[][] rows = points.get(g);
      double max = targetAmounts[g];
      for (double[] r : rows) {
        max = Math.max(max, r[5]);
      }
      max = Math.max(max, 1e-9);
      int top = g * panel + 8;
      int bottom = top + panel - 16;
      double ys = (bottom - top) / max;
      final int fBottom = bottom;
      DoubleFunction<String> x = t -> String.format(Locale.ROOT, "%.1f", left + t * tx);
      DoubleFunction<String> y = v -> String.format(Locale.ROOT, "%.1f", fBottom - v * ys);
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\" font-size=\"12\">%s</text>",
              top + 14,
              Html.escape(labels.get(g))));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\" font-size=\"11\" " + "fill=\"#666\">to %s</text>",
              top + 30,
              Html.dollars(java.math.BigDecimal.valueOf(Math.round(max)))));
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" " + "stroke=\"#bbb\"/>",
              left,
              bottom,
              WIDTH - right,
              bottom));
      sb.append(band(rows, 1, 5, x, y, "#cfe0f5"));
      sb.append(band(rows, 2, 4, x, y, "#8fb5e3"));
      StringBuilder median = new StringBuilder();
      for (double[] r : rows) {
        median
            .append(median.length() == 0 ? "" : " ")
            .append(x.apply(r[0]))
            .append(',')
            .append(y.apply(r[3]));
      }
      sb.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" points=\"")
          .append(median)
          .append("\"/>");
      sb.append("<line x1=\"")
          .append(left)
          .append("\" y1=\"")
          .append(y.apply(targetAmounts[g]))
          .append("\" x2=\"")
          .append(x.apply(targetYears[g]))
          .append("\" y2=\"")
          .append(y.apply(targetAmounts[g]))
          .append("\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>");
      sb.append("<circle cx=\"")
          .append(x.apply(targetYears[g]))
          .append("\" cy=\"")
          .append(y.apply(targetAmounts[g]))
          .append("\" r=\"3.5\" fill=\"#c0392b\"/>\n");
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" "
                + "fill=\"#666\">today</text><text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#666\" "
                + "text-anchor=\"end\">%.0f years</text>",
            left,
            height - 4,
            WIDTH - right,
            height - 4,
            maxT));
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String band(
      double[][] rows,
      int low,
      int high,
      DoubleFunction<String> x,
      DoubleFunction<String> y,
      String color) {
    StringBuilder pts = new StringBuilder();
    for (double[] r : rows) {
      pts.append(pts.length() == 0 ? "" : " ")
          .append(x.apply(r[0]))
          .append(',')
          .append(y.apply(r[high]));
    }
    for (int i = rows.length - 1; i >= 0; i--) {
      pts.append(' ').append(x.apply(rows[i][0])).append(',').append(y.apply(rows[i][low]));
    }
    return "<polygon fill=\"" + color + "\" stroke=\"none\" points=\"" + pts + "\"/>";
  }
}
