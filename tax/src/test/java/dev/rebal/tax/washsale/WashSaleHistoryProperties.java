package dev.rebal.tax.washsale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.Problem;
import dev.rebal.tax.internal.PieceIds;
import dev.rebal.tax.lots.RealizedLot;
import dev.rebal.tax.washsale.ShareByShareWashSales.HeldShare;
import dev.rebal.tax.washsale.ShareByShareWashSales.SaleOutcome;
import dev.rebal.tax.washsale.TradeHistory.Event;
import dev.rebal.tax.washsale.TradeHistory.Outcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of wash sales over random trade histories: buys and sells at gains and losses in a
 * taxable account, an IRA and a spouse's external account, two substantially identical securities
 * and one other, several trades a day; and a differential test against {@link
 * ShareByShareWashSales}.
 */
class WashSaleHistoryProperties {

  /**
   * One step of a history, interpreted by {@link #history}: shrinks towards fewer, simpler ones.
   */
  record Step(int kind, int account, int security, int pick, int shares, int dollars, int gap) {}

  @Provide
  Arbitrary<TradeHistory> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(40, 60),
                Arbitraries.integers().between(0, 8))
            .as(Step::new);
    return Combinators.combine(
            step.list().ofMinSize(1).ofMaxSize(16), Arbitraries.of(false, false, true))
        .as(WashSaleHistoryProperties::history);
  }

  /** Buys create purchases P0, P1, ...; a sell sells some shares of a held purchase. */
  static TradeHistory history(List<Step> steps, boolean samePurchaseWashes) {
    List<Event> events = new ArrayList<>();
    Map<String, Event> buys = new LinkedHashMap<>();
    Map<String, Long> remaining = new LinkedHashMap<>();
    Map<String, Integer> lastSold = new HashMap<>();
    int day = 0;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      day += s.gap();
      List<String> sellable = new ArrayList<>();
      for (Map.Entry<String, Long> e : remaining.entrySet()) {
        if (e.getValue() > 0 && lastSold.getOrDefault(e.getKey(), -1) != day) {
          sellable.add(e.getKey());
        }
      }
      if (s.kind() == 0 || sellable.isEmpty()) {
        String p = "P" + i;
        Event b =
            new Event(
                day,
                i,
                Side.BUY,
                p,
                TradeHistory.ACCOUNTS.get(s.account()),
                TradeHistory.SECURITIES.get(s.security()),
                s.shares(),
                s.dollars() * 100L);
        events.add(b);
        buys.put(p, b);
        remaining.put(p, (long) s.shares());
      } else {
        String p = sellable.get(s.pick() % sellable.size());
        Event b = buys.get(p);
        long q = 1 + (s.shares() - 1) % remaining.get(p);
        events.add(
            new Event(day, i, Side.SELL, p, b.account(), b.security(), q, s.dollars() * 100L));
        remaining.merge(p, -q, Long::sum);
        lastSold.put(p, day);
      }
    }
    return new TradeHistory(events, samePurchaseWashes);
  }

  @Property(tries = 250)
  void analyze_oneCallDailyOrPerTrade_givesTheSameAmountsBasesAndHoldingPeriods(
      @ForAll("histories") TradeHistory h) {
    // when
    Outcome one = h.oneCall();
    Outcome daily = h.byDay();
    Outcome perTrade = h.byTrade();

    // then
    assertThat(daily.disallowances()).isEqualTo(one.disallowances());
    assertThat(perTrade.disallowances()).isEqualTo(one.disallowances());
    assertThat(daily.sales()).isEqualTo(one.sales());
    assertThat(perTrade.sales()).isEqualTo(one.sales());
    assertThat(daily.lots()).isEqualTo(one.lots());
    assertThat(perTrade.lots()).isEqualTo(one.lots());
    collect(h, one);
  }

  @Property(tries = 200)
  void analyze_anyHistory_usesEachAcquiredShareForAtMostOneLoss(
      @ForAll("histories") TradeHistory h) {
    // given
    Map<String, Long> bought = new HashMap<>();
    for (Event e : h.events) {
      if (e.side() == Side.BUY) {
        bought.put(e.purchase(), e.shares());
      }
    }

    // when
    Outcome daily = h.byDay();

    // then
    Map<String, Quantity> used = new TreeMap<>();
    for (Disallowance d : daily.disallowances()) {
      String purchase = PieceIds.origin(LotId.of(d.replacement().reference()));
      used.merge(purchase, d.quantity(), Quantity::plus);
    }
    used.forEach((p, q) -> assertThat(q).isLessThanOrEqualTo(Quantity.of(bought.get(p))));
    collect(h, daily);
  }

  @Property(tries = 200)
  void analyze_anyHistory_splitsEachLossIntoAllowedDeferredAndLost(
      @ForAll("histories") TradeHistory h) {
    // when
    Outcome daily = h.byDay();

    // then: per sale piece, 0 <= disallowed <= loss, none on a gain; and the totals add up
    Money totalLoss = Money.usd("0");
    Money allowed = Money.usd("0");
    for (RealizedLot s : daily.sales()) {
      Money disallowed = Money.usd("0");
      for (Disallowance d : daily.disallowances()) {
        if (d.saleLot().equals(s.lot()) && d.saleDate().equals(s.saleDate())) {
          disallowed = disallowed.plus(d.disallowedLoss());
          assertThat(d.disallowedLoss().isPositive()).isTrue();
        }
      }
      Money loss = s.gain().negated().max(Money.usd("0"));
      assertThat(disallowed).isLessThanOrEqualTo(loss);
      totalLoss = totalLoss.plus(loss);
      allowed = allowed.plus(loss.minus(disallowed));
    }
    Money deferred = Money.usd("0");
    Money lost = Money.usd("0");
    for (Disallowance d : daily.disallowances()) {
      if (d.rule().adjustsBasis()) {
        deferred = deferred.plus(d.disallowedLoss());
        assertThat(d.basisIncrease()).isEqualTo(d.disallowedLoss());
      } else {
        lost = lost.plus(d.disallowedLoss());
        assertThat(d.basisIncrease()).isEqualTo(Money.usd("0"));
      }
    }
    assertThat(allowed.plus(deferred).plus(lost)).isEqualTo(totalLoss);
    collect(h, daily);
  }

  @Property(tries = 200)
  void analyze_anyHistory_conservesBasisExceptWhatAnIraLoses(@ForAll("histories") TradeHistory h) {
    // when
    Outcome daily = h.byDay();

    // then: purchases' cost + deferred losses = basis sold + basis still held
    Money cost = Money.usd("0");
    for (Event e : h.events) {
      if (e.side() == Side.BUY) {
        cost = cost.plus(e.amount());
      }
    }
    Money deferred = Money.usd("0");
    for (Disallowance d : daily.disallowances()) {
      deferred = deferred.plus(d.basisIncrease());
    }
    Money after = Money.usd("0");
    for (RealizedLot s : daily.sales()) {
      after = after.plus(s.basis());
    }
    for (TaxLot l : daily.end().lots()) {
      after = after.plus(l.costBasis());
      assertThat(l.washSaleAdjustment()).isLessThanOrEqualTo(l.costBasis());
    }
    assertThat(after).isEqualTo(cost.plus(deferred));
    collect(h, daily);
  }

  @Property(tries = 150)
  void analyze_anyHistory_keepsLotIdsUniqueAndTheHouseholdValid(
      @ForAll("histories") TradeHistory h) {
    // when
    Outcome daily = h.byDay();

    // then
    Set<LotId> ids = new HashSet<>();
    for (WashSaleResult r : daily.results()) {
      Set<LotId> callIds = new HashSet<>();
      r.lotsAfter().forEach(l -> assertThat(callIds.add(l.id())).as(l.id().value()).isTrue());
      ids.addAll(callIds);
    }
    Set<String> codes =
        Set.of(
            "id.duplicate",
            "lot.replacement.range",
            "lot.quantity.nonpositive",
            "lot.basis.negative",
            "lot.washsale.negative",
            "lot.washsale.exceeds-basis",
            "lot.holding.after-acquired",
            "transaction.replacement.range",
            "transaction.washed.range",
            "transaction.holding.invalid",
            "transaction.lot.mismatch",
            "transaction.amount.nonpositive",
            "transaction.quantity.nonpositive");
    List<Problem> errors =
        HouseholdValidator.standard()
            .validate(daily.end(), TradeHistory.MARKET, h.lastDate())
            .errors()
            .stream()
            .filter(p -> codes.contains(p.code()))
            .toList();
    assertThat(errors).isEmpty();
    Statistics.collect(
        ids.stream().anyMatch(id -> PieceIds.rangeStart(id) != null) ? "split" : "unsplit");
    Statistics.coverage(c -> c.check("split").percentage(p -> p > 5));
  }

  /** Differential test: one call gives what a share-by-share reference gives. */
  @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
  void analyze_anyHistory_agreesWithAShareByShareReference(@ForAll("histories") TradeHistory h) {
    // when
    Outcome one = h.oneCall();
    ShareByShareWashSales reference = new ShareByShareWashSales(h);

    // then: each sale's gain as sold, deferred and lost loss
    Map<String, SaleOutcome> actual = new TreeMap<>();
    for (RealizedLot s : one.sales()) {
      actual.merge(
          key(s.lot(), s.saleDate()),
          new SaleOutcome(cents(s.gain()), 0, 0),
          WashSaleHistoryProperties::sum);
    }
    for (Disallowance d : one.disallowances()) {
      long amount = cents(d.disallowedLoss());
      actual.merge(
          key(d.saleLot(), d.saleDate()),
          d.rule().adjustsBasis() ? new SaleOutcome(0, amount, 0) : new SaleOutcome(0, 0, amount),
          WashSaleHistoryProperties::sum);
    }
    assertThat(actual).isEqualTo(reference.sales);
    // and the shares still held, with their basis and holding period
    Map<HeldShare, Long> held = new HashMap<>();
    for (TaxLot l : one.end().lots()) {
      long shares = l.quantity().value().longValueExact();
      BigDecimal perShare =
          l.costBasis().amount().movePointRight(2).divide(BigDecimal.valueOf(shares));
      held.merge(
          new HeldShare(
              PieceIds.origin(l.id()),
              perShare.longValueExact(),
              (int) (l.holdingPeriodStart().toEpochDay() - TradeHistory.START.toEpochDay())),
          shares,
          Long::sum);
    }
    assertThat(held).isEqualTo(reference.held);
    collect(h, one);
  }

  private static String key(LotId lot, java.time.LocalDate date) {
    return ShareByShareWashSales.key(
        PieceIds.origin(lot), (int) (date.toEpochDay() - TradeHistory.START.toEpochDay()));
  }

  private static SaleOutcome sum(SaleOutcome a, SaleOutcome b) {
    return new SaleOutcome(a.gain() + b.gain(), a.deferred() + b.deferred(), a.lost() + b.lost());
  }

  private static long cents(Money m) {
    return m.amount().movePointRight(2).longValueExact();
  }

  /** Statistics that fail a generator missing the interesting cases. */
  private static void collect(TradeHistory h, Outcome o) {
    boolean chained = false;
    boolean lost = false;
    boolean deferred = false;
    Set<String> washedSales = new HashSet<>();
    for (Disallowance d : o.disallowances()) {
      lost |= !d.rule().adjustsBasis();
      deferred |= d.rule().adjustsBasis();
      washedSales.add(PieceIds.origin(d.saleLot()));
    }
    for (Disallowance d : o.disallowances()) {
      chained |= washedSales.contains(PieceIds.origin(LotId.of(d.replacement().reference())));
    }
    boolean sameDay = false;
    for (int i = 1; i < h.events.size(); i++) {
      sameDay |= h.events.get(i).day() == h.events.get(i - 1).day();
    }
    Statistics.label("deferred").collect(deferred);
    Statistics.label("ira lost").collect(lost);
    Statistics.label("chained").collect(chained);
    Statistics.label("same day").collect(sameDay);
    Statistics.label("deferred").coverage(c -> c.check(true).percentage(p -> p > 15));
    Statistics.label("ira lost").coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("chained").coverage(c -> c.check(true).percentage(p -> p > 1));
    Statistics.label("same day").coverage(c -> c.check(true).percentage(p -> p > 20));
  }
}
