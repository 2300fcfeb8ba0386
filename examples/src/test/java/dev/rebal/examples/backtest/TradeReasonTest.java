package dev.rebal.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The turnover groups: the first group whose codes a trade carries. */
class TradeReasonTest {
  @Test
  void of_relocationOutranksHarvest() {
    // a harvest sale that also moves the class to a cheaper account counts as relocation
    assertThat(TradeReason.of(Set.of("tax.harvest", "location.relocate")))
        .isEqualTo(TradeReason.RELOCATION);
  }

  @Test
  void of_harvestSaleAndItsReplacement_areHarvest() {
    assertThat(TradeReason.of(Set.of("tax.harvest", "drift.rebalance")))
        .isEqualTo(TradeReason.HARVEST);
    assertThat(TradeReason.of(Set.of("tax.replacement", "cash.invest")))
        .isEqualTo(TradeReason.HARVEST);
  }

  @Test
  void of_cashFlowsGoalsConcentration_eachTheirOwn() {
    assertThat(TradeReason.of(Set.of("cash.invest"))).isEqualTo(TradeReason.CASH_FLOW);
    assertThat(TradeReason.of(Set.of("liquidity.need", "goal.approaching")))
        .isEqualTo(TradeReason.CASH_FLOW);
    assertThat(TradeReason.of(Set.of("goal.glidepath", "drift.rebalance")))
        .isEqualTo(TradeReason.GOAL);
    assertThat(TradeReason.of(Set.of("concentration.cap", "drift.rebalance")))
        .isEqualTo(TradeReason.CONCENTRATION);
  }

  @Test
  void of_thresholdOrCalendar_isRebalance() {
    assertThat(TradeReason.of(Set.of("drift.rebalance"))).isEqualTo(TradeReason.REBALANCE);
    assertThat(TradeReason.of(Set.of("calendar.rebalance"))).isEqualTo(TradeReason.REBALANCE);
  }
}
