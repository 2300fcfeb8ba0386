package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Blotter cells cannot run as spreadsheet formulas; numbers keep their format. */
class BlotterTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=HYPERLINK(\"http://x\")|`\"'=HYPERLINK(\"\"http://x\"\")\"`",
        "+cmd|'+cmd",
        "-2+3+cmd|'-2+3+cmd",
        "@SUM(A1)|'@SUM(A1)",
        "-12.50|-12.50",
        "-7|-7",
        "+5|+5",
        "1500.000000|1500.000000",
        "HH-00001|HH-00001",
        "a=b|a=b",
        "tlh.harvest;drift|tlh.harvest;drift"
      })
  void quote_cell_isDefusedUnlessANumber(String cell, String written) {
    assertThat(Blotter.quote(cell)).isEqualTo(written);
  }
}
