package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  @Test
  void run_twiceInOneFolder_keepsTheFirstRunAndComparesWithIt(@TempDir Path dir)
      throws IOException {
    // given
    Path book = RebalMainTest.generated(dir, 6);
    Path out = dir.resolve("out");

    // when
    RebalMainTest.Run first =
        RebalMainTest.run("--book", book.toString(), "--out", out.toString(), "--threads", "1");
    String firstReport = Files.readString(out.resolve(MainJob.REPORT));
    String firstBlotter = Files.readString(out.resolve(MainJob.BLOTTER));
    RebalMainTest.Run second =
        RebalMainTest.run(
            "--book",
            book.toString(),
            "--out",
            out.toString(),
            "--threads",
            "1",
            "--as-of",
            "2026-07-01");

    // then: the first run is kept whole under runs/AS-OF/run-0001, the second is at the top
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(second.status()).as(second.err()).isZero();
    assertThat(firstReport).doesNotContain("id=\"previous-run\"");
    Path kept =
        out.resolve("runs")
            .resolve(
                RunRecord.read(out.resolve("runs").resolve(firstAsOf(out)).resolve("run-0001"))
                    .orElseThrow()
                    .asOf()
                    .toString())
            .resolve("run-0001");
    assertThat(Files.readString(kept.resolve(MainJob.REPORT))).isEqualTo(firstReport);
    assertThat(Files.readString(kept.resolve(MainJob.BLOTTER))).isEqualTo(firstBlotter);
    assertThat(kept.resolve(MainJob.PROPOSALS)).isDirectory();
    RunRecord latest = RunRecord.read(out).orElseThrow();
    assertThat(latest.runId()).isEqualTo("run-0002");
    assertThat(latest.asOf()).isEqualTo(LocalDate.of(2026, 7, 1));
    assertThat(second.out()).contains("run-0002; the previous run, run-0001, is kept in");
    // the index lists both, the latest last with its folder "."
    List<String> index = Files.readAllLines(out.resolve("runs").resolve(RunHistory.INDEX));
    assertThat(index).hasSize(3);
    assertThat(index.get(0)).isEqualTo(RunHistory.INDEX_HEADER);
    assertThat(index.get(1))
        .startsWith("run-0001\t")
        .endsWith("\truns/" + firstAsOf(out) + "/run-0001");
    assertThat(index.get(2)).startsWith("run-0002\t2026-07-01\t").endsWith("\t.");
    // the second report compares with the first
    String report = Files.readString(out.resolve(MainJob.REPORT));
    assertThat(report)
        .contains(
            "id=\"previous-run\"",
            "Compared with the previous run",
            "previous (run-0001)",
            "this run (run-0002)",
            "New exceptions",
            "Resolved exceptions");
  }

  @Test
  void run_aThirdTime_numbersOnAndKeepsBoth(@TempDir Path dir) throws IOException {
    Path book = RebalMainTest.generated(dir, 3);
    Path out = dir.resolve("out");
    for (int i = 0; i < 3; i++) {
      assertThat(
              RebalMainTest.run(
                      "--book",
                      book.toString(),
                      "--out",
                      out.toString(),
                      "--threads",
                      "1",
                      "--no-goal-outlook")
                  .status())
          .isZero();
    }
    String asOf = firstAsOf(out);
    assertThat(out.resolve("runs").resolve(asOf).resolve("run-0001")).isDirectory();
    assertThat(out.resolve("runs").resolve(asOf).resolve("run-0002")).isDirectory();
    assertThat(RunRecord.read(out).orElseThrow().runId()).isEqualTo("run-0003");
    assertThat(RunHistory.nextRunId(out)).isEqualTo("run-0004");
  }

  @Test
  void comparison_exceptions_newAndResolved() {
    // given
    RunRecord previous =
        new RunRecord(
            "run-0001",
            LocalDate.of(2026, 6, 30),
            Map.of("auto", "5"),
            new LinkedHashSet<>(List.of("HH-1\treview", "HH-2\ton hold (data error)")));
    Set<String> now = new LinkedHashSet<>(List.of("HH-2\ton hold (data error)", "HH-3\treview"));

    // when
    RunComparison c = new RunComparison(previous, "run-0002", Map.of("auto", "7"), now);

    // then
    assertThat(c.newExceptions()).containsExactly("HH-3\treview");
    assertThat(c.resolvedExceptions()).containsExactly("HH-1\treview");
    assertThat(c.now("auto")).isEqualByComparingTo("7");
    assertThat(c.previous().decimal("auto")).isEqualByComparingTo("5");
  }

  @Test
  void record_writtenThenRead_isTheSame(@TempDir Path dir) throws IOException {
    // given
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("rule-set", "default 1.3.0");
    figures.put("tax-auto", "12.50");
    Path lines = Files.writeString(dir.resolve("x.tsv"), "HH-1\treview\nHH-9\tfailed\n");

    // when
    StringWriter w = new StringWriter();
    RunRecord.write(w, "run-0007", LocalDate.of(2026, 6, 30), figures, lines);
    Files.writeString(dir.resolve(RunRecord.FILE), w.toString(), StandardCharsets.UTF_8);
    RunRecord r = RunRecord.read(dir).orElseThrow();

    // then
    assertThat(r.runId()).isEqualTo("run-0007");
    assertThat(r.figures()).isEqualTo(figures);
    assertThat(r.exceptions()).containsExactly("HH-1\treview", "HH-9\tfailed");
    assertThat(RunRecord.number("run-0007")).isEqualTo(7);
    assertThat(RunRecord.number("latest")).isEqualTo(-1);
  }

  @Test
  void commit_withoutARunRecord_deletesThePreviousFilesAsBefore(@TempDir Path dir)
      throws IOException {
    // given: a folder written before runs were recorded
    List<String> outputs = List.of("a.txt", RunRecord.FILE);
    Files.writeString(dir.resolve("a.txt"), "old");
    OutputFolder folder = OutputFolder.open(dir, outputs, new StringBuilder());
    Files.writeString(folder.staged("a.txt"), "new");

    // when
    folder.commit(outputs);

    // then
    assertThat(Files.readString(dir.resolve("a.txt"))).isEqualTo("new");
    assertThat(dir.resolve(RunHistory.RUNS)).doesNotExist();
  }

  /** The as-of date of the generated book (the folder name of its first run). */
  private static String firstAsOf(Path out) throws IOException {
    try (var days = Files.list(out.resolve("runs"))) {
      return days.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .findFirst()
          .orElseThrow();
    }
  }
}
