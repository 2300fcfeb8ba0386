package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProposalExecutorTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(7));

  /**
   * A sale in a taxable account realizes its gains in the year, lot by lot and by term, as the next
   * day's data would show them; a sale in an IRA realizes none. At $100 a share: 100 shares bought
   * at $80 on 2024-01-02 (long term) gain $2,000, 50 bought at $120 on 2026-03-01 (short term) lose
   * $1,000, and 100 shares of bonds bought at $50 in the IRA are untaxed.
   */
  @Test
  void apply_salesInATaxableAccount_addTheirGainsToTheYearByTerm() {
    // given
    Household h =
        new Scenario()
            .lot("L-1", Scenario.TAX, Scenario.EQ1, 100, 80, LocalDate.of(2024, 1, 2))
            .lot("L-2", Scenario.TAX, Scenario.EQ1, 50, 120, LocalDate.of(2026, 3, 1))
            .lot("L-3", Scenario.IRA, Scenario.BD1, 100, 50, LocalDate.of(2020, 5, 1))
            .build();
    Proposal proposal =
        Proposal.builder()
            .household(h.id())
            .asOf(Scenario.AS_OF)
            .addTrades(
                sale(Scenario.TAX, Scenario.EQ1, 150, pick("L-1", 100), pick("L-2", 50)),
                sale(Scenario.IRA, Scenario.BD1, 100, pick("L-3", 100)))
            .build();

    // when
    TaxProfile after = ProposalExecutor.apply(h, proposal).taxProfile();

    // then
    assertThat(after.realizedLongTermYtd()).isEqualTo(Money.usd("2000.00"));
    assertThat(after.realizedShortTermYtd()).isEqualTo(Money.usd("-1000.00"));
  }

  /**
   * Generated household 28285 (sample book seed 7), found scanning the idempotence property over
   * households 18,000-29,999. Its first proposal sold most of a single stock at a loss to move it
   * into the IRA, leaving 344 shares of one lot; the harvest gate had declined the whole position's
   * $530,563 loss as more than the household could use. Rebalanced again, the executed household's
   * tax profile did not show that loss, so the gate took the 344 shares ($11,010) as a harvest
   * worth it, and the harvest trigger put $1.4 million of trades into a second proposal the next
   * day. With the year's realized gains updated, nothing fires.
   */
  @Test
  void executedProposal_rebalancedAgain_itsRealizedLossesKeepTheGateClosed() {
    // given: the household's first proposal
    Household h = BOOK.household(28_285);
    Decision first = decide(h);
    assertThat(first.impact().harvestedLoss().amount())
        .isGreaterThan(new java.math.BigDecimal(500_000));

    // when: executed and rebalanced again at the same prices
    Decision again = decideAgain(h, first);

    // then
    assertThat(again.proposal().trades()).isEmpty();
  }

  /**
   * Generated household 33887 (seed 7; households 30,000-59,999): its proposal sells $159,233 of
   * employer stock above its concentration cap, realizing $95,959 of gain. The harvest gate,
   * weighing losses against the year's gains before the proposal, had found none worth it, so the
   * proposal harvested nothing, and the next day, with those gains in the year, the harvest trigger
   * fired for $78,226 of losses. A demanding advisor harvests them with the sale that makes them
   * worth it: the engine appraises the harvests again with the proposal's gains and, when some are
   * worth it, solves once more in harvest mode.
   */
  @Test
  void proposalRealizingGains_harvestsTheLossesTheyMakeWorthItTheSameDay() {
    // given
    Household h = BOOK.household(33_887);

    // when
    Decision first = decide(h);

    // then: the concentration sale and harvests in one proposal, and nothing left for tomorrow
    assertThat(first.proposal().trades())
        .as(first.canonicalText())
        .anyMatch(t -> t.reasonCodes().contains("concentration.cap"))
        .anyMatch(t -> t.reasonCodes().contains("tax.harvest"));
    assertThat(first.proposal().explanation())
        .anyMatch(l -> l.contains("against the gains this proposal realizes"));
    // and the decision names the trigger of its harvests, as the audit record replays it: the
    // concentration trigger from the rule stage, the harvest trigger the proposal's gains fired
    assertThat(first.triggers())
        .extracting(dev.rebal.core.rule.Finding::code)
        .containsExactly("trigger.concentration", "trigger.tax.harvest");
    decideAgain(h, first);
  }

  /**
   * Generated household 23891 (seed 7; households 0-29,999): the harvest trigger fired, and the
   * proposal, which also trims emerging markets at a $95,173 net gain, harvested $65,480. The next
   * day, with that gain in the year, $77,959 of losses the gate had declined were worth it. The
   * engine now appraises the harvests again with the proposal's gain when harvesting already, and
   * solves once more when more are worth it.
   */
  @Test
  void harvestingProposalRealizingGains_harvestsWhatTheGainsOpenTheSameDay() {
    // given
    Household h = BOOK.household(23_891);

    // when
    Decision first = decide(h);

    // then: the harvests the gains open in the same proposal, and nothing left for tomorrow
    assertThat(first.proposal().explanation())
        .anyMatch(l -> l.contains("against the gains this proposal realizes"));
    decideAgain(h, first);
  }

  /** {@return the decision on {@code h}, which must be releasable} */
  private static Decision decide(Household h) {
    Decision d = Rebalancer.standard().rebalance(h, BOOK.marketData(), BOOK.asOf());
    assertThat(d.isReleasable()).as(d.canonicalText()).isTrue();
    return d;
  }

  /**
   * {@return the decision on {@code h} after {@code first} executed, at the same prices; asserts
   * that it finds no trigger}
   */
  private static Decision decideAgain(Household h, Decision first) {
    Household after = ProposalExecutor.apply(h, first.proposal());
    Decision again = Rebalancer.standard().rebalance(after, BOOK.marketData(), BOOK.asOf());
    assertThat(again.triggers())
        .as(first.canonicalText() + "\n---\n" + again.canonicalText())
        .isEmpty();
    return again;
  }

  private static Trade sale(
      dev.rebal.core.household.AccountId account,
      dev.rebal.core.security.SecurityId security,
      long shares,
      LotPick... picks) {
    return Trade.builder()
        .account(account)
        .security(security)
        .side(Side.SELL)
        .quantity(Quantity.of(shares))
        .estimatedPrice(UnitPrice.usd("100"))
        .addLots(picks)
        .addReasonCodes("drift.rebalance")
        .build();
  }

  private static LotPick pick(String lot, long shares) {
    return new LotPick(LotId.of(lot), Quantity.of(shares));
  }
}
