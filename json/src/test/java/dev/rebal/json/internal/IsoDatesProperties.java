package dev.rebal.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast date parser agrees with {@link LocalDate#parse} on every input, good or bad. */
class IsoDatesProperties {
  @Property
  void parse_anyDate_isTheDateLocalDateParses(@ForAll("days") long epochDay) {
    // given
    String text = LocalDate.ofEpochDay(epochDay).toString();

    // when / then
    assertThat(IsoDates.parse(text)).isEqualTo(LocalDate.parse(text));
  }

  @Property(tries = 3000)
  void parse_nearlyDates_failOrSucceedAsLocalDateParseDoes(@ForAll("nearlyDates") String text) {
    // when
    Throwable fast = catchThrowable(() -> IsoDates.parse(text));
    Throwable slow = catchThrowable(() -> LocalDate.parse(text));

    // then
    if (slow == null) {
      assertThat(fast).isNull();
      assertThat(IsoDates.parse(text)).isEqualTo(LocalDate.parse(text));
    } else {
      assertThat(fast).isInstanceOf(DateTimeException.class);
    }
  }

  @Provide
  Arbitrary<Long> days() {
    return Arbitraries.longs()
        .between(LocalDate.of(0, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay());
  }

  /** Ten characters of digits and dashes mostly, in the date's shape or near it. */
  @Provide
  Arbitrary<String> nearlyDates() {
    Arbitrary<String> shaped =
        Arbitraries.strings()
            .withChars("0123456789")
            .ofLength(4)
            .flatMap(
                y ->
                    Arbitraries.integers()
                        .between(0, 19)
                        .flatMap(
                            m ->
                                Arbitraries.integers()
                                    .between(0, 39)
                                    .map(
                                        d -> String.format(Locale.ROOT, "%s-%02d-%02d", y, m, d))));
    Arbitrary<String> loose =
        Arbitraries.strings().withChars("0123456789-+x ").ofMinLength(8).ofMaxLength(12);
    return Arbitraries.oneOf(shaped, loose);
  }
}
