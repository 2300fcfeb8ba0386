package dev.rebal.core.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParametersTest {
  static final String HEAD = "name = firm\nversion = 1.0.0\n";

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "goal.discount-rate          | abc    | must be a plain decimal from 0 to 0.5, was 'abc'",
        "review.turnover.max         | abc    | must be a plain decimal from 0 to 2, was 'abc'",
        "trigger.threshold.tolerance | -0.01  | must be a plain decimal from 0 to 1, was '-0.01'",
        "review.turnover.max         | 1e9999 | must be a plain decimal from 0 to 2, was '1e9999'",
        "liquidity.horizon-days      | 90.5   | must be a whole number from 0 to 36500, was '90.5'",
        "trigger.gift.horizon-days   | 99999999999 | must be a whole number from 0 to 3650, was '99999999999'",
        "optimizer.mode              | FAST   | must be one of CASH_ONLY, HALFWAY, TO_BAND_EDGE, TO_TARGET, was 'FAST'",
      })
  void parse_badValue_isRefusedAtLoadWithLine(String name, String value, String rule) {
    assertThatThrownBy(() -> RuleSetParser.parse("firm.rules", HEAD + name + " = " + value + "\n"))
        .isInstanceOf(RuleSetException.class)
        .hasMessage("firm.rules:3: parameter '" + name + "': " + rule);
  }

  @Test
  void parse_severalBadParameters_listsEveryOne() {
    // given
    String text = HEAD + "goal.discount-rate = abc\nreview.turnover.max = -1\n";

    // then
    assertThatThrownBy(() -> RuleSetParser.parse("firm.rules", text))
        .hasMessageContaining("firm.rules:3: parameter 'goal.discount-rate'")
        .hasMessageContaining("firm.rules:4: parameter 'review.turnover.max'");
  }

  @Test
  void parse_misspeltName_isRefusedWithASuggestion() {
    assertThatThrownBy(() -> RuleSetParser.parse("firm.rules", HEAD + "review.turnover.mx = 0.3\n"))
        .isInstanceOf(RuleSetException.class)
        .hasMessageStartingWith(
            "firm.rules:3: parameter 'review.turnover.mx' is unknown "
                + "(did you mean 'review.turnover.max'?)");
  }

  @Test
  void parse_firmParameterWithItsRuleEnabled_isAccepted() {
    // when
    RuleSet rs =
        RuleSetParser.parse("firm.rules", HEAD + "rule firm.no-crypto\n" + "firm.crypto.max = 0\n");

    // then
    assertThat(rs.find("firm.crypto.max")).contains("0");
  }

  @Test
  void parse_firmParameterWithoutARuleOfItsNamespace_isRefused() {
    assertThatThrownBy(() -> RuleSetParser.parse("firm.rules", HEAD + "firm.crypto.max = 0\n"))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("parameter 'firm.crypto.max' is unknown");
  }

  @Test
  void parse_rebalNamespaceWithAFirmRule_isStillChecked() {
    // a firm rule named trigger.* does not open the trigger namespace to unknown parameters
    assertThatThrownBy(
            () ->
                RuleSetParser.parse(
                    "firm.rules", HEAD + "rule trigger.mine\n" + "trigger.mine.max = 1\n"))
        .hasMessageContaining("parameter 'trigger.mine.max' is unknown");
  }

  @Test
  void of_badParameter_isRefusedNamingTheRuleSet() {
    assertThatThrownBy(
            () ->
                RuleSet.of(
                    "firm",
                    SemanticVersion.parse("1.0.0"),
                    List.of(),
                    Map.of("review.turnover.max", "abc")))
        .isInstanceOf(RuleSetException.class)
        .hasMessage(
            "rule set firm 1.0.0: parameter 'review.turnover.max': must be a plain decimal "
                + "from 0 to 2, was 'abc'");
  }

  @Test
  void withParameter_badValue_isRefused() {
    assertThatThrownBy(
            () ->
                RuleSet.defaults()
                    .withParameter(
                        "trigger.threshold.tolerance", "-1", SemanticVersion.parse("9.0.0")))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("trigger.threshold.tolerance");
  }

  @Test
  void defaults_everyParameterIsDeclaredAndEqualsItsDefault() {
    // given
    RuleSet defaults = RuleSet.defaults();

    // then: the shipped rule set and the declarations agree
    defaults
        .parameters()
        .forEach(
            (name, value) -> {
              RuleParameter p = RuleParameters.standard().lookup(name);
              assertThat(p.defaultValue()).as(name).contains(value);
              if (p.type() == RuleParameter.Type.DECIMAL
                  || p.type() == RuleParameter.Type.INTEGER) {
                assertThat(p.decimal(defaults)).as(name).isEqualByComparingTo(value);
              } else {
                assertThat(p.problem(value)).as(name).isEmpty();
              }
            });
  }

  @Test
  void lookup_undeclared_throwsNamingIt() {
    assertThatThrownBy(() -> RuleParameters.standard().lookup("band.wide"))
        .hasMessageContaining("'band.wide' is not declared");
  }

  @Test
  void problem_longValue_isAbbreviated() {
    assertThat(RuleParameters.standard().lookup("review.tax.max").problem("9".repeat(1000)))
        .hasValueSatisfying(m -> assertThat(m).hasSizeLessThan(150).contains("(1000 characters)"));
  }

  @Test
  void docs_listEveryParameterWithItsRangeAndDefault() throws java.io.IOException {
    // given
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "rules.md"));

    // then: one row per declaration, with its range and default
    for (RuleParameter p : RuleParameters.standard().all()) {
      String row =
          doc.lines()
              .filter(l -> l.startsWith("| `" + p.name() + "` | "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("docs/rules.md has no row for " + p.name()));
      String[] cells = row.split("\\|");
      String range =
          p.type() == RuleParameter.Type.SUBSET
              ? "list of " + String.join(", ", p.choices())
              : p.type() == RuleParameter.Type.CHOICE
                  ? "one of " + String.join(", ", p.choices())
                  : (p.type() == RuleParameter.Type.DECIMAL ? "decimal " : "whole number ")
                      + p.min().orElseThrow().toPlainString()
                      + " to "
                      + p.max().orElseThrow().toPlainString();
      assertThat(cells[2].strip()).as(p.name()).isEqualTo(range);
      assertThat(cells[3].strip()).as(p.name()).isEqualTo(p.defaultValue().orElse("(none)"));
    }
    assertThat(
            doc.lines()
                .filter(l -> l.matches("\\| `[a-z.-]+` \\| (decimal|whole|one of|list of).*")))
        .hasSize(RuleParameters.standard().all().size());
  }
}
