package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.rule.Finding;
import dev.rebal.core.trade.Side;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import org.junit.jupiter.api.Test;

/**
 * A gift in kind that leaves a class out of its band is rebalanced in the same proposal. A gift
 * alone ran no problem, so the proposal gave the lots and left the class where the gift put it, and
 * it went to review as a residual (the threshold trigger fired on the household after it).
 */
class GiftThenRebalanceTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(7));

  /**
   * Generated household 3300 (seed 7): a $69,000 gift given almost all in kind, $38,831.40 of it a
   * REIT fund, which left real estate at 0.9% against a 5% target (band 2.5 points).
   */
  @Test
  void giftEmptiesAClass_theSameProposalBringsItBackIntoItsBand() {
    // when
    Decision d =
        Rebalancer.standard().rebalance(BOOK.household(3300), BOOK.marketData(), BOOK.asOf());

    // then the gift's effect fires the threshold trigger, the proposal acts on it, no residual
    assertThat(d.triggers())
        .extracting(Finding::code)
        .contains("trigger.gift.in-kind", "trigger.threshold");
    assertThat(d.proposal().trades()).as(d.canonicalText()).anyMatch(t -> t.side() == Side.BUY);
    assertThat(d.routing()).extracting(Finding::code).doesNotContain("review.residual");
  }
}
