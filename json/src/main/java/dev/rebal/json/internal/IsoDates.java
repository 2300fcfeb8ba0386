package dev.rebal.json.internal;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses ISO dates as {@link LocalDate#parse(CharSequence)} does, with a fast path for the form a
 * book writes ({@code yyyy-mm-dd}, ten characters): a book holds a date per lot and per
 * transaction, and the formatter's general parser cost more than the rest of the lot.
 */
final class IsoDates {
  private IsoDates() {}

  /**
   * Returns the date {@code s} names.
   *
   * @throws DateTimeException if {@code s} is not an ISO date or names no day of the calendar
   */
  static LocalDate parse(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int year = digits(s, 0, 4);
      int month = digits(s, 5, 7);
      int day = digits(s, 8, 10);
      if (year >= 0 && month >= 0 && day >= 0) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(s);
  }

  /** Returns the number the ASCII digits {@code s[from, to)} spell, or -1 if one is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
