package dev.rebal.tax.washsale;

import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.external;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.TaxFixtures;
import dev.rebal.tax.internal.PieceIds;
import dev.rebal.tax.lots.LotSplit;
import dev.rebal.tax.lots.RealizedLot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A household's trade history for wash-sale tests, and the three ways a firm can analyze it: one
 * call with every sale, one call per trading day, one call per trade. Each buy creates a purchase
 * (a lot named by the purchase id); each sell sells shares of one purchase, taking its pieces in
 * the order they were split off and the unused rest last, as the analyzer does. After each call the
 * household is carried forward with {@link WashSaleResult#lotsAfter()}, {@link
 * WashSaleResult#transactionsAfter()} and one sell transaction per sale piece.
 */
final class TradeHistory {
  static final LocalDate START = LocalDate.of(2025, 1, 2);
  static final AccountId TAX = AccountId.of("TAX-1");
  static final AccountId IRA = AccountId.of("IRA-1");
  static final AccountId SPOUSE = AccountId.of("SPOUSE-EXT");
  static final List<AccountId> ACCOUNTS = List.of(TAX, IRA, SPOUSE);
  static final SecurityId X = SecurityId.of("X");
  static final SecurityId Y = SecurityId.of("Y");
  static final SecurityId Z = SecurityId.of("Z");
  static final List<SecurityId> SECURITIES = List.of(X, Y, Z);

  /** X and Y are substantially identical (group G); Z is not. */
  static final MarketData MARKET =
      market(List.of(security("X", "G"), security("Y", "G"), security("Z", "Z")), Map.of(), START);

  /** One trade: a buy creating {@code purchase}, or a sell of shares of {@code purchase}. */
  record Event(
      int day,
      long seq,
      Side side,
      String purchase,
      AccountId account,
      SecurityId security,
      long shares,
      long cents) {
    LocalDate date() {
      return START.plusDays(day);
    }

    Money amount() {
      return Money.usd(BigDecimal.valueOf(cents * shares, 2));
    }

    @Override
    public String toString() {
      return "day "
          + day
          + "#"
          + seq
          + " "
          + side
          + " "
          + shares
          + " "
          + security
          + " of "
          + purchase
          + " in "
          + account
          + " @ "
          + BigDecimal.valueOf(cents, 2);
    }
  }

  final List<Event> events;
  final boolean samePurchaseWashes;

  TradeHistory(List<Event> events, boolean samePurchaseWashes) {
    this.events = List.copyOf(events);
    this.samePurchaseWashes = samePurchaseWashes;
  }

  /** A builder-style history: {@code buy} and {@code sell} add events in order. */
  static TradeHistory of(Event... events) {
    return new TradeHistory(List.of(events), false);
  }

  static Event buy(
      int day,
      long seq,
      String purchase,
      AccountId account,
      SecurityId security,
      long shares,
      String price) {
    return new Event(day, seq, Side.BUY, purchase, account, security, shares, cents(price));
  }

  static Event sell(
      int day,
      long seq,
      String purchase,
      AccountId account,
      SecurityId security,
      long shares,
      String price) {
    return new Event(day, seq, Side.SELL, purchase, account, security, shares, cents(price));
  }

  private static long cents(String price) {
    return new BigDecimal(price).movePointRight(2).longValueExact();
  }

  TradeHistory withSamePurchaseWashes(boolean value) {
    return new TradeHistory(events, value);
  }

  LocalDate lastDate() {
    return events.get(events.size() - 1).date();
  }

  /** What a way of analyzing produced: every call's results and the household at the end. */
  record Outcome(List<WashSaleResult> results, Household end) {
    List<Disallowance> disallowances() {
      List<Disallowance> out = new ArrayList<>();
      results.forEach(r -> out.addAll(r.disallowances()));
      out.sort(Comparator.comparing(Disallowance::toString));
      return out;
    }

    List<RealizedLot> sales() {
      List<RealizedLot> out = new ArrayList<>();
      results.forEach(r -> out.addAll(r.adjustedSales()));
      out.sort(Comparator.comparing(RealizedLot::toString));
      return out;
    }

    List<TaxLot> lots() {
      List<TaxLot> out = new ArrayList<>(end.lots());
      out.sort(Comparator.comparing(TaxLot::id));
      return out;
    }

    /** The disallowed (deferred or lost) loss of the sales of {@code purchase} on {@code day}. */
    Money disallowed(String purchase, int day) {
      Money m = Money.usd("0");
      for (Disallowance d : disallowances()) {
        if (PieceIds.origin(d.saleLot()).equals(purchase)
            && d.saleDate().equals(START.plusDays(day))) {
          m = m.plus(d.disallowedLoss());
        }
      }
      return m;
    }

    /** The gain, as sold, of the sales of {@code purchase} on {@code day}. */
    Money gain(String purchase, int day) {
      Money m = Money.usd("0");
      for (RealizedLot s : sales()) {
        if (PieceIds.origin(s.lot()).equals(purchase) && s.saleDate().equals(START.plusDays(day))) {
          m = m.plus(s.gain());
        }
      }
      return m;
    }

    /** The net recognized gain: gains as sold plus every disallowed loss added back. */
    Money net() {
      Money m = Money.usd("0");
      for (RealizedLot s : sales()) {
        m = m.plus(s.gain());
      }
      for (Disallowance d : disallowances()) {
        m = m.plus(d.disallowedLoss());
      }
      return m;
    }
  }

  Outcome oneCall() {
    return replay(List.of(events));
  }

  Outcome byDay() {
    Map<Integer, List<Event>> days = new LinkedHashMap<>();
    events.forEach(e -> days.computeIfAbsent(e.day(), d -> new ArrayList<>()).add(e));
    return replay(new ArrayList<>(days.values()));
  }

  Outcome byTrade() {
    List<List<Event>> batches = new ArrayList<>();
    events.forEach(e -> batches.add(List.of(e)));
    return replay(batches);
  }

  List<Account> accounts() {
    return List.of(
        account(TAX, AccountType.TAXABLE),
        account(IRA, AccountType.TRADITIONAL_IRA),
        external(SPOUSE.value(), TransactionCoverage.COMPLETE));
  }

  Household household(List<TaxLot> lots, List<Transaction> transactions) {
    TaxProfile p = TaxFixtures.profile();
    TaxProfile profile =
        TaxProfile.builder()
            .filingStatus(p.filingStatus())
            .shortTermRate(p.shortTermRate())
            .longTermRate(p.longTermRate())
            .shortTermCarryforward(p.shortTermCarryforward())
            .longTermCarryforward(p.longTermCarryforward())
            .realizedShortTermYtd(p.realizedShortTermYtd())
            .realizedLongTermYtd(p.realizedLongTermYtd())
            .samePurchaseWashes(samePurchaseWashes)
            .build();
    return TaxFixtures.household(accounts(), lots, transactions, profile, Map.of());
  }

  /** Analyzes the history in the given calls, each one batch of events of one date. */
  private Outcome replay(List<List<Event>> batches) {
    List<TaxLot> lots = new ArrayList<>();
    List<Transaction> transactions = new ArrayList<>();
    List<WashSaleResult> results = new ArrayList<>();
    int sellCount = 0;
    for (List<Event> batch : batches) {
      for (Event e : batch) {
        if (e.side() == Side.BUY) {
          lots.add(
              TaxFixtures.lot(
                  e.purchase(),
                  e.account(),
                  e.security(),
                  e.shares(),
                  e.amount().amount().toPlainString(),
                  e.date()));
          transactions.add(
              Transaction.builder()
                  .id(TransactionId.of("B-" + e.purchase()))
                  .account(e.account())
                  .security(e.security())
                  .side(Side.BUY)
                  .tradeDate(e.date())
                  .sequence(e.seq())
                  .quantity(Quantity.of(e.shares()))
                  .amount(e.amount())
                  .lot(LotId.of(e.purchase()))
                  .build());
        }
      }
      Map<LotId, TaxLot> work = new HashMap<>();
      lots.forEach(l -> work.put(l.id(), l));
      List<RealizedLot> sales = new ArrayList<>();
      for (Event e : batch) {
        if (e.side() == Side.SELL) {
          sales.addAll(sell(e, work));
        }
      }
      Household h = household(lots, transactions);
      WashSaleResult r =
          WashSaleAnalyzer.standard()
              .analyze(h, MARKET, sales, List.of(), batch.get(batch.size() - 1).date());
      results.add(r);
      lots = new ArrayList<>(r.lotsAfter());
      transactions = new ArrayList<>(r.transactionsAfter());
      for (RealizedLot s : r.adjustedSales()) {
        transactions.add(r.saleTransaction(s, TransactionId.of("S-" + (++sellCount))));
      }
    }
    return new Outcome(results, household(lots, transactions));
  }

  /** The sale pieces of sell {@code e}: its purchase's pieces by share range, the rest last. */
  private static List<RealizedLot> sell(Event e, Map<LotId, TaxLot> work) {
    List<TaxLot> family = new ArrayList<>();
    for (TaxLot l : work.values()) {
      if (PieceIds.origin(l.id()).equals(e.purchase())) {
        family.add(l);
      }
    }
    Function<TaxLot, BigDecimal> start = l -> PieceIds.rangeStart(l.id());
    family.sort(Comparator.comparing(start, Comparator.nullsLast(Comparator.naturalOrder())));
    List<RealizedLot> out = new ArrayList<>();
    long left = e.shares();
    for (TaxLot l : family) {
      if (left == 0) {
        break;
      }
      Quantity q = Quantity.of(Math.min(left, l.quantity().value().longValueExact()));
      LotSplit split = LotSplit.of(l, q);
      out.add(
          new RealizedLot(
              l.id(),
              l.account(),
              l.security(),
              q,
              Money.usd(BigDecimal.valueOf(e.cents() * q.value().longValueExact(), 2)),
              split.takenBasis(),
              HoldingPeriod.termOf(l, e.date()),
              l.holdingPeriodStart(),
              e.date(),
              true,
              e.seq()));
      split.kept().ifPresentOrElse(k -> work.put(l.id(), k), () -> work.remove(l.id()));
      left -= q.value().longValueExact();
    }
    if (left != 0) {
      throw new IllegalStateException("history sells more than held: " + e);
    }
    return out;
  }
}
