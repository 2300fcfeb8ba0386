package dev.rebal.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.RebalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each audit record names the version of the inputs encoding its inputs hash was computed over. */
class InputsEncodingRecordTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static AuditEntry entry(int i) {
    return new AuditEntry("HH-" + i, AS_OF, "in" + i, "1.0.0", "rs-hash", "AUTO", "body " + i);
  }

  @Test
  void toLine_writesTheEncodingAfterTheInputsHash_andParsesItBack() {
    // given
    AuditRecord r = AuditRecord.chain(0, AuditRecord.GENESIS, entry(0));

    // when
    String line = JsonLinesAuditSink.toLine(r);

    // then
    assertThat(r.entry().inputsEncoding()).isEqualTo(AuditEntry.INPUTS_ENCODING).isEqualTo(1);
    assertThat(line).contains("\"inputsHash\":\"in0\",\"inputsEncoding\":\"1\",");
    assertThat(JsonLinesAuditSink.parseLine(line)).isEqualTo(r);
  }

  /** Version 1 is not hashed into the chain: records from before the field keep their hashes. */
  @Test
  void chainHash_ofVersion1_isTheHashWithoutTheField() {
    // given: the record hash as computed before the encoding was recorded (fields of the entry
    // length-prefixed, each followed by a newline)
    AuditEntry e = entry(3);
    StringBuilder before = new StringBuilder();
    for (String field :
        new String[] {
          "7",
          AuditRecord.GENESIS,
          "HH-3",
          "2026-06-30",
          "in3",
          "1.0.0",
          "rs-hash",
          "AUTO",
          "body 3"
        }) {
      before.append(field.length()).append(':').append(field).append('\n');
    }

    // when
    AuditRecord r = AuditRecord.chain(7, AuditRecord.GENESIS, e);

    // then
    assertThat(r.hash()).isEqualTo(AuditRecord.sha256Hex(before.toString()));
  }

  @Test
  void verify_logWrittenBeforeTheField_readsVersion1AndIsIntact(@TempDir Path dir)
      throws IOException {
    // given: a log whose lines have no inputsEncoding field
    Path file = dir.resolve("audit.jsonl");
    StringBuilder text = new StringBuilder();
    String previous = AuditRecord.GENESIS;
    for (int i = 0; i < 3; i++) {
      AuditRecord r = AuditRecord.chain(i, previous, entry(i));
      text.append(JsonLinesAuditSink.toLine(r).replace(",\"inputsEncoding\":\"1\"", ""))
          .append('\n');
      previous = r.hash();
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);

    // when
    AuditVerification v = JsonLinesAuditSink.verify(file);
    List<AuditRecord> records = JsonLinesAuditSink.read(file);

    // then
    assertThat(text).doesNotContain("inputsEncoding");
    assertThat(v.isIntact()).isTrue();
    assertThat(v.recordsChecked()).isEqualTo(3);
    assertThat(records).allSatisfy(r -> assertThat(r.entry().inputsEncoding()).isEqualTo(1));
  }

  @Test
  void verify_unknownEncoding_isRefusedNamingTheFieldAndValue(@TempDir Path dir)
      throws IOException {
    // given: a record claiming an encoding this release does not know
    Path file = dir.resolve("audit.jsonl");
    String line =
        JsonLinesAuditSink.toLine(AuditRecord.chain(0, AuditRecord.GENESIS, entry(0)))
            .replace("\"inputsEncoding\":\"1\"", "\"inputsEncoding\":\"2\"");
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8);

    // when / then
    assertThatThrownBy(() -> JsonLinesAuditSink.verify(file))
        .isInstanceOf(RebalException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("inputsEncoding: unknown inputs encoding")
        .hasMessageContaining("was 2");
  }

  @Test
  void parseLine_encodingNotANumber_namesTheFieldAndValue() {
    String line =
        JsonLinesAuditSink.toLine(AuditRecord.chain(0, AuditRecord.GENESIS, entry(0)))
            .replace("\"inputsEncoding\":\"1\"", "\"inputsEncoding\":\"v1\"");

    assertThatThrownBy(() -> JsonLinesAuditSink.parseLine(line))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputsEncoding: not a version number, was v1");
  }

  @Test
  void entry_unknownEncoding_isRefused() {
    assertThatThrownBy(() -> new AuditEntry("HH", AS_OF, "in", "1.0.0", "rs", "AUTO", "b", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inputsEncoding")
        .hasMessageContaining("was 0");
  }
}
