package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTextTest {
  @Test
  void of_thresholdFinding_readsAsPercentages() {
    Finding f = new Finding("trigger.threshold", "out of band: CASH 0.1917078737 vs 0.4 +/- 0.05");
    assertThat(DecisionText.of(f))
        .isEqualTo("trigger.threshold: out of band: CASH 19.2% vs 40.0% \u00b1 5.0%");
    // the finding itself keeps its plain figures
    assertThat(f.message()).isEqualTo("out of band: CASH 0.1917078737 vs 0.4 +/- 0.05");
  }

  @Test
  void of_trade_readsWithGroupedQuantityAndDollars() {
    Trade t =
        Trade.builder()
            .account(AccountId.of("TAX-1"))
            .security(SecurityId.of("LCF1"))
            .side(Side.BUY)
            .quantity(Quantity.of("1250.5"))
            .estimatedPrice(UnitPrice.usd("151.12"))
            .addReasonCodes("drift.rebalance")
            .build();
    assertThat(DecisionText.of(t))
        .isEqualTo("BUY 1,250.5 LCF1 in TAX-1 at $151.12 = $188,975.56 (drift.rebalance)");
  }

  @Test
  void lines_bookDecisions_formattedWhileTheCanonicalTextKeepsPlainFigures() {
    // given: decisions of the generated book with threshold triggers
    BookGenerator book = BookGenerator.of(BookConfig.of(42));
    List<Decision> decisions =
        book.households(80)
            .map(
                (Household h) -> Rebalancer.standard().rebalance(h, book.marketData(), book.asOf()))
            .toList();
    Decision d =
        decisions.stream()
            .filter(x -> x.triggers().stream().anyMatch(f -> f.message().contains("+/-")))
            .findFirst()
            .orElseThrow();

    // when
    String text = DecisionText.text(d);

    // then
    assertThat(text)
        .startsWith(d.household() + " as of " + d.asOf() + ": " + d.outcome())
        .contains("% vs ")
        .contains(" \u00b1 ")
        .doesNotContain("+/-");
    assertThat(d.canonicalText()).contains("+/-").doesNotContain("\u00b1").doesNotContain("$");
  }
}
