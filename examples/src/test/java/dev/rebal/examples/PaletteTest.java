package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PaletteTest {
  @Test
  void contrast_knownPairs_matchTheWcagFormula() {
    assertThat(Palette.contrast("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
    assertThat(Palette.contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(1e-9));
    // the report's earlier review tag: white on #ef6c00
    assertThat(Palette.format(Palette.contrast("#ffffff", "#ef6c00"))).isEqualTo("3.08:1");
    assertThat(Palette.contrast("#ef6c00", "#ffffff"))
        .isEqualTo(Palette.contrast("#ffffff", "#ef6c00"));
  }

  @Test
  void pairs_everyTextAndTagColour_meetsWcagAaForText() {
    for (Palette.Pair p : Palette.PAIRS) {
      assertThat(p.ratio())
          .as(p.use() + " " + p.text() + " on " + p.background() + ": " + Palette.format(p.ratio()))
          .isGreaterThanOrEqualTo(4.5);
    }
    // every tag colour is checked as a pair
    for (String tag : Palette.TAGS) {
      assertThat(Palette.PAIRS)
          .anyMatch(p -> p.background().equals(tag) && p.text().equals(Palette.TAG_TEXT));
    }
  }
}
