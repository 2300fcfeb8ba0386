package dev.rebal.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The head anchors a chain's end: the cuts a chain alone cannot detect (the last record removed,
 * the file emptied, records rewritten with every later hash recomputed) are detected against it.
 */
class AuditHeadTest {
  private static final String ZEROS =
      "0000000000000000000000000000000000000000000000000000000000000000";
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static AuditEntry entry(int i) {
    return new AuditEntry("HH-" + i, AS_OF, "in" + i, "1.0.0", "rs-hash", "AUTO", "body " + i);
  }

  /** Writes a log of {@code n} records and returns its head. */
  private static AuditHead write(Path file, int n) {
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      for (int i = 0; i < n; i++) {
        sink.append(entry(i));
      }
      sink.sync();
      return sink.head();
    }
  }

  @Test
  void parse_textForm_roundTrips() {
    // given
    AuditHead head = new AuditHead(1439, "ab".repeat(32));

    // when
    AuditHead parsed = AuditHead.parse(head.toString());

    // then
    assertThat(head.toString()).isEqualTo("1439:" + "ab".repeat(32));
    assertThat(parsed).isEqualTo(head);
    assertThat(parsed.records()).isEqualTo(1440);
    assertThat(AuditHead.parse(AuditHead.EMPTY.toString())).isEqualTo(AuditHead.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "12",
        "12:abc",
        "-2:" + ZEROS,
        "01:" + ZEROS,
        "x:" + ZEROS,
        "99999999999999999999:" + ZEROS,
        "3:" + ZEROS + "0"
      })
  void parse_notAHead_throwsNamingTheText(String text) {
    assertThatThrownBy(() -> AuditHead.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("audit head")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  void of_emptyChainWithOtherHash_throws() {
    assertThatThrownBy(() -> new AuditHead(-1, "ab".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("genesis");
  }

  @Test
  void sinkHead_afterAppends_isTheLastRecord() {
    // given
    InMemoryAuditSink sink = new InMemoryAuditSink();
    assertThat(sink.head()).isEqualTo(AuditHead.EMPTY);

    // when
    sink.append(entry(0));
    AuditRecord last = sink.append(entry(1));

    // then
    assertThat(sink.head()).isEqualTo(new AuditHead(1, last.hash()));
  }

  @Test
  void verify_untouchedLog_isIntactAgainstItsHead(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    AuditHead head = write(file, 5);

    // when
    AuditVerification v = JsonLinesAuditSink.verify(file, head);

    // then
    assertThat(v.isIntact()).isTrue();
    assertThat(v.recordsChecked()).isEqualTo(5);
    assertThat(head.sequence()).isEqualTo(4);
  }

  @Test
  void verify_lastRecordDeleted_isBrokenAgainstTheHead(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    AuditHead head = write(file, 5);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, lines.subList(0, 4), StandardCharsets.UTF_8);

    // when
    AuditVerification chainOnly = JsonLinesAuditSink.verify(file);
    AuditVerification anchored = JsonLinesAuditSink.verify(file, head);

    // then: the chain alone still verifies; against its head the cut is named
    assertThat(chainOnly.isIntact()).isTrue();
    assertThat(anchored.isIntact()).isFalse();
    assertThat(anchored.brokenAt()).isEqualTo(4);
    assertThat(anchored.problem())
        .hasValue(
            "audit record 4: the log ends at record 3 but its "
                + "head is record 4: records at the end were removed");
  }

  @Test
  void verify_fileEmptied_isBrokenAgainstTheHead(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    AuditHead head = write(file, 3);
    Files.writeString(file, "", StandardCharsets.UTF_8);

    // when
    AuditVerification v = JsonLinesAuditSink.verify(file, head);

    // then
    assertThat(JsonLinesAuditSink.verify(file).isIntact()).isTrue();
    assertThat(v.brokenAt()).isZero();
    assertThat(v.reason())
        .isEqualTo(
            "the log ends before its first record but its head is "
                + "record 2: records at the end were removed");
  }

  @Test
  void verify_recordEditedAndLaterHashesRecomputed_isBrokenAgainstTheHead(@TempDir Path dir)
      throws IOException {
    // given: a forger changes record 1's outcome and re-chains records 1 to 3
    Path file = dir.resolve("audit.jsonl");
    AuditHead head = write(file, 4);
    List<AuditRecord> records = new ArrayList<>(JsonLinesAuditSink.read(file));
    AuditEntry e = records.get(1).entry();
    records.set(
        1,
        AuditRecord.chain(
            1,
            records.get(0).hash(),
            new AuditEntry(
                e.household(),
                e.asOf(),
                e.inputsHash(),
                e.ruleSetVersion(),
                e.ruleSetHash(),
                "REVIEW",
                e.body())));
    for (int i = 2; i < 4; i++) {
      records.set(i, AuditRecord.chain(i, records.get(i - 1).hash(), records.get(i).entry()));
    }
    List<String> lines = new ArrayList<>();
    records.forEach(r -> lines.add(JsonLinesAuditSink.toLine(r)));
    Files.write(file, lines, StandardCharsets.UTF_8);

    // when
    AuditVerification v = JsonLinesAuditSink.verify(file, head);

    // then
    assertThat(JsonLinesAuditSink.verify(file).isIntact()).isTrue();
    assertThat(v.brokenAt()).isEqualTo(3);
    assertThat(v.reason())
        .contains("is not the head's " + head.hash())
        .contains("the log was rewritten");
  }

  @Test
  void verify_recordAppendedAfterTheHead_isBroken(@TempDir Path dir) throws IOException {
    // given
    Path file = dir.resolve("audit.jsonl");
    AuditHead head = write(file, 2);
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      sink.append(entry(7));
    }

    // when
    AuditVerification v = JsonLinesAuditSink.verify(file, head);

    // then
    assertThat(v.brokenAt()).isEqualTo(2);
    assertThat(v.reason())
        .isEqualTo(
            "the log goes on after its head (record 1): records 2 to 2 "
                + "were added after the head was taken");
  }

  @Test
  void open_existingLog_resumesAtItsHead(@TempDir Path dir) {
    // given
    Path file = dir.resolve("audit.jsonl");
    AuditHead head = write(file, 3);

    // when
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      // then
      assertThat(sink.head()).isEqualTo(head);
      assertThat(sink.append(entry(3)).previousHash()).isEqualTo(head.hash());
    }
  }
}
