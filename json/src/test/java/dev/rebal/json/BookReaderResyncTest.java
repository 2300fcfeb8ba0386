package dev.rebal.json;

import static dev.rebal.json.BookReaderTest.BOOK;
import static dev.rebal.json.BookReaderTest.HOUSEHOLDS;
import static dev.rebal.json.BookReaderTest.readAll;
import static dev.rebal.json.BookReaderTest.withLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One malformed household is reported on its own, by index, id and path; the others are read. */
class BookReaderResyncTest {

  /** Reads a book whose second household (line 4) was edited, and checks the other two. */
  static ReadFailure secondFails(String text) throws IOException {
    List<HouseholdRead> read = readAll(text);
    assertThat(read).hasSize(3);
    assertThat(read.get(0).household()).contains(HOUSEHOLDS.get(0));
    assertThat(read.get(2).household()).contains(HOUSEHOLDS.get(2));
    assertThat(read.get(1).isOk()).isFalse();
    return read.get(1).failure().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "NaN           | \"cash\":NaN                | $.households[1]",
        "Infinity      | \"cash\":Infinity           | $.households[1]",
        "bare word     | \"cash\":abc                | $.households[1]",
        "duplicate key | \"cash\":1,\"cash\":2         | $.households[1]",
        "extra brace   | \"cash\":1}                 | $.households[1]",
        "single quote  | \"cash\":'1'                | $.households[1]",
      })
  void next_malformedTokenInSecondHousehold_failsOnlyIt(
      String fault, String replacement, String path) throws IOException {
    // given: the first account's cash of the second household is replaced
    String line = BookReaderTest.lines()[4];
    String cash = line.replaceFirst(".*?(\"cash\":[0-9.]+).*", "$1");
    String text = withLine(4, cash, replacement.replace("\"cash\":1}", cash + "}"));

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).isEqualTo("HH-000001");
    assertThat(f.path()).startsWith(path);
    assertThat(f.message()).startsWith("line 5, column ").contains("malformed JSON");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "1e999999999, must be below 1E+1000 in magnitude, 1E+999999999",
    "1e-999999999, must have at most, 1E-999999999",
    "1e10000000, must be below 1E+1000 in magnitude, 1E+10000000",
    "-1e1001, must be below 1E+1000 in magnitude, -1E+1001",
  })
  void next_hugeExponentInCash_failsWithAbbreviatedValue(String number, String rule, String shown)
      throws IOException {
    // given
    String line = BookReaderTest.lines()[4];
    String cash = line.replaceFirst(".*?(\"cash\":[0-9.]+).*", "$1");
    String text = withLine(4, cash, "\"cash\":" + number);

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.path()).isEqualTo("$.households[1].accounts[0].cash");
    assertThat(f.message()).contains(rule).contains(shown).hasSizeLessThan(200);
  }

  @Test
  void next_hugeQuantity_failsWithPath() throws IOException {
    // given
    String line = BookReaderTest.lines()[4];
    String q = line.replaceFirst(".*?(\"quantity\":[0-9.]+).*", "$1");
    String text = withLine(4, q, "\"quantity\":1e999999999");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.path()).matches("\\$\\.households\\[1]\\.lots\\[\\d+]\\.quantity");
    assertThat(f.message()).contains("1E+999999999");
  }

  @Test
  void next_deepNesting_failsOnlyThatHousehold() throws IOException {
    // given: 10,000 levels of arrays in a field
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    String text = withLine(4, "\"id\":\"HH-000001\",", "\"id\":\"HH-000001\",\"x\":" + deep + ",");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).isEqualTo("HH-000001");
    assertThat(f.message())
        .contains("malformed JSON")
        .contains("nesting depth")
        .hasSizeLessThan(400);
  }

  @Test
  void next_hugeString_failsOnlyThatHouseholdAndBoundsMemory() throws IOException {
    // given: a 50 MB string in the second household
    String huge = "x".repeat(50_000_000);
    String text =
        withLine(4, "\"id\":\"HH-000001\",", "\"id\":\"HH-000001\",\"note\":\"" + huge + "\",");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).isEqualTo("HH-000001");
    assertThat(f.message()).contains("more than the 16777216 allowed");
  }

  @Test
  void next_longId_failsNamingItAbbreviated() throws IOException {
    // given
    String id = "H".repeat(300);
    String text = withLine(4, "\"id\":\"HH-000001\"", "\"id\":\"" + id + "\"");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).startsWith("HHHH").endsWith("...(300 characters)");
    assertThat(f.path()).isEqualTo("$.households[1].id");
    assertThat(f.message()).isEqualTo("must be at most 128 characters, was 300");
  }

  @Test
  void next_unclosedBrace_resyncsAtTheNextHouseholdLine() throws IOException {
    // given: the second household's closing brace is lost
    String text = withLine(4, "}},", "},");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).isEqualTo("HH-000001");
    assertThat(f.path()).startsWith("$.households[1]");
  }

  @Test
  void next_trailingCommaInHousehold_failsOnlyIt() throws IOException {
    // given
    String text = withLine(4, "}},", "},},");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).isEqualTo("HH-000001");
    assertThat(f.message()).contains("malformed JSON");
  }

  @Test
  void next_unclosedString_resyncsAtTheNextHouseholdLine() throws IOException {
    // given
    String text = withLine(4, "\"HH-000001\",", "\"HH-000001,");

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).startsWith("HH-000001");
    assertThat(f.message()).contains("malformed JSON");
  }

  @Test
  void next_trailingCommaAfterLastHousehold_isAFailedElement() throws IOException {
    // given
    String text = BOOK.replace("\n]}", ",\n]}");

    // when
    List<HouseholdRead> read = readAll(text);

    // then
    assertThat(read).hasSize(4);
    assertThat(read.subList(0, 3)).allMatch(HouseholdRead::isOk);
    assertThat(read.get(3).failure().orElseThrow().message())
        .contains("a comma after the last household");
  }

  @Test
  void next_notAnObject_failsOnlyIt() throws IOException {
    // given
    String[] lines = BookReaderTest.lines();
    lines[4] = "[1, 2],";
    String text = String.join("\n", lines);

    // when
    List<HouseholdRead> read = readAll(text);

    // then
    assertThat(read.get(1).failure().orElseThrow().message()).contains("must be an object");
    assertThat(read.get(2).household()).contains(HOUSEHOLDS.get(2));
  }

  @ParameterizedTest
  @CsvSource({"format", "version"})
  void open_missingHeaderField_throwsNamingIt(String field) {
    // given
    String text = BOOK.replaceFirst("\"" + field + "\":(\"rebal-book\"|1),", "");

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("$." + field + ": is missing");
  }

  @Test
  void open_directory_throwsNamingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> BookReader.open(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("is a directory");
  }

  @Test
  void open_corruptGzip_throwsNamingTheFile(@TempDir Path dir) throws IOException {
    // given: a gzip header followed by garbage
    Path file = dir.resolve("book.json.gz");
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5});

    // when / then
    assertThatThrownBy(
            () -> {
              try (BookReader r = BookReader.open(file)) {
                r.households().toList();
              }
            })
        .hasMessageContaining(file.toString());
  }

  @Test
  void ids_readsEveryIdWithoutBuildingHouseholds() throws IOException {
    // given: the second household is malformed after its id
    String text = withLine(4, "\"members\":[", "\"members\":[,");

    // when
    try (BookReader r =
        BookReader.open(
            new java.io.ByteArrayInputStream(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      // then
      assertThat(r.ids()).containsExactly("HH-000000", "HH-000001", "HH-000002");
    }
  }

  @Test
  void next_strayBracketForTheComma_failsThatHouseholdAndReadsOn() throws IOException {
    // given: the comma after the second household became a closing bracket
    String[] lines = BookReaderTest.lines();
    lines[4] = lines[4].substring(0, lines[4].length() - 1) + "]";
    String text = String.join("\n", lines);

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.householdId()).isEqualTo("HH-000001");
  }

  @Test
  void next_strayBracketForTheOpeningBrace_failsThatHouseholdAndReadsOn() throws IOException {
    // given
    String[] lines = BookReaderTest.lines();
    lines[4] = "]" + lines[4].substring(1);
    String text = String.join("\n", lines);

    // when
    ReadFailure f = secondFails(text);

    // then
    assertThat(f.path()).startsWith("$.households[1]");
  }

  @Test
  void next_severalBadElements_failureListsEveryOne() throws IOException {
    // given: two lots with a bad quantity, an account of an unknown type, an unknown field
    String line = BookReaderTest.lines()[4];
    String q = line.replaceFirst(".*?(\"quantity\":[0-9.]+).*", "$1");
    String edited =
        line.replaceFirst(java.util.regex.Pattern.quote(q), "\"quantity\":\"x\"")
            .replaceFirst("\"quantity\":[0-9.]+", "\"quantity\":1e-999999999")
            .replaceFirst("\"type\":\"[A-Z_]+\"", "\"type\":\"NOPE\"")
            .replaceFirst("\"members\":", "\"nickname\":1,\"members\":");
    String[] lines = BookReaderTest.lines();
    lines[4] = edited;

    // when
    ReadFailure f = secondFails(String.join("\n", lines));

    // then
    assertThat(f.path()).isEqualTo("$.households[1].accounts[0].type");
    assertThat(f.message())
        .contains("and 3 more: ")
        .contains("$.households[1].lots[0].quantity: must be a number, was string \"x\"")
        .contains(".quantity: must have at most 1000 decimal places, was 1E-999999999")
        .contains("$.households[1].nickname: unknown field");
  }
}
