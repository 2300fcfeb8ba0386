package dev.rebal.tax.washsale;

import static dev.rebal.tax.TaxFixtures.IRA;
import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static dev.rebal.tax.TaxFixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxConstraintsTest {
  private static final LocalDate AS_OF = date("2025-06-16");
  private static final MarketData MARKET =
      market(List.of(security("X", "X"), security("Y", "Y")), Map.of(), AS_OF);

  @Test
  void constraints_lossSoldTwentyDaysAgo_blocksBuyingTheGroupInEveryAccountFor30Days() {
    // given: X sold at a $200 loss 20 days ago in the taxable account
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE), account(IRA, AccountType.ROTH_IRA)),
            List.of(),
            List.of(sell("S1", TAXABLE, X, 10, "800", "-200", AS_OF.minusDays(20))));

    // when
    TaxConstraints c = WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of());

    // then: the Roth IRA may not buy either (Rev. Rul. 2008-5); blocked through sale + 30 days
    assertThat(c.mayBuy(TAXABLE, "X")).isFalse();
    assertThat(c.mayBuy(IRA, "X")).isFalse();
    assertThat(c.mayBuy(TAXABLE, "Y")).isTrue();
    assertThat(c.buyBlocks())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.untilInclusive()).isEqualTo(AS_OF.plusDays(10));
              assertThat(b.reasons()).containsExactly("transaction:S1");
            });
  }

  @Test
  void constraints_gainSoldOrLossLongAgo_blocksNothing() {
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(),
            List.of(
                sell("S1", TAXABLE, X, 10, "800", "200", AS_OF.minusDays(5)),
                sell("S2", TAXABLE, X, 10, "800", "-200", AS_OF.minusDays(31))));

    TaxConstraints c = WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of());

    assertThat(c.buyBlocks()).isEmpty();
  }

  @Test
  void constraints_purchaseInIraLastWeek_blocksLossSalesOfTheGroupInTaxableAccounts() {
    // given: an old taxable lot of X and an IRA purchase of X 7 days ago
    Household h =
        household(
            List.of(
                account(TAXABLE, AccountType.TAXABLE), account(IRA, AccountType.TRADITIONAL_IRA)),
            List.of(
                lot("OLD", TAXABLE, X, 100, "1000", date("2023-01-05")),
                lot("IRA-NEW", IRA, X, 10, "90", AS_OF.minusDays(7)),
                lot("Y-OLD", TAXABLE, SecurityId.of("Y"), 10, "90", date("2023-01-05"))),
            List.of());

    TaxConstraints c = WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of());

    assertThat(c.maySellAtLoss(LotId.of("OLD"))).isFalse();
    assertThat(c.maySellAtLoss(LotId.of("Y-OLD"))).isTrue();
    assertThat(c.maySellAtLoss(LotId.of("IRA-NEW"))).isTrue(); // no loss to wash in an IRA
    assertThat(c.lossSaleBlocks())
        .singleElement()
        .satisfies(b -> assertThat(b.reasons()).containsExactly("lot:IRA-NEW"));
  }

  @Test
  void constraints_recentLotAlone_mayBeSoldAtALossButBlocksOthers() {
    // given: NEW bought 3 days ago (its buy transaction names the lot), OLD long held
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(
                lot("NEW", TAXABLE, X, 100, "1000", AS_OF.minusDays(3)),
                lot("OLD", TAXABLE, X, 100, "1000", date("2023-01-05"))),
            List.of(
                dev.rebal.core.household.Transaction.builder()
                    .id(dev.rebal.core.household.TransactionId.of("B-NEW"))
                    .account(TAXABLE)
                    .security(X)
                    .side(Side.BUY)
                    .tradeDate(AS_OF.minusDays(3))
                    .quantity(Quantity.of(100))
                    .amount(dev.rebal.core.money.Money.usd("1000"))
                    .lot(LotId.of("NEW"))
                    .build()));

    TaxConstraints c = WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of());

    // then: the purchase of NEW is not a replacement for NEW itself, but it is for OLD
    assertThat(c.maySellAtLoss(LotId.of("NEW"))).isTrue();
    assertThat(c.maySellAtLoss(LotId.of("OLD"))).isFalse();
    assertThat(c.lossSaleBlocks())
        .singleElement()
        .satisfies(b -> assertThat(b.reasons()).containsExactly("lot:NEW"));
  }

  @Test
  void constraints_plannedBuy_blocksLossSalesOfTheGroup() {
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(lot("OLD", TAXABLE, X, 100, "1000", date("2023-01-05"))),
            List.of());
    Trade planned =
        Trade.builder()
            .account(IRA)
            .security(X)
            .side(Side.BUY)
            .quantity(Quantity.of(5))
            .estimatedPrice(UnitPrice.usd("9"))
            .addReasonCodes("drift")
            .build();

    TaxConstraints c = WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of(planned));

    assertThat(c.lossSaleBlocks())
        .singleElement()
        .satisfies(b -> assertThat(b.reasons()).containsExactly("planned-buy:IRA-1/X"));
  }
}
