package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.outlook.AssumptionsException;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.security.AssetClass;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssumptionsReaderTest {
  private static final String JSON =
      "{\"name\": \"house\", \"version\": \"2026.2\", "
          + "\"inflation\": 0.025, \"sources\": [\"committee\"], \"classes\": {"
          + "\"EQ\": {\"return\": 0.070, \"volatility\": 0.16, \"yield\": 0.02, \"tax\": \"QUALIFIED\"},"
          + "\"BD\": {\"return\": 0.04, \"volatility\": 0.05, \"tax\": \"ORDINARY\"}},"
          + "\"correlations\": {\"EQ\": {\"BD\": 0.1}}}";
  private static final String TEXT =
      "name = house\nversion = 2026.2\ninflation = 0.025\n"
          + "source.1 = committee\nclass.EQ.return = 0.07\nclass.EQ.volatility = 0.16\n"
          + "class.EQ.yield = 0.02\nclass.EQ.tax = QUALIFIED\nclass.BD.return = 0.04\n"
          + "class.BD.volatility = 0.05\nclass.BD.tax = ORDINARY\ncorrelation.BD.EQ = 0.1\n";

  @Test
  void parse_json_sameAssumptionsAndHashAsTheTextForm() {
    // when
    CapitalMarketAssumptions fromJson = AssumptionsReader.parse("house.json", JSON);

    // then
    assertThat(fromJson).isEqualTo(CapitalMarketAssumptions.parse("house.cma", TEXT));
    assertThat(fromJson.contentHash())
        .isEqualTo(CapitalMarketAssumptions.parse("house.cma", TEXT).contentHash());
    assertThat(fromJson.classes().get(AssetClass.of("EQ")).expectedReturn())
        .isEqualByComparingTo("0.07");
  }

  @Test
  void read_filesByExtension_jsonOrText(@TempDir Path dir) throws Exception {
    // given
    Path json = Files.writeString(dir.resolve("house.json"), JSON);
    Path text = Files.writeString(dir.resolve("house.cma"), TEXT);

    // then
    assertThat(AssumptionsReader.read(json)).isEqualTo(AssumptionsReader.read(text));
  }

  @Test
  void parse_unknownFieldAndBadFigure_reportedWithTheKey() {
    assertThatThrownBy(() -> AssumptionsReader.parse("bad.json", "{\"name\": \"x\", \"extra\": 1}"))
        .isInstanceOf(AssumptionsException.class)
        .hasMessage("bad.json: unknown field 'extra'");
    assertThatThrownBy(
            () ->
                AssumptionsReader.parse(
                    "bad.json", JSON.replace("\"volatility\": 0.05", "\"volatility\": \"high\"")))
        .isInstanceOf(AssumptionsException.class)
        .hasMessageContaining("bad.json: class.BD.volatility: must be a decimal, was 'high'");
  }
}
