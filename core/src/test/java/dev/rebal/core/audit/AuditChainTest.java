package dev.rebal.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.RebalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static AuditEntry entry(int i) {
    return new AuditEntry(
        "HH-" + i,
        AS_OF,
        "in" + i,
        "1.0.0",
        "rs-hash",
        i % 2 == 0 ? "AUTO" : "REVIEW",
        "trades:\n  SELL \"X\" 10\\n " + i);
  }

  private static InMemoryAuditSink sinkWith(int n) {
    InMemoryAuditSink sink = new InMemoryAuditSink();
    for (int i = 0; i < n; i++) {
      sink.append(entry(i));
    }
    return sink;
  }

  @Test
  void verify_untouchedChain_isIntact() {
    // given
    InMemoryAuditSink sink = sinkWith(5);

    // when
    AuditVerification v = sink.verify();

    // then
    assertThat(v.isIntact()).isTrue();
    assertThat(v.recordsChecked()).isEqualTo(5);
    assertThat(sink.records().get(0).previousHash()).isEqualTo(AuditRecord.GENESIS);
    assertThat(sink.records().get(1).previousHash()).isEqualTo(sink.records().get(0).hash());
  }

  @Test
  void verify_alteredBody_namesTheRecord() {
    // given: record 2 (AUTO) is changed to REVIEW but its hash is kept
    List<AuditRecord> records = new ArrayList<>(sinkWith(5).records());
    AuditRecord r = records.get(2);
    AuditEntry e = r.entry();
    records.set(
        2,
        new AuditRecord(
            r.sequence(),
            r.previousHash(),
            new AuditEntry(
                e.household(),
                e.asOf(),
                e.inputsHash(),
                e.ruleSetVersion(),
                e.ruleSetHash(),
                "REVIEW",
                e.body()),
            r.hash()));

    // when
    AuditVerification v = AuditChain.verify(records);

    // then
    assertThat(v.isIntact()).isFalse();
    assertThat(v.brokenAt()).isEqualTo(2);
    assertThat(v.problem())
        .hasValue("audit record 2: hash does not match the content: the record was altered");
  }

  @Test
  void verify_droppedRecord_isDetectedAsGap() {
    // given
    List<AuditRecord> records = new ArrayList<>(sinkWith(5).records());
    records.remove(3);

    // when
    AuditVerification v = AuditChain.verify(records);

    // then
    assertThat(v.brokenAt()).isEqualTo(4);
    assertThat(v.reason()).startsWith("sequence gap: expected 3, was 4");
  }

  @Test
  void verify_recomputedHashAfterEdit_breaksTheNextLink() {
    // given: a forger rewrites record 1 and recomputes its own hash
    List<AuditRecord> records = new ArrayList<>(sinkWith(4).records());
    AuditRecord r = records.get(1);
    records.set(1, AuditRecord.chain(1, r.previousHash(), entry(99)));

    // when
    AuditVerification v = AuditChain.verify(records);

    // then: record 2 no longer follows record 1
    assertThat(v.brokenAt()).isEqualTo(2);
    assertThat(v.reason()).contains("previous hash does not match");
  }

  @Test
  void jsonLines_appendReopenAndRead_roundTripsAndResumesChain(@TempDir Path dir) {
    // given
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      sink.append(entry(0));
      sink.append(entry(1));
    }

    // when: reopened, the chain continues after record 1
    List<AuditRecord> records;
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      AuditRecord third = sink.append(entry(2));
      assertThat(third.sequence()).isEqualTo(2);
      records = sink.records();
      assertThat(sink.verify().isIntact()).isTrue();
    }

    // then: what is read back equals what an in-memory sink chains
    assertThat(records).isEqualTo(sinkWith(3).records());
  }

  @Test
  void jsonLines_rowEditedOnDisk_verifyNamesTheRecord(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    JsonLinesAuditSink sink = JsonLinesAuditSink.open(file);
    for (int i = 0; i < 4; i++) {
      sink.append(entry(i));
    }

    // when: someone edits record 1 behind the sink's back
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replace("\"outcome\":\"REVIEW\"", "\"outcome\":\"AUTO\""));
    Files.write(file, lines, StandardCharsets.UTF_8);

    // then
    assertThat(sink.verify().problem())
        .hasValue("audit record 1: hash does not match the content: the record was altered");
    sink.close();
    assertThatThrownBy(() -> JsonLinesAuditSink.open(file))
        .isInstanceOf(RebalException.class)
        .hasMessageContaining("audit record 1: hash does not match");
  }

  @Test
  void jsonLines_garbageLine_namesTheLine(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    Files.writeString(file, "{\"sequence\":\"0\"\n", StandardCharsets.UTF_8);

    // then
    assertThatThrownBy(() -> JsonLinesAuditSink.open(file))
        .isInstanceOf(RebalException.class)
        .hasMessageContaining("line 1: not an audit record");
  }

  @Test
  void toLine_recordWrittenBySink_equalsTheFileLineAndParsesBack(@TempDir Path dir)
      throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      sink.append(entry(0));
      sink.append(entry(1));
    }
    List<AuditRecord> chained = sinkWith(2).records();

    // when
    String line = JsonLinesAuditSink.toLine(chained.get(1));

    // then
    assertThat(line).isEqualTo(Files.readAllLines(file, StandardCharsets.UTF_8).get(1));
    assertThat(JsonLinesAuditSink.parseLine(line)).isEqualTo(chained.get(1));
  }

  @Test
  void parseLine_missingField_throwsNamingTheField() {
    // given
    String line =
        JsonLinesAuditSink.toLine(sinkWith(1).records().get(0))
            .replace("\"outcome\"", "\"result\"");

    // then
    assertThatThrownBy(() -> JsonLinesAuditSink.parseLine(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an audit record")
        .hasMessageContaining("'outcome'");
  }
}
