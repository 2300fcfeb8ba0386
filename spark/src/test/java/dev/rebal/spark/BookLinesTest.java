package dev.rebal.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.json.BookReader;
import dev.rebal.json.BookWriter;
import dev.rebal.json.HouseholdLines;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BookLinesTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(5));

  @Test
  void split_gzippedBook_writesOneLinePerHouseholdAndAHeaderWithoutHouseholds(@TempDir Path dir)
      throws IOException {
    // given
    List<Household> households = BOOK.households(12).toList();
    Path book = dir.resolve("book.json.gz");
    BookWriter.write(book, BOOK.asOf(), BOOK.marketData(), households.stream());

    // when
    BookLines.Split split = BookLines.split(book, dir.resolve("h.jsonl"), dir.resolve("hdr.json"));

    // then
    assertThat(split.households()).isEqualTo(12);
    assertThat(split.unreadable()).isEmpty();
    List<String> lines = Files.readAllLines(dir.resolve("h.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(12);
    assertThat(HouseholdLines.read(3, lines.get(3)).household()).hasValue(households.get(3));
    try (BookReader header = BookReader.open(dir.resolve("hdr.json"))) {
      assertThat(header.asOf()).isEqualTo(BOOK.asOf());
      assertThat(header.marketData()).isEqualTo(BOOK.marketData());
      assertThat(header.next()).isEmpty();
    }
  }

  @Test
  void header_sameInputs_givesIdenticalText() {
    assertThat(BookLines.header(BOOK.asOf(), BOOK.marketData()))
        .isEqualTo(BookLines.header(BOOK.asOf(), BOOK.marketData()))
        .contains("\"households\":[");
  }
}
