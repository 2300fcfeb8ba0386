package dev.rebal.core.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlidePathTest {
  private static final AssetClass EQ = AssetClass.of("EQ");
  private static final AssetClass BD = AssetClass.of("BD");

  private static TargetAllocation equity(String weight) {
    Weight w = Weight.of(weight);
    return TargetAllocation.builder()
        .putClasses(EQ, new ClassTarget(w, Weight.ZERO, Weight.ZERO))
        .putClasses(BD, new ClassTarget(Weight.ONE.minus(w), Weight.ZERO, Weight.ZERO))
        .build();
  }

  private static final GlidePath PATH =
      GlidePath.builder()
          .putSteps(10, equity("0.8"))
          .putSteps(0, equity("0.2"))
          .putSteps(5, equity("0.5"))
          .build();

  @ParameterizedTest(name = "{0} years to goal -> equity {1}")
  @CsvSource({"0, 0.2", "4, 0.2", "5, 0.5", "7, 0.5", "10, 0.8", "12, 0.8", "-3, 0.2"})
  void allocationAt_usesTheLargestStepNotAbove(int years, String equity) {
    assertThat(PATH.allocationAt(years).classes().get(EQ).weight()).isEqualTo(Weight.of(equity));
  }

  @Test
  void allocationAt_everyStepAbove_usesTheSmallest() {
    GlidePath noZero =
        GlidePath.builder().putSteps(5, equity("0.5")).putSteps(10, equity("0.8")).build();
    assertThat(noZero.allocationAt(2)).isEqualTo(equity("0.5"));
  }

  @Test
  void allocationAt_noSteps_throws() {
    assertThatThrownBy(() -> GlidePath.builder().build().allocationAt(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("glidePath: has no steps");
  }

  @Test
  void steps_areSortedByYears() {
    assertThat(PATH.steps().keySet()).containsExactly(0, 5, 10);
  }
}
