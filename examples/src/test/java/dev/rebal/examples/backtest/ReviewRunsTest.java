package dev.rebal.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run-of-three counter: months in review for the same reason, code by code. */
class ReviewRunsTest {
  private static final Set<String> NONE = Set.of();

  @Test
  void of_codeInThreeMonthsRunning_isOneRun() {
    // given A in every month, B only in the middle one
    List<Set<String>> months = List.of(Set.of("A"), Set.of("A", "B"), Set.of("A"));

    // when
    List<ReviewRuns.Run> runs = ReviewRuns.of(months, 3);

    // then one run of code A over months 0 to 2
    assertThat(runs).containsExactly(new ReviewRuns.Run("A", 0, 3));
  }

  @Test
  void of_reasonChangesEveryMonth_hasNoRun() {
    // three months in review, but no code in all three
    assertThat(ReviewRuns.of(List.of(Set.of("A"), Set.of("B"), Set.of("A")), 3)).isEmpty();
    assertThat(ReviewRuns.of(List.of(Set.of("A"), Set.of("A", "B"), Set.of("B"), Set.of("A")), 3))
        .isEmpty();
  }

  @Test
  void of_monthNotInReview_breaksTheRun() {
    // given A, A, not in review, A, A
    List<Set<String>> months = List.of(Set.of("A"), Set.of("A"), NONE, Set.of("A"), Set.of("A"));

    // then no stretch reaches three months
    assertThat(ReviewRuns.of(months, 3)).isEmpty();
  }

  @Test
  void of_longRun_isOneRunWithItsLength() {
    // given A for five months, then A again after a gap of one month
    List<Set<String>> months =
        List.of(
            NONE,
            Set.of("A"),
            Set.of("A"),
            Set.of("A"),
            Set.of("A"),
            Set.of("A"),
            NONE,
            Set.of("A"),
            Set.of("A"),
            Set.of("A"));

    // then a run of five from month 1 and a run of three at the end, not overlapping windows
    assertThat(ReviewRuns.of(months, 3))
        .containsExactly(new ReviewRuns.Run("A", 1, 5), new ReviewRuns.Run("A", 7, 3));
  }

  @Test
  void of_twoCodesPersistTogether_oneRunPerCode() {
    // given A and B together for three months, B alone for one more
    List<Set<String>> months =
        List.of(Set.of("A", "B"), Set.of("A", "B"), Set.of("A", "B"), Set.of("B"));

    // then runs are counted code by code, ordered by first month then code
    assertThat(ReviewRuns.of(months, 3))
        .containsExactly(new ReviewRuns.Run("A", 0, 3), new ReviewRuns.Run("B", 0, 4));
  }

  @Test
  void of_runOfTwoAtTheEnd_isBelowTheMinimum() {
    assertThat(ReviewRuns.of(List.of(NONE, Set.of("A"), Set.of("A")), 3)).isEmpty();
    assertThat(ReviewRuns.of(List.of(NONE, Set.of("A"), Set.of("A")), 2))
        .containsExactly(new ReviewRuns.Run("A", 1, 2));
  }

  @Test
  void of_noMonths_hasNoRun() {
    assertThat(ReviewRuns.of(List.of(), 3)).isEmpty();
  }

  @Test
  void of_minimumBelowOne_isRejectedWithTheValue() {
    assertThatThrownBy(() -> ReviewRuns.of(List.of(Set.of("A")), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minMonths")
        .hasMessageContaining("0");
  }
}
