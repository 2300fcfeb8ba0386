package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.json.BookReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebalMainTest {
  /** The result of one run: status and both streams. */
  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        RebalMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Writes a generated book of {@code n} households to {@code dir} and returns its file. */
  static Path generated(Path dir, int n) {
    Run gen = run("--generate", String.valueOf(n), "--seed", "9", "--out", dir.toString());
    assertThat(gen.status()).isZero();
    return dir.resolve("book-" + n + "-seed-9.json.gz");
  }

  @Test
  void run_sameBookOnOneAndTwoThreads_writesByteIdenticalFiles(@TempDir Path dir)
      throws IOException {
    // given
    Path book = generated(dir, 12);

    // when
    Run one =
        run("--book", book.toString(), "--threads", "1", "--out", dir.resolve("a").toString());
    Run two =
        run("--book", book.toString(), "--threads", "2", "--out", dir.resolve("b").toString());

    // then
    assertThat(one.status()).isZero();
    assertThat(two.status()).isZero();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("a"))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    // proposals, blotter.csv, blotter-auto.csv, blotter-review.csv, transfers.csv,
    // review-queue.json, audit.jsonl, summary.txt, summary.csv, report.html, run record, runs index
    assertThat(files).hasSize(12 + 11);
    for (Path a : files) {
      Path b = dir.resolve("b").resolve(dir.resolve("a").relativize(a));
      assertThat(Files.readAllBytes(b)).as(a.toString()).isEqualTo(Files.readAllBytes(a));
    }
  }

  @Test
  void run_again_replacesTheFilesOfTheEarlierRun(@TempDir Path dir) throws IOException {
    // given: an earlier run left a proposal of a household the next book lacks
    Path book = generated(dir, 3);
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("proposals"));
    Files.writeString(out.resolve("proposals").resolve("HH-old.json"), "{}");
    Files.writeString(out.resolve("audit.jsonl"), "");

    // when
    Run again = run("--book", book.toString(), "--out", out.toString());

    // then
    assertThat(again.status()).as(again.err()).isZero();
    try (Stream<Path> s = Files.list(out.resolve("proposals"))) {
      assertThat(s.count()).isEqualTo(3);
    }
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
    assertThat(run.err())
        .startsWith("error: --as-of: not a date (yyyy-mm-dd): 2026-02-30")
        .contains("Usage:\n  rebal ")
        .doesNotContain("Exception");
  }

  @Test
  void run_missingRules_printsOneLineAndExitsOne() {
    // when
    Run run = run("--rules", "no/such.rules");

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err().strip()).isEqualTo("error: no such file: no/such.rules");
  }

  @Test
  void run_malformedRules_printsEveryProblemOnOneLine(@TempDir Path dir) throws IOException {
    // given
    Path rules = dir.resolve("bad.rules");
    Files.writeString(rules, "name = firm\nthis is not a rule\n");

    // when
    Run run = run("--rules", rules.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err())
        .startsWith("error: rule set: " + rules + ":2: expected 'key = value'")
        .contains("version is missing")
        .doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void run_rulesEnablingAnUnknownRule_namesItAndExitsOne(@TempDir Path dir) throws IOException {
    // given
    Path rules = dir.resolve("unknown.rules");
    Files.writeString(rules, "name = firm\nversion = 1.0.0\nrule firm.no-such-rule\n");

    // when
    Run run = run("--rules", rules.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err()).startsWith("error: rule set: ").contains("firm.no-such-rule");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void run_badThreads_exitsTwo() {
    assertThat(run("--threads", "0").err()).startsWith("error: --threads: must be 1 to 256: 0");
    assertThat(run("--threads", "x").status()).isEqualTo(RebalMain.BAD_USAGE);
  }

  @Test
  void run_screenWithState_exitsTwoNamingTheConflict(@TempDir Path dir) {
    // when
    Run run = run("--screen", "--state", dir.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).contains("--screen cannot be combined with --generate, --state");
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
    assertThat(run.err())
        .startsWith("error: " + book + " is not a valid book: line 2, column")
        .contains("malformed JSON")
        .doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void run_help_printsUsage() {
    // when
    Run run = run("--help");

    // then
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("--generate N", "--rules FILE", "--threads N", "report.html");
  }

  @Test
  void run_generate_writesAReadableBook(@TempDir Path dir) throws IOException {
    // when
    Run run = run("--generate", "25", "--seed", "9", "--out", dir.toString());

    // then
    assertThat(run.status()).isZero();
    Path file = dir.resolve("book-25-seed-9.json.gz");
    assertThat(run.out()).startsWith("wrote 25 households (seed 9, as of 2026-06-30) to " + file);
    try (BookReader book = BookReader.open(file)) {
      assertThat(book.households().count()).isEqualTo(25);
    }
  }
}
