package dev.rebal.tax;

import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Holding-period arithmetic: whether a sale on a date is short or long term, the first long-term
 * date, and the days until a lot turns long term.
 *
 * <p>Rule (IRS Pub. 550, "Holding Period"): the holding period starts the day after acquisition and
 * includes the day of sale; more than one year is long term. So a lot bought 2021-06-10 and sold
 * 2022-06-10 is short term and sold 2022-06-11 long term. Years are counted in calendar months: a
 * lot acquired on the last day of a month completes a year on the last day of the same month a year
 * later (J.K. Lasser's <i>Your Income Tax</i>, 5.9, "Counting the Months in Your Holding Period"),
 * so a purchase on 2024-02-29 completes its year on 2025-02-28 and one on 2023-02-28 on 2024-02-29.
 * A lot's holding period starts at {@link TaxLot#holdingPeriodStart()}, which is the acquired date
 * unless a wash sale tacked an earlier holding period onto it. This class is stateless and
 * thread-safe.
 *
 * @since 0.1
 */
public final class HoldingPeriod {
  private HoldingPeriod() {}

  /**
   * {@return the last day on which a sale is still short term for a holding period that starts at
   * {@code start}: one calendar year after it}
   *
   * @param start the acquired date (or the tacked holding-period start)
   */
  public static LocalDate lastShortTermDay(LocalDate start) {
    Checks.notNull(start, "start");
    boolean lastOfMonth = start.getDayOfMonth() == start.lengthOfMonth();
    LocalDate anniversary = start.plusYears(1);
    return lastOfMonth ? anniversary.withDayOfMonth(anniversary.lengthOfMonth()) : anniversary;
  }

  /**
   * {@return the first day on which a sale is long term: the day after {@link #lastShortTermDay}}
   *
   * @param start the acquired date (or the tacked holding-period start)
   */
  public static LocalDate firstLongTermDay(LocalDate start) {
    return lastShortTermDay(start).plusDays(1);
  }

  /**
   * {@return the term of a sale on {@code saleDate} of a holding period that starts at {@code
   * start}}
   *
   * @param start the acquired date (or the tacked holding-period start)
   * @param saleDate the trade date of the sale
   */
  public static Term termOf(LocalDate start, LocalDate saleDate) {
    Checks.notNull(saleDate, "saleDate");
    return saleDate.isAfter(lastShortTermDay(start)) ? Term.LONG : Term.SHORT;
  }

  /**
   * {@return the term of a sale of {@code lot} on {@code saleDate}, from its holding-period start}
   *
   * @param lot the lot sold
   * @param saleDate the trade date of the sale
   */
  public static Term termOf(TaxLot lot, LocalDate saleDate) {
    return termOf(Checks.notNull(lot, "lot").holdingPeriodStart(), saleDate);
  }

  /**
   * {@return how many days after {@code asOf} a sale of {@code lot} first becomes long term; zero
   * if a sale on {@code asOf} already is} Callers use it to defer a sale that turns long term soon.
   *
   * @param lot the lot
   * @param asOf the as-of date
   */
  public static long daysUntilLongTerm(TaxLot lot, LocalDate asOf) {
    Checks.notNull(lot, "lot");
    Checks.notNull(asOf, "asOf");
    long days = ChronoUnit.DAYS.between(asOf, firstLongTermDay(lot.holdingPeriodStart()));
    return Math.max(0, days);
  }
}
