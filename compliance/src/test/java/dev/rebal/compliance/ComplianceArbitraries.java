package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.AS_OF;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
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
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated households (accounts, held-away ones included, lots, restrictions of every kind with
 * windows on and around the as-of date, recent sales) and random proposals for the compliance
 * properties. Kept in the compliance test sources on purpose: it does not depend on core's shared
 * fixtures.
 */
final class ComplianceArbitraries {
  static final List<SecurityId> SECURITIES =
      List.of(Fixtures.ACME, Fixtures.FUND, Fixtures.ITOT, Fixtures.MUNI, Fixtures.VTI);
  private static final List<String> ISSUERS =
      List.of("ACME", "VANGUARD", "ISHARES", "NYC", "FUNDCO");
  private static final int MAX_ACCOUNTS = 3;

  private ComplianceArbitraries() {}

  /** A household and the market data it is valued with. */
  record Scenario(Household household, MarketData marketData) {}

  /** A scenario and a proposal on it. */
  record Case(Scenario scenario, List<Trade> trades) {}

  /** An account before it is numbered. */
  private record AccountSpec(
      AccountType type, boolean heldAway, boolean fractional, int cash, int floor) {}

  /** A lot whose account is an index into the generated accounts (modulo their number). */
  private record LotSpec(int account, SecurityId security, int quantity, LocalDate acquired) {}

  static Arbitrary<Scenario> scenarios() {
    Arbitrary<List<AccountSpec>> accounts = account().list().ofMinSize(1).ofMaxSize(MAX_ACCOUNTS);
    Arbitrary<List<LotSpec>> lots = lot().list().ofMaxSize(7);
    Arbitrary<List<Function<String, Restriction>>> restrictions = restriction().list().ofMaxSize(4);
    Arbitrary<List<Function<Integer, Transaction>>> sales = pastSale().list().ofMaxSize(2);
    Arbitrary<Optional<TradingVolume>> volume = volume().optional(0.85);
    return Combinators.combine(accounts, lots, restrictions, sales, volume)
        .as(ComplianceArbitraries::scenario);
  }

  private static Scenario scenario(
      List<AccountSpec> accountSpecs,
      List<LotSpec> lots,
      List<Function<String, Restriction>> restrictions,
      List<Function<Integer, Transaction>> sales,
      Optional<TradingVolume> volume) {
    List<Account> accounts = new ArrayList<>();
    for (int i = 0; i < accountSpecs.size(); i++) {
      AccountSpec a = accountSpecs.get(i);
      accounts.add(
          Account.builder()
              .id(AccountId.of("A" + i))
              .addOwners(MemberId.of("M1"))
              .type(a.type())
              .custodian(a.heldAway() ? "Elsewhere" : "Custodian")
              .cash(Money.usd(BigDecimal.valueOf(a.cash())))
              .cashFloor(Money.usd(BigDecimal.valueOf(a.floor())))
              .heldAway(a.heldAway())
              .fractionalShares(a.fractional())
              .build());
    }
    Household.Builder b = Fixtures.household().addAllAccounts(accounts);
    for (int i = 0; i < lots.size(); i++) {
      LotSpec l = lots.get(i);
      b.addLots(
          TaxLot.builder()
              .id(LotId.of("L" + i))
              .account(accounts.get(l.account() % accounts.size()).id())
              .security(l.security())
              .quantity(Quantity.of(l.quantity()))
              .costBasis(Money.usd("1000"))
              .acquired(l.acquired())
              .build());
    }
    for (int i = 0; i < restrictions.size(); i++) {
      b.addRestrictions(restrictions.get(i).apply("R" + i));
    }
    for (int i = 0; i < sales.size(); i++) {
      b.addTransactions(sales.get(i).apply(i));
    }
    MarketData md = volume.map(Fixtures::marketData).orElseGet(Fixtures::marketData);
    return new Scenario(b.build(), md);
  }

  private static Arbitrary<AccountSpec> account() {
    Arbitrary<AccountType> type =
        Arbitraries.of(
            AccountType.TAXABLE,
            AccountType.TRADITIONAL_IRA,
            AccountType.ROTH_IRA,
            AccountType.K401);
    Arbitrary<Boolean> heldAway = Arbitraries.of(false, false, false, false, true);
    Arbitrary<Boolean> fractional = Arbitraries.of(false, true);
    Arbitrary<Integer> cash = Arbitraries.integers().between(0, 20_000);
    Arbitrary<Integer> floor = Arbitraries.of(0, 0, 0, 500, 2_000);
    return Combinators.combine(type, heldAway, fractional, cash, floor).as(AccountSpec::new);
  }

