package dev.rebal.tax.washsale;

import static dev.rebal.tax.washsale.TradeHistory.IRA;
import static dev.rebal.tax.washsale.TradeHistory.TAX;
import static dev.rebal.tax.washsale.TradeHistory.X;
import static dev.rebal.tax.washsale.TradeHistory.buy;
import static dev.rebal.tax.washsale.TradeHistory.sell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.Problem;
import dev.rebal.tax.washsale.TradeHistory.Outcome;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Wash sales analyzed as a firm runs them: one analysis per trading day (or per trade) over a
 * history, each carried forward with the analysis's lots and transaction history. Every example is
 * also analyzed in one call with all its sales, which must agree. Days count from 2025-01-02.
 */
class WashSaleHistoryTest {

  private static void assertSameEverywhere(TradeHistory h) {
    Outcome one = h.oneCall();
    for (Outcome other : List.of(h.byDay(), h.byTrade())) {
      assertThat(other.disallowances()).isEqualTo(one.disallowances());
      assertThat(other.sales()).isEqualTo(one.sales());
      assertThat(other.lots()).isEqualTo(one.lots());
    }
  }

  /**
   * A purchase whose shares were sold before the loss sale replaces nothing. Figures from the issue
   * that reported it: day 1 buy 2 @ 50, sell both @ 55 (+10); day 2 buy 6 @ 50, sell all @ 45 (loss
   * 30); day 3 buy 2 @ 50, sell both @ 55. Only day 3's 2 shares wash the loss: 30 x 2/6 = 10
   * disallowed, day 3's basis 100 + 10 = 110, its gain 110 - 110 = 0; 20 allowed. Net for the three
   * days: 10 - 30 + 10 + 0 = -10.
   */
  @Test
  void analyze_purchaseSoldBeforeTheLoss_isNoReplacementAndNothingIsLost() {
    // given
    TradeHistory h =
        TradeHistory.of(
            buy(1, 1, "P1", TAX, X, 2, "50"),
            sell(1, 2, "P1", TAX, X, 2, "55"),
            buy(2, 1, "P2", TAX, X, 6, "50"),
            sell(2, 2, "P2", TAX, X, 6, "45"),
            buy(3, 1, "P3", TAX, X, 2, "50"),
            sell(3, 2, "P3", TAX, X, 2, "55"));

    // when
    Outcome daily = h.byDay();

    // then
    assertThat(daily.disallowed("P2", 2)).isEqualTo(Money.usd("10.00"));
    assertThat(daily.disallowances())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement().reference()).isEqualTo("P3");
              assertThat(d.quantity()).isEqualTo(Quantity.of(2));
              assertThat(d.basisIncrease()).isEqualTo(Money.usd("10.00"));
            });
    assertThat(daily.gain("P3", 3)).isEqualTo(Money.usd("0.00"));
    assertThat(daily.net()).isEqualTo(Money.usd("-10.00"));
    assertSameEverywhere(h);
  }

  /**
   * A replacement share absorbs at most one loss, across analyses (Treas. Reg. 1.1091-1). The IRA
   * buys 10 shares on day 40; the taxable account sells 10 shares (bought on day 0) at a loss on
   * day 45 (lost for good under Rev. Rul. 2008-5: 10 x (60 - 50) = 100) and 10 more on day 49. The
   * IRA's 10 shares were used by the first loss, so the second loss of 100 is allowed, also when
   * analyzed in a later call.
   */
  @Test
  void analyze_replacementAlreadyUsedInAnEarlierAnalysis_absorbsNoSecondLoss() {
    // given
    TradeHistory h =
        TradeHistory.of(
            buy(0, 1, "L1", TAX, X, 10, "60"),
            buy(0, 2, "L2", TAX, X, 10, "60"),
            buy(40, 1, "R", IRA, X, 10, "55"),
            sell(45, 1, "L1", TAX, X, 10, "50"),
            sell(49, 1, "L2", TAX, X, 10, "50"));

    // when
    Outcome daily = h.byDay();

    // then
    assertThat(daily.disallowed("L1", 45)).isEqualTo(Money.usd("100.00"));
    assertThat(daily.disallowances())
        .singleElement()
        .satisfies(d -> assertThat(d.rule()).isEqualTo(WashSaleRule.LOST_IN_IRA));
    assertThat(daily.disallowed("L2", 49)).isEqualTo(Money.usd("0.00"));
    assertThat(daily.end().lots())
        .filteredOn(l -> l.id().value().equals("R"))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.costBasis()).isEqualTo(Money.usd("550.00"));
              assertThat(l.usedAsReplacement()).isEqualTo(Quantity.of(10));
            });
    assertThat(daily.end().transactions())
        .filteredOn(t -> t.id().value().equals("B-R"))
        .singleElement()
        .extracting(Transaction::usedAsReplacement)
        .isEqualTo(Quantity.of(10));
    assertSameEverywhere(h);
  }

  /**
   * A chained wash sale, in the style of adlr/wash-sale-calculator's examples: buy A 100 @ 50; sell
   * A @ 40 (loss 1,000); buy B 100 @ 42 (basis 4,200 + 1,000 = 5,200); sell B @ 39 (3,900 - 5,200 =
   * loss 1,300, the deferred 1,000 included); buy C 100 @ 40: C's basis 4,000 + 1,300 = 5,300, and
   * the net for the year is 0. One call with every sale agrees with one call per day.
   */
  @Test
  void analyze_chainedWashSale_carriesTheDeferredLossIntoTheNextReplacement() {
    // given
    TradeHistory h =
        TradeHistory.of(
            buy(0, 1, "A", TAX, X, 100, "50"),
            sell(10, 1, "A", TAX, X, 100, "40"),
            buy(15, 1, "B", TAX, X, 100, "42"),
            sell(25, 1, "B", TAX, X, 100, "39"),
            buy(30, 1, "C", TAX, X, 100, "40"));

    // when
    Outcome one = h.oneCall();

    // then
    assertThat(one.gain("B", 25)).isEqualTo(Money.usd("-1300.00"));
    assertThat(one.disallowed("A", 10)).isEqualTo(Money.usd("1000.00"));
    assertThat(one.disallowed("B", 25)).isEqualTo(Money.usd("1300.00"));
    assertThat(one.end().lots())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(LotId.of("C"));
              assertThat(c.costBasis()).isEqualTo(Money.usd("5300.00"));
              // A held 10 days, tacked onto B (acquired day 5 equivalent), B's 10 + 10 days onto C
              assertThat(c.holdingPeriodStart()).isEqualTo(TradeHistory.START.plusDays(30 - 20));
            });
    assertThat(one.net()).isEqualTo(Money.usd("0.00"));
    assertSameEverywhere(h);
  }

  /**
   * Split-lot ids stay unique and lead back to their purchase. R (100 @ 50) is matched by two loss
   * sales on two dates, 60 then 40 shares: pieces R#w0-60 and R (the rest, matched whole, keeps its
   * id). Bases: 3,000 + 300 = 3,300 and 2,000 + 200 = 2,200. The R#w0-60 piece is then sold at 15:
   * 900 - 3,300 = a loss of 2,400 (its deferred 300 included). The purchase of R itself (its BUY
   * names lot R) is not its replacement, so that loss is allowed.
   */
  @Test
  void analyze_lotSplitOnTwoDates_keepsIdsUniqueAndItsPurchaseIsNoReplacement() {
    // given: L1 60 @ 55 sold @ 50 (loss 300); L2 40 @ 55 sold @ 50 (loss 200)
    TradeHistory h =
        TradeHistory.of(
            buy(0, 1, "L1", TAX, X, 60, "55"),
            buy(0, 2, "L2", TAX, X, 40, "55"),
            buy(40, 1, "R", TAX, X, 100, "50"),
            sell(42, 1, "L1", TAX, X, 60, "50"),
            sell(45, 1, "L2", TAX, X, 40, "50"));

    // when
    Outcome daily = h.byDay();

    // then
    assertThat(daily.end().lots())
        .extracting(l -> l.id().value(), TaxLot::costBasis)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("R#w0-60", Money.usd("3300.00")),
            org.assertj.core.groups.Tuple.tuple("R", Money.usd("2200.00")));
    assertThat(errors(h, daily)).isEmpty();

    // and when the piece is sold at 15: 900 - 3,300 = loss 2,400, nothing but R's own purchase in
    // the window
    TradeHistory later =
        TradeHistory.of(
            buy(0, 1, "L1", TAX, X, 60, "55"),
            buy(0, 2, "L2", TAX, X, 40, "55"),
            buy(40, 1, "R", TAX, X, 100, "50"),
            sell(42, 1, "L1", TAX, X, 60, "50"),
            sell(45, 1, "L2", TAX, X, 40, "50"),
            sell(50, 1, "R", TAX, X, 60, "15"));
    Outcome after = later.byDay();
    assertThat(after.gain("R", 50)).isEqualTo(Money.usd("-2400.00"));
    assertThat(after.disallowed("R", 50)).isEqualTo(Money.usd("0.00"));
    assertSameEverywhere(later);
  }

  private static List<Problem> errors(TradeHistory h, Outcome o) {
    Set<String> codes =
        new HashSet<>(
            List.of(
                "id.duplicate",
                "lot.replacement.range",
                "transaction.replacement.range",
                "transaction.washed.range",
                "transaction.holding.invalid",
                "transaction.lot.mismatch",
                "lot.washsale.exceeds-basis",
                "lot.holding.after-acquired"));
    return HouseholdValidator.standard()
        .validate(o.end(), TradeHistory.MARKET, h.lastDate())
        .errors()
        .stream()
        .filter(p -> codes.contains(p.code()))
        .toList();
  }

  /**
   * Part of a purchase sold at a loss within 30 days of buying it: the example some sources give
   * (200 shares bought, 100 sold 19 days later at a loss). Default (adlr's and bbreslauer's
   * reading): the 100 kept are not a replacement, the loss of 1,000 is allowed. With the tax
   * profile's {@code samePurchaseWashes} (the conservative reading): they are, the 1,000 is
   * disallowed and the 100 kept have basis 5,000 + 1,000 = 6,000.
   */
  @Test
  void analyze_partOfARecentPurchaseSoldAtALoss_dependsOnTheSamePurchaseOption() {
    // given
    TradeHistory h =
        TradeHistory.of(buy(0, 1, "P", TAX, X, 200, "50"), sell(19, 1, "P", TAX, X, 100, "40"));

    // when
    Outcome lenient = h.byDay();
    Outcome conservative = h.withSamePurchaseWashes(true).byDay();

    // then
    assertThat(lenient.disallowed("P", 19)).isEqualTo(Money.usd("0.00"));
    assertThat(lenient.end().lots())
        .singleElement()
        .satisfies(l -> assertThat(l.costBasis()).isEqualTo(Money.usd("5000.00")));
    assertThat(conservative.disallowed("P", 19)).isEqualTo(Money.usd("1000.00"));
    assertThat(conservative.end().lots())
        .singleElement()
        .satisfies(l -> assertThat(l.costBasis()).isEqualTo(Money.usd("6000.00")));
    assertSameEverywhere(h.withSamePurchaseWashes(true));
  }

  /**
   * Trades of one date are matched in the order they happened. Q is bought and sold (at a gain) on
   * day 20; L is sold at a loss of 100 the same day. Sold after Q's round trip, L has no
   * replacement (Q was not held when L was sold); sold before Q's purchase, L is washed by Q.
   */
  @Test
  void analyze_sameDayTrades_followTheirSequence() {
    // given
    TradeHistory after =
        TradeHistory.of(
            buy(0, 1, "L", TAX, X, 10, "60"),
            buy(20, 1, "Q", TAX, X, 10, "50"),
            sell(20, 2, "Q", TAX, X, 10, "51"),
            sell(20, 3, "L", TAX, X, 10, "50"));
    TradeHistory before =
        TradeHistory.of(
            buy(0, 1, "L", TAX, X, 10, "60"),
            sell(20, 0, "L", TAX, X, 10, "50"),
            buy(20, 1, "Q", TAX, X, 10, "50"),
            sell(20, 2, "Q", TAX, X, 10, "51"));

    // then
    assertThat(after.byTrade().disallowed("L", 20)).isEqualTo(Money.usd("0.00"));
    assertThat(before.byTrade().disallowed("L", 20)).isEqualTo(Money.usd("100.00"));
    assertThat(before.byTrade().gain("Q", 20)).isEqualTo(Money.usd("-90.00"));
    assertSameEverywhere(after);
    assertSameEverywhere(before);
  }

  @Test
  void saleTransaction_recordsTheWashedSharesAndHoldingStart() {
    // given: 10 sold at a loss, 4 replacement shares bought 3 days later
    TradeHistory h =
        TradeHistory.of(
            buy(0, 1, "L", TAX, X, 10, "60"),
            sell(5, 1, "L", TAX, X, 10, "50"),
            buy(8, 1, "R", TAX, X, 4, "50"));

    // when
    Outcome daily = h.byDay();

    // then: the sale was recorded on day 5 with nothing washed; day 8 washed 4 of its 10 shares
    assertThat(daily.end().transactions())
        .filteredOn(t -> t.side() == Side.SELL)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.washedQuantity()).isEqualTo(Quantity.of(4));
              assertThat(t.holdingPeriodStart()).contains(TradeHistory.START);
              assertThat(t.realizedGain()).contains(Money.usd("-100.00"));
            });
    assertThat(daily.disallowed("L", 5)).isEqualTo(Money.usd("40.00"));
    assertSameEverywhere(h);
  }
}
