package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import org.junit.jupiter.api.Test;

class HouseholdLinesTest {
  private static final Household FIRST = BookReaderTest.HOUSEHOLDS.get(0);

  @Test
  void write_household_isTheLineBookWriterWrites() {
    // given: line 3 of the book is its first household, followed by a comma
    String bookLine = BookReaderTest.lines()[3];

    // when
    String line = HouseholdLines.write(FIRST);

    // then
    assertThat(line + ",").isEqualTo(bookLine);
    assertThat(line).doesNotContain("\n");
  }

  @Test
  void read_writtenLine_roundTrips() {
    // given
    String line = HouseholdLines.write(FIRST);

    // when
    HouseholdRead read = HouseholdLines.read(5, "  " + line + " \n");

    // then
    assertThat(read.isOk()).isTrue();
    assertThat(read.index()).isEqualTo(5);
    assertThat(read.household()).hasValue(FIRST);
  }

  @Test
  void read_badField_failsNamingHouseholdAndPath() {
    // given
    String line =
        HouseholdLines.write(FIRST).replaceFirst("\"role\":\"[A-Z_]+\"", "\"role\":\"BOSS\"");

    // when
    HouseholdRead read = HouseholdLines.read(2, line);

    // then
    assertThat(read.isOk()).isFalse();
    ReadFailure f = read.failure().orElseThrow();
    assertThat(f.householdId()).isEqualTo(FIRST.id().value());
    assertThat(f.path()).isEqualTo("$.members[0].role");
    assertThat(f.index()).isEqualTo(2);
  }

  @Test
  void read_malformedJson_failsWithoutThrowing() {
    // when
    HouseholdRead read = HouseholdLines.read(7, "{\"id\":\"HH-1\",");

    // then
    assertThat(read.failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.householdId()).isEqualTo("#7");
              assertThat(f.path()).isEqualTo("$");
              assertThat(f.message()).startsWith("malformed JSON");
            });
  }

  @Test
  void read_twoObjectsOnOneLine_fails() {
    // given
    String line = HouseholdLines.write(FIRST);

    // when
    HouseholdRead read = HouseholdLines.read(0, line + " " + line);

    // then
    assertThat(read.failure())
        .hasValueSatisfying(
            f ->
                assertThat(f.message()).isEqualTo("unexpected content after the household object"));
  }

  @Test
  void read_notAnObjectOrEmpty_fails() {
    // when
    HouseholdRead array = HouseholdLines.read(0, "[1,2]");
    HouseholdRead empty = HouseholdLines.read(1, "   ");

    // then
    assertThat(array.failure())
        .hasValueSatisfying(f -> assertThat(f.message()).isEqualTo("must be an object, was ARRAY"));
    assertThat(empty.failure())
        .hasValueSatisfying(f -> assertThat(f.message()).isEqualTo("the line is empty"));
  }
}
