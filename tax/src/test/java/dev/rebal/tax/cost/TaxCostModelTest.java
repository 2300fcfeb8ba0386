package dev.rebal.tax.cost;

import static dev.rebal.tax.TaxFixtures.IRA;
import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked example: X at $50 on 2025-06-30, rates 37% short and 20% long.
 *
 * <pre>
 * lot  shares  basis  value  gain/$                 rate  cost/$
 * A    100     3000   5000   (50-30)/50 = 0.40      0.20  0.08
 * B    100     6000   5000   (50-60)/50 = -0.20     0.20  -0.04
 * C    100     4500   5000   (50-45)/50 = 0.10      0.37  0.037
 * </pre>
 */
class TaxCostModelTest {
  private static final LocalDate AS_OF = date("2025-06-30");
  private static final MarketData MARKET =
      market(List.of(security("X", "X")), Map.of("X", "50"), AS_OF);

  private static Household household() {
    return dev.rebal.tax.TaxFixtures.household(
        List.of(account(TAXABLE, AccountType.TAXABLE), account(IRA, AccountType.TRADITIONAL_IRA)),
        List.of(
            lot("A", TAXABLE, X, 100, "3000", date("2020-01-15")),
            lot("B", TAXABLE, X, 100, "6000", date("2023-05-01")),
            lot("C", TAXABLE, X, 100, "4500", date("2025-02-03")),
            lot("I", IRA, X, 100, "6000", date("2025-02-03"))),
        List.of());
  }

  @Test
  void curve_taxableAccount_ordersSegmentsByCostPerDollar() {
    // when
    TaxCostCurve curve = TaxCostModel.standard().curve(household(), MARKET, TAXABLE, X, AS_OF);

    // then
    assertThat(curve.segments()).extracting(s -> s.lot().value()).containsExactly("B", "C", "A");
    assertThat(curve.segments())
        .extracting(TaxCostSegment::costPerDollar)
        .containsExactly(
            new BigDecimal("-0.0400000000"),
            new BigDecimal("0.0370000000"),
            new BigDecimal("0.0800000000"));
    assertThat(curve.capacity()).isEqualTo(Money.usd("15000"));
  }

  @Test
  void taxOf_sevenThousandDollars_sumsTheSegments() {
    TaxCostCurve curve = TaxCostModel.standard().curve(household(), MARKET, TAXABLE, X, AS_OF);

    // 5000 x -0.04 + 2000 x 0.037 = -200 + 74 = -126
    assertThat(curve.taxOf(Money.usd("7000"))).isEqualTo(Money.usd("-126.00"));
    assertThat(curve.taxOf(Money.usd("15000"))).isEqualTo(Money.usd("385.00")); // -200+185+400
  }

  @Test
  void taxOf_aboveCapacity_throws() {
    TaxCostCurve curve = TaxCostModel.standard().curve(household(), MARKET, TAXABLE, X, AS_OF);

    assertThatThrownBy(() -> curve.taxOf(Money.usd("15000.01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dollars: must lie between zero and the capacity USD 15000.00");
  }

  @Test
  void curve_iraAccount_costsNothing() {
    TaxCostCurve curve = TaxCostModel.standard().curve(household(), MARKET, IRA, X, AS_OF);

    assertThat(curve.segments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.costPerDollar()).isZero();
              assertThat(s.value()).isEqualTo(Money.usd("5000"));
            });
  }

  @Test
  void curves_household_listsEveryPositionSortedByAccount() {
    List<TaxCostCurve> curves = TaxCostModel.standard().curves(household(), MARKET, AS_OF);

    assertThat(curves).extracting(c -> c.account().value()).containsExactly("IRA-1", "TAX-1");
  }

  private static TaxCostCurve curveOfRepeated(int lots) {
    List<dev.rebal.core.household.TaxLot> held = new java.util.ArrayList<>();
    for (int i = 0; i < lots; i++) {
      held.add(lot("L" + i, TAXABLE, X, 10, "300", date("2020-01-15")));
    }
    held.add(lot("L0", TAXABLE, X, 10, "300", date("2020-01-15")));
    Household h =
        dev.rebal.tax.TaxFixtures.household(
            List.of(account(TAXABLE, AccountType.TAXABLE)), held, List.of());
    return TaxCostModel.standard().curve(h, MARKET, TAXABLE, X, AS_OF);
  }

  @Test
  void curve_lotsRepeatingAnId_areTakenAsTheLotSelectorTakesThem() {
    // when: a lot repeated among few lots, and among many
    TaxCostCurve few = curveOfRepeated(2);
    TaxCostCurve many = curveOfRepeated(12);

    // then: the selector's sale keeps one segment of the equal copies (a segment per lot would
    // give 3 and 13)
    assertThat(few.segments()).hasSize(2);
    assertThat(many.segments()).hasSize(12);
    assertThat(few.segments())
        .filteredOn(s -> s.lot().value().equals("L0"))
        .extracting(s -> s.quantity().toString())
        .containsExactly("10.000000");
    assertThat(many.capacity()).isEqualTo(Money.usd("6000"));
  }
}
