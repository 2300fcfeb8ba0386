package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.store.jdbc.JdbcStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job killed in the middle of a batch ({@code destroyForcibly}, SIGKILL, in a child JVM
 * started with the test class path) and run again: nothing was released by the killed run (the
 * previous output is untouched), every decision it had written has its audit record in the embedded
 * database, and the restarted run completes with a record for every decision it releases.
 */
class MainJobCrashTest {
  private static final int HOUSEHOLDS = 60;
  private static final int KILL_AFTER_DECISIONS = 8;

  @Test
  void kill_midBatchWithState_releasesNothingWithoutItsRecord(@TempDir Path dir) throws Exception {
    // given: a book, and a previous complete run (of a small book) in the output folder
    Path book = RebalMainTest.generated(dir, HOUSEHOLDS);
    Path previousBook = RebalMainTest.generated(dir, 6);
    Path out = dir.resolve("out");
    Path state = dir.resolve("state");
    assertThat(
            RebalMainTest.run(
                    "--book", previousBook.toString(), "--out", out.toString(), "--threads", "2")
                .status())
        .isZero();
    String blotterBefore = Files.readString(out.resolve(MainJob.BLOTTER));
    Set<String> proposalsBefore = households(out.resolve(MainJob.PROPOSALS));

    // when: a run with state is killed once it has written some decisions
    Path staged = out.resolve(OutputFolder.STAGING).resolve(MainJob.PROPOSALS);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RebalMain.class.getName(),
                "--book",
                book.toString(),
                "--out",
                out.toString(),
                "--state",
                state.toString(),
                "--threads",
                "2")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      while (households(staged).size() < KILL_AFTER_DECISIONS) {
        assertThat(p.isAlive()).as("the run ended before it could be killed").isTrue();
        Thread.sleep(10);
      }
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    // then: the killed run released nothing; the previous output is as it was
    assertThat(Files.readString(out.resolve(MainJob.BLOTTER))).isEqualTo(blotterBefore);
    assertThat(households(out.resolve(MainJob.PROPOSALS))).isEqualTo(proposalsBefore);
    // every decision the killed run wrote has its record, durable across the kill
    Set<String> writtenBeforeKill = households(staged);
    assertThat(writtenBeforeKill.size()).isGreaterThanOrEqualTo(KILL_AFTER_DECISIONS);
    long killedRunRecords;
    try (JdbcStore store = JdbcStore.openEmbedded(state)) {
      List<AuditRecord> records = store.auditSink().records();
      assertThat(decided(records)).containsAll(writtenBeforeKill);
      killedRunRecords = records.size();
    }

    // when: the job runs again
    RebalMainTest.Run again =
        RebalMainTest.run(
            "--book",
            book.toString(),
            "--out",
            out.toString(),
            "--state",
            state.toString(),
            "--threads",
            "2");

    // then: it says what it found, completes, and every decision it released has its record
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.err()).contains("did not finish; its partial output was removed");
    assertThat(out.resolve(OutputFolder.STAGING)).doesNotExist();
    Set<String> released = households(out.resolve(MainJob.PROPOSALS));
    assertThat(released).hasSize(HOUSEHOLDS);
    try (JdbcStore store = JdbcStore.openEmbedded(state)) {
      List<AuditRecord> records = store.auditSink().records();
      assertThat(store.auditSink().verify().isIntact()).isTrue();
      assertThat(decided(records.subList((int) killedRunRecords, records.size())))
          .containsAll(released);
    }
  }

  private static Set<String> households(Path proposals) throws IOException {
    if (!Files.isDirectory(proposals)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(proposals)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .collect(Collectors.toSet());
    } catch (java.io.UncheckedIOException e) {
      return Set.of();
    }
  }

  /** The households with a decision record (not a review action). */
  private static Set<String> decided(List<AuditRecord> records) {
    return records.stream()
        .filter(r -> !r.entry().outcome().startsWith("REVIEW_"))
        .map(r -> MainJob.fileName(r.entry().household()))
        .collect(Collectors.toSet());
  }
}
