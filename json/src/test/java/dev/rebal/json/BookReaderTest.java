package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.Household;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookReaderTest {
  static final BookGenerator GENERATOR = BookGenerator.of(BookConfig.of(7).withFaultPercent(0));
  static final List<Household> HOUSEHOLDS = GENERATOR.households(3).toList();
  static final String BOOK = text();

  static String text() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (BookWriter w = BookWriter.open(out, GENERATOR.asOf(), GENERATOR.marketData())) {
        HOUSEHOLDS.forEach(w::write);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Lines: 0 header, 1 market data, 2 households key, 3..5 the households, 6 the end. */
  static String[] lines() {
    return BOOK.split("\n", -1);
  }

  static String withLine(int line, String from, String to) {
    String[] lines = lines();
    assertThat(lines[line]).contains(from);
    lines[line] =
        lines[line].replaceFirst(
            java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    return String.join("\n", lines);
  }

  static List<HouseholdRead> readAll(String text) throws IOException {
    try (BookReader r =
        BookReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      return r.households().toList();
    }
  }

  @Test
  void open_wellFormedBook_readsEveryHousehold() throws IOException {
    // when
    List<HouseholdRead> read = readAll(BOOK);

    // then
    assertThat(read).extracting(r -> r.household().orElseThrow()).isEqualTo(HOUSEHOLDS);
    assertThat(read).extracting(HouseholdRead::index).containsExactly(0L, 1L, 2L);
  }

  @Test
  void write_book_oneHouseholdPerLineWithPlainDecimalsAndIsoDates() {
    // then
    assertThat(lines()).hasSize(8);
    assertThat(lines()[2]).isEqualTo("\"households\":[");
    assertThat(lines()[3]).startsWith("{\"id\":\"HH-000000\",\"members\":[");
    assertThat(BOOK).doesNotContain("E+").doesNotContain("E-").contains("\"asOf\":\"2026-06-30\"");
    assertThat(lines()[7]).isEmpty();
    assertThat(lines()[6]).isEqualTo("]}");
  }

  @Test
  void next_malformedJsonInHousehold_failsThatHouseholdWithLineColumnAndPath() throws IOException {
    // given: the comma after the second household's id is dropped
    String text = withLine(4, "\"HH-000001\",", "\"HH-000001\" ");

    // when
    List<HouseholdRead> read = readAll(text);

    // then: the others are read; the broken one is named by index, id, line, column and path
    assertThat(read).hasSize(3);
    assertThat(read.get(0).household()).contains(HOUSEHOLDS.get(0));
    assertThat(read.get(2).household()).contains(HOUSEHOLDS.get(2));
    ReadFailure f = read.get(1).failure().orElseThrow();
    assertThat(f.index()).isEqualTo(1);
    assertThat(f.householdId()).isEqualTo("HH-000001");
    assertThat(f.path()).startsWith("$.households[1]");
    assertThat(f.message()).startsWith("line 5, column 19: malformed JSON");
  }

  @Test
  void next_truncatedBook_failsTheCutHouseholdThenThrowsWithLocation() throws IOException {
    // given
    String text = BOOK.substring(0, BOOK.length() - 200);

    // when
    try (BookReader r =
        BookReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      assertThat(r.next().orElseThrow().isOk()).isTrue();
      assertThat(r.next().orElseThrow().isOk()).isTrue();
      HouseholdRead cut = r.next().orElseThrow();

      // then
      assertThat(cut.failure().orElseThrow().toString())
          .startsWith("household HH-000002: $.households[2]")
          .contains("malformed JSON");
      assertThatThrownBy(r::next)
          .isInstanceOf(BookFormatException.class)
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void open_unknownHeaderField_throwsNamingIt() {
    // given
    String text = BOOK.replaceFirst("\"version\":1,", "\"version\":1,\"colour\":\"red\",");

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("line 1, column")
        .hasMessageContaining("$.colour: unknown field");
  }

  @Test
  void open_unknownFieldInMarketData_throwsWithPath() {
    // given
    String text = withLine(1, "\"symbol\":", "\"cusip\":\"X\",\"symbol\":");

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("$.marketData.securities[0].cusip: unknown field");
  }

  @Test
  void open_badPriceInMarketData_throwsWithPath() {
    // given: seven decimals in a price whose scale is six
    String text = withLine(1, "\"price\":", "\"price\":1.0000001,\"x\":");

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("$.marketData.prices[0].price")
        .hasMessageContaining("at most 6 decimal places");
  }

  @Test
  void open_householdsBeforeMarketData_throws() {
    // given
    String text =
        "{\"format\":\"rebal-book\",\"version\":1,\"asOf\":\"2026-06-30\",\"households\":[]}";

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("$.households: asOf and marketData must come before households");
  }

  @Test
  void open_notABook_throws() {
    assertThatThrownBy(() -> readAll("[1,2]"))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void open_badAsOf_throwsWithPath() {
    // given
    String text = BOOK.replaceFirst("\"asOf\":\"2026-06-30\"", "\"asOf\":\"2026-13-40\"");

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("$.asOf: must be an ISO date");
  }

  @Test
  void open_duplicateKey_isMalformed() {
    // given
    String text = BOOK.replaceFirst("\"version\":1,", "\"version\":1,\"version\":1,");

    // when / then
    assertThatThrownBy(() -> readAll(text))
        .isInstanceOf(BookFormatException.class)
        .hasMessageContaining("Duplicate field 'version'");
  }

  @Test
  void next_unknownFieldInHousehold_failsThatHouseholdOnly() throws IOException {
    // given
    String text = withLine(4, "\"members\":", "\"nickname\":\"x\",\"members\":");

    // when
    List<HouseholdRead> read = readAll(text);

    // then
    assertThat(read).hasSize(3);
    assertThat(read.get(0).isOk()).isTrue();
    assertThat(read.get(2).household()).contains(HOUSEHOLDS.get(2));
    ReadFailure failure = read.get(1).failure().orElseThrow();
    assertThat(failure.householdId()).isEqualTo("HH-000001");
    assertThat(failure.path()).isEqualTo("$.households[1].nickname");
    assertThat(failure.message()).isEqualTo("unknown field");
  }

  @Test
  void next_moneyWithTooManyDecimals_failsNamingIdAndPath() throws IOException {
    // given: cash of the first account of household 0 with three decimals
    String text = withLine(3, "\"cash\":", "\"cash\":1.005,\"was\":");
    text = text.replaceFirst("\"was\":[-0-9.]+,", "");

    // when
    List<HouseholdRead> read = readAll(text);

    // then
    ReadFailure failure = read.get(0).failure().orElseThrow();
    assertThat(failure.householdId()).isEqualTo("HH-000000");
    assertThat(failure.path()).isEqualTo("$.households[0].accounts[0].cash");
    assertThat(failure.message()).contains("at most 2 decimal places");
    assertThat(read.get(1).isOk()).isTrue();
  }

  @Test
  void next_missingRequiredField_failsNamingIt() throws IOException {
    // given: taxProfile misspelt, so it is missing, and the misspelt field is unknown
    String text = withLine(3, "\"taxProfile\":{", "\"taxProfil\":{");

    // when
    ReadFailure failure = readAll(text).get(0).failure().orElseThrow();

    // then: both are listed, the missing field first
    assertThat(failure.path()).isEqualTo("$.households[0].taxProfile");
    assertThat(failure.message())
        .isEqualTo("is required; and 1 more: $.households[0].taxProfil: unknown field");
  }

  @Test
  void next_unknownRestrictionKind_failsWithPath() throws IOException {
    // given: a household with a restriction
    int line = -1;
    for (int i = 0; i < HOUSEHOLDS.size(); i++) {
      if (!HOUSEHOLDS.get(i).restrictions().isEmpty()) {
        line = i + 3;
      }
    }
    Household h = findWithRestriction();
    String text =
        withLine(line, "\"restrictions\":[{\"kind\":\"", "\"restrictions\":[{\"kind\":\"no-");

    // when
    List<HouseholdRead> read = readAll(text);

    // then
    ReadFailure failure = read.get(line - 3).failure().orElseThrow();
    assertThat(failure.path()).endsWith(".restrictions[0].kind");
    assertThat(failure.message()).contains("must be one of").contains("was 'no-");
    assertThat(h.restrictions()).isNotEmpty();
  }

  static Household findWithRestriction() {
    return HOUSEHOLDS.stream().filter(h -> !h.restrictions().isEmpty()).findFirst().orElseThrow();
  }

  @Test
  void next_badEnumValue_failsListingTheValues() throws IOException {
    // given
    String text = withLine(3, "\"role\":\"PRIMARY\"", "\"role\":\"BOSS\"");

    // when
    ReadFailure failure = readAll(text).get(0).failure().orElseThrow();

    // then
    assertThat(failure.path()).isEqualTo("$.households[0].members[0].role");
    assertThat(failure.message()).contains("PRIMARY").contains("was 'BOSS'");
  }

  @Test
  void next_householdWithoutId_isNamedByIndex() throws IOException {
    // given
    String text = withLine(3, "{\"id\":\"HH-000000\",", "{");

    // when
    ReadFailure failure = readAll(text).get(0).failure().orElseThrow();

    // then
    assertThat(failure.householdId()).isEqualTo("#0");
    assertThat(failure.path()).isEqualTo("$.households[0].id");
    assertThat(failure.message()).isEqualTo("is required");
  }

  @Test
  void next_wrongType_failsWithTypeSeen() throws IOException {
    // given
    String text = withLine(3, "\"heldAway\":false", "\"heldAway\":\"no\"");

    // when
    ReadFailure failure = readAll(text).get(0).failure().orElseThrow();

    // then
    assertThat(failure.path()).endsWith(".heldAway");
    assertThat(failure.message()).isEqualTo("must be true or false, was string \"no\"");
  }

  @Test
  void write_gzippedFile_isReadBack(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("book.json.gz");

    // when
    long written =
        BookWriter.write(file, GENERATOR.asOf(), GENERATOR.marketData(), HOUSEHOLDS.stream());
    List<Household> read;
    try (BookReader r = BookReader.open(file)) {
      read = r.households().map(h -> h.household().orElseThrow()).toList();
    }

    // then
    assertThat(written).isEqualTo(3);
    byte[] head = Files.readAllBytes(file);
    assertThat(head[0]).isEqualTo((byte) 0x1f);
    assertThat(read).isEqualTo(HOUSEHOLDS);
  }

  @Test
  void write_restriction_carriesKindDiscriminator() {
    // given
    BookGenerator generator = BookGenerator.of(BookConfig.of(7));

    // then
    assertThat(generator.households(60).anyMatch(h -> !h.restrictions().isEmpty())).isTrue();
    assertThat(BOOK.contains("\"restrictions\":[]")).isTrue();
    if (HOUSEHOLDS.stream().anyMatch(h -> !h.restrictions().isEmpty())) {
      assertThat(BOOK).containsPattern("\"restrictions\":\\[\\{\"kind\":\"[a-z-]+\",\"id\":");
    }
  }
}
