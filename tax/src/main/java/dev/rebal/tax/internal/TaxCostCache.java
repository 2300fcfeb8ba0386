package dev.rebal.tax.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.cost.TaxCostCurve;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Tax-cost curves already computed, by position, for a caller that builds curves for successive
 * states of one household (before and after some trades). A curve is reused only when every input
 * it is computed from is equal, so a cached result is always the one the computation would give.
 * Internal: mutable and not thread-safe, one per caller and thread, for a short while (one
 * household's decision).
 */
public final class TaxCostCache {
  private final Map<String, Entry> keys = new HashMap<>();
  private final Map<String, TaxCostCurve> curves = new HashMap<>();

  private TaxCostCache() {}

  /**
   * Returns an empty cache.
   *
   * @return a new cache
   */
  public static TaxCostCache create() {
    return new TaxCostCache();
  }

  /**
   * Returns the same curves as {@code TaxCostModel.standard().curves(household, market, asOf)},
   * reusing each curve whose inputs (market data instance, date, position, sellable lots, account
   * treatment and tax profile) equal those of a curve computed before with this cache, and adding
   * the others.
   *
   * @param household the household
   * @param market prices and the security master
   * @param asOf the as-of date
   * @return the curves, sorted by account then security
   * @throws NoSuchElementException if a held security has no price
   */
  public ImmutableList<TaxCostCurve> curves(
      Household household, MarketData market, LocalDate asOf) {
    return TaxCurves.curves(household, market, asOf, this);
  }

  TaxCostCurve find(Entry entry) {
    Entry known = keys.get(entry.position());
    return known != null && known.sameInputs(entry) ? curves.get(entry.position()) : null;
  }

  void put(Entry entry, TaxCostCurve curve) {
    keys.put(entry.position(), entry);
    curves.put(entry.position(), curve);
  }

  /** Everything a curve is computed from. */
  static final class Entry {
    private final MarketData market;
    private final LocalDate asOf;
    private final AccountId account;
    private final SecurityId security;
    private final List<TaxLot> lots;
    private final boolean taxable;
    private final TaxProfile profile;
    private final String position;

    Entry(
        MarketData market,
        LocalDate asOf,
        AccountId account,
        SecurityId security,
        List<TaxLot> lots,
        boolean taxable,
        TaxProfile profile) {
      this.market = market;
      this.asOf = asOf;
      this.account = account;
      this.security = security;
      this.lots = List.copyOf(lots);
      this.taxable = taxable;
      this.profile = profile;
      this.position = account.value() + "\u0000" + security.value();
    }

    String position() {
      return position;
    }

    boolean sameInputs(Entry other) {
      return market == other.market
          && asOf.equals(other.asOf)
          && account.equals(other.account)
          && security.equals(other.security)
          && taxable == other.taxable
          && profile.equals(other.profile)
          && lots.equals(other.lots);
    }
  }
}
