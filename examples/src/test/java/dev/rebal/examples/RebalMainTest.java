package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.ValidationReport;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebalMainTest {
  /** The result of one run: status and both streams. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = RebalMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_sampleBook_printsTheCountsTheValidatorGives() throws IOException {
    // given: the counts, computed here independently
    int onHold = 0;
    BookGenerator generator = BookGenerator.of(SampleBook.config());
    try (BookReader book = SampleBook.open()) {
      for (HouseholdRead r : book.households().toList()) {
        Household h = r.household().orElseThrow();
        ValidationReport v = HouseholdValidator.standard().validate(h, book.marketData(), book.asOf());
        onHold += v.isOnHold() ? 1 : 0;
        // only the households given a deliberate fault may be on hold
        assertThat(!v.isOnHold() || generator.isFaulty(r.index())).as(h.id().value()).isTrue();
      }
    }

    // when
    Run run = run();

    // then
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("book: the bundled sample book, as of 2026-06-30")
        .contains("households: 200 read, 0 unreadable")
        .contains("valid: " + (200 - onHold) + "   on hold: " + onHold);
    List<String> lines = run.out().lines().toList();
    int table = lines.indexOf(lines.stream().filter(l -> l.startsWith("drift from target"))
        .findFirst().orElseThrow());
    List<String> driftLines = lines.subList(table, lines.size()).stream()
        .filter(l -> l.startsWith("  HH-")).toList();
    assertThat(driftLines).hasSize(200 - onHold);
    assertThat(driftLines).filteredOn(l -> l.contains(" OUT ")).hasSizeBetween(10, 40);
  }

  @Test
  void run_sampleBookTwice_printsTheSameReport() {
    assertThat(run().out()).isEqualTo(run().out());
  }

  @Test
  void run_withOut_writesTheReportToo(@TempDir Path dir) throws IOException {
    // when
    Run run = run("--out", dir.toString(), "--as-of", "2026-06-30");

    // then
    assertThat(run.status()).isZero();
    String file = Files.readString(dir.resolve("report.txt"));
    assertThat(run.out()).startsWith(file);
    assertThat(file).contains("Rebal data-quality report");
  }

  @Test
  void run_missingBook_printsOneLineAndExitsOne() {
    // when
    Run run = run("--book", "no/such/book.json");

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err().strip()).isEqualTo("error: no such file: no/such/book.json");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void run_badDate_printsUsageAndExitsTwo() {
    // when
    Run run = run("--as-of", "2026-02-30");

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).startsWith("error: --as-of: not a date (yyyy-mm-dd): 2026-02-30")
        .contains("usage: RebalMain").doesNotContain("Exception");
  }

  @Test
  void run_unknownOption_exitsTwo() {
    assertThat(run("--fast").status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run("--book").err()).startsWith("error: --book: missing value");
  }

  @Test
  void run_malformedBook_printsLineAndColumnWithoutStackTrace(@TempDir Path dir)
      throws IOException {
    // given
    Path book = dir.resolve("bad.json");
    Files.writeString(book, "{\"format\":\"rebal-book\",\n\"version\":1,,}");

    // when
    Run run = run("--book", book.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err()).startsWith("error: " + book + " is not a valid book: line 2, column")
        .contains("malformed JSON").doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void run_help_printsUsage() {
    // when
    Run run = run("--help");

    // then
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("--generate N");
  }

  @Test
  void run_generate_writesAReadableBook(@TempDir Path dir) throws IOException {
    // when
    Run run = run("--generate", "25", "--seed", "9", "--out", dir.toString());

    // then
    assertThat(run.status()).isZero();
    Path file = dir.resolve("book-25-seed-9.json.gz");
    assertThat(run.out()).startsWith("wrote 25 households (seed 9, as of 2026-06-30) to " + file);
    Run report = run("--book", file.toString());
    assertThat(report.out()).contains("households: 25 read, 0 unreadable");
  }
}
