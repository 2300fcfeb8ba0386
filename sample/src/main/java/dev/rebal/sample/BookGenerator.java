package dev.rebal.sample;

import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic generator of synthetic books: one {@link MarketData} and any number of
 * households.
 *
 * <p>The market data has about a hundred securities in eight asset classes ({@code US_LARGE_CAP},
 * {@code US_SMALL_CAP}, {@code INTL_DEVELOPED}, {@code EMERGING_MARKETS}, {@code REAL_ESTATE},
 * {@code US_BONDS}, {@code MUNI_BONDS}, {@code CASH}); each class has at least three funds in
 * distinct wash-sale groups plus a fund that shares its group with another (an ETF and its
 * mutual-fund twin), single stocks, bonds and munis, four employer stocks with trading volumes, and
 * prices from ten years of seeded monthly random walks.
 *
 * <p>Household {@code i} depends only on the seed and {@code i}: each is generated from its own
 * {@link SplittableRandom} seeded by mixing the two, so households can be generated in any order,
 * in parallel, or streamed one at a time (100,000 never need to be in memory together). A household
 * has 1 to 6 accounts of mixed registrations (a 401(k) often held away), 5 to 80 securities in lots
 * bought over ten years, goals with glide paths, and, for a share of households, restrictions
 * (employer stock exclusion and concentration cap, do-not-sell until a cliff date, blackouts, Rule
 * 144 volume limits), liquidity events and buys and sells in the last 61 days. Holdings match the
 * household's target within its bands, except for the configured share put out of balance; every
 * household is consistent (validates without errors) except for the configured share given one
 * deliberate data error.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * BookGenerator generator = BookGenerator.of(BookConfig.of(42));
 * MarketData market = generator.marketData();
 * generator.households(200).forEach(h -> ...);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class BookGenerator {
  private final BookConfig config;
  private final SecurityUniverse universe;
  private final Profiles profiles;

  private BookGenerator(BookConfig config) {
    this.config = config;
    this.universe = new SecurityUniverse(config.seed(), config.asOf(), config.realisticStart());
    this.profiles = new Profiles(universe);
  }

  /** Returns a generator for {@code config}; the market data is built once, here. */
  public static BookGenerator of(BookConfig config) {
    return new BookGenerator(Checks.notNull(config, "config"));
  }

  /** Returns the settings. */
  public BookConfig config() {
    return config;
  }

  /** Returns the book's as-of date. */
  public LocalDate asOf() {
    return config.asOf();
  }

  /** Returns the market data every household of the book is valued against. */
  public MarketData marketData() {
    return universe.marketData();
  }

  /**
   * Returns household {@code index}, which depends only on the seed, the as-of date and the index.
   *
   * @param index the household's index, not negative; its id is {@code HH-} and the index in six or
   *     more digits
   */
  public Household household(long index) {
    Checks.isTrue(index >= 0, "index", index, "must not be negative");
    return new HouseholdFactory(config, universe, profiles, index).build();
  }

  /** Returns whether household {@code index} is generated with a deliberate data error. */
  public boolean isFaulty(long index) {
    return HouseholdFactory.isFaulty(config, index);
  }

  /** Returns whether household {@code index} is generated deliberately out of balance. */
  public boolean isOutOfBalance(long index) {
    return HouseholdFactory.isOutOfBalance(config, index);
  }

  /**
   * Returns households {@code 0} to {@code count - 1} in order, generated lazily; call {@code
   * parallel()} on the stream to generate them on several threads (order is kept by {@code
   * forEachOrdered}).
   */
  public Stream<Household> households(long count) {
    Checks.isTrue(count >= 0, "count", count, "must not be negative");
    return LongStream.range(0, count).mapToObj(this::household);
  }

  /** SplitMix64 finalizer over seed, index and stream number: independent seeds per household. */
  static long mix(long seed, long index, long stream) {
    long z = seed ^ (0x9E3779B97F4A7C15L * (index + 1)) ^ (0xD1B54A32D192ED03L * (stream + 1));
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
