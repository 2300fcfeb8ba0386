package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.rule.Finding;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import org.junit.jupiter.api.Test;

/**
 * A harvest due on the same day as a cash trigger is taken that day. The problem used to run {@code
 * CASH_ONLY} whenever only cash, liquidity and tax triggers fired, and that mode sells only in
 * accounts short of cash: a harvest in any other account waited for a day without a cash trigger,
 * and the proposal went to review as a residual (the harvest trigger still fired).
 */
class HarvestWithCashTriggerTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(7));

  /**
   * Generated household 3230 (seed 7): a $41,767.95 need due in TAX-1 and $20,543.54 of harvestable
   * losses, all in TAX-3. The proposal raised the need's cash in TAX-1 and left TAX-3 alone.
   */
  @Test
  void needAndHarvestInAnotherAccount_bothInOneProposal() {
    // given
    Household h = BOOK.household(3230);

    // when
    Decision d = Rebalancer.standard().rebalance(h, BOOK.marketData(), BOOK.asOf());

    // then the triggers are the need's and the harvest's, and the harvest is in TAX-3
    assertThat(d.triggers())
        .extracting(Finding::code)
        .contains("trigger.liquidity.need", "trigger.tax.harvest");
    assertThat(d.proposal().trades())
        .as(d.canonicalText())
        .anyMatch(
            t ->
                t.account().equals(AccountId.of("TAX-3"))
                    && t.reasonCodes().contains("tax.harvest"));
    assertThat(d.routing()).extracting(Finding::code).doesNotContain("review.residual");
  }
}
