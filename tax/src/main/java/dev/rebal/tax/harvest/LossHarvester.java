package dev.rebal.tax.harvest;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.internal.Groups;
import dev.rebal.tax.lots.LotPreferences;
import dev.rebal.tax.lots.LotSelector;
import dev.rebal.tax.lots.Sale;
import dev.rebal.tax.lots.SaleRequest;
import dev.rebal.tax.washsale.TaxConstraints;
import dev.rebal.tax.washsale.WashSaleAnalyzer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Scans a household for tax-loss harvests.
 *
 * <p>Method: in every tradable taxable account, each lot of known basis whose unrealized loss at
 * the current price reaches both thresholds of the {@link HarvestPolicy} is a candidate. A
 * candidate is skipped if it may not be sold at a loss without a wash sale ({@link
 * WashSaleAnalyzer#constraints}: a substantially identical purchase in the last 30 days anywhere in
 * the household) or is protected by a lot preference. The remaining candidates of one security in
 * one account are sold together, and the replacement is the first security of the model's list for
 * the sold security's asset class that is in another wash-sale group, may be bought in the account
 * (no loss on its group in the last 30 days) and has a price, preferring a group with no lots to
 * harvest anywhere in the household. Groups are taken largest loss first: when every other group of
 * the class has lots at a loss too (a fall in the whole class), the largest harvest is taken and
 * the group it buys gives up its own harvest ({@code harvest.replacement-group}); a group already
 * harvested is never bought, which would wash its sale. A harvest with no replacement is not
 * proposed. This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class LossHarvester {
  private static final LossHarvester STANDARD = new LossHarvester();

  private LossHarvester() {}

  /** {@return the standard harvester} */
  public static LossHarvester standard() {
    return STANDARD;
  }

  /**
   * Scans {@code household} for harvests on {@code asOf}.
   *
   * @param household the household
   * @param market the security master and prices
   * @param asOf the as-of date (the trade date of the harvest)
   * @param policy the loss thresholds
   * @return the harvests proposed, the lots skipped with why, and the accounts whose coverage
   *     leaves a wash sale possible
   */
  public HarvestScan scan(
      Household household, MarketData market, LocalDate asOf, HarvestPolicy policy) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(policy, "policy");
    return scan(
        household,
        market,
        asOf,
        policy,
        WashSaleAnalyzer.standard().constraints(household, market, asOf, List.of()));
  }

  /**
   * Scans {@code household} for harvests on {@code asOf}, with wash-sale constraints the caller
   * already has, so that a caller needing them too computes them once.
   *
   * @param household the household
   * @param market the security master and prices
   * @param asOf the as-of date (the trade date of the harvest)
   * @param policy the loss thresholds
   * @param constraints {@code WashSaleAnalyzer.standard().constraints(household, market, asOf,
   *     List.of())}, exactly; other constraints give other harvests
   * @return the harvests proposed, the lots skipped with why, and the accounts whose coverage
   *     leaves a wash sale possible
   */
  public HarvestScan scan(
      Household household,
      MarketData market,
      LocalDate asOf,
      HarvestPolicy policy,
      TaxConstraints constraints) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(policy, "policy");
    Checks.notNull(constraints, "constraints");
    return scan(household, market, asOf, atLoss(household, market, policy), constraints);
  }

  /**
   * {@return the harvests {@link #scan(Household, MarketData, LocalDate, HarvestPolicy,
   * TaxConstraints)} proposes, asking {@code constraints} for the wash-sale constraints only when
   * some lot is at a loss that reaches the policy's thresholds (without one there is no harvest,
   * whatever the constraints say), so that a caller that only needs the harvests, such as a daily
   * screen, does not compute the constraints for a household with nothing to harvest}
   *
   * @param household the household
   * @param market the security master and prices
   * @param asOf the as-of date (the trade date of the harvest)
   * @param policy the loss thresholds
   * @param constraints gives {@code WashSaleAnalyzer.standard().constraints(household, market,
   *     asOf, List.of())}, exactly; called at most once
   */
  public ImmutableList<Harvest> harvests(
      Household household,
      MarketData market,
      LocalDate asOf,
      HarvestPolicy policy,
      Supplier<TaxConstraints> constraints) {
    return ImmutableList.copyOf(
        scan(household, market, asOf, policy, constraints, Set.of()).harvests());
  }

  /**
   * {@return the scan of {@link #scan(Household, MarketData, LocalDate, HarvestPolicy,
   * TaxConstraints)} with the lots in {@code declined} left out (a harvest the caller declined then
   * neither sells them nor takes a group another harvest could have bought as its replacement),
   * asking {@code constraints} only when some other lot reaches the policy's thresholds (an empty
   * scan otherwise)}
   *
   * @param household the household
   * @param market the security master and prices
   * @param asOf the as-of date (the trade date of the harvest)
   * @param policy the loss thresholds
   * @param constraints gives {@code WashSaleAnalyzer.standard().constraints(household, market,
   *     asOf, List.of())}, exactly; called at most once
   * @param declined lots that are not harvested, whatever their loss
   */
  public HarvestScan scan(
      Household household,
      MarketData market,
      LocalDate asOf,
      HarvestPolicy policy,
      Supplier<TaxConstraints> constraints,
      Set<LotId> declined) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(policy, "policy");
    Checks.notNull(constraints, "constraints");
    Checks.notNull(declined, "declined");
    List<TaxLot> lots = atLoss(household, market, policy);
    lots.removeIf(l -> declined.contains(l.id()));
    if (lots.isEmpty()) {
      return new HarvestScan(List.of(), List.of(), new TreeSet<>());
    }
    return scan(household, market, asOf, lots, Checks.notNull(constraints.get(), "constraints"));
  }

  /**
   * Returns the lots, sorted by id, of tradable taxable accounts whose loss at the current price
   * reaches the policy's thresholds. Each lot's test is its own, so only the few that pass are
   * sorted, not every lot.
   */
  private static List<TaxLot> atLoss(Household household, MarketData market, HarvestPolicy policy) {
    List<TaxLot> lots = new ArrayList<>();
    // a position's lots usually come one after another: look its price up once for them
    SecurityId lastId = null;
    Optional<Price> price = Optional.empty();
    // and its account's test once for them
    AccountId lastAccount = null;
    Account account = null;
    for (TaxLot lot : household.lots()) {
      if (!lot.account().equals(lastAccount)) {
        lastAccount = lot.account();
        account = taxableTradable(household, lastAccount);
      }
      if (account == null || !lot.quantity().isPositive()) {
        continue;
      }
      if (!lot.security().equals(lastId)) {
        lastId = lot.security();
        price = market.prices().find(lastId);
      }
      if (price.isPresent() && reaches(lot, price.get().perUnit(), policy)) {
        lots.add(lot);
      }
    }
    lots.sort(Comparator.comparing(TaxLot::id));
    return lots;
  }

  /** Scans the candidate {@code lots} (from {@link #atLoss}) for harvests. */
  private static HarvestScan scan(
      Household household,
      MarketData market,
      LocalDate asOf,
      List<TaxLot> lots,
      TaxConstraints constraints) {
    Set<LotId> protectedLots =
        lots.isEmpty() ? Set.of() : LotPreferences.protectedLots(household, market, asOf);
    Map<String, List<TaxLot>> candidates = new TreeMap<>();
    List<HarvestSkip> skipped = new ArrayList<>();
    Map<String, Money> groupLoss = new TreeMap<>();
    for (TaxLot lot : lots) {
      String code =
          !lot.basisKnown()
              ? "harvest.unknown-basis"
              : protectedLots.contains(lot.id())
                  ? "harvest.protected-lot"
                  : !constraints.maySellAtLoss(lot.id()) ? "harvest.wash-sale-window" : null;
      if (code != null) {
        skipped.add(new HarvestSkip(lot.id(), code));
        continue;
      }
      candidates
          .computeIfAbsent(lot.account() + "\u0000" + lot.security(), k -> new ArrayList<>())
          .add(lot);
      groupLoss.merge(
          Groups.groupOf(market, lot.security()),
          lot.costBasis()
              .minus(market.prices().lookup(lot.security()).perUnit().times(lot.quantity())),
          Money::plus);
    }
    TaxRates rates = TaxRates.of(household.taxProfile());
    Map<String, Harvest> harvests = new TreeMap<>();
    Set<String> harvested = new TreeSet<>();
    Set<String> bought = new TreeSet<>();
    for (String group : byLossDescending(groupLoss)) {
      for (Map.Entry<String, List<TaxLot>> candidate : candidates.entrySet()) {
        TaxLot first = candidate.getValue().get(0);
        if (!Groups.groupOf(market, first.security()).equals(group)) {
          continue;
        }
        Optional<SecurityId> replacement =
            bought.contains(group)
                ? Optional.empty()
                : replacement(
                    household,
                    market,
                    first.account(),
                    first.security(),
                    groupLoss.keySet(),
                    harvested,
                    constraints);
        if (replacement.isEmpty()) {
          String code =
              bought.contains(group) ? "harvest.replacement-group" : "harvest.no-replacement";
          for (TaxLot lot : candidate.getValue()) {
            skipped.add(new HarvestSkip(lot.id(), code));
          }
          continue;
        }
        harvested.add(group);
        bought.add(Groups.groupOf(market, replacement.get()));
        harvests.put(
            candidate.getKey(),
            harvest(candidate.getValue(), market, asOf, rates, replacement.get()));
      }
    }
    skipped.sort(Comparator.comparing(HarvestSkip::lot));
    return new HarvestScan(
        ImmutableList.copyOf(harvests.values()),
        ImmutableList.copyOf(skipped),
        constraints.incompleteCoverage());
  }

  /**
   * Returns the account with {@code id} if it is tradable, not held away and taxable, else null.
   */
  private static Account taxableTradable(Household household, AccountId id) {
    for (Account a : household.accounts()) {
      if (a.id().equals(id)) {
        return a.tradable() && !a.heldAway() && a.treatment() == TaxTreatment.TAXABLE ? a : null;
      }
    }
    return null;
  }

  private static boolean reaches(TaxLot lot, UnitPrice price, HarvestPolicy policy) {
    // at a price of zero or more the loss is at most the basis: a basis below the minimum loss
    // cannot reach it, and the value need not be computed
    if (price.amount().signum() >= 0
        && lot.costBasis().currency().equals(policy.minLoss().currency())
        && lot.costBasis().amount().compareTo(policy.minLoss().amount()) < 0) {
      return false;
    }
    // a value of at least the basis leaves no loss: the value is rounded (to 34 digits, then to
    // cents), and rounding never takes a value below a basis it can represent exactly, so the
    // exact product decides without the rounding
    if (lot.costBasis().currency().equals(price.currency())
        && lot.costBasis().amount().scale() <= 2
        && price.amount().multiply(lot.quantity().value()).compareTo(lot.costBasis().amount())
            >= 0) {
      return false;
    }
    Money loss = lot.costBasis().minus(price.times(lot.quantity()));
    if (!loss.isPositive() || loss.compareTo(policy.minLoss()) < 0) {
      return false;
    }
    BigDecimal threshold =
        lot.costBasis().amount().multiply(policy.minLossFraction().value(), MathContext.DECIMAL128);
    return loss.amount().compareTo(threshold) >= 0;
  }

  private static Harvest harvest(
      List<TaxLot> lots,
      MarketData market,
      LocalDate asOf,
      TaxRates rates,
      SecurityId replacement) {
    TaxLot first = lots.get(0);
    UnitPrice price = market.prices().lookup(first.security()).perUnit();
    Quantity total = Quantity.ZERO;
    List<LotPick> picks = new ArrayList<>();
    for (TaxLot lot : lots) {
      picks.add(new LotPick(lot.id(), lot.quantity()));
      total = total.plus(lot.quantity());
    }
    Sale sale =
        LotSelector.standard()
            .selectSpecific(SaleRequest.of(lots, total, price, asOf, rates), picks);
    return new Harvest(
        first.account(),
        first.security(),
        sale,
        replacement,
        sale.gain().negated(),
        sale.marginalTax(rates).negated(),
        asOf.plusDays(WashSaleAnalyzer.WINDOW_DAYS + 1L));
  }

  /**
   * The wash-sale groups with lots to harvest, the largest loss first (ties by group): when two
   * groups of a class can only replace each other, the larger loss is harvested and the other group
   * is its replacement.
   */
  private static List<String> byLossDescending(Map<String, Money> groupLoss) {
    List<String> order = new ArrayList<>(groupLoss.keySet());
    order.sort(
        Comparator.comparing((String g) -> groupLoss.get(g).amount())
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    return order;
  }

  /**
   * The first model substitute for {@code sold} in {@code account} outside its wash-sale group that
   * compliance lets the account buy and that has a price: one whose group has no lots to harvest if
   * there is one, else one whose group's harvest is given up for it (never a group already
   * harvested: buying it would wash that sale).
   */
  private static Optional<SecurityId> replacement(
      Household household,
      MarketData market,
      AccountId account,
      SecurityId sold,
      Set<String> candidateGroups,
      Set<String> harvested,
      TaxConstraints constraints) {
    Optional<Security> security = market.findSecurity(sold);
    if (security.isEmpty()) {
      return Optional.empty();
    }
    String soldGroup = security.get().washSaleGroup();
    List<SecurityId> substitutes =
        household
            .model()
            .securities()
            .getOrDefault(security.get().assetClass(), ImmutableList.of());
    SecurityId fallback = null;
    for (SecurityId s : substitutes) {
      String group = Groups.groupOf(market, s);
      if (group.equals(soldGroup)
          || harvested.contains(group)
          || !constraints.mayBuy(account, group)
          || market.prices().find(s).isEmpty()) {
        continue;
      }
      if (!candidateGroups.contains(group)) {
        return Optional.of(s);
      }
      if (fallback == null) {
        fallback = s;
      }
    }
    return Optional.ofNullable(fallback);
  }
}
