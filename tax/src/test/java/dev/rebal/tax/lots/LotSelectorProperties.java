package dev.rebal.tax.lots;

import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.tax.TaxArbitraries;
import dev.rebal.tax.TaxRates;
import java.math.BigDecimal;
import java.time.LocalDate;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class LotSelectorProperties {
  private static final LocalDate SALE = TaxArbitraries.SALE_DATE;
  private static final TaxRates RATES = TaxRates.of(profile());
  private static final List<ReliefMethod> METHODS =
      List.of(ReliefMethod.FIFO, ReliefMethod.LIFO, ReliefMethod.HIFO, ReliefMethod.TAX_OPTIMAL);

  @Provide
  Arbitrary<List<TaxLot>> lots() {
    return TaxArbitraries.lotsOfOneSecurity();
  }

  @Provide
  Arbitrary<UnitPrice> prices() {
    return TaxArbitraries.prices();
  }

  private static Quantity total(List<TaxLot> lots) {
    Quantity q = Quantity.ZERO;
    for (TaxLot l : lots) {
      q = q.plus(l.quantity());
    }
    return q;
  }

  /** A quantity between 1 share and everything held, from a fraction in (0, 1]. */
  private static Quantity quantity(List<TaxLot> lots, int permille) {
    long held = total(lots).value().longValue();
    return Quantity.of(Math.max(1, held * permille / 1000));
  }

  @Property(tries = 200)
  void select_anyMethod_sellsExactlyTheQuantityAndNoLotBeyondItsSize(
      @ForAll("lots") List<TaxLot> lots,
      @ForAll("prices") UnitPrice price,
      @ForAll @IntRange(min = 1, max = 1000) int permille) {
    Quantity q = quantity(lots, permille);
    Map<LotId, TaxLot> byId = new HashMap<>();
    lots.forEach(l -> byId.put(l.id(), l));
    for (ReliefMethod m : METHODS) {
      Sale sale = LotSelector.standard().select(SaleRequest.of(lots, q, price, SALE, RATES), m);

      assertThat(sale.quantity()).isEqualTo(q);
      assertThat(sale.lots()).extracting(RealizedLot::lot).doesNotHaveDuplicates();
      for (RealizedLot r : sale.lots()) {
        assertThat(r.quantity()).isLessThanOrEqualTo(byId.get(r.lot()).quantity());
      }
      assertThat(sale.proceeds()).isEqualTo(price.times(q));
    }
  }

  @Property(tries = 200)
  void select_taxOptimal_neverCostsMoreTaxThanFifoLifoOrHifo(
      @ForAll("lots") List<TaxLot> lots,
      @ForAll("prices") UnitPrice price,
      @ForAll @IntRange(min = 1, max = 1000) int permille) {
    SaleRequest r = SaleRequest.of(lots, quantity(lots, permille), price, SALE, RATES);
    Money optimal = LotSelector.standard().select(r, ReliefMethod.TAX_OPTIMAL).marginalTax(RATES);

    boolean strictlyBetter = false;
    for (ReliefMethod m : List.of(ReliefMethod.FIFO, ReliefMethod.LIFO, ReliefMethod.HIFO)) {
      Money other = LotSelector.standard().select(r, m).marginalTax(RATES);
      assertThat(optimal).isLessThanOrEqualTo(other);
      strictlyBetter |= optimal.compareTo(other) < 0;
    }
    Statistics.collect(strictlyBetter ? "strictly better than one" : "ties all");
    Statistics.coverage(c -> c.check("strictly better than one").percentage(p -> p > 10));
  }

  @Property(tries = 200)
  void select_shuffledLots_givesTheSameSale(
      @ForAll("lots") List<TaxLot> lots,
      @ForAll("prices") UnitPrice price,
      @ForAll @IntRange(min = 1, max = 1000) int permille,
      @ForAll long seed) {
    List<TaxLot> shuffled = new ArrayList<>(lots);
    Collections.shuffle(shuffled, new Random(seed));
    Quantity q = quantity(lots, permille);
    for (ReliefMethod m : METHODS) {
      assertThat(LotSelector.standard().select(SaleRequest.of(shuffled, q, price, SALE, RATES), m))
          .isEqualTo(LotSelector.standard().select(SaleRequest.of(lots, q, price, SALE, RATES), m));
    }
  }

  @Property(tries = 200)
  void split_anyPart_conservesQuantityAndBasisExactly(
      @ForAll @IntRange(min = 1, max = 100_000_000) int micros,
      @ForAll @IntRange(min = 0, max = 1_000_000_000) int basisCents,
      @ForAll @IntRange(min = 1, max = 1_000_000) int takenPpm) {
    // given: a lot of any fractional size and basis; take a fraction of it
    Quantity size = Quantity.of(BigDecimal.valueOf(micros, 6));
    TaxLot lot =
        TaxLot.builder()
            .id(LotId.of("L"))
            .account(TaxArbitraries.ACCOUNTS.get(0))
            .security(TaxArbitraries.SECURITIES.get(0))
            .quantity(size)
            .costBasis(Money.usd(BigDecimal.valueOf(basisCents, 2)))
            .acquired(date("2024-01-02"))
            .build();
    Quantity taken =
        Quantity.of(BigDecimal.valueOf(Math.max(1, (long) micros * takenPpm / 1_000_000), 6));

    // when
    LotSplit split = LotSplit.of(lot, taken);

    // then
    assertThat(split.takenBasis().plus(split.keptBasis())).isEqualTo(lot.costBasis());
    assertThat(split.takenQuantity().plus(split.keptQuantity())).isEqualTo(lot.quantity());
    split.kept().ifPresent(k -> assertThat(k.costBasis()).isEqualTo(split.keptBasis()));
  }

  @Property(tries = 100)
  void select_wholePosition_relievesTheWholeBasis(
      @ForAll("lots") List<TaxLot> lots, @ForAll("prices") UnitPrice price) {
    Money basis = Money.usd("0");
    for (TaxLot l : lots) {
      basis = basis.plus(l.costBasis());
    }
    for (ReliefMethod m : METHODS) {
      Sale sale =
          LotSelector.standard().select(SaleRequest.of(lots, total(lots), price, SALE, RATES), m);
      assertThat(sale.basis()).isEqualTo(basis);
    }
  }
}
