package dev.rebal.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.money.Weight;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassTargetTest {
  @ParameterizedTest(name = "weight {0}, absolute {1}, relative {2} -> {3}")
  @CsvSource({
    // 0.60 with +-5 points or 20%: 20% of 0.60 is 0.12, the larger
    "0.60, 0.05, 0.20, 0.12",
    // a 5% sleeve: 20% of 0.05 is 0.01, so the 0.02 absolute floor wins (Daryanani 2008)
    "0.05, 0.02, 0.20, 0.02",
    "0.30, 0.05, 0, 0.05",
    "0.40, 0, 0.25, 0.1",
    "0, 0.03, 0.5, 0.03"
  })
  void halfWidth_isTheLargerOfAbsoluteAndRelative(
      String weight, String absolute, String relative, String expected) {
    ClassTarget t = new ClassTarget(Weight.of(weight), Weight.of(absolute), Weight.of(relative));
    assertThat(t.halfWidth()).isEqualTo(Weight.of(expected));
  }

  @Test
  void of_setsNoRelativeBand() {
    assertThat(ClassTarget.of("0.6", "0.05"))
        .isEqualTo(new ClassTarget(Weight.of("0.6"), Weight.of("0.05"), Weight.ZERO));
  }

  @Test
  void constructor_nullBand_throwsNamingIt() {
    assertThatThrownBy(() -> new ClassTarget(Weight.ONE, null, Weight.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("absoluteBand: must not be null");
  }
}
