package dev.rebal.tax.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import dev.rebal.tax.cost.TaxCostCurve;
import dev.rebal.tax.cost.TaxCostModel;
import dev.rebal.tax.cost.TaxCostSegment;
import dev.rebal.tax.lots.LotPreferences;
import dev.rebal.tax.lots.LotSelector;
import dev.rebal.tax.lots.RealizedLot;
import dev.rebal.tax.lots.ReliefMethod;
import dev.rebal.tax.lots.Sale;
import dev.rebal.tax.lots.SaleRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The computation behind {@link TaxCostModel}: the tax-cost curves of a household's positions,
 * optionally reusing curves from a {@link TaxCostCache}. Internal; embedders use {@link
 * TaxCostModel}. This class is stateless and thread-safe.
 */
public final class TaxCurves {
  private TaxCurves() {}

  /**
   * Returns the curve of {@code security} in {@code account} on {@code asOf}; empty segments if
   * nothing sellable is held.
   *
   * @param household the household
   * @param market prices and the security master
   * @param account the account
   * @param security the security
   * @param asOf the as-of date (the sale date)
   * @throws NoSuchElementException if the security has no price
   */
  public static TaxCostCurve curve(
      Household household,
      MarketData market,
      AccountId account,
      SecurityId security,
      LocalDate asOf) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(asOf, "asOf");
    List<TaxLot> held = new ArrayList<>();
    for (TaxLot lot : household.lots()) {
      if (lot.account().equals(account) && lot.security().equals(security)) {
        held.add(lot);
      }
    }
    return curve(
        household,
        market,
        account,
        security,
        asOf,
        LotPreferences.protectedLots(household, market, asOf),
        held);
  }

  /** The curve of one position, given its lots and the household's protected lots. */
  private static TaxCostCurve curve(
      Household household,
      MarketData market,
      AccountId account,
      SecurityId security,
      LocalDate asOf,
      Set<LotId> protectedLots,
      List<TaxLot> held) {
    return curve(household, market, account, security, asOf, protectedLots, held, null);
  }

  /** The curve of one position, taken from {@code cache} when its inputs are unchanged. */
  private static TaxCostCurve curve(
      Household household,
      MarketData market,
      AccountId account,
      SecurityId security,
      LocalDate asOf,
      Set<LotId> protectedLots,
      List<TaxLot> held,
      TaxCostCache cache) {
    UnitPrice price = market.prices().lookup(security).perUnit();
    List<TaxLot> lots = new ArrayList<>();
    Quantity total = Quantity.ZERO;
    for (TaxLot lot : held) {
      if (lot.quantity().isPositive() && !protectedLots.contains(lot.id())) {
        lots.add(lot);
        total = total.plus(lot.quantity());
      }
    }
    if (lots.isEmpty()) {
      return new TaxCostCurve(account, security, price, ImmutableList.of());
    }
    boolean taxable =
        household.findAccount(account).map(Account::treatment).orElse(TaxTreatment.TAXABLE)
            == TaxTreatment.TAXABLE;
    TaxCostCache.Entry cached = null;
    if (cache != null) {
      cached =
          new TaxCostCache.Entry(
              market, asOf, account, security, lots, taxable, household.taxProfile());
      TaxCostCurve hit = cache.find(cached);
      if (hit != null) {
        return hit;
      }
    }
    TaxCostCurve computed =
        compute(household, account, security, asOf, price, lots, total, taxable);
    if (cache != null) {
      cache.put(cached, computed);
    }
    return computed;
  }

  /**
   * The curve of the position's sellable {@code lots}: their sale in tax-optimal order, each lot a
   * segment. This is the sale of them all by {@link LotSelector#select} with {@link
   * ReliefMethod#TAX_OPTIMAL}, taken apart, computed directly: the relief order's keys (gain and
   * tax per share) are the segment's numerators, and each lot's proceeds are allocated cumulatively
   * as the selector does. Lots that repeat an id go through the selector itself (its sale merges
   * equal lots).
   */
  private static TaxCostCurve compute(
      Household household,
      AccountId account,
      SecurityId security,
      LocalDate asOf,
      UnitPrice price,
      List<TaxLot> lots,
      Quantity total,
      boolean taxable) {
    TaxRates rates = taxable ? TaxRates.of(household.taxProfile()) : TaxRates.zero();
    if (repeatsAnId(lots)) {
      return computeBySale(account, security, asOf, price, lots, total, rates);
    }
    ImmutableList.Builder<TaxCostSegment> segments = ImmutableList.builder();
    Quantity cumulative = Quantity.ZERO;
    Money proceedsBefore = Money.zero(price.currency());
    for (TaxOptimalOrder.Keyed k : TaxOptimalOrder.sort(lots, price, asOf, rates)) {
      TaxLot lot = k.lot();
      cumulative = cumulative.plus(lot.quantity());
      Money proceedsTo = price.times(cumulative);
      Weight rate = rates.rateOf(k.term());
      segments.add(
          segment(
              lot.id(),
              k.term(),
              lot.quantity(),
              proceedsTo.minus(proceedsBefore),
              price,
              rate,
              k.gainPerShare(),
              k.taxPerShare()));
      proceedsBefore = proceedsTo;
    }
    return new TaxCostCurve(account, security, price, segments.build());
  }

  /** Whether two of {@code lots} have the same id; a position's few lots are compared pairwise. */
  private static boolean repeatsAnId(List<TaxLot> lots) {
    int n = lots.size();
    if (n > 8) {
      Set<LotId> ids = new HashSet<>();
      for (TaxLot lot : lots) {
        if (!ids.add(lot.id())) {
          return true;
        }
      }
      return false;
    }
    for (int i = 1; i < n; i++) {
      LotId id = lots.get(i).id();
      for (int j = 0; j < i; j++) {
        if (lots.get(j).id().equals(id)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The curve by way of the lot selector's sale, for lots that repeat an id. */
  private static TaxCostCurve computeBySale(
      AccountId account,
      SecurityId security,
      LocalDate asOf,
      UnitPrice price,
      List<TaxLot> lots,
      Quantity total,
      TaxRates rates) {
    Sale sale =
        LotSelector.standard()
            .select(SaleRequest.of(lots, total, price, asOf, rates), ReliefMethod.TAX_OPTIMAL);
    Map<LotId, TaxLot> byId = new HashMap<>();
    lots.forEach(l -> byId.put(l.id(), l));
    ImmutableList.Builder<TaxCostSegment> segments = ImmutableList.builder();
    for (RealizedLot r : sale.lots()) {
      TaxLot lot = byId.get(r.lot());
      Weight rate = rates.rateOf(r.term());
      BigDecimal basisPerShare = lot.basisKnown() ? lot.basisPerShare() : BigDecimal.ZERO;
      BigDecimal gainPerShare = price.amount().subtract(basisPerShare, MathContext.DECIMAL128);
      segments.add(
          segment(
              r.lot(),
              r.term(),
              r.quantity(),
              r.proceeds(),
              price,
              rate,
              gainPerShare,
              gainPerShare.multiply(rate.value(), MathContext.DECIMAL128)));
    }
    return new TaxCostCurve(account, security, price, segments.build());
  }

  /**
   * One segment: {@code gainPerShare / price} and {@code taxPerShare / price} (the gain per share
   * times the rate) at {@code DECIMAL128}, rounded once to the curve's scale; zero when the price
   * is not positive, and a zero rate costs exactly zero without the division.
   */
  private static TaxCostSegment segment(
      LotId lot,
      Term term,
      Quantity quantity,
      Money value,
      UnitPrice price,
      Weight rate,
      BigDecimal gainPerShare,
      BigDecimal taxPerShare) {
    BigDecimal gainPerDollar = BigDecimal.ZERO.setScale(TaxCostCurve.SCALE);
    BigDecimal cost = gainPerDollar;
    if (price.isPositive()) {
      // per-share arithmetic, exactly as the relief order is sorted, so costs never decrease
      // each is divide(price, DECIMAL128).setScale(TaxCostCurve.SCALE, Money.ROUNDING)
      gainPerDollar = PerDollar.of(gainPerShare, price.amount());
      if (rate.value().signum() != 0) {
        cost = PerDollar.of(taxPerShare, price.amount());
      }
    }
    return new TaxCostSegment(lot, term, quantity, value, gainPerDollar, rate, cost);
  }

  /**
   * Returns the curves of every (account, security) the household holds lots of in a tradable
   * account, sorted by account then security.
   *
   * @param household the household
   * @param market prices and the security master
   * @param asOf the as-of date
   * @throws NoSuchElementException if a held security has no price
   */
  public static ImmutableList<TaxCostCurve> curves(
      Household household, MarketData market, LocalDate asOf) {
    return curves(household, market, asOf, null);
  }

  /**
   * Returns the same curves as {@link #curves(Household, MarketData, LocalDate)}, reusing from
   * {@code cache} each curve whose inputs (market data instance, date, position, sellable lots,
   * account treatment and tax profile) are equal to those of a curve computed before with it, and
   * adding the others.
   *
   * @param household the household
   * @param market prices and the security master
   * @param asOf the as-of date
   * @param cache the cache; not thread-safe, so one per thread
   * @return the curves, sorted by account then security
   * @throws NoSuchElementException if a held security has no price
   */
  static ImmutableList<TaxCostCurve> curves(
      Household household, MarketData market, LocalDate asOf, TaxCostCache cache) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(asOf, "asOf");
    // lots grouped by position once, and the protected set computed once, for all curves
    TreeMap<String, List<TaxLot>> positions = positions(household);
    Set<LotId> protectedLots = LotPreferences.protectedLots(household, market, asOf);
    ImmutableList.Builder<TaxCostCurve> out = ImmutableList.builder();
    for (List<TaxLot> held : positions.values()) {
      TaxLot first = held.get(0);
      out.add(
          curve(
              household,
              market,
              first.account(),
              first.security(),
              asOf,
              protectedLots,
              held,
              cache));
    }
    return out.build();
  }

  /**
   * Returns the lots of tradable accounts by position key ({@code account + "\u0000" + security}),
   * each list in household order. A run of lots of one position (the usual layout) looks its key
   * and account up once.
   */
  private static TreeMap<String, List<TaxLot>> positions(Household household) {
    TreeMap<String, List<TaxLot>> positions = new TreeMap<>();
    AccountId account = null;
    SecurityId security = null;
    boolean tradable = false;
    List<TaxLot> current = null;
    for (TaxLot lot : household.lots()) {
      if (!lot.account().equals(account)) {
        account = lot.account();
        security = null;
        tradable = household.findAccount(account).map(Account::tradable).orElse(false);
      }
      if (!tradable) {
        continue;
      }
      if (!lot.security().equals(security)) {
        security = lot.security();
        current =
            positions.computeIfAbsent(
                account.value() + "\u0000" + security.value(), k -> new ArrayList<>());
      }
      current.add(lot);
    }
    return positions;
  }
}
