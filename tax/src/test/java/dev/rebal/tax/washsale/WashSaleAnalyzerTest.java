package dev.rebal.tax.washsale;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.buy;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.external;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static dev.rebal.tax.TaxFixtures.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Household-wide wash-sale behaviour; the sale is 100 shares bought for $1,000 sold for $750. */
class WashSaleAnalyzerTest {
  private static final LocalDate SALE = date("2025-06-16");
  private static final SecurityId VOO = SecurityId.of("VOO");
  private static final SecurityId IVV = SecurityId.of("IVV");
  private static final MarketData MARKET =
      market(
          List.of(security("X", "X"), security("VOO", "SP500"), security("IVV", "SP500")),
          Map.of(),
          SALE);
  private static final TaxLot OLD = lot("OLD", TAXABLE, X, 100, "1000", date("2024-01-10"));

  private static WashSaleResult analyze(Household h, TaxLot sold, List<Trade> planned) {
    return WashSaleAnalyzer.standard()
        .analyze(h, MARKET, List.of(sold(sold, "750", SALE)), planned, SALE);
  }

  @Test
  void analyze_noPurchaseInWindow_isNotAWash() {
    // given: a purchase 31 days after the sale is outside the window
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(OLD, lot("LATE", TAXABLE, X, 100, "800", SALE.plusDays(31))),
            List.of());

    WashSaleResult r = analyze(h, OLD, List.of());

