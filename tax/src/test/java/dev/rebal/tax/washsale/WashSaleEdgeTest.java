package dev.rebal.tax.washsale;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.external;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static dev.rebal.tax.TaxFixtures.sold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.tax.internal.PieceIds;
import dev.rebal.tax.lots.RealizedLot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edges of the wash-sale analysis: bad sales, coverage, rule sources, piece ids. */
class WashSaleEdgeTest {
  private static final LocalDate SALE = date("2025-06-16");
  private static final MarketData MARKET = market(List.of(security("X", "X")), Map.of(), SALE);
  private static final TaxLot OLD = lot("OLD", TAXABLE, X, 100, "1000", date("2024-01-10"));

  @Test
  void analyze_saleOfMoreThanTheLotHolds_throwsNamingTheLot() {
    Household h =
        household(List.of(account(TAXABLE, AccountType.TAXABLE)), List.of(OLD), List.of());
    RealizedLot tooMany =
        new RealizedLot(
            OLD.id(),
            TAXABLE,
            X,
            Quantity.of(101),
            Money.usd("750"),
            Money.usd("1010"),
            dev.rebal.tax.Term.LONG,
            OLD.acquired(),
            SALE,
            true);

    assertThatThrownBy(
            () -> WashSaleAnalyzer.standard().analyze(h, MARKET, List.of(tooMany), List.of(), SALE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sales: sells 101.000000 but the lot holds 100.000000");
  }

  @Test
  void analyze_saleOfALotNotInTheHousehold_isAnalyzedAsGiven() {
    // given: the sold lot is no longer listed; a replacement bought 5 days later
    TaxLot r = lot("R", TAXABLE, X, 100, "800", SALE.plusDays(5));
    Household h = household(List.of(account(TAXABLE, AccountType.TAXABLE)), List.of(r), List.of());

    // when
    WashSaleResult result =
        WashSaleAnalyzer.standard()
            .analyze(h, MARKET, List.of(sold(OLD, "750", SALE)), List.of(), SALE);

    // then
    assertThat(result.adjustedSales()).containsExactly(sold(OLD, "750", SALE));
    assertThat(result.totalDisallowed()).isEqualTo(Money.usd("250.00"));
    assertThat(result.washedQuantity(result.adjustedSales().get(0))).isEqualTo(Quantity.of(100));
  }

  @Test
  void constraints_coverageAndPlannedBuys_areReported() {
    // given: an external account with incomplete coverage; a buy of X planned in the proposal
    Household h =
        household(
            List.of(
                account(TAXABLE, AccountType.TAXABLE),
                external("EXT", TransactionCoverage.INCOMPLETE)),
            List.of(OLD),
            List.of());
    Trade buy =
        Trade.builder()
            .account(TAXABLE)
            .security(X)
            .side(Side.BUY)
            .quantity(Quantity.of(1))
            .estimatedPrice(UnitPrice.usd("7.5"))
            .addReasonCodes("drift.rebalance")
            .build();

    // when
    TaxConstraints c = WashSaleAnalyzer.standard().constraints(h, MARKET, SALE, List.of(buy));
    TaxConstraints clean =
        WashSaleAnalyzer.standard()
            .constraints(
                household(List.of(account(TAXABLE, AccountType.TAXABLE)), List.of(OLD), List.of()),
                MARKET,
                SALE,
                List.of());

    // then
    assertThat(c.isCoverageComplete()).isFalse();
    assertThat(clean.isCoverageComplete()).isTrue();
    assertThat(c.maySellAtLoss(OLD.id())).isFalse();
    assertThat(c.lossSaleBlocks())
        .singleElement()
        .satisfies(b -> assertThat(b.reasons()).containsExactly("planned-buy:TAX-1/X"));
    assertThat(clean.maySellAtLoss(OLD.id())).isTrue();
  }

  @Test
  void rules_haveStableCodesAndSources() {
    assertThat(WashSaleRule.DEFERRED.code()).isEqualTo("wash-sale.deferred");
    assertThat(WashSaleRule.DEFERRED.source()).contains("IRC 1091(a),(d)");
    assertThat(WashSaleRule.LOST_IN_IRA.source()).contains("Rev. Rul. 2008-5");
    assertThat(WashSaleRule.LOST_IN_TAX_ADVANTAGED.adjustsBasis()).isFalse();
  }

  @Test
  void withSequence_copiesTheSaleWithItsOrder() {
    RealizedLot s = sold(OLD, "750", SALE);

    assertThat(s.sequence()).isZero();
    assertThat(s.withSequence(7))
        .satisfies(
            t -> {
              assertThat(t.sequence()).isEqualTo(7);
              assertThat(t.withSequence(0)).isEqualTo(s);
            });
  }

  @Test
  void pieceIds_parseOnlyTheirOwnForm() {
    LotId piece = PieceIds.piece("R#w", Quantity.of("0.5"), Quantity.of(60));

    assertThat(piece).isEqualTo(LotId.of("R#w#w0.5-60"));
    assertThat(PieceIds.origin(piece)).isEqualTo("R#w");
    assertThat(PieceIds.rangeStart(piece)).isEqualByComparingTo("0.5");
    assertThat(PieceIds.rangeEnd(piece)).isEqualByComparingTo("60");
    for (String notAPiece :
        List.of(
            "R",
            "R#w1",
            "R#w-5",
            "R#w5-",
            "R#w5-5",
            "R#w6-5",
            "R#wa-5",
            "R#w1-x",
            "#w0-5",
            "R#w1.2.3-5")) {
      assertThat(PieceIds.origin(LotId.of(notAPiece))).as(notAPiece).isEqualTo(notAPiece);
      assertThat(PieceIds.rangeStart(LotId.of(notAPiece))).as(notAPiece).isNull();
      assertThat(PieceIds.rangeEnd(LotId.of(notAPiece))).as(notAPiece).isZero();
    }
  }
}
