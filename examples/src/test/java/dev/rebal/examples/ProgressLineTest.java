package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.batch.Progress;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void format_partWayThrough_givesTotalPercentRateAndEta() {
    // 50 of 200 in 5 s: 10 a second, 150 left: 15 s
    assertThat(ProgressLine.format(new Progress(50, 0, -1, 5 * SECOND), 200))
        .isEqualTo("50/200 households (25.0%), 10.0/s, 5.0 s elapsed, eta 15.0 s");
  }

  @Test
  void format_longRunWithFailures_givesMinutesAndTheFailures() {
    // 1,000 of 100,000 in 10 s: 99,000 left at 100 a second
    assertThat(ProgressLine.format(new Progress(1000, 3, -1, 10 * SECOND), 100_000))
        .isEqualTo(
            "1000/100000 households (1.0%), 3 failed, 100.0/s, 10.0 s elapsed, "
                + "eta 16 min 30 s");
  }

  @Test
  void format_done_saysSoWithoutAnEta() {
    assertThat(ProgressLine.format(new Progress(200, 0, -1, 20 * SECOND), 200))
        .isEqualTo("200/200 households (100.0%), 10.0/s, 20.0 s elapsed, done");
  }

  @Test
  void format_unknownTotal_givesNoPercentNorEta() {
    assertThat(ProgressLine.format(new Progress(7, 0, -1, SECOND), -1))
        .isEqualTo("7 households, 7.0/s, 1.0 s elapsed");
  }

  @Test
  void duration_hours() {
    assertThat(ProgressLine.duration(3 * 3600 + 125)).isEqualTo("3 h 02 min");
    assertThat(ProgressLine.duration(59.94)).isEqualTo("59.9 s");
  }
}
