package dev.rebal.core.restriction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateWindowTest {
  private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
  private static final LocalDate MAR_31 = LocalDate.of(2026, 3, 31);

  @Test
  void between_containsBothEnds() {
    DateWindow w = DateWindow.between(JAN_1, MAR_31);
    assertThat(w.contains(JAN_1)).isTrue();
    assertThat(w.contains(MAR_31)).isTrue();
    assertThat(w.contains(JAN_1.minusDays(1))).isFalse();
    assertThat(w.contains(MAR_31.plusDays(1))).isFalse();
    assertThat(w.toString()).isEqualTo("[2026-01-01..2026-03-31]");
  }

  @Test
  void fromAndUntil_areOpenAtOneEnd() {
    assertThat(DateWindow.from(JAN_1).contains(LocalDate.of(2099, 1, 1))).isTrue();
    assertThat(DateWindow.from(JAN_1).contains(JAN_1.minusDays(1))).isFalse();
    assertThat(DateWindow.until(MAR_31).contains(LocalDate.of(1900, 1, 1))).isTrue();
    assertThat(DateWindow.until(MAR_31).untilInclusive()).contains(MAR_31);
    assertThat(DateWindow.until(MAR_31).fromInclusive()).isEmpty();
    assertThat(DateWindow.from(JAN_1).toString()).isEqualTo("[2026-01-01..*]");
  }

  @Test
  void always_containsEveryDate() {
    assertThat(DateWindow.always().contains(JAN_1)).isTrue();
    assertThat(DateWindow.always().toString()).isEqualTo("[*..*]");
    assertThat(DateWindow.of(Optional.empty(), Optional.empty())).isSameAs(DateWindow.always());
  }

  @Test
  void between_inverted_isBuiltButInvalid() {
    DateWindow w = DateWindow.between(MAR_31, JAN_1);
    assertThat(w.isValid()).isFalse();
    assertThat(w.contains(JAN_1)).isFalse();
    assertThat(DateWindow.between(JAN_1, JAN_1).isValid()).isTrue();
    assertThat(DateWindow.from(JAN_1).isValid()).isTrue();
  }

  @Test
  void between_nullEnd_throwsNamingIt() {
    assertThatThrownBy(() -> DateWindow.between(JAN_1, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("untilInclusive: must not be null");
    assertThatThrownBy(() -> DateWindow.from(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fromInclusive: must not be null");
  }

  @Test
  void contains_null_throws() {
    assertThatThrownBy(() -> DateWindow.always().contains(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("date: must not be null");
  }

  @Test
  void of_optionals_equalsTheNamedFactories() {
    assertThat(DateWindow.of(Optional.of(JAN_1), Optional.of(MAR_31)))
        .isEqualTo(DateWindow.between(JAN_1, MAR_31))
        .hasSameHashCodeAs(DateWindow.between(JAN_1, MAR_31))
        .isNotEqualTo(DateWindow.from(JAN_1));
    assertThat(DateWindow.of(Optional.empty(), Optional.of(MAR_31)))
        .isEqualTo(DateWindow.until(MAR_31));
  }
}
