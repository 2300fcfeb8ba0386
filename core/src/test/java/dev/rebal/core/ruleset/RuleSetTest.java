package dev.rebal.core.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RuleSetTest {
  private static final String V13 =
      String.join(
          "\n",
          "# default rules",
          "name = default",
          "version = 1.3.0",
          "rule band.threshold",
          "rule tax.harvest",
          "trigger.threshold.tolerance = 0.05",
          "review.turnover.max = 0.30",
          "");

  @Test
  void parse_sameContentInAnotherOrder_hasSameHash() {
    // given
    String reordered =
        String.join(
            "\n",
            "review.turnover.max = 0.30",
            "rule tax.harvest",
            "version = 1.3.0",
            "trigger.threshold.tolerance = 0.05",
            "name = default",
            "rule band.threshold");

    // when
    RuleSet a = RuleSetParser.parse("a.rules", V13);
    RuleSet b = RuleSetParser.parse("b.rules", reordered);

    // then
    assertThat(a.contentHash()).isEqualTo(b.contentHash()).hasSize(64);
    assertThat(a).isEqualTo(b);
    assertThat(a.decimal("trigger.threshold.tolerance"))
        .isEqualByComparingTo(new BigDecimal("0.05"));
    assertThat(a.isEnabled("tax.harvest")).isTrue();
  }

  @Test
  void diff_betweenVersions_listsEveryChangeSorted() {
    // given
    RuleSet v13 = RuleSetParser.parse("v13", V13);
    RuleSet v14 =
        RuleSetParser.parse(
            "v14",
            V13.replace("1.3.0", "1.4.0")
                    .replace(
                        "trigger.threshold.tolerance = 0.05", "trigger.threshold.tolerance = 0.04")
                    .replace("rule tax.harvest\n", "rule goal.glidepath\n")
                + "review.tax.max = 25000\n");

    // when
    var changes = v14.diff(v13);

    // then
    assertThat(changes)
        .extracting(Object::toString)
        .containsExactly(
            "rule:goal.glidepath - -> enabled",
            "rule:tax.harvest enabled -> -",
            "param:review.tax.max - -> 25000",
            "param:trigger.threshold.tolerance 0.05 -> 0.04");
    assertThat(v14.contentHash()).isNotEqualTo(v13.contentHash());
  }

  @Test
  void parse_badLines_reportsEveryProblemWithItsLine() {
    // given
    String bad = "name = x\nversion = 1.4\nrule a\nrule a\nnonsense\nk = 1\nk = 2\n";

    // then
    assertThatThrownBy(() -> RuleSetParser.parse("bad.rules", bad))
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining("bad.rules:4: rule 'a' listed twice")
        .hasMessageContaining("bad.rules:5: expected 'key = value' or 'rule <id>', was 'nonsense'")
        .hasMessageContaining("bad.rules:7: parameter 'k' set twice")
        .hasMessageContaining("bad.rules: version: must be MAJOR.MINOR.PATCH, was '1.4'");
  }

  @Test
  void parse_notANumber_isRefusedAtLoadNamingParameterAndValue() {
    assertThatThrownBy(
            () ->
                RuleSetParser.parse(
                    "x", "name = x\nversion = 0.1.0\n" + "trigger.cash.min = wide\n"))
        .isInstanceOf(RuleSetException.class)
        .hasMessage(
            "x:3: parameter 'trigger.cash.min': must be a plain decimal from 0 to "
                + "1000000000000, was 'wide'");
  }

  @Test
  void semanticVersion_ordersNumerically() {
    assertThat(SemanticVersion.parse("1.10.0")).isGreaterThan(SemanticVersion.parse("1.9.3"));
    assertThat(SemanticVersion.parse("2.0.0").toString()).isEqualTo("2.0.0");
  }
}
