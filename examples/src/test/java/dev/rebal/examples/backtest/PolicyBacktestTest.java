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
    first = Backtest.run(new Backtest.Config(6, 1, 7, 1), i -> {});
    second = Backtest.run(new Backtest.Config(6, 1, 7, 2), i -> {});
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
        assertThat(first.outcomes().get(p).get(i).pathHash)
            .as(p + " household " + i)
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
        assertThat(o.maxTradeResidual)
            .as(p + " household " + o.index)
            .isLessThanOrEqualTo(new BigDecimal("0.50"));
      }
    }
  }

  @Test
  void run_decisionQuality_isConsistentWithTheOutcomes() {
    for (Policy p : Policy.values()) {
      for (HouseholdOutcome o : first.outcomes().get(p)) {
        DecisionQuality q = DecisionQuality.of(o);
        // one engine decision a month (no engine call threw on this book)
        assertThat(q.decisions).as(p + " household " + o.index).isEqualTo(o.wealth.length);
        // every decision routed to review carries at least one reason code
        int byCode = 0;
        for (int n : q.reasons.values()) {
          byCode += n;
        }
        assertThat(byCode).isGreaterThanOrEqualTo(q.inReview);
        assertThat(q.reasons.values()).allSatisfy(n -> assertThat(n).isBetween(1, q.inReview));
        // a need met from cash above the floors could be funded
        assertThat(q.needsMet).isLessThanOrEqualTo(q.needsFundable);
        assertThat(q.needsFundable).isLessThanOrEqualTo(q.needs);
        // a run spans months in review, so there are at most a third as many runs per code
        assertThat(q.runs).isLessThanOrEqualTo(q.reasons.size() * (q.inReview / 3));
        assertThat(q.householdPathsWithRun).isEqualTo(o.reviewRuns.isEmpty() ? 0 : 1);
      }
      // pooled figures are the sums over households
      DecisionQuality all = DecisionQuality.of(first.outcomes().get(p));
      assertThat(all.householdPaths).isEqualTo(6);
      assertThat(all.inReview)
          .isEqualTo(
              Report.find(PolicySummary.of(first), p)
                  .outcomes[dev.rebal.engine.DecisionOutcome.REVIEW.ordinal()]);
      assertThat(
              all.reason("review.verifier")
                  + all.reason("review.infeasible")
                  + all.reason("review.conflict")
                  + all.reason("review.residual")
                  + all.reason("review.unmet-goal")
                  + all.otherReasons())
          .isEqualTo(all.reasons.values().stream().mapToInt(Integer::intValue).sum());
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
  void run_tradedByReason_addsUpToTheTradedValue() {
    for (Policy p : Policy.values()) {
      for (HouseholdOutcome o : first.outcomes().get(p)) {
        double sum = java.util.Arrays.stream(o.tradedByReason).sum();
        assertThat(sum).as(p + " household " + o.index).isCloseTo(o.traded, within(0.01));
        if (!p.taxAware()) {
          // a tax-blind policy neither harvests nor relocates
          assertThat(o.tradedByReason[TradeReason.HARVEST.ordinal()]).isZero();
          assertThat(o.tradedByReason[TradeReason.RELOCATION.ordinal()]).isZero();
        }
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
    assertThat(Policy.ENGINE_GOAL_BLIND.ruleSet()).isEqualTo(RuleSet.defaults());
    assertThat(Policy.ENGINE_GOAL_BLIND.goalAware()).isFalse();
    assertThat(Policy.ENGINE_GOAL_BLIND.taxAware()).isTrue();
  }

  @Test
  void adapt_goalBlindEngine_hasNaiveThresholdsTargetsAndNoGoals() {
    // given a generated household with goals
    var gen =
        dev.rebal.sample.BookGenerator.of(
            dev.rebal.sample.BookConfig.of(7).withRealisticStart(true));
    var h = gen.household(1);

    // when
    var blind = Policy.ENGINE_GOAL_BLIND.adapt(h);
    var naive = Policy.THRESHOLD_ABSOLUTE.adapt(h);

    // then the same target and bands as naive threshold, no goals, no announced events
    assertThat(blind.target()).isEqualTo(naive.target());
    assertThat(blind.goals()).isEmpty();
    assertThat(blind.liquidityEvents()).isEmpty();
  }

  @Test
  void attribution_tinyStudy_addsUpToTheDifferenceInWealth() {
    // given two households over one year, measured at the end
    Study.Config c =
        new Study.Config(
            1, 2, 5, 1, List.of(MarketModel.Kind.PARAMETRIC), new Assumptions(5, 1, new int[] {1}));

    // when
    Study.PathResult r = Study.runPath(c, MarketModel.Kind.PARAMETRIC, 0);

    // then every household's components add to its difference to naive threshold within a dollar
    assertThat(r.maxUnexplained()).isLessThan(1.0);
    // and the baseline's difference to itself is zero in every component
    for (double v : r.components()[Policy.BASELINE.ordinal()][0][0]) {
      assertThat(v).isCloseTo(0.0, within(1e-9));
    }
    // and the report has one decision-quality row per policy: 2 households x 13 monthly decisions
    String md = StudyReport.markdown(c, List.of(r), "x");
    assertThat(md).contains("**Engine decision quality**");
    for (Policy p : Policy.values()) {
      assertThat(md).contains("| " + p.label() + " | 26 | ");
      assertThat(r.quality().get(p.ordinal()).householdPaths).isEqualTo(2);
    }
  }

  @Test
  void historical_eachYear_compoundsToItsHistoricalReturn() {
    // given a two-year historical path
    var gen =
        dev.rebal.sample.BookGenerator.of(
            dev.rebal.sample.BookConfig.of(7).withRealisticStart(true));
    MarketModel m =
        MarketModel.simulate(gen.marketData(), gen.asOf(), 24, 3, 1.0, MarketModel.Kind.HISTORICAL);
    HistoricalReturns h = HistoricalReturns.bundled();

    // then each simulated year's monthly class returns compound to the drawn year's figure
    assertThat(m.historicalYears()).hasSize(2);
    for (int y = 0; y < 2; y++) {
      int row = m.historicalYears().get(y) - h.year(0);
      for (int c = 0; c < MarketModel.CLASSES.size(); c++) {
        double growth = 1;
        for (int t = 12 * y + 1; t <= 12 * y + 12; t++) {
          growth *= 1 + m.classReturn(t, c);
        }
        assertThat(growth - 1)
            .as("year %d class %d", y, c)
            .isCloseTo(h.annualReturn(row, MarketModel.CLASSES.get(c).assetClass()), within(1e-9));
      }
    }
  }

  @Test
  void historicalReturns_bundledFile_hasTheCitedFigures() {
    // given the bundled series
    HistoricalReturns h = HistoricalReturns.bundled();

    // then 1928 to 1989, with the source's 1931 figures (stocks, T-bonds, T-bills)
    assertThat(h.year(0)).isEqualTo(1928);
    assertThat(h.year(h.size() - 1)).isEqualTo(1989);
    int y1931 = 1931 - 1928;
    assertThat(h.annualReturn(y1931, dev.rebal.core.security.AssetClass.of("US_LARGE_CAP")))
        .isCloseTo(-0.4384, within(1e-12));
    assertThat(h.annualReturn(y1931, dev.rebal.core.security.AssetClass.of("US_BONDS")))
        .isCloseTo(-0.0256, within(1e-12));
    assertThat(h.annualReturn(y1931, dev.rebal.core.security.AssetClass.of("CASH")))
        .isCloseTo(0.0231, within(1e-12));
  }

  @Test
  void historicalReturns_gapInYears_isRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                HistoricalReturns.parse(
                    List.of("year,stocks,tbonds,tbills", "1950,1,2,3", "1952,1,2,3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1952");
  }

  @Test
  void tQuantile975_knownValues() {
    // Student t table: df 10 2.228, df 30 2.042, df 49 2.010
    assertThat(StudyReport.tQuantile975(10)).isCloseTo(2.228, within(0.001));
    assertThat(StudyReport.tQuantile975(30)).isCloseTo(2.042, within(0.001));
    assertThat(StudyReport.tQuantile975(49)).isCloseTo(2.010, within(0.001));
  }

  @Test
  void stats_meanStandardErrorAndInterval() {
    // given 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5), se sqrt(2.5 / 5) = 0.7071, t(4) = 2.776
    StudyReport.Stats s = StudyReport.Stats.of(new double[] {1, 2, 3, 4, 5});

    assertThat(s.mean()).isCloseTo(3.0, within(1e-12));
    assertThat(s.se()).isCloseTo(0.70711, within(1e-5));
    assertThat(s.half()).isCloseTo(2.776 * 0.70711, within(1e-3));
  }

  @Test
  void main_badArguments_exitsWithTwoAndAMessage() {
    // given
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    // when
    int code = PolicyBacktest.run(new String[] {"--paths", "many"}, System.out, errStream);

    // then
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad arguments").contains("many");
  }
}