  private static Arbitrary<LotSpec> lot() {
    Arbitrary<Integer> account = Arbitraries.integers().between(0, MAX_ACCOUNTS - 1);
    Arbitrary<SecurityId> security = Arbitraries.of(SECURITIES);
    Arbitrary<Integer> quantity = Arbitraries.integers().between(1, 300);
    Arbitrary<LocalDate> acquired =
        Arbitraries.integers().between(0, 16 * 365).map(d -> LocalDate.of(2010, 1, 1).plusDays(d));
    return Combinators.combine(account, security, quantity, acquired).as(LotSpec::new);
  }

  private static Arbitrary<Function<Integer, Transaction>> pastSale() {
    Arbitrary<Integer> daysAgo = Arbitraries.integers().between(0, 120);
    Arbitrary<Integer> quantity = Arbitraries.integers().between(1, 60);
    return Combinators.combine(daysAgo, quantity)
        .as(
            (d, q) ->
                i ->
                    Transaction.builder()
                        .id(TransactionId.of("T" + i))
                        .account(AccountId.of("A0"))
                        .security(Fixtures.ACME)
                        .side(Side.SELL)
                        .tradeDate(AS_OF.minusDays(d))
                        .quantity(Quantity.of(q))
                        .amount(Money.usd("1000"))
                        .build());
  }

  private static Arbitrary<TradingVolume> volume() {
    Arbitrary<Integer> outstanding = Arbitraries.integers().between(500, 10_000);
    Arbitrary<List<Integer>> weeks = Arbitraries.integers().between(0, 80).list().ofSize(5);
    return Combinators.combine(outstanding, weeks)
        .as(
            (o, w) -> {
              TradingVolume.Builder b =
                  TradingVolume.builder()
                      .issuer("ACME")
                      .asOf(AS_OF)
                      .sharesOutstanding(Quantity.of(o));
              w.forEach(v -> b.addWeeklyVolumes(Quantity.of(v)));
              return b.build();
            });
  }

  /** Windows in effect, not yet in effect, expired, and starting or ending on the as-of date. */
  static Arbitrary<DateWindow> window() {
    return Arbitraries.of(
        DateWindow.always(),
        DateWindow.between(AS_OF.minusDays(10), AS_OF.plusDays(10)),
        DateWindow.between(AS_OF, AS_OF.plusDays(5)),
        DateWindow.between(AS_OF.minusDays(5), AS_OF),
        DateWindow.between(AS_OF.minusDays(30), AS_OF.minusDays(1)),
        DateWindow.between(AS_OF.plusDays(1), AS_OF.plusDays(30)),
        DateWindow.until(AS_OF.minusDays(1)),
        DateWindow.from(AS_OF.plusDays(1)));
  }

  private static Arbitrary<SecurityScope> scope() {
    return Arbitraries.oneOf(
        Arbitraries.of(SECURITIES).map(s -> SecurityScope.security(s.value())),
        Arbitraries.of(ISSUERS).map(SecurityScope::issuer),
        Arbitraries.of("US_EQUITY", "MUNI_BOND").map(SecurityScope::assetClass));
  }

  private static Arbitrary<AccountId> accountId() {
    return Arbitraries.integers().between(0, MAX_ACCOUNTS - 1).map(i -> AccountId.of("A" + i));
  }

