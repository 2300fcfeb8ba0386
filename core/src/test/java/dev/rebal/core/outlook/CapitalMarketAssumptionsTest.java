package dev.rebal.core.outlook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.TaxCharacter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CapitalMarketAssumptionsTest {
  private static final String TEXT =
      String.join(
          "\n",
          "# two classes",
          "name = house",
          "version = 2026.2",
          "inflation = 0.025",
          "source.1 = our committee",
          "class.EQ.return = 0.070",
          "class.EQ.volatility = 0.16",
          "class.EQ.yield = 0.02",
          "class.EQ.tax = QUALIFIED",
          "class.BD.return = 0.04",
          "class.BD.volatility = 0.05",
          "class.BD.tax = ORDINARY",
          "correlation.EQ.BD = 0.1",
          "");

  @Test
  void parse_text_readsEveryFigure() {
    // when
    CapitalMarketAssumptions a = CapitalMarketAssumptions.parse("house.cma", TEXT);

    // then
    assertThat(a.name()).isEqualTo("house");
    assertThat(a.version()).isEqualTo("2026.2");
    assertThat(a.sources()).containsExactly("our committee");
    assertThat(a.classes().get(AssetClass.of("EQ")))
        .isEqualTo(ClassAssumption.of("0.070", "0.16", "0.02", TaxCharacter.QUALIFIED));
    assertThat(a.classes().get(AssetClass.of("BD")).yield()).isEqualByComparingTo("0");
    assertThat(a.correlation(AssetClass.of("BD"), AssetClass.of("EQ"))).isEqualByComparingTo("0.1");
    assertThat(a.correlation(AssetClass.of("EQ"), AssetClass.of("EQ"))).isEqualByComparingTo("1");
  }

  @Test
  void contentHash_sameFiguresInAnotherOrderOrScale_sameHash() {
    // given: lines reversed, 0.070 written 0.07, the pair the other way round
    String other = TEXT.replace("0.070", "0.07").replace("correlation.EQ.BD", "correlation.BD.EQ");
    String[] lines = other.split("\n");
    java.util.Collections.reverse(java.util.Arrays.asList(lines));

    // when
    CapitalMarketAssumptions a = CapitalMarketAssumptions.parse("a", TEXT);
    CapitalMarketAssumptions b = CapitalMarketAssumptions.parse("b", String.join("\n", lines));

    // then
    assertThat(b.contentHash()).isEqualTo(a.contentHash()).hasSize(64);
    assertThat(b).isEqualTo(a);
    assertThat(CapitalMarketAssumptions.parse("c", TEXT.replace("0.16", "0.17")).contentHash())
        .isNotEqualTo(a.contentHash());
  }

  @Test
  void parse_badFigures_listsEveryProblemWithItsKey() {
    // given
    String bad =
        TEXT.replace("class.BD.volatility = 0.05", "class.BD.volatility = lots")
                .replace("correlation.EQ.BD = 0.1", "correlation.EQ.BD = 1.5")
                .replace("class.EQ.tax = QUALIFIED", "class.EQ.tax = CAPITAL")
            + "\nfoo = 1\n";

    // then
    assertThatThrownBy(() -> CapitalMarketAssumptions.parse("bad.cma", bad))
        .isInstanceOf(AssumptionsException.class)
        .hasMessageContaining("bad.cma: class.BD.volatility: must be a decimal, was 'lots'")
        .hasMessageContaining(
            "bad.cma: class.EQ.tax: must be one of QUALIFIED, ORDINARY, "
                + "TAX_EXEMPT, was 'CAPITAL'")
        .hasMessageContaining("bad.cma: unknown key 'foo'");
  }

  @Test
  void parse_correlationsNotPositiveDefinite_throwsNamingTheMatrix() {
    // given: A and B move together, B and C too, but A and C opposite
    String text =
        "name = x\nversion = 1\ninflation = 0.02\n"
            + "class.A.return = 0.05\nclass.A.volatility = 0.1\n"
            + "class.B.return = 0.05\nclass.B.volatility = 0.1\n"
            + "class.C.return = 0.05\nclass.C.volatility = 0.1\n"
            + "correlation.A.B = 0.9\ncorrelation.B.C = 0.9\ncorrelation.A.C = -0.9\n";

    // then
    assertThatThrownBy(() -> CapitalMarketAssumptions.parse("x.cma", text))
        .isInstanceOf(AssumptionsException.class)
        .hasMessageContaining("x.cma: the correlation matrix is not positive definite (pivot");
  }

  @Test
  void defaults_coverTheSampleUniverseAndAreVersioned() {
    // when
    CapitalMarketAssumptions d = CapitalMarketAssumptions.defaults();

    // then
    assertThat(d.name()).isEqualTo("rebal-default");
    assertThat(d.version()).isEqualTo("2026.1");
    assertThat(d.classes().keySet())
        .extracting(AssetClass::value)
        .containsExactly(
            "CASH",
            "EMERGING_MARKETS",
            "INTL_DEVELOPED",
            "MUNI_BONDS",
            "REAL_ESTATE",
            "US_BONDS",
            "US_LARGE_CAP",
            "US_SMALL_CAP");
    assertThat(d.sources()).hasSize(2);
    assertThat(d.sources().get(0)).contains("J.P. Morgan");
    assertThat(d.inflation()).isEqualByComparingTo("0.025");
  }

  @Test
  void applyTo_ruleSet_carriesTheAssumptionsAndFromReadsThemBack() {
    // given
    CapitalMarketAssumptions house = CapitalMarketAssumptions.parse("house.cma", TEXT);

    // when
    RuleSet withHouse = house.applyTo(RuleSet.defaults(), SemanticVersion.parse("1.2.0"));

    // then
    assertThat(CapitalMarketAssumptions.from(withHouse)).isEqualTo(house);
    assertThat(withHouse.parameters()).containsEntry("outlook.cma.class.EQ.return", "0.07");
    assertThat(withHouse.contentHash()).isNotEqualTo(RuleSet.defaults().contentHash());
    assertThat(CapitalMarketAssumptions.from(RuleSet.defaults()))
        .isEqualTo(CapitalMarketAssumptions.defaults());
  }

  @Test
  void of_samePairTwice_throws() {
    assertThatThrownBy(
            () ->
                CapitalMarketAssumptions.of(
                    "x",
                    "1",
                    BigDecimal.ZERO,
                    java.util.List.of(),
                    java.util.Map.of(
                        AssetClass.of("A"),
                        ClassAssumption.of("0.05", "0.1", "0", TaxCharacter.QUALIFIED),
                        AssetClass.of("B"),
                        ClassAssumption.of("0.05", "0.1", "0", TaxCharacter.QUALIFIED)),
                    twoWays()))
        .isInstanceOf(AssumptionsException.class)
        .hasMessageContaining("the pair is given twice");
  }

  private static java.util.Map<java.util.List<AssetClass>, BigDecimal> twoWays() {
    java.util.Map<java.util.List<AssetClass>, BigDecimal> m = new java.util.LinkedHashMap<>();
    m.put(java.util.List.of(AssetClass.of("A"), AssetClass.of("B")), new BigDecimal("0.2"));
    m.put(java.util.List.of(AssetClass.of("B"), AssetClass.of("A")), new BigDecimal("0.3"));
    return m;
  }
}
