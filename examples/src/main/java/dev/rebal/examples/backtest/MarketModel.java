package dev.rebal.examples.backtest;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.security.TaxCharacter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded monthly market: asset-class returns drawn from a multivariate normal distribution of log
 * returns (annual means, volatilities and a correlation matrix, factored once by Cholesky), and
 * security prices that follow their class factor plus small idiosyncratic noise.
 *
 * <p>Parametric method: for month {@code t}, draw {@code e ~ N(0, I)}, set {@code z = L e} with
 * {@code L L' = C} (the correlation matrix), and the class log return {@code r_c = (mu_c -
 * sigma_c^2 / 2) / 12 + sigma_c z_c / sqrt(12)}, so the expected simple annual return is about
 * {@code mu_c}. A security of class {@code c} moves by {@code r_c + s_i e_i / sqrt(12) - s_i^2 /
 * 24} with {@code s_i} 1% a year for funds, 2% for bonds and 25% for single stocks (none for
 * money-market funds). Each class pays income (dividends, coupons, REIT distributions, municipal
 * interest: its yield over 12 a month, or for cash its whole return), so a security's price moves
 * by its total return less that income. Prices are rounded to {@link UnitPrice#SCALE} places and at
 * least one cent. Everything derives from the seed through {@link SplittableRandom}: the same seed
 * gives the same path, and every policy of a backtest reads the same {@code MarketModel} instance.
 *
 * <p>This class is immutable and thread-safe.
 */
final class MarketModel {
  /**
   * Asset-class assumptions: annual arithmetic mean and volatility of total returns, the income
   * yield (paid monthly in cash, a twelfth a month, out of the total return) and how that income is
   * taxed. The cash class pays its whole return as income (a money-market fund stays at its price).
   */
  record ClassAssumption(
      AssetClass assetClass, double mean, double volatility, double yield, TaxCharacter income) {}

  /** The classes in correlation-matrix order, with long-run-style assumptions (see docs). */
  static final ImmutableList<ClassAssumption> CLASSES =
      ImmutableList.of(
          new ClassAssumption(
              AssetClass.of("US_LARGE_CAP"), 0.070, 0.160, 0.015, TaxCharacter.QUALIFIED),
          new ClassAssumption(
              AssetClass.of("US_SMALL_CAP"), 0.080, 0.210, 0.012, TaxCharacter.QUALIFIED),
          new ClassAssumption(
              AssetClass.of("INTL_DEVELOPED"), 0.065, 0.170, 0.025, TaxCharacter.QUALIFIED),
          new ClassAssumption(
              AssetClass.of("EMERGING_MARKETS"), 0.075, 0.230, 0.025, TaxCharacter.QUALIFIED),
          new ClassAssumption(
              AssetClass.of("REAL_ESTATE"), 0.065, 0.190, 0.035, TaxCharacter.ORDINARY),
          new ClassAssumption(
              AssetClass.of("US_BONDS"), 0.040, 0.055, 0.040, TaxCharacter.ORDINARY),
          new ClassAssumption(
              AssetClass.of("MUNI_BONDS"), 0.032, 0.045, 0.032, TaxCharacter.TAX_EXEMPT),
          new ClassAssumption(AssetClass.of("CASH"), 0.030, 0.006, 0.0, TaxCharacter.ORDINARY));

  /** Index of the cash class in {@link #CLASSES}: its return is the sweep rate on account cash. */
  static final int CASH_CLASS = 7;

  /** Where the class returns come from. */
  enum Kind {
    /** Seeded multivariate normal monthly log returns (the assumptions above). */
    PARAMETRIC,
    /**
     * Historical annual returns, block-bootstrapped into years, each year's months drawn as a
     * bridge that ends on the year's historical return.
     */
    HISTORICAL
  }

  /** Years per block of the historical bootstrap (keeps runs of good and bad years together). */
  static final int BLOCK_YEARS = 5;

  /** Correlations of the classes above, symmetric and positive definite. */
  static final double[][] CORRELATION = {
    {1.00, 0.85, 0.80, 0.70, 0.70, 0.10, 0.10, 0.00},
    {0.85, 1.00, 0.75, 0.70, 0.70, 0.05, 0.05, 0.00},
    {0.80, 0.75, 1.00, 0.80, 0.65, 0.10, 0.10, 0.00},
    {0.70, 0.70, 0.80, 1.00, 0.60, 0.05, 0.05, 0.00},
    {0.70, 0.70, 0.65, 0.60, 1.00, 0.20, 0.20, 0.00},
    {0.10, 0.05, 0.10, 0.05, 0.20, 1.00, 0.80, 0.20},
    {0.10, 0.05, 0.10, 0.05, 0.20, 0.80, 1.00, 0.20},
    {0.00, 0.00, 0.00, 0.00, 0.00, 0.20, 0.20, 1.00}
  };

  private final ImmutableList<LocalDate> dates;
  private final ImmutableList<MarketData> markets;

  /** classReturns[t][c]: simple return of class c from step t-1 to step t (row 0 is zeros). */
  private final double[][] classReturns;

  /** incomeRates[t][c]: income paid at step t per dollar of class c held at step t-1. */
  private final double[][] incomeRates;

  private final ImmutableList<Integer> historicalYears;
  private final ImmutableList<String> fingerprints;

  private MarketModel(
      List<LocalDate> dates,
      List<MarketData> markets,
      double[][] classReturns,
      double[][] incomeRates,
      List<Integer> historicalYears,
      List<String> fingerprints) {
    this.dates = ImmutableList.copyOf(dates);
    this.markets = ImmutableList.copyOf(markets);
    this.classReturns = classReturns;
    this.incomeRates = incomeRates;
    this.historicalYears = ImmutableList.copyOf(historicalYears);
    this.fingerprints = ImmutableList.copyOf(fingerprints);
  }

  /**
   * Simulates a parametric path (see {@link #simulate(MarketData, LocalDate, int, long, double,
   * Kind)}).
   */
  static MarketModel simulate(
      MarketData base, LocalDate start, int months, long seed, double volatilityScale) {
    return simulate(base, start, months, seed, volatilityScale, Kind.PARAMETRIC);
  }

  /**
   * Simulates {@code months} monthly steps after {@code start} from the prices of {@code base}.
   *
   * @param base the security master, starting prices and volumes
   * @param start the first step's date (step 0 uses the starting prices as of this date)
   * @param months the number of monthly steps after the start
   * @param seed the seed of the path
   * @param volatilityScale multiplies every class volatility (1 for the assumptions above); in the
   *     historical mode it scales only the within-year swings
   * @param kind parametric or historical class returns
   */
  static MarketModel simulate(
      MarketData base, LocalDate start, int months, long seed, double volatilityScale, Kind kind) {
    int k = CLASSES.size();
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Integer> years = new ArrayList<>();
    double[][] classLog =
        kind == Kind.PARAMETRIC
            ? parametric(months, rnd, volatilityScale)
            : historical(months, rnd, volatilityScale, years);
    List<Security> securities = new ArrayList<>(base.securities().values());
    double[] price = new double[securities.size()];
    int[] classOf = new int[securities.size()];
    double[] idio = new double[securities.size()];
    for (int i = 0; i < securities.size(); i++) {
      Security s = securities.get(i);
      price[i] = base.prices().lookup(s.id()).perUnit().amount().doubleValue();
      classOf[i] = classIndex(s.assetClass());
      idio[i] =
          s.kind() == SecurityKind.EQUITY
              ? 0.25
              : s.kind() == SecurityKind.BOND || s.kind() == SecurityKind.MUNICIPAL_BOND
                  ? 0.02
                  : s.kind() == SecurityKind.CASH_EQUIVALENT ? 0 : 0.01;
    }
    List<LocalDate> dates = new ArrayList<>();
    List<MarketData> markets = new ArrayList<>();
    List<String> prints = new ArrayList<>();
    double[][] classReturns = new double[months + 1][k];
    double[][] incomeRates = new double[months + 1][k];
    for (int t = 0; t <= months; t++) {
      LocalDate date =
          t == 0 ? start : start.plusMonths(t).with(TemporalAdjusters.lastDayOfMonth());
      if (t > 0) {
        for (int c = 0; c < k; c++) {
          classReturns[t][c] = Math.expm1(classLog[t][c]);
          incomeRates[t][c] =
              c == CASH_CLASS ? Math.max(0, classReturns[t][c]) : CLASSES.get(c).yield() / 12;
        }
        for (int i = 0; i < price.length; i++) {
          double s = idio[i];
          int c = classOf[i];
          double r = (c < 0 ? 0 : classLog[t][c]) + s * gaussian(rnd) / Math.sqrt(12) - s * s / 24;
          // the total return factor less the income paid out: the price return
          double income = c < 0 ? 0 : incomeRates[t][c];
          price[i] = Math.max(0.01, price[i] * (Math.exp(r) - income));
        }
      }
      dates.add(date);
      MarketData m = marketAt(base, securities, price, date);
      markets.add(m);
      prints.add(fingerprint(m));
    }
    return new MarketModel(dates, markets, classReturns, incomeRates, years, prints);
  }

  /** Monthly class log returns, rows 1 to months: correlated normals (see the class doc). */
  private static double[][] parametric(int months, SplittableRandom rnd, double volatilityScale) {
    int k = CLASSES.size();
    double[][] chol = cholesky(CORRELATION);
    double[][] out = new double[months + 1][k];
    for (int t = 1; t <= months; t++) {
      double[] z = correlated(rnd, chol);
      for (int c = 0; c < k; c++) {
        ClassAssumption a = CLASSES.get(c);
        double vol = a.volatility() * volatilityScale;
        out[t][c] = (a.mean() - vol * vol / 2) / 12 + vol * z[c] / Math.sqrt(12);
      }
    }
    return out;
  }

  /**
   * Monthly class log returns from {@link HistoricalReturns}: blocks of {@link #BLOCK_YEARS}
   * consecutive historical years (wrapping at the end of the series) drawn with replacement until
   * the run is covered; within each simulated year, twelve correlated normal monthly log returns
   * with the class volatilities, shifted equally so that they sum to the log of the year's
   * historical return (a bridge: the year compounds to exactly the historical figure).
   */
  private static double[][] historical(
      int months, SplittableRandom rnd, double volatilityScale, List<Integer> yearsUsed) {
    HistoricalReturns h = HistoricalReturns.bundled();
    int k = CLASSES.size();
    double[][] chol = cholesky(CORRELATION);
    double[][] out = new double[months + 1][k];
    int simulatedYears = (months + 11) / 12;
    int block = 0;
    int first = 0;
    for (int y = 0; y < simulatedYears; y++) {
      if (y % BLOCK_YEARS == 0) {
        first = rnd.nextInt(h.size());
        block = 0;
      }
      int row = (first + block++) % h.size();
      yearsUsed.add(h.year(row));
      double[][] x = new double[12][k];
      double[] sum = new double[k];
      for (int m = 0; m < 12; m++) {
        double[] z = correlated(rnd, chol);
        for (int c = 0; c < k; c++) {
          x[m][c] = CLASSES.get(c).volatility() * volatilityScale * z[c] / Math.sqrt(12);
          sum[c] += x[m][c];
        }
      }
      for (int c = 0; c < k; c++) {
        double shift = (Math.log1p(h.annualReturn(row, CLASSES.get(c).assetClass())) - sum[c]) / 12;
        for (int m = 0; m < 12; m++) {
          int t = 12 * y + m + 1;
          if (t <= months) {
            out[t][c] = x[m][c] + shift;
          }
        }
      }
    }
    return out;
  }

  private static double[] correlated(SplittableRandom rnd, double[][] chol) {
    int k = chol.length;
    double[] e = new double[k];
    for (int c = 0; c < k; c++) {
      e[c] = gaussian(rnd);
    }
    double[] z = new double[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j <= c; j++) {
        z[c] += chol[c][j] * e[j];
      }
    }
    return z;
  }

  private static MarketData marketAt(
      MarketData base, List<Security> securities, double[] price, LocalDate date) {
    List<Price> prices = new ArrayList<>();
    for (int i = 0; i < securities.size(); i++) {
      BigDecimal p = BigDecimal.valueOf(price[i]).setScale(UnitPrice.SCALE, RoundingMode.HALF_EVEN);
      prices.add(Price.of(securities.get(i).id(), UnitPrice.of(Money.USD, p), date));
    }
    MarketData.Builder b =
        MarketData.builder().putAllSecurities(base.securities()).prices(PriceTable.of(prices));
    for (Map.Entry<String, TradingVolume> v : base.volumes().entrySet()) {
      TradingVolume tv = v.getValue();
      b.putVolumes(
          v.getKey(),
          TradingVolume.builder()
              .issuer(tv.issuer())
              .asOf(date)
              .sharesOutstanding(tv.sharesOutstanding())
              .addAllWeeklyVolumes(tv.weeklyVolumes())
              .build());
    }
    return b.build();
  }

  /** Returns the number of steps including step 0. */
  int steps() {
    return dates.size();
  }

  /** Returns the date of step {@code t}. */
  LocalDate date(int t) {
    return dates.get(t);
  }

  /** Returns the market data (prices as of the step's date) of step {@code t}. */
  MarketData market(int t) {
    return markets.get(t);
  }

  /** Returns the simple return of {@code assetClass} from step {@code t - 1} to {@code t}. */
  double classReturn(int t, AssetClass assetClass) {
    int c = classIndex(assetClass);
    return c < 0 ? 0 : classReturns[t][c];
  }

  /** Returns the income paid at step {@code t} per dollar of class {@code c} held at step t-1. */
  double incomeRate(int t, int c) {
    return incomeRates[t][c];
  }

  /** Returns the simple total return of class index {@code c} from step t-1 to t. */
  double classReturn(int t, int c) {
    return classReturns[t][c];
  }

  /** Returns the historical years drawn, one per simulated year (empty for a parametric path). */
  ImmutableList<Integer> historicalYears() {
    return historicalYears;
  }

  /** Returns the SHA-256 of the prices of step {@code t}: the same path gives the same prints. */
  String fingerprint(int t) {
    return fingerprints.get(t);
  }

  /** Returns the price of {@code security} at step {@code t}. */
  UnitPrice price(int t, SecurityId security) {
    return markets.get(t).prices().lookup(security).perUnit();
  }

  static int classIndex(AssetClass assetClass) {
    for (int c = 0; c < CLASSES.size(); c++) {
      if (CLASSES.get(c).assetClass().equals(assetClass)) {
        return c;
      }
    }
    return -1;
  }

  /** Returns the lower-triangular L with L L' = a (a symmetric positive definite). */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (sum <= 0) {
            throw new IllegalArgumentException(
                "correlation matrix is not positive definite at " + i);
          }
          l[i][i] = Math.sqrt(sum);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return l;
  }

  /** Box-Muller on two uniform draws: a standard normal variate from the seeded stream. */
  private static double gaussian(SplittableRandom rnd) {
    double u1 = 1.0 - rnd.nextDouble();
    double u2 = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static String fingerprint(MarketData m) {
    StringBuilder sb = new StringBuilder();
    Map<SecurityId, Price> sorted = new TreeMap<>(m.prices().prices());
    sorted.forEach(
        (id, p) ->
            sb.append(id.value())
                .append('=')
                .append(p.perUnit().amount().toPlainString())
                .append(';'));
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
