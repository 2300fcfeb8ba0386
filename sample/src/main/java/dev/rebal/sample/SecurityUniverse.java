package dev.rebal.sample;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.security.TaxCharacter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated security master with ten years of monthly prices.
 *
 * <p>Each security's price follows a seeded random walk of monthly returns in basis points, with a
 * drift and volatility by kind (single stocks swing most, money-market funds stay at 1.00). Returns
 * are the sum of three uniform draws, a cheap bell shape; the arithmetic is decimal throughout, so
 * the walk is the same on every JVM. Lots are costed at the price of the month they were bought in,
 * which gives realistic mixes of gains and losses.
 *
 * <p>With class factors (the realistic start of {@link BookConfig#realisticStart()}) the funds,
 * bonds and stocks of a class share one monthly class return and add only their own noise (50 bp a
 * month for funds, 60 for bonds, 600 for single stocks), as real funds tracking the same market do;
 * without, every security walks on its own, so two funds of one class can end ten years far apart.
 * The realistic start also marks bond and money-market funds' income ordinary and muni funds'
 * tax-exempt (without it they keep the default, qualified).
 */
final class SecurityUniverse {
  static final AssetClass US_LARGE_CAP = AssetClass.of("US_LARGE_CAP");
  static final AssetClass US_SMALL_CAP = AssetClass.of("US_SMALL_CAP");
  static final AssetClass INTL_DEVELOPED = AssetClass.of("INTL_DEVELOPED");
  static final AssetClass EMERGING_MARKETS = AssetClass.of("EMERGING_MARKETS");
  static final AssetClass REAL_ESTATE = AssetClass.of("REAL_ESTATE");
  static final AssetClass US_BONDS = AssetClass.of("US_BONDS");
  static final AssetClass MUNI_BONDS = AssetClass.of("MUNI_BONDS");
  static final AssetClass CASH = AssetClass.of("CASH");
  static final int MONTHS = 120;
  static final int EMPLOYERS = 4;

  /** The days before the as-of date that {@link #daysBefore} covers: 0 to this, inclusive. */
  static final int DAY_TABLE = 3_650;

  private final LocalDate asOf;
  private final LocalDate start;
  private final List<Security> securities = new ArrayList<>();
  private final Map<SecurityId, Integer> index = new LinkedHashMap<>();
  private final List<BigDecimal[]> paths = new ArrayList<>();
  private final long[][] centPaths;
  private final LocalDate[] daysBefore = new LocalDate[DAY_TABLE + 1];
  private final int[] monthOfDaysBefore = new int[DAY_TABLE + 1];
  private final Map<AssetClass, ImmutableList<Security>> byClass = new LinkedHashMap<>();
  private final Map<AssetClass, ImmutableList<Security>> byClassButEmployers =
      new LinkedHashMap<>();
  private final MarketData marketData;

  /** Monthly class returns in bp by class, or null when every security walks on its own. */
  private final Map<AssetClass, long[]> classFactors;

  SecurityUniverse(long seed, LocalDate asOf) {
    this(seed, asOf, false);
  }

  SecurityUniverse(long seed, LocalDate asOf, boolean withClassFactors) {
    this.asOf = asOf;
    this.start = asOf.minusMonths(MONTHS);
    this.classFactors = withClassFactors ? classFactors(seed) : null;
    SplittableRandom rnd = new SplittableRandom(BookGenerator.mix(seed, -1L, 7L));
    fund(rnd, "LCF1", US_LARGE_CAP, SecurityKind.ETF, "SP500");
    fund(rnd, "LCF2", US_LARGE_CAP, SecurityKind.MUTUAL_FUND, "SP500");
    fund(rnd, "LCF3", US_LARGE_CAP, SecurityKind.ETF, "US_TOTAL");
    fund(rnd, "LCF4", US_LARGE_CAP, SecurityKind.ETF, "RUSSELL1000");
    fund(rnd, "SCF1", US_SMALL_CAP, SecurityKind.ETF, "RUSSELL2000");
    fund(rnd, "SCF2", US_SMALL_CAP, SecurityKind.MUTUAL_FUND, "RUSSELL2000");
    fund(rnd, "SCF3", US_SMALL_CAP, SecurityKind.ETF, "SP600");
    fund(rnd, "SCF4", US_SMALL_CAP, SecurityKind.ETF, "MSCI_US_SMALL");
    fund(rnd, "IDF1", INTL_DEVELOPED, SecurityKind.ETF, "MSCI_EAFE");
    fund(rnd, "IDF2", INTL_DEVELOPED, SecurityKind.MUTUAL_FUND, "MSCI_EAFE");
    fund(rnd, "IDF3", INTL_DEVELOPED, SecurityKind.ETF, "FTSE_DEVELOPED");
    fund(rnd, "IDF4", INTL_DEVELOPED, SecurityKind.ETF, "MSCI_WORLD_EX_US");
    fund(rnd, "EMF1", EMERGING_MARKETS, SecurityKind.ETF, "MSCI_EM");
    fund(rnd, "EMF2", EMERGING_MARKETS, SecurityKind.ETF, "FTSE_EM");
    fund(rnd, "EMF3", EMERGING_MARKETS, SecurityKind.MUTUAL_FUND, "MSCI_EM");
    fund(rnd, "EMF4", EMERGING_MARKETS, SecurityKind.ETF, "EM_VALUE");
    fund(rnd, "REF1", REAL_ESTATE, SecurityKind.ETF, "MSCI_US_REIT");
    fund(rnd, "REF2", REAL_ESTATE, SecurityKind.ETF, "DJ_US_REIT");
    fund(rnd, "REF3", REAL_ESTATE, SecurityKind.MUTUAL_FUND, "MSCI_US_REIT");
    fund(rnd, "REF4", REAL_ESTATE, SecurityKind.ETF, "GLOBAL_REIT");
    fund(rnd, "BDF1", US_BONDS, SecurityKind.ETF, "US_AGG");
    fund(rnd, "BDF2", US_BONDS, SecurityKind.MUTUAL_FUND, "US_AGG");
    fund(rnd, "BDF3", US_BONDS, SecurityKind.ETF, "US_TOTAL_BOND");
    fund(rnd, "BDF4", US_BONDS, SecurityKind.ETF, "US_CORP_IG");
    fund(rnd, "MUF1", MUNI_BONDS, SecurityKind.ETF, "MUNI_NATIONAL");
    fund(rnd, "MUF2", MUNI_BONDS, SecurityKind.MUTUAL_FUND, "MUNI_NATIONAL");
    fund(rnd, "MUF3", MUNI_BONDS, SecurityKind.ETF, "MUNI_SHORT");
    fund(rnd, "MUF4", MUNI_BONDS, SecurityKind.ETF, "MUNI_HIGH_YIELD");
    fund(rnd, "MMF1", CASH, SecurityKind.CASH_EQUIVALENT, "MMF1");
    fund(rnd, "MMF2", CASH, SecurityKind.CASH_EQUIVALENT, "MMF2");
    fund(rnd, "MMF3", CASH, SecurityKind.CASH_EQUIVALENT, "MMF3");
    for (int i = 1; i <= 30; i++) {
      single(rnd, String.format(Locale.ROOT, "STK%02d", i), US_LARGE_CAP, SecurityKind.EQUITY);
    }
    for (int i = 31; i <= 45; i++) {
      single(rnd, String.format(Locale.ROOT, "STK%02d", i), US_SMALL_CAP, SecurityKind.EQUITY);
    }
    for (int i = 1; i <= 10; i++) {
      single(rnd, String.format(Locale.ROOT, "ADR%02d", i), INTL_DEVELOPED, SecurityKind.EQUITY);
    }
    for (int i = 1; i <= 5; i++) {
      single(rnd, String.format(Locale.ROOT, "CORP%02d", i), US_BONDS, SecurityKind.BOND);
    }
    for (int i = 1; i <= 10; i++) {
      single(
          rnd, String.format(Locale.ROOT, "MUNI%02d", i), MUNI_BONDS, SecurityKind.MUNICIPAL_BOND);
    }
    for (int i = 1; i <= EMPLOYERS; i++) {
      single(rnd, employer(i), US_LARGE_CAP, SecurityKind.EQUITY);
    }
    this.marketData = buildMarketData(rnd);
    this.centPaths = new long[paths.size()][];
    for (int i = 0; i < centPaths.length; i++) {
      BigDecimal[] path = paths.get(i);
      centPaths[i] = new long[path.length];
      for (int m = 0; m < path.length; m++) {
        // every price of a walk is at scale 2 (cents), so the unscaled value is the price in cents
        if (path[m].scale() != 2) {
          throw new IllegalStateException(
              "price path " + i + " month " + m + " is not in cents: " + path[m]);
        }
        centPaths[i][m] = path[m].unscaledValue().longValueExact();
      }
    }
    for (int d = 0; d <= DAY_TABLE; d++) {
      daysBefore[d] = asOf.minusDays(d);
      monthOfDaysBefore[d] = month(daysBefore[d]);
    }
    Map<AssetClass, ImmutableList.Builder<Security>> classes = new LinkedHashMap<>();
    for (Security s : securities) {
      classes.computeIfAbsent(s.assetClass(), c -> ImmutableList.builder()).add(s);
    }
    classes.forEach((c, b) -> byClass.put(c, b.build()));
    byClass.forEach(
        (c, in) ->
            byClassButEmployers.put(
                c,
                ImmutableList.copyOf(
                    in.stream().filter(s -> !s.id().value().startsWith("EMP")).toList())));
  }

  static String employer(int i) {
    return "EMP" + i;
  }

  private void fund(
      SplittableRandom rnd, String id, AssetClass c, SecurityKind kind, String group) {
    Security.Builder b =
        Security.builder()
            .id(SecurityId.of(id))
            .symbol(id)
            .assetClass(c)
            .kind(kind)
            .washSaleGroup(group);
    if (c.equals(REAL_ESTATE)) {
      b.taxCharacter(TaxCharacter.ORDINARY);
    } else if (classFactors != null) {
      // the realistic start also says how bond, muni and money-market funds' income is taxed
      if (c.equals(US_BONDS) || c.equals(CASH)) {
        b.taxCharacter(TaxCharacter.ORDINARY);
      } else if (c.equals(MUNI_BONDS)) {
        b.taxCharacter(TaxCharacter.TAX_EXEMPT);
      }
    }
    add(rnd, b.build());
  }

  private void single(SplittableRandom rnd, String id, AssetClass c, SecurityKind kind) {
    add(rnd, Security.builder().id(SecurityId.of(id)).symbol(id).assetClass(c).kind(kind).build());
  }

  private void add(SplittableRandom rnd, Security s) {
    index.put(s.id(), securities.size());
    securities.add(s);
    paths.add(walk(rnd, s, classFactors == null ? null : classFactors.get(s.assetClass())));
  }

  /**
   * Draws ten years of monthly class returns in bp (drift and volatility per month): US large cap
   * 60/420, small cap 70/560, international 50/460, emerging 60/620, real estate 55/520, US bonds
   * 25/140, munis 20/120, cash 0/0. The five equity classes share one market draw (weight 0.85 of
   * their volatility, so they correlate at about 0.72) and the two bond classes another. Each year
   * of a class path is then tied, like a bridge, to end at its drift times 12 months (the year's
   * monthly returns are shifted by the same few bp): the ten years before the as-of date are
   * ordinary years, with their swings inside each year but no crash and no boom, whatever the seed,
   * so the as-of date is an ordinary night.
   */
  private static Map<AssetClass, long[]> classFactors(long seed) {
    SplittableRandom rnd = new SplittableRandom(BookGenerator.mix(seed, -1L, 8L));
    Object[][] spec = {
      {US_LARGE_CAP, 60, 420},
      {US_SMALL_CAP, 70, 560},
      {INTL_DEVELOPED, 50, 460},
      {EMERGING_MARKETS, 60, 620},
      {REAL_ESTATE, 55, 520},
      {US_BONDS, 25, 140},
      {MUNI_BONDS, 20, 120},
      {CASH, 0, 0}
    };
    long[] equity = new long[MONTHS + 1];
    long[] bonds = new long[MONTHS + 1];
    for (int m = 1; m <= MONTHS; m++) {
      equity[m] = bell(rnd);
      bonds[m] = bell(rnd);
    }
    Map<AssetClass, long[]> out = new LinkedHashMap<>();
    for (int c = 0; c < spec.length; c++) {
      long[] common = c < 5 ? equity : bonds;
      long[] bp = new long[MONTHS + 1];
      for (int m = 1; m <= MONTHS; m++) {
        // 0.85 common + 0.53 own: unit variance, as 0.85^2 + 0.53^2 = 1.00
        long z = (85 * common[m] + 53 * bell(rnd)) / 100;
        bp[m] = (int) spec[c][1] + (int) spec[c][2] * z / 1000L;
      }
      for (int year = 0; year < MONTHS / 12; year++) {
        long sum = 0;
        for (int m = 1; m <= 12; m++) {
          sum += bp[12 * year + m];
        }
        long excess = sum - 12L * (int) spec[c][1];
        for (int m = 1; m <= 12; m++) {
          // spread -excess over the year's months exactly: month m takes its running share
          bp[12 * year + m] -= excess * m / 12 - excess * (m - 1) / 12;
        }
      }
      out.put((AssetClass) spec[c][0], bp);
    }
    return out;
  }

  /** The sum of three uniform draws, centred: -3000 to 3000, a cheap bell shape (sd 1000). */
  private static long bell(SplittableRandom rnd) {
    return rnd.nextInt(2001) + rnd.nextInt(2001) + rnd.nextInt(2001) - 3000L;
  }

  /** Monthly prices from month 0 (ten years before as-of) to {@link #MONTHS} (as-of), in cents. */
  private static BigDecimal[] walk(SplittableRandom rnd, Security s, long[] factor) {
    int startCents;
    int mu;
    int sigma;
    switch (s.kind()) {
      case CASH_EQUIVALENT:
        startCents = 100;
        mu = 0;
        sigma = 0;
        break;
      case EQUITY:
        startCents = 1_000 + rnd.nextInt(30_000);
        mu = 80;
        sigma = 800;
        break;
      case BOND:
      case MUNICIPAL_BOND:
        startCents = 9_500 + rnd.nextInt(1_000);
        mu = 10;
        sigma = 90;
        break;
      default:
        boolean bonds = s.assetClass().equals(US_BONDS) || s.assetClass().equals(MUNI_BONDS);
        startCents = 2_000 + rnd.nextInt(28_000);
        mu = bonds ? 20 : 65;
        sigma = bonds ? 120 : 450;
        break;
    }
    BigDecimal[] path = new BigDecimal[MONTHS + 1];
    BigDecimal price = BigDecimal.valueOf(startCents, 2);
    BigDecimal floor = new BigDecimal("0.50");
    path[0] = price;
    for (int m = 1; m <= MONTHS; m++) {
      long z = bell(rnd);
      long bp = Math.max(-5000L, mu + sigma * z / 1000L);
      if (factor != null && sigma > 0) {
        long own =
            s.kind() == SecurityKind.EQUITY
                ? 600
                : s.kind() == SecurityKind.BOND || s.kind() == SecurityKind.MUNICIPAL_BOND
                    ? 60
                    : 50;
        bp = Math.max(-5000L, factor[m] + own * z / 1000L);
      }
      if (sigma > 0) {
        price =
            price
                .multiply(BigDecimal.valueOf(10_000L + bp))
                .divide(BigDecimal.valueOf(10_000L), 2, RoundingMode.HALF_EVEN)
                .max(floor);
      }
      path[m] = price;
    }
    return path;
  }

  private MarketData buildMarketData(SplittableRandom rnd) {
    List<Price> prices = new ArrayList<>();
    MarketData.Builder b = MarketData.builder();
    for (int i = 0; i < securities.size(); i++) {
      Security s = securities.get(i);
      b.putSecurities(s.id(), s);
      prices.add(
          Price.of(
              s.id(), UnitPrice.of(dev.rebal.core.money.Money.USD, paths.get(i)[MONTHS]), asOf));
    }
    b.prices(PriceTable.of(prices));
    for (int i = 1; i <= EMPLOYERS; i++) {
      TradingVolume.Builder v =
          TradingVolume.builder()
              .issuer(employer(i))
              .asOf(asOf)
              .sharesOutstanding(Quantity.of(100_000_000L + 100_000L * rnd.nextInt(9_000)));
      for (int w = 0; w < 8; w++) {
        v.addWeeklyVolumes(Quantity.of(200_000L + 1_000L * rnd.nextInt(2_000)));
      }
      b.putVolumes(employer(i), v.build());
    }
    return b.build();
  }

  MarketData marketData() {
    return marketData;
  }

  LocalDate start() {
    return start;
  }

  /** Returns the securities in the order they were made (stable). */
  List<Security> securities() {
    return securities;
  }

  Security security(SecurityId id) {
    return securities.get(index.get(id));
  }

  /** Returns the securities of {@code assetClass}, in a stable order. */
  ImmutableList<Security> inClass(AssetClass assetClass) {
    ImmutableList<Security> in = byClass.get(assetClass);
    return in == null ? ImmutableList.of() : in;
  }

  /** Returns the securities of {@code assetClass} but those whose ids start with {@code EMP}. */
  ImmutableList<Security> inClassButEmployers(AssetClass assetClass) {
    ImmutableList<Security> in = byClassButEmployers.get(assetClass);
    return in == null ? ImmutableList.of() : in;
  }

  /** Returns the position of security {@code id} in {@link #securities()}. */
  int indexOf(SecurityId id) {
    return index.get(id);
  }

  /** Returns the as-of price of the security at {@code index}, in cents. */
  long priceCents(int index) {
    return centPaths[index][MONTHS];
  }

  /** Returns the as-of date minus {@code days} (0 to {@link #DAY_TABLE}), from a table. */
  LocalDate daysBefore(int days) {
    return daysBefore[days];
  }

  /**
   * Returns the price in cents of the security at {@code index} in the month of {@code
   * daysBefore(days)}: the price {@link #priceOn} returns, without the map lookup and the month
   * count.
   */
  long priceCentsDaysBefore(int index, int days) {
    return centPaths[index][monthOfDaysBefore[days]];
  }

  /** Returns the price as of the as-of date. */
  BigDecimal price(SecurityId id) {
    return paths.get(index.get(id))[MONTHS];
  }

  /** Returns the price in the month of {@code date} (clamped to the ten years). */
  BigDecimal priceOn(SecurityId id, LocalDate date) {
    return paths.get(index.get(id))[month(date)];
  }

  /** Returns the month of {@code date} in the walks, clamped to 0 to {@link #MONTHS}. */
  private int month(LocalDate date) {
    long m = ChronoUnit.MONTHS.between(start, date);
    return (int) Math.max(0, Math.min(MONTHS, m));
  }
}
