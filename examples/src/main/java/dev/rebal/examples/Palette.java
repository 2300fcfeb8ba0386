package dev.rebal.examples;

import java.util.List;
import java.util.Locale;

/**
 * The colours of the HTML report and every pair of text and background colours it uses, so that
 * each pair can be checked against WCAG 2.x AA: a contrast ratio of at least 4.5:1 for text (the
 * report's tags and small text are all under 18pt). The ratio is {@code (L1 + 0.05) / (L2 + 0.05)}
 * of the lighter and darker colours' relative luminance {@code L = 0.2126 R + 0.7152 G + 0.0722 B},
 * each channel linearized from sRGB (WCAG 2.2, "contrast ratio" and "relative luminance").
 */
final class Palette {
  static final String TEXT = "#212121";
  static final String PAGE = "#fafafa";
  static final String PANEL = "#ffffff";
  static final String HEADER = "#263238";
  static final String HEADER_TEXT = "#ffffff";
  static final String HEADER_MUTED = "#cfd8dc";
  static final String NAV = "#eceff1";
  static final String LINK = "#1565c0";
  static final String MUTED = "#616161";
  static final String CHART_TEXT = "#424242";
  static final String TABLE_HEAD = "#f5f5f5";
  static final String CODE_BACKGROUND = "#f5f5f5";
  static final String TAG_TEXT = "#ffffff";
  static final String AUTO = "#2e7d32";

  /**
   * The review colour: a darker orange than the earlier #ef6c00, which white text fell to 3.08:1
   * on.
   */
  static final String REVIEW = "#b45309";

  static final String ON_HOLD = "#c62828";
  static final String INELIGIBLE = "#8d6e63";
  static final String NO_TRIGGER = "#546e7a";
  static final String FAILED = "#6a1b9a";

  /** The bars of "before" in the charts (not text). */
  static final String BEFORE = "#90a4ae";

  static final String BETTER = "#2e7d32";
  static final String WORSE = "#c62828";

  /** The report's outcome tags, each drawn as white text on its colour. */
  static final List<String> TAGS = List.of(AUTO, REVIEW, ON_HOLD, INELIGIBLE, NO_TRIGGER, FAILED);

  /** One text colour on one background, as the report uses it. */
  record Pair(String use, String text, String background) {
    double ratio() {
      return contrast(text, background);
    }
  }

  /** Every text and background pair of the report. */
  static final List<Pair> PAIRS =
      List.of(
          new Pair("body text", TEXT, PAGE),
          new Pair("text in a section", TEXT, PANEL),
          new Pair("header title", HEADER_TEXT, HEADER),
          new Pair("header metadata", HEADER_MUTED, HEADER),
          new Pair("navigation link", LINK, NAV),
          new Pair("link in a section", LINK, PANEL),
          new Pair("muted note and card label", MUTED, PANEL),
          new Pair("chart label", CHART_TEXT, PANEL),
          new Pair("table heading", TEXT, TABLE_HEAD),
          new Pair("code", TEXT, CODE_BACKGROUND),
          new Pair("improvement", BETTER, PANEL),
          new Pair("deterioration", WORSE, PANEL),
          new Pair("tag auto", TAG_TEXT, AUTO),
          new Pair("tag review", TAG_TEXT, REVIEW),
          new Pair("tag on hold", TAG_TEXT, ON_HOLD),
          new Pair("tag ineligible", TAG_TEXT, INELIGIBLE),
          new Pair("tag no trigger", TAG_TEXT, NO_TRIGGER),
          new Pair("tag failed", TAG_TEXT, FAILED));

  private Palette() {}

  /** Returns the tag colour of a decision outcome. */
  static String tag(String outcome) {
    return switch (outcome) {
      case "AUTO" -> AUTO;
      case "REVIEW" -> REVIEW;
      case "ON_HOLD" -> ON_HOLD;
      case "INELIGIBLE" -> INELIGIBLE;
      case "NO_TRIGGER" -> NO_TRIGGER;
      default -> FAILED;
    };
  }

  /** Returns the WCAG contrast ratio of two colours given as {@code #rrggbb}, from 1 to 21. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /** Returns the WCAG relative luminance of {@code #rrggbb}. */
  static double luminance(String color) {
    if (!color.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("color: expected #rrggbb, was " + color);
    }
    int rgb = Integer.parseInt(color.substring(1), 16);
    return 0.2126 * channel((rgb >> 16) & 0xff)
        + 0.7152 * channel((rgb >> 8) & 0xff)
        + 0.0722 * channel(rgb & 0xff);
  }

  private static double channel(int value) {
    double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** Returns the ratio as the report's test messages give it, e.g. {@code 4.62:1}. */
  static String format(double ratio) {
    return String.format(Locale.ROOT, "%.2f:1", ratio);
  }
}
