package dev.rebal.sample;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;

/**
 * The settings of a {@link BookGenerator}: the seed, the as-of date, and the share of households
 * made out of balance or faulty on purpose.
 *
 * <p>Shares are whole percentages (0 to 100) of households, each decided per household from the
 * seed, so the realised share is close to, not exactly, the setting. Out-of-balance households have
 * at least one asset class outside its band; faulty households carry one deliberate data error (so
 * the validator puts them on hold). This record is immutable and thread-safe.
 *
 * <p><b>Starting books.</b> By default lots are bought on random dates over ten years and a large
 * share of the book is in single stocks, whose ten-year random walks leave many of them far below
 * cost: a book made to exercise loss harvesting. With {@link #realisticStart()} the book looks like
 * a firm's book on an ordinary night instead: holdings are mostly funds (single stocks only for a
 * few households and the employer stock), and each position was built by regular purchases of about
 * equal dollar amounts over the years the household has been invested (three to ten), each lot
 * costed at the price of the generated market path on its date, so most lots carry gains and losses
 * are few and recent.
 *
 * @param seed the seed every random choice derives from
 * @param asOf the as-of date: prices are as of it, lots and transactions are before it
 * @param outOfBalancePercent the percentage of households generated out of balance
 * @param faultPercent the percentage of households generated with a data error
 * @param realisticStart whether to build the realistic starting book described above (default off)
 */
public record BookConfig(
    long seed, LocalDate asOf, int outOfBalancePercent, int faultPercent, boolean realisticStart) {
  /** The as-of date used by {@link #of(long)}: 30 June 2026. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);

  /** Checks the date and that both shares are percentages. */
  public BookConfig {
    Checks.notNull(asOf, "asOf");
    Checks.isTrue(
        outOfBalancePercent >= 0 && outOfBalancePercent <= 100,
        "outOfBalancePercent",
        outOfBalancePercent,
        "must be between 0 and 100");
    Checks.isTrue(
        faultPercent >= 0 && faultPercent <= 100,
        "faultPercent",
        faultPercent,
        "must be between 0 and 100");
  }

  /**
   * Returns settings without the realistic start: the book as generated before that option existed.
   *
   * @param seed the seed every random choice derives from
   * @param asOf the as-of date
   * @param outOfBalancePercent the percentage of households generated out of balance
   * @param faultPercent the percentage of households generated with a data error
   */
  public BookConfig(long seed, LocalDate asOf, int outOfBalancePercent, int faultPercent) {
    this(seed, asOf, outOfBalancePercent, faultPercent, false);
  }

  /**
   * Returns the default settings for {@code seed}: as of 2026-06-30, 10% out of balance, 3% faulty.
   */
  public static BookConfig of(long seed) {
    return new BookConfig(seed, DEFAULT_AS_OF, 10, 3);
  }

  /** Returns a copy with the given as-of date. */
  public BookConfig withAsOf(LocalDate asOf) {
    return new BookConfig(seed, asOf, outOfBalancePercent, faultPercent, realisticStart);
  }

  /** Returns a copy with the given out-of-balance percentage. */
  public BookConfig withOutOfBalancePercent(int percent) {
    return new BookConfig(seed, asOf, percent, faultPercent, realisticStart);
  }

  /** Returns a copy with the given fault percentage. */
  public BookConfig withFaultPercent(int percent) {
    return new BookConfig(seed, asOf, outOfBalancePercent, percent, realisticStart);
  }

  /**
   * Returns a copy with the realistic start on or off (see the class doc).
   *
   * @param realistic whether to build the realistic starting book
   */
  public BookConfig withRealisticStart(boolean realistic) {
    return new BookConfig(seed, asOf, outOfBalancePercent, faultPercent, realistic);
  }
}
