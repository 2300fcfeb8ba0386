package dev.rebal.tax.washsale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.tax.TaxArbitraries;
import dev.rebal.tax.TaxArbitraries.WashScenario;
import dev.rebal.tax.internal.Groups;
import dev.rebal.tax.lots.RealizedLot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class WashSaleProperties {

  @Provide
  Arbitrary<WashScenario> scenarios() {
    return TaxArbitraries.washScenarios();
  }

  private static WashSaleResult analyze(Household h, List<RealizedLot> sales) {
    return WashSaleAnalyzer.standard()
        .analyze(h, TaxArbitraries.MARKET, sales, List.of(), TaxArbitraries.SALE_DATE);
  }

  private static LotId original(LotId id) {
    int hash = id.value().indexOf('#');
    return hash < 0 ? id : LotId.of(id.value().substring(0, hash));
  }

  @Property(tries = 200)
  void analyze_anyScenario_conservesBasisExceptWhatAnIraLoses(@ForAll("scenarios") WashScenario s) {
    // when
    WashSaleResult r = analyze(s.household(), s.sales());

    // then: every deferred loss reappears in a replacement's basis; IRA losses raise nothing
    Money deferred = Money.usd("0");
    Money increases = Money.usd("0");
    for (Disallowance d : r.disallowances()) {
      increases = increases.plus(d.basisIncrease());
      if (d.rule().adjustsBasis()) {
        deferred = deferred.plus(d.disallowedLoss());
      } else {
        assertThat(d.basisIncrease()).isEqualTo(Money.usd("0"));
      }
    }
    assertThat(increases).isEqualTo(deferred);
    Map<LotId, TaxLot> before = new HashMap<>();
    s.household().lots().forEach(l -> before.put(l.id(), l));
    Map<LotId, Money> basisAfter = new HashMap<>();
    Map<LotId, Quantity> quantityAfter = new HashMap<>();
    for (TaxLot l : r.adjustedLots()) {
      basisAfter.merge(original(l.id()), l.costBasis(), Money::plus);
      quantityAfter.merge(original(l.id()), l.quantity(), Quantity::plus);
    }
    Money basisBefore = Money.usd("0");
    for (LotId id : basisAfter.keySet()) {
      basisBefore = basisBefore.plus(before.get(id).costBasis());
      assertThat(quantityAfter.get(id)).isEqualTo(before.get(id).quantity());
    }
    Money after = basisAfter.values().stream().reduce(Money.usd("0"), Money::plus);
    assertThat(after.minus(basisBefore)).isEqualTo(deferred);

    // and no sale loses more than its loss
    for (RealizedLot sale : s.sales()) {
      Money disallowed = r.disallowedLoss(sale.lot());
      assertThat(disallowed).isLessThanOrEqualTo(sale.gain().negated().max(Money.usd("0")));
    }
    Statistics.collect(
        r.totalLost().isPositive() ? "ira lost" : r.hasWashSale() ? "deferred" : "clean");
    Statistics.coverage(
        c -> {
          c.check("deferred").percentage(p -> p > 4);
          c.check("ira lost").percentage(p -> p > 3);
        });
  }

  @Property(tries = 200)
  void analyze_noIdenticalPurchaseInTheWindow_neverWashes(@ForAll("scenarios") WashScenario s) {
    // given: drop every lot that is in a sold security's group, within the window, not sold
    Household h = s.household();
    List<TaxLot> kept = new ArrayList<>();
    for (TaxLot lot : h.lots()) {
      boolean replacement = false;
      for (RealizedLot sale : s.sales()) {
        boolean sameGroup =
            Groups.groupOf(TaxArbitraries.MARKET, lot.security())
                .equals(Groups.groupOf(TaxArbitraries.MARKET, sale.security()));
        long days = Math.abs(lot.acquired().toEpochDay() - sale.saleDate().toEpochDay());
        replacement |= sameGroup && days <= 30 && !lot.id().equals(sale.lot());
      }
      if (!replacement) {
        kept.add(lot);
      }
    }
    Household clean =
        Household.builder()
            .id(h.id())
            .addAllAccounts(h.accounts())
            .addAllLots(kept)
            .taxProfile(h.taxProfile())
            .target(h.target())
            .model(h.model())
            .build();

    // when
    WashSaleResult r = analyze(clean, s.sales());

    // then
    assertThat(r.disallowances()).isEmpty();
    assertThat(r.adjustedLots()).isEmpty();
    Statistics.collect(kept.size() < h.lots().size() ? "removed replacements" : "none to remove");
    Statistics.coverage(c -> c.check("removed replacements").percentage(p -> p > 10));
  }

  @Property(tries = 200)
  void analyze_shuffledAccountsLotsAndSales_givesTheSameResult(
      @ForAll("scenarios") WashScenario s, @ForAll long seed) {
    // given
    Random random = new Random(seed);
    Household h = s.household();
    List<dev.rebal.core.household.Account> accounts = new ArrayList<>(h.accounts());
    List<TaxLot> lots = new ArrayList<>(h.lots());
    List<RealizedLot> sales = new ArrayList<>(s.sales());
    Collections.shuffle(accounts, random);
    Collections.shuffle(lots, random);
    Collections.shuffle(sales, random);
    Household shuffled =
        Household.builder()
            .id(h.id())
            .addAllAccounts(accounts)
            .addAllLots(lots)
            .taxProfile(h.taxProfile())
            .target(h.target())
            .model(h.model())
            .build();

    // when
    WashSaleResult a = analyze(h, s.sales());
    WashSaleResult b = analyze(shuffled, sales);

    // then
    assertThat(b.disallowances()).isEqualTo(a.disallowances());
    assertThat(b.adjustedLots()).isEqualTo(a.adjustedLots());
    assertThat(b.incompleteCoverage()).isEqualTo(a.incompleteCoverage());
  }

  @Property(tries = 200)
  void constraints_shuffledHousehold_givesTheSameConstraints(
      @ForAll("scenarios") WashScenario s, @ForAll long seed) {
    Random random = new Random(seed);
    Household h = s.household();
    List<TaxLot> lots = new ArrayList<>(h.lots());
    Collections.shuffle(lots, random);
    Household shuffled =
        Household.builder()
            .id(h.id())
            .addAllAccounts(h.accounts().reverse())
            .addAllLots(lots)
            .taxProfile(h.taxProfile())
            .target(h.target())
            .model(h.model())
            .build();

    assertThat(
            WashSaleAnalyzer.standard()
                .constraints(shuffled, TaxArbitraries.MARKET, TaxArbitraries.SALE_DATE, List.of()))
        .isEqualTo(
            WashSaleAnalyzer.standard()
                .constraints(h, TaxArbitraries.MARKET, TaxArbitraries.SALE_DATE, List.of()));
  }
}
