package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
  @Test
  void quote_plainField_isLeftAlone() {
    assertThat(Blotter.quote("HH-000001")).isEqualTo("HH-000001");
  }

  @Test
  void quote_commaQuoteOrLineBreak_isQuotedWithQuotesDoubled() {
    assertThat(Blotter.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(Blotter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Blotter.quote("a\nb")).isEqualTo("\"a\nb\"");
  }

  @Test
  void fileName_unsafeCharacters_becomeHexEscapes() {
    assertThat(MainJob.fileName("HH-000001")).isEqualTo("HH-000001");
    assertThat(MainJob.fileName("../etc/passwd")).isEqualTo("_2E._2Fetc_2Fpasswd");
    assertThat(MainJob.fileName("a b/c:d")).isEqualTo("a_20b_2Fc_3Ad");
  }

  @Test
  void escape_markup_isEscaped() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void toJson_decision_fieldsInTheDocumentedOrder() {
    // given
    BookGenerator book = BookGenerator.of(SampleBook.config());
    Household h = book.household(0);
    Decision d = Rebalancer.standard().rebalance(h, book.marketData(), book.asOf());

    // when
    String json = DecisionJson.toJson(d);

    // then: the top-level fields (indented by two spaces) in order
    Matcher m = Pattern.compile("(?m)^  \"(\\w+)\" :").matcher(json);
    List<String> fields = new ArrayList<>();
    while (m.find()) {
      fields.add(m.group(1));
    }
    assertThat(fields)
        .containsExactly(
            "household",
            "asOf",
            "outcome",
            "releasable",
            "ruleSet",
            "inputsHash",
            "problems",
            "ineligibility",
            "triggers",
            "constraints",
            "overrides",
            "optimizer",
            "trades",
            "explanation",
            "explanationText",
            "impact",
            "routing");
    assertThat(json).endsWith("}\n").doesNotContain("\r").doesNotContain("E+");
    assertThat(DecisionJson.toJson(d)).isEqualTo(json);
  }

  @Test
  void toJson_withOutlook_goalOutlookIsTheLastField() {
    // given: a sample household with goals
    BookGenerator book = BookGenerator.of(SampleBook.config());
    Household h =
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(book::household)
            .filter(x -> !x.goals().isEmpty())
            .findFirst()
            .orElseThrow();
    Decision d = Rebalancer.standard().rebalance(h, book.marketData(), book.asOf());
    var outlook =
        dev.rebal.core.outlook.GoalOutlook.of(
                dev.rebal.core.outlook.CapitalMarketAssumptions.defaults())
            .outlook(h, book.marketData(), book.asOf(), new java.math.BigDecimal("0.04"));

    // when
    String json = DecisionJson.toJson(d, outlook);

    // then
    Matcher m = Pattern.compile("(?m)^  \"(\\w+)\" :").matcher(json);
    List<String> fields = new ArrayList<>();
    while (m.find()) {
      fields.add(m.group(1));
    }
    assertThat(fields).endsWith("routing", "goalOutlook");
    assertThat(json)
        .contains("\"probability\" : " + outlook.goals().get(0).probability().toPlainString())
        .contains("\"assumptionsHash\" : \"" + outlook.assumptionsHash() + "\"");
    assertThat(DecisionJson.toJson(d, outlook)).isEqualTo(json);
  }
}
