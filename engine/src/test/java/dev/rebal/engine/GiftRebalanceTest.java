package dev.rebal.engine;

import static dev.rebal.engine.Scenario.ACME;
import static dev.rebal.engine.Scenario.AS_OF;
import static dev.rebal.engine.Scenario.BD1;
import static dev.rebal.engine.Scenario.EQ1;
import static dev.rebal.engine.Scenario.IRA;
import static dev.rebal.engine.Scenario.MARKET;
import static dev.rebal.engine.Scenario.TAX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.TradeVerifier;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Charitable gifts given in kind: the gift stage, its trigger, review routing and the executor.
 * Every price in {@link Scenario} is $100.
 */
class GiftRebalanceTest {
  private static final LocalDate OLD = LocalDate.of(2020, 1, 15);
  private final Rebalancer rebalancer = Rebalancer.standard();

  private static LiquidityEvent gift(String amount, int days) {
    return LiquidityEvent.builder()
        .id(LiquidityEventId.of("G-1"))
        .kind(LiquidityKind.GIFT)
        .amount(Money.usd(amount))
        .date(AS_OF.plusDays(days))
        .firmness(Firmness.COMMITTED)
        .description("Church pledge")
        .build();
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static List<Trade> gifts(Decision d) {
    return d.proposal().trades().stream().filter(t -> t.side() == Side.GIFT).toList();
  }

  @Test
  void rebalance_committedGiftIn20DaysWithAppreciatedLot_givesTheLotInKindForReview() {
    // given: a $20,000 committed gift in 20 days; 200 shares of EQ1 bought at $40, now $100, and
    // 400 shares bought at $90; 60/40 and no cash, so only the gift can trigger
    Household h =
        new Scenario()
            .lot("L-APP", TAX, EQ1, 200, 40, OLD)
            .lot("L-EQ", TAX, EQ1, 400, 90, OLD)
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .event(gift("20000", 20))
            .build();

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);

    // then: the appreciated lot is given whole, no gain realized, gain avoided 60% of the value;
    // the gift leaves equity at 50% against 60 +/- 5, which the threshold trigger sees on the
    // household after it, so the same proposal swaps $6,000 of bonds for equity in the IRA (to the
    // halfway interval, no tax; before, the next day's run did)
    assertThat(codes(d.triggers())).containsExactly("trigger.gift.in-kind", "trigger.threshold");
    assertThat(gifts(d))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.security()).isEqualTo(EQ1);
              assertThat(t.account()).isEqualTo(TAX);
              assertThat(t.lots())
                  .containsExactly(new LotPick(LotId.of("L-APP"), Quantity.of(200)));
              assertThat(t.estimatedValue()).isEqualTo(Money.usd("20000.00"));
              assertThat(t.reasonCodes()).containsExactly("gift:G-1", "tax.gift-in-kind");
            });
    assertThat(d.proposal().trades())
        .noneMatch(t -> t.side() == Side.SELL && t.account().equals(TAX))
        .anyMatch(
            t ->
                t.side() == Side.SELL
                    && t.account().equals(IRA)
                    && t.security().equals(BD1)
                    && t.estimatedValue().equals(Money.usd("6000.00")))
        .anyMatch(
            t ->
                t.side() == Side.BUY
                    && t.account().equals(IRA)
                    && t.security().equals(EQ1)
                    && t.estimatedValue().equals(Money.usd("6000.00")));
    assertThat(d.impact().realizedGain()).isEqualTo(Money.ZERO_USD);
    assertThat(d.impact().taxCost()).isEqualTo(Money.ZERO_USD);
    assertThat(d.impact().giftedValue()).isEqualTo(Money.usd("20000.00"));
    assertThat(d.proposal().explanation())
        .anyMatch(
            line ->
                line.contains("gift G-1")
                    && line.contains("L-APP")
                    && line.contains("gain avoided USD 12000.00")
                    && line.contains("tax USD 2400.00"));
    // an irrevocable gift always goes to review; the verifier passes it
    assertThat(d.outcome()).isEqualTo(DecisionOutcome.REVIEW);
    assertThat(codes(d.routing())).contains("review.gift").doesNotContain("review.verifier");
    assertThat(
            TradeVerifier.standard().verify(h, MARKET, AS_OF, d.proposal().trades()).isCompliant())
        .isTrue();
  }

  @Test
  void execute_giftInKind_removesTheSharesKeepsTheCashAndDoesNotTriggerAgain() {
    // given
    Household h =
        new Scenario()
            .lot("L-APP", TAX, EQ1, 200, 40, OLD)
            .lot("L-EQ", TAX, EQ1, 400, 90, OLD)
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .cash("1000", "0")
            .event(gift("20000", 20))
            .build();
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);

    // when
    Household after = ProposalExecutor.apply(h, d.proposal());
    Decision again = rebalancer.rebalance(after, MARKET, AS_OF.plusDays(1));

    // then: the lot is gone, the gift brought no cash in (the account's cash is what it was, less
    // what the rebalance after the gift bought there), the gift was made: no gift trigger again
    assertThat(after.lots()).extracting(l -> l.id().value()).doesNotContain("L-APP");
    Money boughtInTax = Money.ZERO_USD;
    for (Trade t : d.proposal().trades()) {
      if (t.account().equals(TAX) && t.side() == Side.BUY) {
        boughtInTax = boughtInTax.plus(t.estimatedValue());
      }
    }
    assertThat(after.findAccount(TAX).orElseThrow().cash())
        .isEqualTo(Money.usd("1000").minus(boughtInTax));
    assertThat(after.liquidityEvents()).isEmpty();
    assertThat(after.transactions())
        .filteredOn(t -> t.side() == Side.GIFT)
        .singleElement()
        .satisfies(t -> assertThat(t.realizedGain()).isEmpty());
    assertThat(codes(again.triggers())).doesNotContain("trigger.gift.in-kind");
    assertThat(gifts(again)).isEmpty();
  }

  @Test
  void rebalance_doNotSellOnTheAppreciatedLot_givesTheNextLotAndExplainsTheSkip() {
    // given: the most appreciated lot is employer stock under a do-not-sell; EQ1 at $80 is next
    Household h =
        new Scenario()
            .lot("L-ACME", TAX, ACME, 200, 10, OLD)
            .lot("L-EQ", TAX, EQ1, 400, 80, OLD)
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .restrict(
                new DoNotSell(
                    RestrictionId.of("R-1"),
                    SecurityScope.security("ACME"),
                    com.google.common.collect.ImmutableSortedSet.of(),
                    DateWindow.always(),
                    "Executive: employer stock"))
            .event(gift("20000", 20))
            .build();

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);

    // then
    assertThat(gifts(d))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.security()).isEqualTo(EQ1);
              assertThat(t.lots()).containsExactly(new LotPick(LotId.of("L-EQ"), Quantity.of(200)));
            });
    assertThat(d.proposal().explanation())
        .anyMatch(line -> line.contains("L-ACME") && line.contains("not given"));
    assertThat(codes(d.routing())).doesNotContain("review.verifier");
  }

  @Test
  void rebalance_giftLargerThanTheAppreciatedLots_reservesTheCashPart() {
    // given: only $10,000 of appreciated long-term stock for a $25,000 gift; $20,000 of cash
    Household h =
        new Scenario()
            .lot("L-APP", TAX, EQ1, 100, 40, OLD)
            .lot("L-EQ", TAX, EQ1, 500, 100, OLD)
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .cash("20000", "0")
            .event(gift("25000", 20))
            .build();

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);
    Household after = ProposalExecutor.apply(h, d.proposal());

    // then: the lot goes in kind, the $15,000 rest stays as cash and the event keeps only it
    assertThat(gifts(d))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t.lots())
                    .containsExactly(new LotPick(LotId.of("L-APP"), Quantity.of(100))));
    assertThat(after.findAccount(TAX).orElseThrow().cash())
        .isGreaterThanOrEqualTo(Money.usd("15000"));
    assertThat(after.liquidityEvents())
        .singleElement()
        .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.usd("15000.00")));
  }

  @Test
  void rebalance_onlyShortTermAppreciatedLot_neverGivesIt() {
    // given: the only appreciated lot was bought three months ago
    Household h =
        new Scenario()
            .lot("L-NEW", TAX, EQ1, 600, 40, AS_OF.minusMonths(3))
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .cash("20000", "0")
            .event(gift("20000", 20))
            .build();

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);

    // then: nothing in kind, so no gift trigger; the gift's cash is kept for it
    assertThat(gifts(d)).isEmpty();
    assertThat(codes(d.triggers())).doesNotContain("trigger.gift.in-kind");
    assertThat(d.proposal().trades()).noneMatch(t -> t.side() == Side.BUY);
  }

  @Test
  void rebalance_giftBeyondTheGiftHorizon_doesNotFire() {
    // given: the gift is 45 days away, past trigger.gift.horizon-days (30)
    Household h =
        new Scenario()
            .lot("L-APP", TAX, EQ1, 200, 40, OLD)
            .lot("L-EQ", TAX, EQ1, 400, 90, OLD)
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .event(gift("20000", 45))
            .build();

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);

    // then
    assertThat(d.outcome()).isEqualTo(DecisionOutcome.NO_TRIGGER);
  }

  @Test
  void rebalance_reviewGiftMaxAboveTheGift_releasesItWithoutReview() {
    // given: a rule set that lets gifts below $50,000 go out without review
    RuleSet rs =
        RuleSet.defaults().withParameter("review.gift.max", "50000", RuleSet.defaults().version());
    Household h =
        new Scenario()
            .lot("L-APP", TAX, EQ1, 200, 40, OLD)
            .lot("L-EQ", TAX, EQ1, 400, 90, OLD)
            .lot("L-BD", IRA, BD1, 400, 100, OLD)
            .event(gift("20000", 20))
            .build();

    // when
    Decision d = Rebalancer.of(rs).rebalance(h, MARKET, AS_OF);

    // then
    assertThat(gifts(d)).hasSize(1);
    assertThat(codes(d.routing())).doesNotContain("review.gift");
  }
}
