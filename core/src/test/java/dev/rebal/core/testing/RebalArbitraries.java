package dev.rebal.core.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.MemberRole;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.ScopeType;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for every Rebal model type, shared by all modules through the core test-jar.
 *
 * <p>Two families:
 *
 * <ul>
 *   <li>Per-type arbitraries ({@link #money()}, {@link #taxLots()}, {@link #restrictions()}, {@link
 *       #households()}, ...) produce any value the type can hold, including values the validator
 *       rejects (negative quantities, inverted windows, unknown ids, a few non-USD amounts), so
 *       that properties can check that bad input is reported rather than crashing.
 *   <li>{@link #validHouseholds()} produces a {@link HouseholdFixture} whose household, market data
 *       and as-of date are consistent by construction: the validator reports nothing for it.
 * </ul>
 *
 * <p>Everything is built with {@link Combinators#combine} (not nested {@code flatMap}), so that
 * failures shrink well; dependent parts (a lot's account) are drawn as indices and resolved modulo
 * the number generated.
 */
public final class RebalArbitraries {
  private RebalArbitraries() {}

  // ---------------------------------------------------------------- the valid universe

  /** US equity. */
  public static final AssetClass US_EQUITY = AssetClass.of("US_EQUITY");

  /** International equity. */
  public static final AssetClass INTL_EQUITY = AssetClass.of("INTL_EQUITY");

  /** US taxable bonds. */
  public static final AssetClass US_BOND = AssetClass.of("US_BOND");

  /** Municipal bonds. */
  public static final AssetClass MUNI_BOND = AssetClass.of("MUNI_BOND");

  /** Cash equivalents. */
  public static final AssetClass CASH = AssetClass.of("CASH");

  /** The classes every valid target lists, in order. */
  public static final List<AssetClass> CLASSES =
      List.of(US_EQUITY, INTL_EQUITY, US_BOND, MUNI_BOND, CASH);

  /** The employer issuer of the valid universe: restricted and under a Rule 144 limit. */
  public static final String EMPLOYER = "ACME";

  /** The security master of every valid household: model funds of each class and ACME stock. */
  public static final List<Security> UNIVERSE =
      List.of(
          sec("VTI", US_EQUITY, SecurityKind.ETF, "VANGUARD"),
          sec("ITOT", US_EQUITY, SecurityKind.ETF, "ISHARES"),
          sec("SCHB", US_EQUITY, SecurityKind.ETF, "SCHWAB"),
          sec("VXUS", INTL_EQUITY, SecurityKind.ETF, "VANGUARD"),
          sec("IXUS", INTL_EQUITY, SecurityKind.ETF, "ISHARES"),
          sec("BND", US_BOND, SecurityKind.ETF, "VANGUARD"),
          sec("AGG", US_BOND, SecurityKind.ETF, "ISHARES"),
          sec("VWIUX", MUNI_BOND, SecurityKind.MUTUAL_FUND, "VANGUARD"),
          sec("VMFXX", CASH, SecurityKind.CASH_EQUIVALENT, "VANGUARD"),
          sec(EMPLOYER, US_EQUITY, SecurityKind.EQUITY, EMPLOYER));

  private static Security sec(String id, AssetClass c, SecurityKind kind, String issuer) {
    Security.Builder b =
        Security.builder().id(SecurityId.of(id)).symbol(id).assetClass(c).kind(kind).issuer(issuer);
    if (c.equals(MUNI_BOND)) {
      b.taxCharacter(TaxCharacter.TAX_EXEMPT);
    }
    return b.build();
  }

  /** The model of every valid household: each class's universe funds, ACME excluded. */
  public static Model universeModel() {
    Model.Builder b = Model.builder().id(ModelId.of("M-UNIVERSE"));
    for (AssetClass c : CLASSES) {
      b.putSecurities(
          c,
          UNIVERSE.stream()
              .filter(s -> s.assetClass().equals(c) && !s.issuer().equals(EMPLOYER))
              .map(Security::id)
              .collect(ImmutableList.toImmutableList()));
    }
    return b.build();
  }

  // ---------------------------------------------------------------- values

  /** Returns decimals {@code unscaled / 10^scale} with unscaled in [min, max]. */
  private static Arbitrary<BigDecimal> decimals(long min, long max, int scale) {
    return Arbitraries.longs().between(min, max).map(v -> BigDecimal.valueOf(v, scale));
  }

  /** US dollar amounts from -10M to 10M. */
  public static Arbitrary<Money> usd() {
    return decimals(-1_000_000_000L, 1_000_000_000L, 2).map(Money::usd);
  }

  /** Positive US dollar amounts up to 10M. */
  public static Arbitrary<Money> positiveUsd() {
    return decimals(1, 1_000_000_000L, 2).map(Money::usd);
  }

  /** Amounts of money: mostly USD, one in ten in euros (which the validator rejects). */
  public static Arbitrary<Money> money() {
    Arbitrary<Money> eur =
        decimals(-100_000_000L, 100_000_000L, 2).map(v -> Money.of(Currency.getInstance("EUR"), v));
    return Arbitraries.frequencyOf(List.of(Tuple.of(9, usd()), Tuple.of(1, eur)));
  }

  /** Quantities of any sign, up to a million shares, with up to 6 decimals. */
  public static Arbitrary<Quantity> quantities() {
    return decimals(-1_000_000_000_000L, 1_000_000_000_000L, Quantity.SCALE).map(Quantity::of);
  }

  /** Positive whole quantities up to 10,000 shares. */
  public static Arbitrary<Quantity> positiveQuantities() {
    return Arbitraries.longs().between(1, 10_000).map(Quantity::of);
  }

  /** Weights from -1 to 2, with up to 4 decimals: fractions and out-of-range values alike. */
  public static Arbitrary<Weight> weights() {
    return decimals(-10_000, 20_000, 4).map(Weight::of);
  }

  /** Weights in [0, 1], with up to 4 decimals. */
  public static Arbitrary<Weight> fractions() {
    return decimals(0, 10_000, 4).map(Weight::of);
  }

  /** Positive US dollar unit prices up to 5,000, with up to 6 decimals. */
  public static Arbitrary<UnitPrice> unitPrices() {
    return decimals(1, 5_000_000_000L, UnitPrice.SCALE).map(v -> UnitPrice.of(Money.USD, v));
  }

  /** Dates from 2000-01-01 to about 2040. */
  public static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers()
        .between(0, 40 * 365)
        .map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
  }

  /** Date windows of every shape, including some that end before they start. */
  public static Arbitrary<DateWindow> dateWindows() {
    return Combinators.combine(dates().optional(), dates().optional()).as(DateWindow::of);
  }

  // ---------------------------------------------------------------- ids

  private static Arbitrary<String> idText(String prefix) {
    return Arbitraries.integers().between(1, 99).map(i -> prefix + "-" + i);
  }

  /** Household ids. */
  public static Arbitrary<HouseholdId> householdIds() {
    return idText("HH").map(HouseholdId::of);
  }

  /** Member ids. */
  public static Arbitrary<MemberId> memberIds() {
    return idText("M").map(MemberId::of);
  }

  /** Account ids. */
  public static Arbitrary<AccountId> accountIds() {
    return idText("A").map(AccountId::of);
  }

  /** Lot ids. */
  public static Arbitrary<LotId> lotIds() {
    return idText("L").map(LotId::of);
  }

  /** Transaction ids. */
  public static Arbitrary<TransactionId> transactionIds() {
    return idText("T").map(TransactionId::of);
  }

  /** Goal ids. */
  public static Arbitrary<GoalId> goalIds() {
    return idText("G").map(GoalId::of);
  }

  /** Restriction ids. */
  public static Arbitrary<RestrictionId> restrictionIds() {
    return idText("R").map(RestrictionId::of);
  }

  /** Liquidity event ids. */
  public static Arbitrary<LiquidityEventId> liquidityEventIds() {
    return idText("E").map(LiquidityEventId::of);
  }

  /** Model ids. */
  public static Arbitrary<ModelId> modelIds() {
    return idText("MODEL").map(ModelId::of);
  }

  /** Security ids: the universe's, and some unknown to it. */
  public static Arbitrary<SecurityId> securityIds() {
    return Arbitraries.of(List.of("VTI", "ITOT", "BND", "VXUS", EMPLOYER, "ZZZ", "QQQ"))
        .map(SecurityId::of);
  }

  /** Asset classes: the universe's, and one unknown to it. */
  public static Arbitrary<AssetClass> assetClasses() {
    return Arbitraries.of(
        List.of(US_EQUITY, INTL_EQUITY, US_BOND, MUNI_BOND, CASH, AssetClass.of("COMMODITY")));
  }

  // ---------------------------------------------------------------- securities and market

  /** Securities of any kind and class. */
  public static Arbitrary<Security> securities() {
    return Combinators.combine(
            securityIds(),
            assetClasses(),
            Arbitraries.of(SecurityKind.class),
            Arbitraries.of(List.of(EMPLOYER, "VANGUARD", "ISHARES")),
            Arbitraries.of(TaxCharacter.class))
        .as(
            (id, c, kind, issuer, character) ->
                Security.builder()
                    .id(id)
                    .symbol(id.value())
                    .assetClass(c)
                    .kind(kind)
                    .issuer(issuer)
                    .taxCharacter(character)
                    .build());
  }

  /** Prices of any known or unknown security, dated anywhere. */
  public static Arbitrary<Price> prices() {
    return Combinators.combine(securityIds(), unitPrices(), dates()).as(Price::of);
  }

  /** Price tables of up to six securities. */
  public static Arbitrary<PriceTable> priceTables() {
    return prices().list().ofMaxSize(6).uniqueElements(Price::security).map(PriceTable::of);
  }

  /** Trading volumes, with up to six weeks. */
  public static Arbitrary<TradingVolume> tradingVolumes() {
    return Combinators.combine(
            Arbitraries.of(List.of(EMPLOYER, "VANGUARD")),
            dates(),
            quantities(),
            positiveQuantities().list().ofMaxSize(6))
        .as(
            (issuer, asOf, outstanding, weeks) ->
                TradingVolume.builder()
                    .issuer(issuer)
                    .asOf(asOf)
                    .sharesOutstanding(outstanding)
                    .addAllWeeklyVolumes(weeks)
                    .build());
  }

  /** Market data of up to six securities. */
  public static Arbitrary<MarketData> marketData() {
    return Combinators.combine(
            securities().list().ofMaxSize(6).uniqueElements(Security::id),
            priceTables(),
            tradingVolumes().list().ofMaxSize(2).uniqueElements(TradingVolume::issuer))
        .as(
            (securities, prices, volumes) -> {
              MarketData.Builder b = MarketData.builder().prices(prices);
              securities.forEach(s -> b.putSecurities(s.id(), s));
              volumes.forEach(v -> b.putVolumes(v.issuer(), v));
              return b.build();
            });
  }

  // ---------------------------------------------------------------- household parts

  /** Members. */
  public static Arbitrary<Member> members() {
    return Combinators.combine(memberIds(), Arbitraries.of(MemberRole.class))
        .as((id, role) -> Member.builder().id(id).name("Client " + id).role(role).build());
  }

  /** Accounts, including held-away ones and contradictory flags. */
  public static Arbitrary<Account> accounts() {
    return Combinators.combine(
            accountIds(),
            memberIds().set().ofMaxSize(2),
            Arbitraries.of(AccountType.class),
            money(),
            usd(),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.of(TransactionCoverage.class))
        .as(
            (id, owners, type, cash, floor, heldAway, tradable, coverage) ->
                Account.builder()
                    .id(id)
                    .addAllOwners(owners)
                    .type(type)
                    .custodian("Custodian")
                    .cash(cash)
                    .cashFloor(floor)
                    .heldAway(heldAway)
                    .tradable(tradable)
                    .transactionCoverage(coverage)
                    .build());
  }

  /** Tax lots of any quantity, basis and dates. */
  public static Arbitrary<TaxLot> taxLots() {
    return Combinators.combine(
            lotIds(), accountIds(), securityIds(), quantities(), money(), dates(), dates(), usd())
        .as(
            (id, account, security, quantity, basis, acquired, holdingStart, wash) ->
                TaxLot.builder()
                    .id(id)
                    .account(account)
                    .security(security)
                    .quantity(quantity)
                    .costBasis(basis)
                    .acquired(acquired)
                    .holdingPeriodStart(holdingStart)
                    .washSaleAdjustment(wash)
                    .build());
  }

  /** Transactions of any side, quantity and date. */
  public static Arbitrary<Transaction> transactions() {
    return Combinators.combine(
            transactionIds(),
            accountIds(),
            securityIds(),
            Arbitraries.of(Side.class),
            dates(),
            quantities(),
            money(),
            usd().optional())
        .as(
            (id, account, security, side, date, quantity, amount, gain) ->
                Transaction.builder()
                    .id(id)
                    .account(account)
                    .security(security)
                    .side(side)
                    .tradeDate(date)
                    .quantity(quantity)
                    .amount(amount)
                    .realizedGain(gain)
                    .build());
  }

  /** Tax profiles with any rates and amounts. */
  public static Arbitrary<TaxProfile> taxProfiles() {
    return Combinators.combine(
            Arbitraries.of(FilingStatus.class),
            weights(),
            weights(),
            weights(),
            Arbitraries.of(Weight.ZERO, Weight.of("0.038"), Weight.of("0.05")),
            usd(),
            usd(),
            usd().optional())
        .as(
            (status, st, lt, state, niit, stCarry, ltCarry, budget) ->
                TaxProfile.builder()
                    .filingStatus(status)
                    .shortTermRate(st)
                    .longTermRate(lt)
                    .stateRate(state)
                    .niitRate(niit)
                    .shortTermCarryforward(stCarry)
                    .longTermCarryforward(ltCarry)
                    .realizedShortTermYtd(Money.ZERO_USD)
                    .realizedLongTermYtd(Money.ZERO_USD)
                    .annualGainBudget(budget)
                    .build());
  }

  /** Class targets with any weight and bands. */
  public static Arbitrary<ClassTarget> classTargets() {
    return Combinators.combine(weights(), weights(), weights()).as(ClassTarget::new);
  }

  /** Target allocations of up to four classes, weights not necessarily summing to 1. */
  public static Arbitrary<TargetAllocation> targetAllocations() {
    return Combinators.combine(assetClasses().set().ofMaxSize(4), classTargets().list().ofSize(4))
        .as(
            (classes, targets) -> {
              TargetAllocation.Builder b = TargetAllocation.builder();
              int i = 0;
              for (AssetClass c : classes) {
                b.putClasses(c, targets.get(i++));
              }
              return b.build();
            });
  }

  /** Models of up to four classes with up to three securities each. */
  public static Arbitrary<Model> models() {
    return Combinators.combine(
            modelIds(),
            assetClasses().set().ofMaxSize(4),
            securityIds().list().ofMaxSize(3).list().ofSize(4))
        .as(
            (id, classes, lists) -> {
              Model.Builder b = Model.builder().id(id);
              int i = 0;
              for (AssetClass c : classes) {
                b.putSecurities(c, ImmutableList.copyOf(lists.get(i++)));
              }
              return b.build();
            });
  }

  /** Glide paths of up to three steps at any (possibly negative) number of years. */
  public static Arbitrary<GlidePath> glidePaths() {
    return Combinators.combine(
            Arbitraries.integers().between(-2, 30).set().ofMaxSize(3),
            targetAllocations().list().ofSize(3))
        .as(
            (years, allocations) -> {
              GlidePath.Builder b = GlidePath.builder();
              int i = 0;
              for (Integer y : years) {
                b.putSteps(y, allocations.get(i++));
              }
              return b.build();
            });
  }

  /** Goals with any amount, date, priority and funding. */
  public static Arbitrary<Goal> goals() {
    return Combinators.combine(
            goalIds(),
            Arbitraries.of(GoalKind.class),
            money(),
            dates(),
            Arbitraries.integers().between(-1, 5),
            accountIds().set().ofMaxSize(2),
            weights().optional(),
            glidePaths())
        .as(
            (id, kind, amount, date, priority, accounts, share, path) ->
                Goal.builder()
                    .id(id)
                    .name("Goal " + id)
                    .kind(kind)
                    .targetAmount(amount)
                    .targetDate(date)
                    .priority(priority)
                    .addAllFundingAccounts(accounts)
                    .fundingShare(share)
                    .glidePath(path)
                    .build());
  }

  /** Liquidity events of any amount and date. */
  public static Arbitrary<LiquidityEvent> liquidityEvents() {
    return Combinators.combine(
            liquidityEventIds(),
            Arbitraries.of(LiquidityKind.class),
            money(),
            dates(),
            accountIds().optional(),
            Arbitraries.of(Firmness.class))
        .as(
            (id, kind, amount, date, account, firmness) ->
                LiquidityEvent.builder()
                    .id(id)
                    .kind(kind)
                    .amount(amount)
                    .date(date)
                    .account(account)
                    .firmness(firmness)
                    .build());
  }

  // ---------------------------------------------------------------- restrictions

  /** Security scopes naming a known or unknown security, issuer or class. */
  public static Arbitrary<SecurityScope> securityScopes() {
    return Combinators.combine(
            Arbitraries.of(ScopeType.class),
            Arbitraries.of(List.of("VTI", EMPLOYER, "US_EQUITY", "ZZZ")))
        .as(SecurityScope::new);
  }

  private static Arbitrary<String> sources() {
    return Arbitraries.of(List.of("Client letter", "Insider policy", "IPS", ""));
  }

  /** Security exclusions. */
  public static Arbitrary<SecurityExclusion> securityExclusions() {
    return Combinators.combine(restrictionIds(), securityScopes(), dateWindows(), sources())
        .as(SecurityExclusion::new);
  }

  /** Do-not-sell restrictions. */
  public static Arbitrary<DoNotSell> doNotSells() {
    return Combinators.combine(
            restrictionIds(),
            securityScopes(),
            accountIds().set().ofMaxSize(2).map(ImmutableSortedSet::copyOf),
            dateWindows(),
            sources())
        .as(DoNotSell::new);
  }

  /** Insider blackout windows. */
  public static Arbitrary<BlackoutWindow> blackoutWindows() {
    return Combinators.combine(
            restrictionIds(), Arbitraries.of(List.of(EMPLOYER, "OTHER")), dateWindows(), sources())
        .as(BlackoutWindow::new);
  }

  /** Rule 144 volume limits. */
  public static Arbitrary<VolumeLimit> volumeLimits() {
    return Combinators.combine(
            restrictionIds(), Arbitraries.of(List.of(EMPLOYER, "OTHER")), dateWindows(), sources())
        .as(VolumeLimit::new);
  }

  /** Concentration caps with any cap. */
  public static Arbitrary<ConcentrationCap> concentrationCaps() {
    return Combinators.combine(
            restrictionIds(), securityScopes(), weights(), dateWindows(), sources())
        .as(ConcentrationCap::new);
  }

  /** Account freezes. */
  public static Arbitrary<AccountFreeze> accountFreezes() {
    return Combinators.combine(restrictionIds(), accountIds(), dateWindows(), sources())
        .as(AccountFreeze::new);
  }

  /** Lot preferences. */
  public static Arbitrary<LotPreference> lotPreferences() {
    return Combinators.combine(
            restrictionIds(), securityScopes(), dates(), dateWindows(), sources())
        .as(LotPreference::new);
  }

  /** Asset-location preferences with any penalty. */
  public static Arbitrary<AssetLocationPreference> assetLocationPreferences() {
    return Combinators.combine(
            restrictionIds(),
            securityScopes(),
            Arbitraries.of(TaxTreatment.class).set().map(ImmutableSortedSet::copyOf),
            decimals(-100, 500, 0),
            dateWindows(),
            sources())
        .as(AssetLocationPreference::new);
  }

  /** Restrictions of every kind, equally often. */
  public static Arbitrary<Restriction> restrictions() {
    return Arbitraries.oneOf(
        List.<Arbitrary<? extends Restriction>>of(
            securityExclusions(),
            doNotSells(),
            blackoutWindows(),
            volumeLimits(),
            concentrationCaps(),
            accountFreezes(),
            lotPreferences(),
            assetLocationPreferences()));
  }

  // ---------------------------------------------------------------- results

  /** Lot picks of a positive quantity. */
  public static Arbitrary<LotPick> lotPicks() {
    return Combinators.combine(lotIds(), positiveQuantities()).as(LotPick::new);
  }

  /** Trades: buys without lots, sells whose picks add up to the quantity. */
  public static Arbitrary<Trade> trades() {
    return Combinators.combine(
            accountIds(),
            securityIds(),
            Arbitraries.of(Side.class),
            lotPicks().list().ofMinSize(1).ofMaxSize(3).uniqueElements(LotPick::lot),
            unitPrices(),
            Arbitraries.of(List.of("drift.rebalance", "tax.harvest", "liquidity.need"))
                .set()
                .ofMinSize(1))
        .as(
            (account, security, side, picks, price, reasons) -> {
              Quantity total =
                  picks.stream().map(LotPick::quantity).reduce(Quantity.ZERO, Quantity::plus);
              Trade.Builder b =
                  Trade.builder()
                      .account(account)
                      .security(security)
                      .side(side)
                      .quantity(total)
                      .estimatedPrice(price)
                      .addAllReasonCodes(reasons);
              if (side == Side.SELL) {
                b.addAllLots(picks);
              }
              return b.build();
            });
  }

  /** Proposals of up to four trades. */
  public static Arbitrary<Proposal> proposals() {
    return Combinators.combine(
            householdIds(),
            dates(),
            trades().list().ofMaxSize(4),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).list().ofMaxSize(3))
        .as(
            (id, asOf, trades, lines) ->
                Proposal.builder()
                    .household(id)
                    .asOf(asOf)
                    .addAllTrades(trades)
                    .addAllExplanation(lines)
                    .build());
  }

  // ---------------------------------------------------------------- whole households

  private record Parts(
      HouseholdId id,
      List<Member> members,
      List<Account> accounts,
      List<TaxLot> lots,
      List<Transaction> transactions,
      List<Goal> goals,
      List<Restriction> restrictions,
      List<LiquidityEvent> events) {}

  /**
   * Households assembled from independent arbitrary parts: ids may clash, references dangle and
   * values be out of range. For properties that must hold on any input, such as "the validator
   * never throws".
   */
  public static Arbitrary<Household> households() {
    Arbitrary<Parts> parts =
        Combinators.combine(
                householdIds(),
                members().list().ofMaxSize(3),
                accounts().list().ofMaxSize(3),
                taxLots().list().ofMaxSize(5),
                transactions().list().ofMaxSize(3),
                goals().list().ofMaxSize(2),
                restrictions().list().ofMaxSize(4),
                liquidityEvents().list().ofMaxSize(2))
            .as(Parts::new);
    return Combinators.combine(
            parts,
            taxProfiles(),
            targetAllocations(),
            models(),
            dates().optional(),
            Arbitraries.of(RebalanceFrequency.class))
        .as(
            (p, tax, target, model, last, frequency) ->
                Household.builder()
                    .id(p.id())
                    .addAllMembers(p.members())
                    .addAllAccounts(p.accounts())
                    .addAllLots(p.lots())
                    .addAllTransactions(p.transactions())
                    .addAllGoals(p.goals())
                    .addAllRestrictions(p.restrictions())
                    .addAllLiquidityEvents(p.events())
                    .taxProfile(tax)
                    .target(target)
                    .model(model)
                    .lastRebalanced(last)
                    .rebalanceFrequency(frequency)
                    .build());
  }

  /** Any household with any market data and as-of date: see {@link #households()}. */
  public static Arbitrary<HouseholdFixture> anyFixtures() {
    return Combinators.combine(households(), marketData(), dates()).as(HouseholdFixture::new);
  }

  // ---------------------------------------------------------------- valid households

  /**
   * Households that validate clean (no errors, no warnings), with matching market data and as-of
   * date, consistent by construction.
   *
   * <p>Each has 1-3 members; 1-5 accounts of mixed registrations, about a third held away (never
   * tradable), cash at or above its floor; 1-12 whole-share lots of universe securities acquired up
   * to ten years back, some with wash-sale adjustments and tacked holding periods; up to four
   * transactions of the last 60 days; up to three goals in the future, funded by accounts no other
   * goal uses and shares summing to at most 1, with glide paths stepping at 0, 5 and 10 years; up
   * to eight restrictions of any kind with live windows (blackouts bounded); up to three future
   * liquidity events; a valid tax profile; a target over all five classes filled by the universe
   * model; and prices at most three days old.
   */
  public static Arbitrary<HouseholdFixture> validHouseholds() {
    Arbitrary<Book> book =
        Combinators.combine(
                Arbitraries.integers()
                    .between(0, 3650)
                    .map(d -> LocalDate.of(2020, 1, 1).plusDays(d)),
                Arbitraries.integers().between(1, 3),
                validTargets(),
                validTaxProfiles(),
                decimals(100, 500_000, 2).list().ofSize(UNIVERSE.size()),
                Arbitraries.integers().between(0, 3).list().ofSize(UNIVERSE.size()),
                Arbitraries.integers().between(4, 8),
                Arbitraries.integers().between(1, 400).optional())
            .as(Book::new);
    Arbitrary<Specs> specs =
        Combinators.combine(
                accountSpecs().list().ofMinSize(1).ofMaxSize(5),
                lotSpecs().list().ofMinSize(1).ofMaxSize(12),
                transactionSpecs().list().ofMaxSize(4),
                goalSpecs().list().ofMaxSize(3),
                restrictionSpecs().list().ofMaxSize(8),
                eventSpecs().list().ofMaxSize(3))
            .as(Specs::new);
    return Combinators.combine(householdIds(), book, specs).as(RebalArbitraries::build);
  }

  /** Target allocations over {@link #CLASSES} whose weights sum to 1 and bands fit the weights. */
  public static Arbitrary<TargetAllocation> validTargets() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 100).list().ofSize(CLASSES.size()),
            Arbitraries.integers().between(0, 10).list().ofSize(CLASSES.size()),
            Arbitraries.integers().between(0, 50).list().ofSize(CLASSES.size()))
        .as(
            (parts, absolutePoints, relativePercent) -> {
              int sum = parts.stream().mapToInt(Integer::intValue).sum();
              TargetAllocation.Builder b = TargetAllocation.builder();
              BigDecimal rest = BigDecimal.ONE;
              for (int i = 0; i < CLASSES.size(); i++) {
                BigDecimal w =
                    i == CLASSES.size() - 1
                        ? rest
                        : BigDecimal.valueOf(parts.get(i) * 10_000L / sum, 4);
                rest = rest.subtract(w);
                Weight weight = Weight.of(w);
                Weight absolute = Weight.of(BigDecimal.valueOf(absolutePoints.get(i), 2));
                b.putClasses(
                    CLASSES.get(i),
                    new ClassTarget(
                        weight,
                        absolute.compareTo(weight) > 0 ? weight : absolute,
                        Weight.of(BigDecimal.valueOf(relativePercent.get(i), 2))));
              }
              return b.build();
            });
  }

  /** Tax profiles whose rates, carryforwards and limits are all in range. */
  public static Arbitrary<TaxProfile> validTaxProfiles() {
    return Combinators.combine(
            Arbitraries.of(FilingStatus.class),
            Arbitraries.of(List.of("0.10", "0.12", "0.22", "0.24", "0.32", "0.35", "0.37")),
            Arbitraries.of(List.of("0", "0.15", "0.20")),
            Arbitraries.integers().between(0, 13),
            Arbitraries.of(Weight.ZERO, Weight.of("0.038")),
            decimals(0, 5_000_000, 2).list().ofSize(2),
            decimals(-5_000_000, 5_000_000, 2).list().ofSize(2),
            decimals(0, 10_000_000, 2).optional().list().ofSize(2))
        .as(
            (status, st, lt, state, niit, carry, realized, limits) ->
                TaxProfile.builder()
                    .filingStatus(status)
                    .shortTermRate(Weight.of(st))
                    // no federal bracket taxes short-term gains below long-term ones
                    .longTermRate(
                        Weight.of(lt).compareTo(Weight.of(st)) > 0 ? Weight.of(st) : Weight.of(lt))
                    .stateRate(Weight.percent(String.valueOf(state)))
                    .niitRate(niit)
                    .shortTermCarryforward(Money.usd(carry.get(0)))
                    .longTermCarryforward(Money.usd(carry.get(1)))
                    .realizedShortTermYtd(Money.usd(realized.get(0)))
                    .realizedLongTermYtd(Money.usd(realized.get(1)))
                    .annualGainBudget(limits.get(0).map(Money::usd))
                    .shortTermGainCap(limits.get(1).map(Money::usd))
                    .build());
  }

  private record Book(
      LocalDate asOf,
      int memberCount,
      TargetAllocation target,
      TaxProfile tax,
      List<BigDecimal> prices,
      List<Integer> priceLags,
      int volumeWeeks,
      Optional<Integer> lastRebalancedDaysAgo) {}

  private record Specs(
      List<AccountSpec> accounts,
      List<LotSpec> lots,
      List<TransactionSpec> transactions,
      List<GoalSpec> goals,
      List<RestrictionSpec> restrictions,
      List<EventSpec> events) {}

  private record AccountSpec(
      AccountType type,
      boolean heldAway,
      BigDecimal cash,
      int floorPercent,
      boolean fractional,
      int ownerMask) {}

  private static Arbitrary<AccountSpec> accountSpecs() {
    return Combinators.combine(
            Arbitraries.of(AccountType.class),
            Arbitraries.frequency(List.of(Tuple.of(1, true), Tuple.of(2, false))),
            decimals(0, 50_000_000, 2),
            Arbitraries.integers().between(0, 100),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 7))
        .as(AccountSpec::new);
  }

  private record LotSpec(
      int account,
      int security,
      int quantity,
      BigDecimal unitCost,
      int daysAgo,
      int washPercent,
      int tackDays) {}

  private static Arbitrary<LotSpec> lotSpecs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, UNIVERSE.size() - 1),
            Arbitraries.integers().between(1, 2_000),
            decimals(1, 50_000, 2),
            Arbitraries.integers().between(0, 3650),
            Arbitraries.frequencyOf(
                List.of(
                    Tuple.of(4, Arbitraries.just(0)),
                    Tuple.of(1, Arbitraries.integers().between(1, 50)))),
            Arbitraries.integers().between(0, 200))
        .as(LotSpec::new);
  }

  private record TransactionSpec(
      int account,
      int security,
      Side side,
      int quantity,
      BigDecimal unitPrice,
      int daysAgo,
      BigDecimal gain) {}

  private static Arbitrary<TransactionSpec> transactionSpecs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, UNIVERSE.size() - 1),
            Arbitraries.of(Side.class),
            Arbitraries.integers().between(1, 500),
            decimals(1, 50_000, 2),
            Arbitraries.integers().between(0, 60),
            decimals(-1_000_000, 1_000_000, 2))
        .as(TransactionSpec::new);
  }

  private record GoalSpec(
      GoalKind kind,
      BigDecimal amount,
      int daysAhead,
      int priority,
      int sharePercent,
      int accountMask,
      boolean withShare,
      List<TargetAllocation> steps) {}

  private static Arbitrary<GoalSpec> goalSpecs() {
    return Combinators.combine(
            Arbitraries.of(GoalKind.class),
            decimals(100_000, 500_000_000, 2),
            Arbitraries.integers().between(0, 15_000),
            Arbitraries.integers().between(1, 5),
            Arbitraries.integers().between(1, 100),
            Arbitraries.integers().between(0, 31),
            Arbitraries.of(true, false),
            validTargets().list().ofMinSize(1).ofMaxSize(3))
        .as(GoalSpec::new);
  }

  private record RestrictionSpec(
      int kind,
      int scopeType,
      int pick,
      int before,
      int after,
      int windowShape,
      int number,
      Set<TaxTreatment> treatments) {}

  private static Arbitrary<RestrictionSpec> restrictionSpecs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 7),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 400),
            Arbitraries.integers().between(0, 400),
            Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(1, 100),
            Arbitraries.of(TaxTreatment.class).set().ofMinSize(1))
        .as(RestrictionSpec::new);
  }

  private record EventSpec(
      LiquidityKind kind, BigDecimal amount, int daysAhead, int account, Firmness firmness) {}

  private static Arbitrary<EventSpec> eventSpecs() {
    return Combinators.combine(
            Arbitraries.of(LiquidityKind.class),
            decimals(1, 300_000_000, 2),
            Arbitraries.integers().between(0, 365),
            Arbitraries.integers().between(-1, 4),
            Arbitraries.of(Firmness.class))
        .as(EventSpec::new);
  }

  private static <T> T pick(List<T> items, int index) {
    return items.get(Math.floorMod(index, items.size()));
  }

  private static HouseholdFixture build(HouseholdId id, Book book, Specs specs) {
    LocalDate asOf = book.asOf();
    // members: a primary, then a spouse and a dependent
    List<MemberRole> roles = List.of(MemberRole.PRIMARY, MemberRole.SPOUSE, MemberRole.DEPENDENT);
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < book.memberCount(); i++) {
      members.add(
          Member.builder()
              .id(MemberId.of("M-" + (i + 1)))
              .name("Member " + (i + 1))
              .role(roles.get(i))
              .build());
    }
    // accounts: owners a non-empty subset of the members; floor never above cash
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < specs.accounts().size(); i++) {
      AccountSpec s = specs.accounts().get(i);
      int subsets = (1 << members.size()) - 1;
      int mask = s.ownerMask() % subsets + 1;
      Account.Builder b =
          Account.builder()
              .id(AccountId.of("A-" + (i + 1)))
              .type(s.type())
              .custodian(s.heldAway() ? "Other firm" : "Custodian")
              .cash(Money.usd(s.cash()))
              .cashFloor(Money.usd(s.cash()).multipliedBy(BigDecimal.valueOf(s.floorPercent(), 2)))
              .heldAway(s.heldAway())
              .fractionalShares(s.fractional());
      for (int m = 0; m < members.size(); m++) {
        if ((mask & (1 << m)) != 0) {
          b.addOwners(members.get(m).id());
        }
      }
      accounts.add(b.build());
    }
    // lots: whole shares, positive basis, wash-sale adjustment within it, holding period tacked
    List<TaxLot> lots = new ArrayList<>();
    for (int i = 0; i < specs.lots().size(); i++) {
      LotSpec s = specs.lots().get(i);
      Money basis = Money.usd(s.unitCost().multiply(BigDecimal.valueOf(s.quantity())));
      LocalDate acquired = asOf.minusDays(s.daysAgo());
      lots.add(
          TaxLot.builder()
              .id(LotId.of("L-" + (i + 1)))
              .account(pick(accounts, s.account()).id())
              .security(pick(UNIVERSE, s.security()).id())
              .quantity(Quantity.of(s.quantity()))
              .costBasis(basis)
              .acquired(acquired)
              .holdingPeriodStart(s.washPercent() > 0 ? acquired.minusDays(s.tackDays()) : acquired)
              .washSaleAdjustment(basis.multipliedBy(BigDecimal.valueOf(s.washPercent(), 2)))
              .build());
    }
    // transactions: last 60 days, positive amounts, a gain only on sells
    List<Transaction> transactions = new ArrayList<>();
    for (int i = 0; i < specs.transactions().size(); i++) {
      TransactionSpec s = specs.transactions().get(i);
      Transaction.Builder b =
          Transaction.builder()
              .id(TransactionId.of("T-" + (i + 1)))
              .account(pick(accounts, s.account()).id())
              .security(pick(UNIVERSE, s.security()).id())
              .side(s.side())
              .tradeDate(asOf.minusDays(s.daysAgo()))
              .quantity(Quantity.of(s.quantity()))
              .amount(Money.usd(s.unitPrice().multiply(BigDecimal.valueOf(s.quantity()))));
      if (s.side() == Side.SELL) {
        b.realizedGain(Money.usd(s.gain()));
      }
      transactions.add(b.build());
    }
    // goals: each account funds at most one goal; shares sum to at most 1
    List<Goal> goals = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    int goalCount = specs.goals().size();
    for (int g = 0; g < goalCount; g++) {
      GoalSpec s = specs.goals().get(g);
      Goal.Builder b =
          Goal.builder()
              .id(GoalId.of("G-" + (g + 1)))
              .name("Goal " + (g + 1))
              .kind(s.kind())
              .targetAmount(Money.usd(s.amount()))
              .targetDate(asOf.plusDays(s.daysAhead()))
              .priority(s.priority());
      boolean funded = false;
      for (int a = 0; a < accounts.size(); a++) {
        if ((s.accountMask() & (1 << a)) != 0 && taken.add(a)) {
          b.addFundingAccounts(accounts.get(a).id());
          funded = true;
        }
      }
      if (!funded || s.withShare()) {
        b.fundingShare(
            Weight.ofComputed(
                BigDecimal.valueOf(s.sharePercent())
                    .divide(
                        BigDecimal.valueOf(100L * goalCount), Weight.SCALE, RoundingMode.DOWN)));
      }
      GlidePath.Builder path = GlidePath.builder();
      for (int k = 0; k < s.steps().size(); k++) {
        path.putSteps(5 * k, s.steps().get(k));
      }
      goals.add(b.glidePath(path.build()).build());
    }
    // restrictions: known references, live windows, bounded blackouts
    List<Restriction> restrictions = new ArrayList<>();
    for (int i = 0; i < specs.restrictions().size(); i++) {
      restrictions.add(restriction("R-" + (i + 1), specs.restrictions().get(i), accounts, asOf));
    }
    // liquidity events: in the future; a need is never tied to a held-away account
    List<LiquidityEvent> events = new ArrayList<>();
    for (int i = 0; i < specs.events().size(); i++) {
      EventSpec s = specs.events().get(i);
      LiquidityEvent.Builder b =
          LiquidityEvent.builder()
              .id(LiquidityEventId.of("E-" + (i + 1)))
              .kind(s.kind())
              .amount(Money.usd(s.amount()))
              .date(asOf.plusDays(s.daysAhead()))
              .firmness(s.firmness());
      if (s.account() >= 0) {
        Account a = pick(accounts, s.account());
        if (!(a.heldAway() && s.kind() == LiquidityKind.NEED)) {
          b.account(a.id());
        }
      }
      events.add(b.build());
    }
    Household household =
        Household.builder()
            .id(id)
            .addAllMembers(members)
            .addAllAccounts(accounts)
            .addAllLots(lots)
            .addAllTransactions(transactions)
            .addAllGoals(goals)
            .addAllRestrictions(restrictions)
            .addAllLiquidityEvents(events)
            .taxProfile(book.tax())
            .target(book.target())
            .model(universeModel())
            .lastRebalanced(book.lastRebalancedDaysAgo().map(asOf::minusDays))
            .build();
    return new HouseholdFixture(household, universeMarket(book), asOf);
  }

  private static MarketData universeMarket(Book book) {
    MarketData.Builder b = MarketData.builder();
    List<Price> prices = new ArrayList<>();
    for (int i = 0; i < UNIVERSE.size(); i++) {
      Security s = UNIVERSE.get(i);
      b.putSecurities(s.id(), s);
      prices.add(
          Price.of(
              s.id(),
              UnitPrice.of(Money.USD, book.prices().get(i)),
              book.asOf().minusDays(book.priceLags().get(i))));
    }
    List<Quantity> weeks = new ArrayList<>();
    for (int w = 0; w < book.volumeWeeks(); w++) {
      weeks.add(Quantity.of(800_000L + 50_000L * w));
    }
    return b.prices(PriceTable.of(prices))
        .putVolumes(
            EMPLOYER,
            TradingVolume.builder()
                .issuer(EMPLOYER)
                .asOf(book.asOf().minusDays(3))
                .sharesOutstanding(Quantity.of(250_000_000L))
                .addAllWeeklyVolumes(weeks)
                .build())
        .build();
  }

  private static Restriction restriction(
      String idText, RestrictionSpec s, List<Account> accounts, LocalDate asOf) {
    RestrictionId id = RestrictionId.of(idText);
    String source = "source of " + idText;
    DateWindow window;
    switch (s.windowShape()) {
      case 0:
        window = DateWindow.always();
        break;
      case 1:
        window = DateWindow.from(asOf.minusDays(s.before()));
        break;
      case 2:
        window = DateWindow.until(asOf.plusDays(s.after()));
        break;
      default:
        window = DateWindow.between(asOf.minusDays(s.before()), asOf.plusDays(s.after()));
    }
    Security security = pick(UNIVERSE, s.pick());
    SecurityScope scope =
        s.scopeType() == 0
            ? SecurityScope.security(security.id().value())
            : s.scopeType() == 1
                ? SecurityScope.issuer(security.issuer())
                : SecurityScope.assetClass(security.assetClass().value());
    Function<Integer, AccountId> account = i -> pick(accounts, i).id();
    switch (s.kind()) {
      case 0:
        return new SecurityExclusion(id, scope, window, source);
      case 1:
        return new DoNotSell(
            id,
            scope,
            s.number() % 2 == 0
                ? ImmutableSortedSet.of()
                : ImmutableSortedSet.of(account.apply(s.pick())),
            window,
            source);
      case 2:
        return new BlackoutWindow(
            id,
            security.issuer(),
            DateWindow.between(asOf.minusDays(s.before()), asOf.plusDays(s.after())),
            source);
      case 3:
        return new VolumeLimit(id, EMPLOYER, window, source);
      case 4:
        return new ConcentrationCap(
            id, scope, Weight.percent(String.valueOf(s.number())), window, source);
      case 5:
        return new AccountFreeze(id, account.apply(s.pick()), window, source);
      case 6:
        return new LotPreference(id, scope, asOf.minusDays(s.before()), window, source);
      default:
        return new AssetLocationPreference(
            id,
            scope,
            ImmutableSortedSet.copyOf(EnumSet.copyOf(s.treatments())),
            BigDecimal.valueOf(s.number()),
            window,
            source);
    }
  }
}
