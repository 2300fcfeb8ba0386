package dev.rebal.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.RebalException;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The audit verifier on the output of a small job (40 households, 3 chains), tampered with. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkAuditVerifierTest {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(9));
  private Path job;

  @BeforeAll
  void runSmallJob(@TempDir Path dir) {
    job = dir.resolve("job");
    SparkRebalancer.of(LocalSpark.session(), RuleSet.defaults())
        .run(
            GeneratedBook.lines(LocalSpark.session(), 9, 40),
            BOOK.asOf(),
            BOOK.marketData(),
            3,
            job.toString());
  }

  /** Returns a copy of the job's output that a test may tamper with. */
  private Path copy(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(job)) {
      for (Path p : files.toList()) {
        Path target = dir.resolve(job.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return dir;
  }

  private static List<Path> chainFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.list(out.resolve("audit"))) {
      return files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  @Test
  void verify_untouchedOutput_isIntact() throws IOException {
    // when
    SparkAuditVerifier.Report report = SparkAuditVerifier.verify(job);

    // then
    assertThat(report.isIntact()).isTrue();
    assertThat(report.chains()).isEqualTo(3);
    assertThat(report.records()).isEqualTo(40);
  }

  @Test
  void verify_editedLine_namesTheFileRecordAndHousehold(@TempDir Path dir) throws IOException {
    // given: record 1 of the first chain gets another outcome, its hash kept
    Path out = copy(dir);
    Path file = chainFiles(out).get(0);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String household = JsonLinesAuditSink.parseLine(lines.get(1)).entry().household();
    lines.set(1, lines.get(1).replaceFirst("\"outcome\":\"[A-Z_]+\"", "\"outcome\":\"TAMPERED\""));
    Files.write(file, lines, StandardCharsets.UTF_8);

    // when
    SparkAuditVerifier.Report report = SparkAuditVerifier.verify(out);

    // then
    assertThat(report.isIntact()).isFalse();
    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith(
            "audit/"
                + file.getFileName()
                + ": audit record 1: hash does not match the"
                + " content: the record was altered")
        .endsWith("(household " + household + ")");
  }

  @Test
  void verify_droppedChainFile_isNamedFromTheManifest(@TempDir Path dir) throws IOException {
    // given
    Path out = copy(dir);
    Path file = chainFiles(out).get(1);
    long records = Files.readAllLines(file).size();
    Files.delete(file);

    // when
    SparkAuditVerifier.Report report = SparkAuditVerifier.verify(out);

    // then
    assertThat(report.problems())
        .singleElement()
        .asString()
        .matches("audit-manifest: chain p0000\\d \\(" + records + " records\\) has no audit file");
  }

  @Test
  void verify_truncatedChain_isCaughtByTheManifest(@TempDir Path dir) throws IOException {
    // given: the last record of a chain is dropped (the rest still chains)
    Path out = copy(dir);
    Path file = chainFiles(out).get(2);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);

    // when
    SparkAuditVerifier.Report report = SparkAuditVerifier.verify(out);

    // then
    assertThat(report.problems())
        .singleElement()
        .asString()
        .contains("has " + (lines.size() - 1) + " records")
        .contains("the manifest says " + lines.size());
  }

  @Test
  void verify_garbageLine_namesTheFileAndLine(@TempDir Path dir) throws IOException {
    // given
    Path out = copy(dir);
    Path file = chainFiles(out).get(0);
    int records = Files.readAllLines(file, StandardCharsets.UTF_8).size();
    Files.writeString(
        file, "not json\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    // when
    SparkAuditVerifier.Report report = SparkAuditVerifier.verify(out);

    // then
    assertThat(report.problems())
        .singleElement()
        .asString()
        .startsWith(
            "audit/" + file.getFileName() + ": line " + (records + 1) + ": not an audit record");
  }

  @Test
  void verify_notAJobOutput_throws(@TempDir Path dir) {
    assertThatThrownBy(() -> SparkAuditVerifier.verify(dir))
        .isInstanceOf(RebalException.class)
        .hasMessageContaining("audit-manifest: missing");
  }
}
