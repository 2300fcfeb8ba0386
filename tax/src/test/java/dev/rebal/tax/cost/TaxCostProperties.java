package dev.rebal.tax.cost;

import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.tax.TaxArbitraries;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.lots.LotSelector;
import dev.rebal.tax.lots.ReliefMethod;
import dev.rebal.tax.lots.SaleRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TaxCostProperties {

  @Provide
  Arbitrary<List<TaxLot>> lots() {
    return TaxArbitraries.lotsOfOneSecurity();
  }

  @Provide
  Arbitrary<UnitPrice> prices() {
    return TaxArbitraries.prices();
  }

  private static TaxCostCurve curve(List<TaxLot> lots, UnitPrice price) {
    Household h =
        household(
            List.of(account(TaxArbitraries.ACCOUNTS.get(0), AccountType.TAXABLE)), lots, List.of());
    MarketData m =
        market(
            List.of(security("X", "G")),
            Map.of("X", price.amount().toPlainString()),
            TaxArbitraries.SALE_DATE);
    return TaxCostModel.standard()
        .curve(
            h,
            m,
            TaxArbitraries.ACCOUNTS.get(0),
            TaxArbitraries.SECURITIES.get(0),
            TaxArbitraries.SALE_DATE);
  }

  @Property(tries = 200)
  void curve_anyPosition_isConvexAndCoversThePosition(
      @ForAll("lots") List<TaxLot> lots, @ForAll("prices") UnitPrice price) {
    TaxCostCurve c = curve(lots, price);

    for (int i = 1; i < c.segments().size(); i++) {
      assertThat(c.segments().get(i).costPerDollar())
          .isGreaterThanOrEqualTo(c.segments().get(i - 1).costPerDollar());
    }
    dev.rebal.core.money.Quantity held = dev.rebal.core.money.Quantity.ZERO;
    for (TaxLot l : lots) {
      held = held.plus(l.quantity());
    }
    assertThat(c.capacity()).isEqualTo(price.times(held));
    // selling everything costs the tax-optimal sale's marginal tax, to within a cent per segment
    Money whole =
        LotSelector.standard()
            .select(
                SaleRequest.of(
                    lots,
                    held,
                    price,
                    TaxArbitraries.SALE_DATE,
                    TaxRates.of(dev.rebal.tax.TaxFixtures.profile())),
                ReliefMethod.TAX_OPTIMAL)
            .marginalTax(TaxRates.of(dev.rebal.tax.TaxFixtures.profile()));
    assertThat(c.taxOf(c.capacity()).minus(whole).abs())
        .isLessThanOrEqualTo(
            Money.usd("0.01").multipliedBy(java.math.BigDecimal.valueOf(c.segments().size())));
  }

  @Property(tries = 200)
  void curve_shuffledLots_isTheSame(
      @ForAll("lots") List<TaxLot> lots, @ForAll("prices") UnitPrice price, @ForAll long seed) {
    List<TaxLot> shuffled = new ArrayList<>(lots);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(curve(shuffled, price)).isEqualTo(curve(lots, price));
  }
}
