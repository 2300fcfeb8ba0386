package dev.rebal.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.audit.AuditRecord;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a store acknowledged survives the process being killed: a child JVM appends audit records
 * and prints each one the store acknowledged (as a job would release an output after it), and is
 * killed with {@code destroyForcibly} (SIGKILL) in the middle; reopened, the store holds every
 * acknowledged record, its chain verifies and its head row is at or after the last one. The same
 * check on PostgreSQL is in {@link PostgresStoreTest}, which has a server running.
 */
class CrashDurabilityTest {
  private static final int ACKS_BEFORE_KILL = 150;

  /** The child: appends records without end, printing {@code ack <sequence> <hash>} after each. */
  public static final class Appender {
    public static void main(String[] args) {
      PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
      JdbcStore store =
          args[0].equals("embedded")
              ? JdbcStore.openEmbedded(Path.of(args[1]))
              : JdbcStore.open(args[1]);
      JdbcAuditSink sink = store.auditSink();
      for (int i = 0; ; i++) {
        AuditRecord r =
            sink.append(
                new AuditEntry(
                    "HH-" + i,
                    LocalDate.of(2026, 6, 30),
                    "in" + i,
                    "1.0.0",
                    "rs",
                    "AUTO",
                    "decision " + i + "\n" + "x".repeat(200)));
        out.println("ack " + r.sequence() + " " + r.hash());
        out.flush();
      }
    }
  }

  @Test
  void kill_embeddedH2MidAppends_everyAcknowledgedRecordSurvives(@TempDir Path dir)
      throws Exception {
    Path state = dir.resolve("state");
    List<String[]> acks = runAndKill("embedded", state.toString());
    try (JdbcStore store = JdbcStore.openEmbedded(state)) {
      assertSurvived(store, acks);
    }
  }

  /** Starts the child, reads its acknowledgements, kills it after {@link #ACKS_BEFORE_KILL}. */
  static List<String[]> runAndKill(String mode, String where) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Appender.class.getName(),
                mode,
                where)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    List<String[]> acks = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        acks.add(line.split(" "));
        if (acks.size() == ACKS_BEFORE_KILL) {
          p.destroyForcibly();
          break;
        }
      }
    } finally {
      p.destroyForcibly();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks).as("acknowledgements before the kill").hasSize(ACKS_BEFORE_KILL);
    return acks;
  }

  static void assertSurvived(JdbcStore store, List<String[]> acks) {
    JdbcAuditSink sink = store.auditSink();
    List<AuditRecord> records = sink.records();
    for (String[] ack : acks) {
      int sequence = Integer.parseInt(ack[1]);
      assertThat(records.size())
          .as("records after the restart; acknowledged up to " + sequence)
          .isGreaterThan(sequence);
      assertThat(records.get(sequence).hash()).isEqualTo(ack[2]);
    }
    assertThat(sink.verify().isIntact()).as(sink.verify().reason()).isTrue();
    AuditHead head = sink.head();
    assertThat(head.sequence()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL - 1);
    // the store takes appends again after the crash
    AuditRecord next =
        sink.append(
            new AuditEntry(
                "HH-after",
                LocalDate.of(2026, 6, 30),
                "in",
                "1.0.0",
                "rs",
                "AUTO",
                "after the crash"));
    assertThat(next.sequence()).isEqualTo(head.sequence() + 1);
    assertThat(next.previousHash()).isEqualTo(head.hash());
  }
}
