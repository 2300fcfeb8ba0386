package dev.rebal.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rebal.core.ruleset.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backtest's invariants on a tiny book (6 households, 1 year, seed 7), run twice: once on one
 * thread, once on two.
 */
class PolicyBacktestTest {
  private static Backtest.Result first;
  private static Backtest.Result second;

  @BeforeAll
  static void runTwice() {
    first = Backtest.run(new Backtest.Config(6, 1, 7, 1), i -> { });
    second = Backtest.run(new Backtest.Config(6, 1, 7, 2), i -> { });
  }

  @Test
  void run_sameSeed_identicalResults() {
    // given two runs of the same seed (on different thread counts)
    // when both are rendered
    String a = Report.markdown(first, PolicySummary.of(first), "x");
    String b = Report.markdown(second, PolicySummary.of(second), "x");

    // then the tables and the charts are byte-identical
    assertThat(a).isEqualTo(b);
    assertThat(Charts.all(first, PolicySummary.of(first)))
        .isEqualTo(Charts.all(second, PolicySummary.of(second)));
  }

  @Test
  void run_everyPolicy_seesTheSameMarketPath() {
    // given the outcomes of every policy
    for (int i = 0; i < 6; i++) {
      String path = first.outcomes().get(Policy.BASELINE).get(i).pathHash;
      // then each household read the same prices at every step under every policy, in both runs
      for (Policy p : Policy.values()) {
        assertThat(first.outcomes().get(p).get(i).pathHash).as(p + " household " + i)
            .isEqualTo(path);
        assertThat(second.outcomes().get(p).get(i).pathHash).isEqualTo(path);
      }
    }
    assertThat(first.market().fingerprint(12)).isEqualTo(second.market().fingerprint(12));
    assertThat(first.market().fingerprint(12)).isNotEqualTo(first.market().fingerprint(11));
  }

  @Test
  void run_everyStep_wealthConservedExceptMarketMovesAndFlows() {
    for (Policy p : Policy.values()) {
      for (HouseholdOutcome o : first.outcomes().get(p)) {
        // between steps, with no trades, wealth changes by exactly the market move on the holdings
        assertThat(o.maxIdentityError).as(p + " household " + o.index).isZero();
        // trading moves wealth only by the cent rounding of the trades
        assertThat(o.maxTradeResidual).as(p + " household " + o.index)
            .isLessThanOrEqualTo(new BigDecimal("0.50"));
      }
    }
  }

  @Test
  void run_taxes_areNonNegative() {
    for (Policy p : Policy.values()) {
      for (HouseholdOutcome o : first.outcomes().get(p)) {
        assertThat(o.taxPaid).as(p + " household " + o.index).isGreaterThanOrEqualTo(0);
        assertThat(o.taxSaved).isGreaterThanOrEqualTo(0);
        assertThat(o.deductedLoss).isBetween(0.0, 3_000.0);
      }
    }
  }

  @Test
  void run_afterLiquidationWealth_isAtMostBefore() {
    // given the book's wealth at the end, per policy
    for (PolicySummary s : PolicySummary.of(first)) {
      // then selling everything and paying the tax never leaves more
      assertThat(s.endAfter).as(s.policy.label()).isLessThanOrEqualTo(s.endBefore);
      assertThat(s.liquidationTax).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void run_everyPolicy_startsFromTheSameWealthAndFlowsOfTheScript() {
    PolicySummary base = Report.find(PolicySummary.of(first), Policy.BASELINE);
    for (PolicySummary s : PolicySummary.of(first)) {
      assertThat(s.startAfterTax).isEqualTo(base.startAfterTax);
      assertThat(s.wealth[0]).isGreaterThan(0);
    }
  }

  @Test
  void irr_tenPercentOverAYear_returnsTenPercent() {
    // given 100 invested, nothing added, 110 after 12 months
    double[] flows = new double[13];

    // when
    double r = PolicySummary.irr(100, flows, 110);

    // then
    assertThat(r).isCloseTo(0.10, within(1e-9));
  }

  @Test
  void irr_withdrawalHalfWay_accountsForTheFlow() {
    // given 100 invested, 50 withdrawn at month 6, 55 left at month 12, at 0% return
    double[] flows = new double[13];
    flows[6] = -50;

    // when
    double r = PolicySummary.irr(100, flows, 50);

    // then the money-weighted return is zero
    assertThat(r).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void cholesky_correlationMatrix_reproducesIt() {
    double[][] l = MarketModel.cholesky(MarketModel.CORRELATION);
    for (int i = 0; i < l.length; i++) {
      for (int j = 0; j < l.length; j++) {
        double v = 0;
        for (int k = 0; k < l.length; k++) {
          v += l[i][k] * l[j][k];
        }
        assertThat(v).isCloseTo(MarketModel.CORRELATION[i][j], within(1e-12));
      }
    }
  }

  @Test
  void ruleSet_eachPolicy_isConfiguredAsDocumented() {
    RuleSet calendar = Policy.CALENDAR.ruleSet();
    RuleSet absolute = Policy.THRESHOLD_ABSOLUTE.ruleSet();
    RuleSet relative = Policy.THRESHOLD_RELATIVE.ruleSet();
    RuleSet taxAware = Policy.TAX_AWARE_THRESHOLD.ruleSet();

    assertThat(calendar.isEnabled("trigger.calendar")).isTrue();
    assertThat(calendar.isEnabled("trigger.threshold")).isFalse();
    assertThat(calendar.find("optimizer.mode")).contains("TO_TARGET");
    assertThat(absolute.find("optimizer.tax-weight")).contains("0");
    assertThat(relative.find("optimizer.mode")).contains("HALFWAY");
    assertThat(taxAware.isEnabled("trigger.tax")).isTrue();
    assertThat(taxAware.find("optimizer.tax-weight")).isEmpty();
    for (RuleSet rs : List.of(calendar, absolute, relative, taxAware)) {
      assertThat(rs.isEnabled("trigger.goal")).isFalse();
      assertThat(rs.isEnabled("trigger.liquidity")).isFalse();
      assertThat(rs.isEnabled("trigger.cash")).isTrue();
      assertThat(rs.isEnabled("route.turnover")).isTrue();
    }
    assertThat(Policy.ENGINE.ruleSet()).isEqualTo(RuleSet.defaults());
  }

  @Test
  void main_badArguments_exitsWithTwoAndAMessage() {
    // given
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    // when
    int code = PolicyBacktest.run(new String[] {"many"}, System.out, errStream);

    // then
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad arguments").contains("many");
  }
}
