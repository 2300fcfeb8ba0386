package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.JsonLinesAuditSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verify-audit} reads each record's inputs encoding and refuses one it does not know. */
class AuditEncodingCliTest {
  private static String line(String encoding) {
    AuditEntry entry =
        new AuditEntry("HH-1", LocalDate.of(2026, 6, 30), "in", "1.0.0", "rs", "AUTO", "body");
    return JsonLinesAuditSink.toLine(AuditRecord.chain(0, AuditRecord.GENESIS, entry))
        .replace("\"inputsEncoding\":\"1\"", "\"inputsEncoding\":\"" + encoding + "\"");
  }

  @Test
  void verifyAudit_knownEncoding_isIntact(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("audit.jsonl");
    Files.writeString(log, line("1") + "\n", StandardCharsets.UTF_8);

    RebalMainTest.Run run = RebalMainTest.run("--verify-audit", log.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("chain intact, 1 records");
  }

  @Test
  void verifyAudit_unknownEncoding_isRefusedNamingTheFieldAndValue(@TempDir Path dir)
      throws IOException {
    Path log = dir.resolve("audit.jsonl");
    Files.writeString(log, line("7") + "\n", StandardCharsets.UTF_8);

    RebalMainTest.Run run = RebalMainTest.run("--verify-audit", log.toString());

    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err())
        .contains("line 1")
        .contains("inputsEncoding: unknown inputs encoding")
        .contains("was 7");
  }
}