    assertThat(r.hasWashSale()).isFalse();
    assertThat(r.isCoverageComplete()).isTrue();
  }

  @Test
  void analyze_purchaseOnDay30_isAWash() {
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(OLD, lot("EDGE", TAXABLE, X, 100, "800", SALE.plusDays(30))),
            List.of());

    assertThat(analyze(h, OLD, List.of()).totalDisallowed()).isEqualTo(Money.usd("250"));
  }

  @Test
  void analyze_sellingTheLotJustBought_isNotWashedByItself() {
    // given: the only purchase in the window is the lot being sold (bought 10 days before)
    TaxLot recent = lot("RECENT", TAXABLE, X, 100, "1000", SALE.minusDays(10));
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(recent),
            List.of(
                dev.rebal.core.household.Transaction.builder()
                    .id(dev.rebal.core.household.TransactionId.of("T-RECENT"))
                    .account(TAXABLE)
                    .security(X)
                    .side(Side.BUY)
                    .tradeDate(SALE.minusDays(10))
                    .quantity(Quantity.of(100))
                    .amount(Money.usd("1000"))
                    .lot(recent.id())
                    .build()));

    WashSaleResult r = analyze(h, recent, List.of());

    assertThat(r.hasWashSale()).isFalse();
  }

  @Test
  void analyze_substantiallyIdenticalFundInAnotherAccount_isAWash() {
    // given: VOO sold at a loss in the taxable account, IVV (same group) bought in the spouse's
    // taxable account 5 days later
    TaxLot voo = lot("VOO-1", TAXABLE, VOO, 100, "1000", date("2024-01-10"));
    AccountId spouse = AccountId.of("SPOUSE-1");
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE), account(spouse, AccountType.TAXABLE)),
            List.of(voo, lot("IVV-1", spouse, IVV, 40, "300", SALE.plusDays(5))),
            List.of());

    WashSaleResult r = analyze(h, voo, List.of());

    // then: 40 of 100 shares matched: 250 x 40/100 = 100 disallowed, IVV basis 300 + 100
    assertThat(r.totalDisallowed()).isEqualTo(Money.usd("100"));
    assertThat(r.adjustedLots())
        .singleElement()
        .satisfies(l -> assertThat(l.costBasis()).isEqualTo(Money.usd("400")));
  }

  @Test
  void analyze_buyInDeclaredExternalAccount_isAWashAndCoverageIsReported() {
    // given: a spouse's account elsewhere, declared with incomplete coverage, and one known buy
    Household h =
        household(
            List.of(
                account(TAXABLE, AccountType.TAXABLE),
                external("SPOUSE-EXT", TransactionCoverage.INCOMPLETE)),
            List.of(OLD),
            List.of(buy("T9", AccountId.of("SPOUSE-EXT"), X, 100, "800", SALE.minusDays(3))));

    WashSaleResult r = analyze(h, OLD, List.of());

    assertThat(r.disallowances())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement().source()).isEqualTo(ReplacementSource.TRANSACTION);
              assertThat(d.replacement().reference()).isEqualTo("T9");
              assertThat(d.rule()).isEqualTo(WashSaleRule.DEFERRED);
            });
    assertThat(r.isCoverageComplete()).isFalse();
    assertThat(r.incompleteCoverage()).containsExactly(AccountId.of("SPOUSE-EXT"));
  }

  @Test
  void analyze_plannedBuyInTheSameProposal_isAWash() {
    Household h =
        household(List.of(account(TAXABLE, AccountType.TAXABLE)), List.of(OLD), List.of());
    Trade buy =
        Trade.builder()
            .account(TAXABLE)
            .security(IVV)
            .side(Side.BUY)
            .quantity(Quantity.of(100))
            .estimatedPrice(UnitPrice.usd("7.5"))
            .addReasonCodes("drift.rebalance")
            .build();
    TaxLot voo = lot("OLD", TAXABLE, VOO, 100, "1000", date("2024-01-10"));
    Household hv =
        household(List.of(account(TAXABLE, AccountType.TAXABLE)), List.of(voo), List.of());

    assertThat(analyze(h, OLD, List.of(buy)).hasWashSale()).isFalse(); // X is another group
    WashSaleResult r = analyze(hv, voo, List.of(buy));
    assertThat(r.disallowances())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement().source()).isEqualTo(ReplacementSource.PLANNED_BUY);
              assertThat(d.replacement().reference()).isEqualTo("TAX-1/IVV");
            });
  }

  @Test
  void analyze_401kReplacement_isLostLikeAnIra() {
    AccountId k = AccountId.of("401K");
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE), account(k, AccountType.K401)),
            List.of(OLD, lot("K-X", k, X, 100, "800", SALE)),
            List.of());

    WashSaleResult r = analyze(h, OLD, List.of());

    assertThat(r.disallowances())
        .singleElement()
        .satisfies(d -> assertThat(d.rule()).isEqualTo(WashSaleRule.LOST_IN_TAX_ADVANTAGED));
    assertThat(r.totalLost()).isEqualTo(Money.usd("250"));
  }

  @Test
  void analyze_replacementAbsorbsOnlyOneSaleLoss() {
    // given: two loss lots sold the same day and 100 replacement shares
    TaxLot a = lot("A", TAXABLE, X, 100, "1000", date("2024-01-10"));
    TaxLot b = lot("B", TAXABLE, X, 100, "1000", date("2024-02-10"));
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(a, b, lot("R", TAXABLE, X, 100, "800", SALE.plusDays(1))),
            List.of());

    WashSaleResult r =
        WashSaleAnalyzer.standard()
            .analyze(
                h, MARKET, List.of(sold(b, "750", SALE), sold(a, "750", SALE)), List.of(), SALE);

    // then: the earlier acquired lot A is matched (Reg. 1.1091-1(b)); B's loss is allowed
    assertThat(r.disallowedLoss(LotId.of("A"))).isEqualTo(Money.usd("250"));
    assertThat(r.disallowedLoss(LotId.of("B"))).isEqualTo(Money.usd("0"));
  }

  @Test
  void analyze_gainSale_isNeverWashed() {
    Household h =
        household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(OLD, lot("R", TAXABLE, X, 100, "800", SALE.plusDays(1))),
            List.of());

    WashSaleResult r =
        WashSaleAnalyzer.standard()
            .analyze(h, MARKET, List.of(sold(OLD, "1200", SALE)), List.of(), SALE);

    assertThat(r.hasWashSale()).isFalse();
  }

  @Test
  void analyze_sameLotTwiceOnOneDate_throws() {
    Household h =
        household(List.of(account(TAXABLE, AccountType.TAXABLE)), List.of(OLD), List.of());

    assertThatThrownBy(
            () ->
                WashSaleAnalyzer.standard()
                    .analyze(
                        h,
                        MARKET,
                        List.of(sold(OLD, "750", SALE), sold(OLD, "750", SALE)),
                        List.of(),
                        SALE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "sales: must sell each lot at most once per date and sequence, was OLD");
  }
}
