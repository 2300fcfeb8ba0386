package dev.rebal.engine;

import static dev.rebal.engine.Scenario.AS_OF;
import static dev.rebal.engine.Scenario.BD1;
import static dev.rebal.engine.Scenario.EQ1;
import static dev.rebal.engine.Scenario.IRA;
import static dev.rebal.engine.Scenario.TAX;
import static dev.rebal.engine.Scenario.decide;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The band tier ({@code optimizer.in-band-drift-share}, 0.002 in rule set 1.7.0): a class above its
 * band whose only sale realizes a gain is trimmed to the band's edge, not to the middle half of the
 * band, unless the household trimmed it the same way within {@code optimizer.band-edge-repeat-days}
 * (62), when it goes to the middle as HALFWAY does. On {@link Scenario}'s household (every price
 * $100, target 60/40 with bands of 5 points, 20% long-term rate): 680 shares of EQ1 bought at $20
 * and 320 of BD1 at $90 in the taxable account, so equity is 68% and every equity dollar sold
 * realizes 80 cents of gain.
 */
class BandTierTest {
  private static final LocalDate OLD = LocalDate.of(2018, 3, 1);

  private static Household equityAboveItsBand() {
    return new Scenario()
        .lot("L-EQ", TAX, EQ1, 680, 20, OLD)
        .lot("L-BD", TAX, BD1, 320, 90, OLD)
        .build();
  }

  private static Household trimmedDaysAgo(int days) {
    return equityAboveItsBand()
        .withTransactions(
            Transaction.builder()
                .id(TransactionId.of("T-1"))
                .account(TAX)
                .security(EQ1)
                .side(Side.SELL)
                .tradeDate(AS_OF.minusDays(days))
                .quantity(Quantity.of(30))
                .amount(Money.usd("3000"))
                .realizedGain(Money.usd("2400"))
                .build());
  }

  private static BigDecimal equitySold(Decision d) {
    return d.proposal().trades().stream()
        .filter(t -> t.side() == Side.SELL && t.security().equals(EQ1))
        .map(t -> t.quantity().value())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void classAboveItsBand_saleAtAGain_trimsToTheBandEdge() {
    // when
    Decision edge = decide(equityAboveItsBand(), Map.of());
    Decision halfway = decide(equityAboveItsBand(), Map.of("optimizer.in-band-drift-share", "1"));

    // then: 65% of $100,000 is the edge, 62.5% the middle half's: 30 shares against 55. The tax
    // of a dollar sold (80 cents of gain at 20%, paid ten years early at 5%: about 6 cents) is
    // worth
    // more than the 0.4 cents the tier charges for the two dollars of in-band drift it removes
    assertThat(equitySold(edge)).as(edge.canonicalText()).isEqualByComparingTo("30");
    assertThat(equitySold(halfway)).as(halfway.canonicalText()).isEqualByComparingTo("55");
    assertThat(edge.impact().realizedGain().amount())
        .isLessThan(halfway.impact().realizedGain().amount());
  }

  @Test
  void classLeftAtTheBandEdge_decisionPricesTheMiddleOfTheBand() {
    // when
    Decision edge = decide(equityAboveItsBand(), Map.of());

    // then: both classes stop at their edge (bonds are bought with the equity's proceeds); the 25
    // more shares to the middle half would sell $2,500 and buy $2,500 of bonds, realizing 25 x $80
    // of gain taxed at 20%, at 5 bps of trading cost and 1 bp of turnover penalty on $5,000 more
    assertThat(edge.proposal().explanation())
        .as(edge.canonicalText())
        .contains(
            "left at the band's edge: US_BOND 0.35 vs 0.4 +/- 0.05, US_EQUITY 0.65 vs 0.6 +/- 0.05"
                + " after the proposal; taken to the middle half of the band, the proposal would"
                + " trade USD 11000.00 (instead of USD 6000.00), realize USD 2000.00 more gain (USD 400.00"
                + " more estimated tax), cost USD 3.00 more in trading and asset location");
  }

  @Test
  void classTradedToTheMiddle_noBandEdgeNote() {
    // when: the IRA's sales realize nothing, and the repeat rule sends the class to the middle
    Decision ira =
        decide(
            new Scenario()
                .lot("L-EQ", IRA, EQ1, 680, 20, OLD)
                .lot("L-BD", IRA, BD1, 320, 90, OLD)
                .build(),
            Map.of());
    Decision repeat = decide(trimmedDaysAgo(31), Map.of());

    // then
    assertThat(ira.canonicalText()).doesNotContain("band's edge");
    assertThat(repeat.canonicalText()).doesNotContain("band's edge");
  }

  @Test
  void classTrimmedLastMonthAndAboveItsBandAgain_goesToTheMiddleOfTheBand() {
    // when
    Decision repeat = decide(trimmedDaysAgo(31), Map.of());
    Decision longAgo = decide(trimmedDaysAgo(90), Map.of());

    // then: a trim at the edge that the market undid within 62 days is not repeated monthly
    assertThat(equitySold(repeat)).as(repeat.canonicalText()).isEqualByComparingTo("55");
    assertThat(repeat.canonicalText())
        .contains(
            "class US_EQUITY: traded to the middle of its band (out of its band again 31 days"
                + " after the last trade)");
    assertThat(equitySold(longAgo)).as(longAgo.canonicalText()).isEqualByComparingTo("30");
  }

  @Test
  void noGainToRealize_classGoesToTheMiddleOfTheBand() {
    // given: the same household in the IRA, where a sale realizes nothing taxed
    Household h =
        new Scenario()
            .lot("L-EQ", IRA, EQ1, 680, 20, OLD)
            .lot("L-BD", IRA, BD1, 320, 90, OLD)
            .build();

    // when
    Decision d = decide(h, Map.of());

    // then
    assertThat(equitySold(d)).as(d.canonicalText()).isEqualByComparingTo("55");
  }
}