  private static Arbitrary<Function<String, Restriction>> restriction() {
    Arbitrary<DateWindow> w = window();
    Arbitrary<DateWindow> bounded =
        window().filter(x -> x.fromInclusive().isPresent() && x.untilInclusive().isPresent());
    Arbitrary<Function<String, Restriction>> exclusion =
        Combinators.combine(scope(), w)
            .as((s, x) -> id -> new SecurityExclusion(RestrictionId.of(id), s, x, "exclusion"));
    Arbitrary<Function<String, Restriction>> doNotSell =
        Combinators.combine(scope(), accountId().optional(0.3), w)
            .as(
                (s, a, x) ->
                    id ->
                        new DoNotSell(
                            RestrictionId.of(id),
                            s,
                            a.map(ImmutableSortedSet::of).orElse(ImmutableSortedSet.of()),
                            x,
                            "do not sell"));
    Arbitrary<Function<String, Restriction>> blackout =
        Combinators.combine(Arbitraries.of(ISSUERS), bounded)
            .as((i, x) -> id -> new BlackoutWindow(RestrictionId.of(id), i, x, "blackout"));
    Arbitrary<Function<String, Restriction>> volume =
        w.map(x -> id -> new VolumeLimit(RestrictionId.of(id), "ACME", x, "affiliate"));
    Arbitrary<Function<String, Restriction>> cap =
        Combinators.combine(scope(), Arbitraries.integers().between(5, 90), w)
            .as(
                (s, p, x) ->
                    id ->
                        new ConcentrationCap(
                            RestrictionId.of(id), s, Weight.percent(String.valueOf(p)), x, "cap"));
    Arbitrary<Function<String, Restriction>> freeze =
        Combinators.combine(accountId(), w)
            .as((a, x) -> id -> new AccountFreeze(RestrictionId.of(id), a, x, "freeze"));
    Arbitrary<Function<String, Restriction>> lotPreference =
        Combinators.combine(scope(), Arbitraries.integers().between(0, 16 * 365), w)
            .as(
                (s, d, x) ->
                    id ->
                        new LotPreference(
                            RestrictionId.of(id),
                            s,
                            LocalDate.of(2010, 1, 1).plusDays(d),
                            x,
                            "keep old lots"));
    Arbitrary<Function<String, Restriction>> location =
        Combinators.combine(scope(), Arbitraries.of(TaxTreatment.class), w)
            .as(
                (s, t, x) ->
                    id ->
                        new AssetLocationPreference(
                            RestrictionId.of(id),
                            s,
                            ImmutableSortedSet.of(t),
                            new BigDecimal("25"),
                            x,
                            "location"));
    return Arbitraries.oneOf(
        exclusion, doNotSell, blackout, volume, cap, freeze, lotPreference, location);
  }

  /** Scenarios with a Rule 144 volume limit on ACME in effect and ACME volume data present. */
  static Arbitrary<Scenario> rule144Scenarios() {
    return Combinators.combine(scenarios(), volume())
        .as(
            (s, v) -> {
              Household h = s.household();
              Household withLimit =
                  Household.builder()
                      .id(h.id())
                      .addAllMembers(h.members())
                      .addAllAccounts(h.accounts())
                      .addAllLots(h.lots())
                      .addAllTransactions(h.transactions())
                      .addAllRestrictions(h.restrictions())
                      .addRestrictions(
                          new VolumeLimit(
                              RestrictionId.of("R-144"), "ACME", DateWindow.always(), "affiliate"))
                      .taxProfile(h.taxProfile())
                      .target(h.target())
                      .model(h.model())
                      .build();
              return new Scenario(withLimit, Fixtures.marketData(v));
            });
  }

  /** Random proposals on a scenario: any account, security, side and size, with random picks. */
  static Arbitrary<Case> randomCases() {
    return scenarios().flatMap(s -> randomTrade(s).list().ofMaxSize(5).map(t -> new Case(s, t)));
  }

  private static Arbitrary<Trade> randomTrade(Scenario s) {
    List<Account> accounts = s.household().accounts();
    List<TaxLot> lots = s.household().lots();
    Arbitrary<Account> account = Arbitraries.of(accounts);
    Arbitrary<SecurityId> security = Arbitraries.of(SECURITIES);
    Arbitrary<Side> side = Arbitraries.of(Side.class);
    Arbitrary<BigDecimal> quantity =
        Arbitraries.oneOf(
            Arbitraries.integers().between(1, 250).map(BigDecimal::valueOf),
            Arbitraries.integers().between(1, 500).map(i -> BigDecimal.valueOf(i, 1)));
    Arbitrary<Integer> pickMode = Arbitraries.integers().between(0, 2);
    Arbitrary<Integer> lotIndex = Arbitraries.integers().between(0, Math.max(0, lots.size() - 1));
    return Combinators.combine(account, security, side, quantity, pickMode, lotIndex)
        .as(
            (a, sec, sd, q, mode, li) -> {
              Trade.Builder b =
                  Trade.builder()
                      .account(a.id())
                      .security(sec)
                      .side(sd)
                      .quantity(Quantity.of(q))
                      .estimatedPrice(Fixtures.priceOf(sec))
                      .addReasonCodes("drift.rebalance");
              if (sd != Side.BUY && mode > 0 && !lots.isEmpty()) {
                LotId lot =
                    mode == 1
                        ? matchingLot(lots, a.id(), sec).orElse(lots.get(li).id())
                        : lots.get(li).id();
                b.addLots(new LotPick(lot, Quantity.of(q)));
              }
              return b.build();
            });
  }

  private static Optional<LotId> matchingLot(List<TaxLot> lots, AccountId a, SecurityId s) {
    return lots.stream()
        .filter(l -> l.account().equals(a) && l.security().equals(s))
        .map(TaxLot::id)
        .findFirst();
  }
}
