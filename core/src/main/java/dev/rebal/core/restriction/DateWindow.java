package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A restriction's effective window: from a date to a date, both inclusive, either end open.
 *
 * <p>{@link #always()} has no ends. A window whose end is before its start can be built, so that
 * bad input can be read and reported by the validator; {@link #isValid()} tells. This class is a
 * value type, immutable and thread-safe.
 */
public final class DateWindow {
  private static final DateWindow ALWAYS = new DateWindow(null, null);

  private final LocalDate fromInclusive;
  private final LocalDate untilInclusive;

  private DateWindow(LocalDate fromInclusive, LocalDate untilInclusive) {
    this.fromInclusive = fromInclusive;
    this.untilInclusive = untilInclusive;
  }

  /** {@return the window with no ends: always in effect} */
  public static DateWindow always() {
    return ALWAYS;
  }

  /**
   * {@return the window from {@code fromInclusive} on, with no end}
   *
   * @param fromInclusive the first day
   */
  public static DateWindow from(LocalDate fromInclusive) {
    return new DateWindow(Checks.notNull(fromInclusive, "fromInclusive"), null);
  }

  /**
   * {@return the window up to and including {@code untilInclusive}, with no start}
   *
   * @param untilInclusive the last day
   */
  public static DateWindow until(LocalDate untilInclusive) {
    return new DateWindow(null, Checks.notNull(untilInclusive, "untilInclusive"));
  }

  /**
   * {@return the window from {@code fromInclusive} to {@code untilInclusive}, both included}
   *
   * @param fromInclusive the first day
   * @param untilInclusive the last day
   */
  public static DateWindow between(LocalDate fromInclusive, LocalDate untilInclusive) {
    return new DateWindow(
        Checks.notNull(fromInclusive, "fromInclusive"),
        Checks.notNull(untilInclusive, "untilInclusive"));
  }

  /**
   * {@return the window with the given optional ends}
   *
   * @param fromInclusive the first day, if any
   * @param untilInclusive the last day, if any
   */
  public static DateWindow of(
      Optional<LocalDate> fromInclusive, Optional<LocalDate> untilInclusive) {
    Checks.notNull(fromInclusive, "fromInclusive");
    Checks.notNull(untilInclusive, "untilInclusive");
    if (fromInclusive.isEmpty() && untilInclusive.isEmpty()) {
      return ALWAYS;
    }
    return new DateWindow(fromInclusive.orElse(null), untilInclusive.orElse(null));
  }

  /** {@return the first day in effect, if bounded} */
  public Optional<LocalDate> fromInclusive() {
    return Optional.ofNullable(fromInclusive);
  }

  /** {@return the last day in effect, if bounded} */
  public Optional<LocalDate> untilInclusive() {
    return Optional.ofNullable(untilInclusive);
  }

  /**
   * {@return whether {@code date} lies in the window, ends included}
   *
   * @param date the date
   */
  public boolean contains(LocalDate date) {
    Checks.notNull(date, "date");
    return (fromInclusive == null || !date.isBefore(fromInclusive))
        && (untilInclusive == null || !date.isAfter(untilInclusive));
  }

  /** {@return whether the window's end is not before its start} */
  public boolean isValid() {
    return fromInclusive == null
        || untilInclusive == null
        || !untilInclusive.isBefore(fromInclusive);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DateWindow
        && Objects.equals(((DateWindow) o).fromInclusive, fromInclusive)
        && Objects.equals(((DateWindow) o).untilInclusive, untilInclusive);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fromInclusive, untilInclusive);
  }

  /** Returns e.g. {@code [2026-01-01..2026-03-31]}, with {@code *} for an open end. */
  @Override
  public String toString() {
    return "["
        + (fromInclusive == null ? "*" : fromInclusive)
        + ".."
        + (untilInclusive == null ? "*" : untilInclusive)
        + "]";
  }
}
