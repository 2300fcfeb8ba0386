package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Finding;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import org.junit.jupiter.api.Test;

/**
 * Rounding keeps the problem's priorities: a need's cash and an account's floor come before the
 * gain budget, in the rounded trades as in the LP.
 */
class GainBudgetRoundingTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));

  /**
   * Generated household 968 (seed 42; `--generate 1000 --seed 42`): a $74,513.04 tuition need due
   * in TAX-1 (fractional shares), a gain budget of zero. The LP funds the need by selling bonds at
   * a gain in TAX-1 and offsets the gain with large-cap lots sold at a loss in TRUST-3 (whole
   * shares). Rounded down to 606 shares, the loss sale left the gain $2.67 over the budget, and the
   * budget's repair cut the bond sale that funded the need: TAX-1 ended $40.56 below its floor, and
   * the proposal went to review as a residual (the need's trigger still fired).
   */
  @Test
  void lossSaleRoundedDown_budgetRepairDoesNotCutTheSaleThatFundsTheNeed() {
    // given
    Household h = BOOK.household(968);

    // when
    Decision d = Rebalancer.standard().rebalance(h, BOOK.marketData(), BOOK.asOf());

    // then the need and the floor are met in TAX-1, and nothing is left for review
    Household after = ProposalExecutor.apply(h, d.proposal());
    Account tax1 = after.findAccount(AccountId.of("TAX-1")).orElseThrow();
    assertThat(tax1.cash())
        .as(d.canonicalText())
        .isGreaterThanOrEqualTo(tax1.cashFloor().plus(Money.usd("74513.04")));
    assertThat(d.impact().unmetGoals()).as(d.canonicalText()).isEmpty();
    assertThat(d.routing()).extracting(Finding::code).doesNotContain("review.residual");
  }
}
