package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HouseholdSummariesTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));
  private static final List<Household> HOUSEHOLDS = new ArrayList<>();
  private static final List<Decision> DECISIONS = new ArrayList<>();

  @BeforeAll
  static void decide() {
    BOOK.households(80)
        .forEach(
            h -> {
              HOUSEHOLDS.add(h);
              DECISIONS.add(Rebalancer.standard().rebalance(h, BOOK.marketData(), BOOK.asOf()));
            });
  }

  private static Money sum(Decision d, Side side) {
    return d.proposal().trades().stream()
        .filter(t -> t.side() == side)
        .map(Trade::estimatedValue)
        .reduce(Money.ZERO_USD, Money::plus);
  }

  @Test
  void rows_oneRowPerDecision_inTheirOrder_withFiguresFromTheDecision() {
    // when
    List<HouseholdSummary> rows =
        HouseholdSummaries.of(BOOK.marketData(), RuleSet.defaults()).rows(DECISIONS, HOUSEHOLDS);

    // then
    assertThat(rows)
        .extracting(HouseholdSummary::household)
        .containsExactlyElementsOf(DECISIONS.stream().map(Decision::household).toList());
    Decision traded =
        DECISIONS.stream()
            .filter(d -> d.proposal().trades().stream().anyMatch(t -> t.side() == Side.SELL))
            .findFirst()
            .orElseThrow();
    HouseholdSummary r = rows.get(DECISIONS.indexOf(traded));
    assertThat(r.outcome()).isEqualTo(traded.outcome());
    assertThat(r.bought()).isEqualTo(sum(traded, Side.BUY));
    assertThat(r.sold()).isEqualTo(sum(traded, Side.SELL));
    assertThat(r.sold().isPositive()).isTrue();
    assertThat(r.traded()).isEqualTo(r.bought().plus(r.sold()));
    assertThat(r.trades())
        .isEqualTo(
            (int) traded.proposal().trades().stream().filter(t -> t.side() != Side.GIFT).count());
    assertThat(r.estimatedTax()).isEqualTo(traded.impact().taxCost());
    assertThat(r.netRealizedGain()).isEqualTo(traded.impact().realizedGain());
    assertThat(r.lossHarvested()).isEqualTo(traded.impact().harvestedLoss());
    assertThat(r.triggers())
        .containsExactlyElementsOf(traded.triggers().stream().map(f -> f.code()).toList());
    Household h = HOUSEHOLDS.get(DECISIONS.indexOf(traded));
    assertThat(r.value()).contains(HouseholdValuation.of(h, BOOK.marketData()).total());
    assertThat(r.driftBefore()).isPresent();
    assertThat(r.driftAfter()).isPresent();
  }

  @Test
  void rows_cashRaisedForACommittedNeed_isNotDriftAfter() {
    // given: the decisions only cash needs triggered (cash-only proposals: they raise what a
    // committed need due soon asks for); measured as the threshold trigger measures, that cash is
    // held for the need, outside the base
    List<HouseholdSummary> rows =
        HouseholdSummaries.of(BOOK.marketData(), RuleSet.defaults()).rows(DECISIONS, HOUSEHOLDS);
    List<HouseholdSummary> cashOnly =
        rows.stream()
            .filter(
                r ->
                    r.trades() > 0
                        && r.triggers().stream().allMatch(c -> c.startsWith("trigger.liquidity.")))
            .toList();

    // then: raising it moves no class out of line (measured on the whole value, as this table did
    // before, HH-000021's largest drift went from 1.0% to 3.7%)
    assertThat(cashOnly).isNotEmpty();
    assertThat(cashOnly)
        .allSatisfy(
            r ->
                assertThat(r.driftAfter().orElseThrow().value())
                    .as(r.household().toString())
                    .isLessThanOrEqualTo(
                        r.driftBefore()
                            .orElseThrow()
                            .value()
                            .add(new java.math.BigDecimal("0.005"))));
  }

  @Test
  void rows_onHoldOrWithoutTrades_valueAndDriftAsDocumented() {
    // when
    List<HouseholdSummary> rows =
        HouseholdSummaries.of(BOOK.marketData(), RuleSet.defaults()).rows(DECISIONS, HOUSEHOLDS);

    // then: on hold, no value and no drift; without trades, the drift after is the drift before
    assertThat(rows).anyMatch(r -> r.outcome() == DecisionOutcome.ON_HOLD);
    rows.stream()
        .filter(r -> r.outcome() == DecisionOutcome.ON_HOLD)
        .forEach(
            r -> {
              assertThat(r.value()).isEmpty();
              assertThat(r.driftBefore()).isEmpty();
            });
    rows.stream()
        .filter(r -> r.outcome() == DecisionOutcome.NO_TRIGGER)
        .forEach(
            r -> {
              assertThat(r.trades()).isZero();
              assertThat(r.driftAfter()).isEqualTo(r.driftBefore()).isPresent();
            });
  }

  @Test
  void rowsOf_decisionsAlone_haveNoValueButTheSameFigures() {
    // when
    List<HouseholdSummary> alone = HouseholdSummaries.rowsOf(DECISIONS);
    List<HouseholdSummary> full =
        HouseholdSummaries.of(BOOK.marketData(), RuleSet.defaults()).rows(DECISIONS, HOUSEHOLDS);

    // then
    assertThat(alone).allMatch(r -> r.value().isEmpty() && r.driftBefore().isEmpty());
    for (int i = 0; i < alone.size(); i++) {
      assertThat(alone.get(i).traded()).isEqualTo(full.get(i).traded());
      assertThat(alone.get(i).estimatedTax()).isEqualTo(full.get(i).estimatedTax());
    }
  }

  @Test
  void row_decisionOfAnotherHousehold_throwsNamingTheField() {
    HouseholdSummaries table = HouseholdSummaries.of(BOOK.marketData(), RuleSet.defaults());
    assertThatThrownBy(() -> table.row(HOUSEHOLDS.get(0), DECISIONS.get(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decision.household");
  }
}
