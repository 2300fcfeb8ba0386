package dev.rebal.tax.lots;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.trade.LotPick;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked example, one security at $50 on 2025-06-30 (rates 37% short, 20% long):
 *
 * <pre>
 * lot  acquired    shares  basis   per share  term   gain/share  tax/share
 * A    2020-01-15  100     3000    30         long   +20         +4.00
 * B    2023-05-01  100     6000    60         long   -10         -2.00
 * C    2025-02-03  100     4500    45         short  +5          +1.85
 * D    2025-04-01  100     5500    55         short  -5          -1.85
 * </pre>
 */
class LotSelectorTest {
  private static final LocalDate SALE = date("2025-06-30");
  private static final List<TaxLot> LOTS =
      List.of(
          lot("A", TAXABLE, X, 100, "3000", date("2020-01-15")),
          lot("B", TAXABLE, X, 100, "6000", date("2023-05-01")),
          lot("C", TAXABLE, X, 100, "4500", date("2025-02-03")),
          lot("D", TAXABLE, X, 100, "5500", date("2025-04-01")));

  private static SaleRequest request(long shares) {
    return SaleRequest.of(
        LOTS, Quantity.of(shares), UnitPrice.usd("50"), SALE, TaxRates.of(profile()));
  }

  private static List<String> order(Sale sale) {
    return sale.lots().stream().map(l -> l.lot().value()).toList();
  }

  @Test
  void select_fifo_takesTheEarliestFirstAndSplitsTheLast() {
    // when: 150 shares FIFO
    Sale sale = LotSelector.standard().select(request(150), ReliefMethod.FIFO);

    // then: all of A, half of B: basis 3000 + 3000 = 6000, proceeds 150 x 50 = 7500
    assertThat(order(sale)).containsExactly("A", "B");
    assertThat(sale.lots().get(1).quantity()).isEqualTo(Quantity.of(50));
    assertThat(sale.basis()).isEqualTo(Money.usd("6000"));
    assertThat(sale.proceeds()).isEqualTo(Money.usd("7500"));
    assertThat(sale.gain(Term.LONG)).isEqualTo(Money.usd("1500"));
  }

  @Test
  void select_lifo_takesTheLatestFirst() {
    Sale sale = LotSelector.standard().select(request(200), ReliefMethod.LIFO);

    assertThat(order(sale)).containsExactly("D", "C");
  }

  @Test
  void select_hifo_takesTheHighestCostPerShareFirst() {
    Sale sale = LotSelector.standard().select(request(400), ReliefMethod.HIFO);

    assertThat(order(sale)).containsExactly("B", "D", "C", "A");
  }

  @Test
  void select_taxOptimal_takesLossesThenTheCheapestGains() {
    // when
    Sale sale = LotSelector.standard().select(request(400), ReliefMethod.TAX_OPTIMAL);

    // then: by tax per share -2.00 (B), -1.85 (D), +1.85 (C), +4.00 (A)
    assertThat(order(sale)).containsExactly("B", "D", "C", "A");
    // 200 shares: B and D, losses 1000 long + 500 short -> tax -(1000 x 0.20 + 500 x 0.37) = -385
    Sale two = LotSelector.standard().select(request(200), ReliefMethod.TAX_OPTIMAL);
    assertThat(two.marginalTax(TaxRates.of(profile()))).isEqualTo(Money.usd("-385.00"));
  }

  @Test
  void select_protectedLot_isNeverSold() {
    // given: A is protected
    SaleRequest r = request(300).withProtectedLots(List.of(LotId.of("A")));

    // when
    Sale sale = LotSelector.standard().select(r, ReliefMethod.FIFO);

    // then
    assertThat(order(sale)).containsExactly("B", "C", "D");
  }

  @Test
  void select_moreThanHeld_throws() {
    SaleRequest r = request(350).withProtectedLots(List.of(LotId.of("A")));

    assertThatThrownBy(() -> LotSelector.standard().select(r, ReliefMethod.FIFO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "quantity: must not exceed the unprotected quantity held, 300.000000");
  }

  @Test
  void select_partialSharesWithOddBasis_allocatesProceedsExactly() {
    // given: one lot of 3 shares, basis 100.00, sold at 33.333333
    SaleRequest r =
        SaleRequest.of(
            List.of(
                lot("Z", TAXABLE, X, 3, "100", date("2025-01-02")),
                lot("Y", TAXABLE, X, 3, "100", date("2025-01-03"))),
            Quantity.of(4),
            UnitPrice.usd("33.333333"),
            SALE,
            TaxRates.of(profile()));

    // when
    Sale sale = LotSelector.standard().select(r, ReliefMethod.FIFO);

    // then: proceeds 4 x 33.333333 = 133.333332 -> 133.33; Z gets 3 x .. = 99.999999 -> 100.00,
    // Y gets 133.33 - 100.00 = 33.33; basis 100.00 + 33.33 (100 / 3 rounded)
    assertThat(sale.lots().get(0).proceeds()).isEqualTo(Money.usd("100.00"));
    assertThat(sale.lots().get(1).proceeds()).isEqualTo(Money.usd("33.33"));
    assertThat(sale.proceeds()).isEqualTo(Money.usd("133.33"));
    assertThat(sale.basis()).isEqualTo(Money.usd("133.33"));
  }

  @Test
  void selectSpecific_namedLots_areSoldInTheGivenOrder() {
    Sale sale =
        LotSelector.standard()
            .selectSpecific(
                request(150),
                List.of(
                    new LotPick(LotId.of("C"), Quantity.of(100)),
                    new LotPick(LotId.of("A"), Quantity.of(50))));

    assertThat(order(sale)).containsExactly("C", "A");
    assertThat(sale.basis()).isEqualTo(Money.usd("6000"));
  }

  @Test
  void selectSpecific_picksNotAddingUp_throws() {
    assertThatThrownBy(
            () ->
                LotSelector.standard()
                    .selectSpecific(
                        request(150), List.of(new LotPick(LotId.of("C"), Quantity.of(100)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("picks: must add up to the quantity 150.000000, was 100.000000");
  }

  @Test
  void selectSpecific_unknownLot_throwsWithItsPath() {
    assertThatThrownBy(
            () ->
                LotSelector.standard()
                    .selectSpecific(
                        request(10), List.of(new LotPick(LotId.of("Q"), Quantity.of(10)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("picks[0].lot: must name one of the request's lots, was Q");
  }

  @Test
  void select_specificIdMethod_isRejected() {
    assertThatThrownBy(() -> LotSelector.standard().select(request(10), ReliefMethod.SPECIFIC_ID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use selectSpecific");
  }
}
