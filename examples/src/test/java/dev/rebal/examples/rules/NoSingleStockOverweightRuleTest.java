package dev.rebal.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.rule.RuleRegistry;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetParser;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.Rebalancer;
import dev.rebal.examples.SampleBook;
import dev.rebal.sample.BookGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NoSingleStockOverweightRuleTest {
  /** The example rule set; surefire runs in the module folder. */
  static final Path FIRM_RULES = Path.of("rules", "firm-1.3.0.rules");

  static final BookGenerator BOOK = BookGenerator.of(SampleBook.config());

  static RuleSet firmRules() throws IOException {
    return RuleSetParser.parse(
        FIRM_RULES.toString(), Files.readString(FIRM_RULES, StandardCharsets.UTF_8));
  }

  static Decision rebalance(RuleSet rules, long index) {
    Household h = BOOK.household(index);
    return Rebalancer.of(rules).rebalance(h, BOOK.marketData(), BOOK.asOf());
  }

  @Test
  void load_classPath_findsTheFirmRuleThroughTheSpi() {
    // when
    RuleRegistry registry = RuleRegistry.load(getClass().getClassLoader());

    // then
    assertThat(registry.rules()).containsKey(NoSingleStockOverweightRule.ID);
    assertThat(registry.rules().get(NoSingleStockOverweightRule.ID).stage())
        .isEqualTo(Stage.ROUTING);
  }

  @Test
  void firmRuleSet_parses_enablesTheRuleOnTopOfTheDefaults() throws IOException {
    // when
    RuleSet firm = firmRules();

    // then
    assertThat(firm.version()).isEqualTo(SemanticVersion.parse("1.3.0"));
    assertThat(firm.rules())
        .containsAll(RuleSet.defaults().rules())
        .contains(NoSingleStockOverweightRule.ID);
    assertThat(firm.decimal(NoSingleStockOverweightRule.MAX)).isEqualByComparingTo("0.10");
  }

  @Test
  void rebalance_stockLeftAboveTheCap_goesToReviewWithTheFirmCode() throws IOException {
    // given: sample household 22 ends its proposal with its employer stock EMP4 at about 11% of
    // the household, above the firm's 10% (it also goes to review for the restricted stock)
    long index = 22;

    // when
    Decision firm = rebalance(firmRules(), index);
    Decision standard = rebalance(RuleSet.defaults(), index);

    // then
    assertThat(firm.outcome()).isEqualTo(DecisionOutcome.REVIEW);
    assertThat(firm.routing()).extracting(Finding::code).contains(NoSingleStockOverweightRule.CODE);
    assertThat(firm.routing())
        .filteredOn(f -> f.code().equals(NoSingleStockOverweightRule.CODE))
        .singleElement()
        .extracting(Finding::message)
        .asString()
        .contains("EMP4");
    assertThat(standard.routing())
        .extracting(Finding::code)
        .doesNotContain(NoSingleStockOverweightRule.CODE);
  }

  @Test
  void rebalance_lowerCap_sendsAnAutoProposalToReview() throws IOException {
    // given: sample household 100 is released automatically under the defaults and holds a single
    // stock (STK16, about 2% of the household) after its proposal
    long index = 100;
    RuleSet strict =
        firmRules()
            .withParameter(
                NoSingleStockOverweightRule.MAX, "0.001", SemanticVersion.parse("1.1.1"));
    assertThat(rebalance(RuleSet.defaults(), index).outcome()).isEqualTo(DecisionOutcome.AUTO);

    // when
    Decision d = rebalance(strict, index);

    // then
    assertThat(d.outcome()).isEqualTo(DecisionOutcome.REVIEW);
    assertThat(d.routing())
        .extracting(Finding::code)
        .containsExactly(NoSingleStockOverweightRule.CODE);
  }
}
