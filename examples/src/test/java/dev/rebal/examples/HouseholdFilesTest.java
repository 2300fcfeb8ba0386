package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class HouseholdFilesTest {
  @Test
  void fileName_idsDifferingInReplacedCharacters_getDistinctNames() {
    assertThat(HouseholdFiles.fileName("HH/X")).isEqualTo("HH_2FX");
    assertThat(HouseholdFiles.fileName("HH_X")).isEqualTo("HH_5FX");
    assertThat(HouseholdFiles.fileName("HH:X")).isEqualTo("HH_3AX");
  }

  @Test
  void fileName_leadingDot_isEscaped() {
    assertThat(HouseholdFiles.fileName(".")).isEqualTo("_2E");
    assertThat(HouseholdFiles.fileName("..")).isEqualTo("_2E.");
  }

  @Test
  void fileName_veryLongNonAsciiId_isCutWithADigest() {
    String id = "\u00e9".repeat(128);

    String name = HouseholdFiles.fileName(id);

    assertThat(name).hasSize(HouseholdFiles.MAX_NAME).contains("~");
    assertThat(HouseholdFiles.fileName(id + "x")).isNotEqualTo(name);
  }

  @Property(tries = 100)
  void householdId_ofFileName_isTheId(@ForAll @StringLength(min = 1, max = 40) String id) {
    // ids are read from UTF-8 JSON: no unpaired surrogates
    Assume.that(id.equals(new String(id.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    String name = HouseholdFiles.fileName(id);

    assertThat(name)
        .matches("[A-Za-z0-9._~-]+")
        .doesNotStartWith(".")
        .hasSizeLessThanOrEqualTo(HouseholdFiles.MAX_NAME);
    if (!name.contains("~")) {
      // names of at most MAX_NAME characters are reversible; longer ones carry a digest instead
      assertThat(HouseholdFiles.householdId(name)).isEqualTo(id);
    }
    Statistics.collect(name.contains("~") ? "digest" : "reversible");
    Statistics.coverage(c -> c.check("reversible").percentage(p -> p > 50));
  }

  @Test
  void householdId_notAFileNameWeWrite_throws() {
    assertThatThrownBy(() -> HouseholdFiles.householdId("a~b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a~b");
  }

  @Test
  void rejected_duplicateAndCaseOnlyIds_areRejectedAll() {
    // when
    Map<String, String> rejected =
        HouseholdFiles.rejected(List.of("A", "B", "A", "", "", "b", "C"));

    // then
    assertThat(rejected).containsOnlyKeys("A", "B", "b");
    assertThat(rejected.get("A")).contains("also index 2");
    assertThat(rejected.get("B")).contains("'b' at index 5 (differs only in letter case)");
  }
}
