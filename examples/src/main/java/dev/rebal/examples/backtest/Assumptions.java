package dev.rebal.examples.backtest;

/**
 * The simulation's parameters that are not the market's: the trading cost, how much of the
 * household's outside gains recur each year, and the months at which the horizons are measured.
 *
 * @param tradingCostBps the cost of trading, in bps of each traded dollar (spread and commission),
 *     charged to the trade's account; not negative
 * @param outsideGains how many times the generated profile's year-to-date realized gains (if
 *     positive) recur as the household's outside gains every year; 0 for none
 * @param horizonYears the horizons, in years, at which wealth is measured (each also a checkpoint)
 * @param taxAwareParams rule-set parameters set on every tax-aware policy's rule set (the tax-aware
 *     threshold and both engine policies), over the defaults: for a study of a parameter
 */
record Assumptions(
    double tradingCostBps,
    double outsideGains,
    int[] horizonYears,
    java.util.SortedMap<String, String> taxAwareParams) {
  /** 5 bps per traded dollar, the outside gains once a year, horizons 5, 10 and 20 years. */
  static final Assumptions DEFAULT = new Assumptions(5, 1, new int[] {5, 10, 20});

  Assumptions {
    if (!(tradingCostBps >= 0 && tradingCostBps <= 1000)) {
      throw new IllegalArgumentException(
          "trading cost must be in [0, 1000] bps, was " + tradingCostBps);
    }
    if (!(outsideGains >= 0 && outsideGains <= 100)) {
      throw new IllegalArgumentException(
          "outside gains scale must be in [0, 100], was " + outsideGains);
    }
    horizonYears = horizonYears.clone();
    taxAwareParams =
        java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(taxAwareParams));
  }

  /** The assumptions with the default rule sets. */
  Assumptions(double tradingCostBps, double outsideGains, int[] horizonYears) {
    this(tradingCostBps, outsideGains, horizonYears, new java.util.TreeMap<>());
  }

  /** Returns whether step {@code t} (months) ends one of the horizons. */
  boolean isCheckpoint(int t) {
    for (int y : horizonYears) {
      if (t == 12 * y) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int[] horizonYears() {
    return horizonYears.clone();
  }
}
