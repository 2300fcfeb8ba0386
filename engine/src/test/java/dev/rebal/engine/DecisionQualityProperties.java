package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.TradeVerifier;
import dev.rebal.compliance.VerificationResult;
import dev.rebal.core.assess.UnmetGoal;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The decision-quality invariants of the one household problem over generated households (every
 * restriction kind the generator makes: exclusions, do-not-sell windows, blackouts, freezes, volume
 * limits, caps, lot preferences; committed needs, gifts, inflows, gain budgets): the problem always
 * yields a proposal (no infeasible or numerical outcome), every proposal passes the independent
 * verifier (which also checks no offsetting trades, so no wash sale is created within it, and the
 * Rule 144 limit summed over the household's accounts), and every goal reported unmet is no larger
 * than the plain distance to it.
 */
class DecisionQualityProperties {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(11));
  private static final Rebalancer REBALANCER = Rebalancer.standard();

  @Provide
  Arbitrary<Integer> households() {
    return Arbitraries.integers().between(0, 99_999);
  }

  @Property(tries = 120)
  void everyProposal_passesTheVerifier_andTheProblemIsNeverInfeasible(
      @ForAll("households") int index) {
    Household h = BOOK.household(index);
    Decision d = REBALANCER.rebalance(h, BOOK.marketData(), BOOK.asOf());
    Statistics.collect(d.outcome().name());
    if (d.outcome() == DecisionOutcome.ON_HOLD) {
      assertThat(d.proposal().trades()).isEmpty();
      return; // data that does not add up (a security without a price) is never verified
    }
    VerificationResult verified =
        TradeVerifier.standard()
            .verify(
                h,
                BOOK.marketData(),
                BOOK.asOf(),
                d.proposal().trades(),
                ComplianceParameters.defaults());
    assertThat(verified.violations()).as(d.canonicalText()).isEmpty();
    assertThat(d.routing())
        .extracting(f -> f.code())
        .as(d.canonicalText())
        .doesNotContain("review.verifier", "review.infeasible", "review.numerical");
    Set<String> bought = new HashSet<>();
    Set<String> sold = new HashSet<>();
    for (Trade t : d.proposal().trades()) {
      String group = BOOK.marketData().lookupSecurity(t.security()).washSaleGroup();
      (t.side() == Side.BUY ? bought : t.side() == Side.SELL ? sold : new HashSet<String>())
          .add(group);
    }
    bought.retainAll(sold);
    assertThat(bought).as("groups both bought and sold").isEmpty();
  }

  @Property(tries = 120)
  void aGoalReportedUnmet_isNeverLargerThanThePlainDistanceToIt(@ForAll("households") int index) {
    Household h = BOOK.household(index);
    Decision d = REBALANCER.rebalance(h, BOOK.marketData(), BOOK.asOf());
    Statistics.collect(d.impact().unmetGoals().isEmpty() ? "all met" : "some unmet");
    BigDecimal value =
        d.impact().unmetGoals().isEmpty()
            ? BigDecimal.ZERO
            : dev.rebal.core.valuation.HouseholdValuation.of(h, BOOK.marketData()).total().amount();
    for (UnmetGoal g : d.impact().unmetGoals()) {
      assertThat(g.amount().isPositive()).as(g.toString()).isTrue();
      switch (g.kind()) {
        case "CASH_FLOOR" -> {
          Account a =
              h.findAccount(dev.rebal.core.household.AccountId.of(g.subject())).orElseThrow();
          // never more than the floor itself (what is missing of it)
          assertThat(g.amount().amount())
              .as(g.toString())
              .isLessThanOrEqualTo(a.cashFloor().amount().add(BigDecimal.ONE));
        }
        case "NEED" -> {
          // never more than the cash the rules asked to hold, which is in the subject's reason
          BigDecimal asked = new BigDecimal(g.subject().replaceAll("^hold USD ([0-9.]+).*$", "$1"));
          assertThat(g.amount().amount()).as(g.toString()).isLessThanOrEqualTo(asked);
        }
        default -> assertThat(g.amount().amount()).as(g.toString()).isLessThanOrEqualTo(value);
      }
    }
  }
}
