package dev.rebal.examples;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Inline SVG charts for the HTML report: horizontal bar charts, one group of bars per label and one
 * bar per series, with the value written after each bar. Doubles are used for drawing only; the
 * figures in the report's tables are exact.
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
  static String bars(String title, List<String> labels, List<String> series, List<String> colors,
      double[][] values, DoubleFunction<String> format) {
    return bars(title, labels, series, colors, List.of(), values, format);
  }

  /**
   * Returns a bar chart of one series whose bars each have their own colour.
   *
   * @param labelColors one CSS colour per label
   */
  static String coloredBars(String title, List<String> labels, List<String> labelColors,
      double[][] values, DoubleFunction<String> format) {
    return bars(title, labels, List.of(title), List.of(labelColors.get(0)), labelColors, values,
        format);
  }

  private static String bars(String title, List<String> labels, List<String> series,
      List<String> colors, List<String> labelColors, double[][] values,
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
    sb.append(String.format(Locale.ROOT,
        "<svg class=\"chart\" width=\"%d\" height=\"%d\" "
            + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>\n",
        WIDTH, height, WIDTH, height, Html.escape(title), Html.escape(title)));
    if (legend > 0) {
      int x = LABEL;
      for (int s = 0; s < series.size(); s++) {
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                + "<text x=\"%d\" y=\"16\" class=\"legend\">%s</text>\n",
            x, colors.get(s), x + 16, Html.escape(series.get(s))));
        x += 30 + 7 * series.get(s).length();
      }
    }
    for (int g = 0; g < labels.size(); g++) {
      int y0 = legend + g * group + GAP / 2;
      sb.append(String.format(Locale.ROOT,
          "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>\n", LABEL - 8,
          y0 + series.size() * BAR / 2 + 4, Html.escape(labels.get(g))));
      for (int s = 0; s < series.size(); s++) {
        double v = values[g][s];
        double w = Math.max(v > 0 ? 1 : 0, v * scale);
        int y = y0 + s * BAR;
        sb.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                + "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s</text>\n",
            LABEL, y + 1, w, BAR - 2, labelColors.isEmpty() ? colors.get(s) : labelColors.get(g),
            LABEL + w + 6, y + BAR - 4,
            Html.escape(format.apply(v))));
      }
    }
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", LABEL, legend,
        LABEL, height));
    sb.append("</svg>\n");
    return sb.toString();
  }
}
