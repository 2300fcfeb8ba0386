package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves when it cannot finish, when its state was tampered with, or when its options
 * are hostile: the previous output untouched, one clear line, never a stack trace.
 */
class RunIntegrityTest {
  private static Path book(Path dir) {
    return RebalMainTest.generated(dir, 16);
  }

  private static String snapshot(Path out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String f :
        List.of(MainJob.BLOTTER, MainJob.REVIEW_QUEUE, MainJob.SUMMARY, MainJob.AUDIT)) {
      Path p = out.resolve(f);
      sb.append(f).append('=').append(Files.exists(p) ? Files.readString(p) : "<none>");
    }
    try (var files = Files.list(out.resolve(MainJob.PROPOSALS))) {
      sb.append("proposals=").append(files.count());
    }
    return sb.toString();
  }

  @Test
  void run_bookBreaksOffMidway_abortsAndLeavesThePreviousOutputUntouched(@TempDir Path dir)
      throws IOException {
    // given: a complete run, and the same book cut off in the middle of a household
    Path gz = book(dir);
    Path out = dir.resolve("out");
    assertThat(RebalMainTest.run("--book", gz.toString(), "--out", out.toString()).status())
        .isZero();
    String before = snapshot(out);
    byte[] json;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      json = in.readAllBytes();
    }
    Path cut = dir.resolve("cut.json");
    Files.write(cut, java.util.Arrays.copyOf(json, json.length * 2 / 3));

    // when
    RebalMainTest.Run run = RebalMainTest.run("--book", cut.toString(), "--out", out.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    // the duplicate-id scan reads the whole book before anything is staged, so the cut is found
    // before the run starts; either way the previous output stays as it was
    assertThat(run.err())
        .contains("error: " + cut + " is not a valid book")
        .doesNotContain("\tat ");
    assertThat(snapshot(out)).isEqualTo(before);
    assertThat(out.resolve(OutputFolder.STAGING)).doesNotExist();
  }

  @Test
  void run_stateRecordEdited_refusesWithOneLineAndExitThree(@TempDir Path dir) throws Exception {
    // given: a run with state, then an audit record edited behind the store's back
    Path gz = book(dir);
    Path state = dir.resolve("state");
    Path out = dir.resolve("out");
    assertThat(
            RebalMainTest.run(
                    "--book", gz.toString(), "--out", out.toString(), "--state", state.toString())
                .status())
        .isZero();
    String before = snapshot(out);
    try (JdbcStore store = JdbcStore.openEmbedded(state)) {
      assertThat(store.auditSink().verify().isIntact()).isTrue();
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + state.toAbsolutePath().resolve("rebal"), "rebal", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_record SET outcome = 'TAMPERED' WHERE sequence = 3");
    }

    // when
    RebalMainTest.Run run =
        RebalMainTest.run(
            "--book", gz.toString(), "--out", out.toString(), "--state", state.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.AUDIT_BROKEN);
    assertThat(run.err())
        .contains(
            "error: state: the audit chain is broken, refusing to append "
                + "to it: audit record 3: hash does not match the content")
        .doesNotContain("\tat ");
    assertThat(snapshot(out)).isEqualTo(before);
  }

  @Test
  void run_stateFileCorrupted_refusesWithOneLine(@TempDir Path dir) throws IOException {
    // given: the database file overwritten with garbage
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    Files.write(
        state.resolve("rebal.mv.db"),
        "not a database at all\n".repeat(400).getBytes(StandardCharsets.UTF_8));

    // when
    RebalMainTest.Run run =
        RebalMainTest.run("--out", dir.resolve("out").toString(), "--state", state.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(run.err())
        .startsWith("error: state: ")
        .doesNotContain("\tat ")
        .contains("the run was aborted");
  }

  @Test
  void run_stateHeadRowDeleted_refusesWithExitThree(@TempDir Path dir) throws Exception {
    // given
    Path gz = book(dir);
    Path state = dir.resolve("state");
    assertThat(
            RebalMainTest.run(
                    "--book",
                    gz.toString(),
                    "--out",
                    dir.resolve("out").toString(),
                    "--state",
                    state.toString())
                .status())
        .isZero();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:" + state.toAbsolutePath().resolve("rebal"), "rebal", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM audit_head");
    }

    // when
    RebalMainTest.Run run =
        RebalMainTest.run(
            "--book",
            gz.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--state",
            state.toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.AUDIT_BROKEN);
    assertThat(run.err())
        .contains("the chain's head row (audit_head) is missing")
        .doesNotContain("\tat ");
  }

  @Test
  void run_emptyOut_isBadUsage() {
    RebalMainTest.Run run = RebalMainTest.run("--out", "");
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).contains("error: --out: must not be empty");
  }

  @Test
  void run_stateFolderWithUrlSettings_isBadUsageAndRunsNothing(@TempDir Path dir) {
    // given: a folder name that would have H2 create a table if spliced into its URL
    String hostile = dir.resolve("st;INIT=CREATE TABLE pwned(x INT)").toString();

    // when
    RebalMainTest.Run run =
        RebalMainTest.run("--state", hostile, "--out", dir.resolve("out").toString());

    // then
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).contains("error: --state: state folder: must not contain ';'");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void run_stateUrlOtherThanH2OrPostgresql_isBadUsage() {
    assertThat(
            RebalMainTest.run("--state-url", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://x/y'")
                .err())
        .contains("error: --state-url: state URL: the H2 setting 'INIT' is not accepted");
    RebalMainTest.Run run = RebalMainTest.run("--state-url", "jdbc:mysql://db/rebal");
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).contains("only H2 (jdbc:h2:...) and PostgreSQL");
  }

  @Test
  void verifyAudit_againstTheRunsHead_detectsACutEndAndAnEmptiedLog(@TempDir Path dir)
      throws IOException {
    // given: a run, its head written once to a file of its own
    Path gz = book(dir);
    Path out = dir.resolve("out");
    Path headFile = dir.resolve("anchor").resolve("head.txt");
    Files.createDirectories(headFile.getParent());
    RebalMainTest.Run first =
        RebalMainTest.run(
            "--book", gz.toString(), "--out", out.toString(), "--audit-head", headFile.toString());
    assertThat(first.status()).as(first.err()).isZero();
    String head = Files.readString(headFile).strip();
    assertThat(first.out()).contains("audit head: " + head);
    assertThat(Files.readString(out.resolve(MainJob.SUMMARY))).contains("audit head: " + head);
    Path log = out.resolve(MainJob.AUDIT);

    // when / then: intact
    RebalMainTest.Run ok =
        RebalMainTest.run("--verify-audit", log.toString(), "--expect-head", head);
    assertThat(ok.status()).isZero();
    assertThat(ok.out())
        .contains(
            ": intact, "
                + (Long.parseLong(head.split(":")[0]) + 1)
                + " records, ends at its head "
                + head);

    // the last record deleted: the chain alone verifies, against the head it does not
    List<String> lines = Files.readAllLines(log);
    Files.write(log, lines.subList(0, lines.size() - 1));
    assertThat(RebalMainTest.run("--verify-audit", log.toString()).status()).isZero();
    RebalMainTest.Run cut =
        RebalMainTest.run("--verify-audit", log.toString(), "--expect-head", "@" + headFile);
    assertThat(cut.status()).isEqualTo(RebalMain.AUDIT_BROKEN);
    assertThat(cut.out())
        .contains(
            "BROKEN: audit record "
                + (lines.size() - 1)
                + ": the log ends "
                + "at record "
                + (lines.size() - 2));

    // emptied
    Files.writeString(log, "");
    RebalMainTest.Run empty =
        RebalMainTest.run("--verify-audit", log.toString(), "--expect-head", head);
    assertThat(empty.status()).isEqualTo(RebalMain.AUDIT_BROKEN);
    assertThat(empty.out()).contains("the log ends before its first record");

    // the head file is written once: a second run refuses to replace it
    RebalMainTest.Run again =
        RebalMainTest.run(
            "--book", gz.toString(), "--out", out.toString(), "--audit-head", headFile.toString());
    assertThat(again.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(Files.readString(headFile).strip()).isEqualTo(head);
  }

  @Test
  void verifyAudit_malformedHead_isBadUsage(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("audit.jsonl");
    Files.writeString(log, "");
    RebalMainTest.Run run =
        RebalMainTest.run("--verify-audit", log.toString(), "--expect-head", "12:abc");
    assertThat(run.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(run.err()).contains("error: --expect-head: audit head: expected");
  }

  @Test
  void run_leftoverOfAKilledRun_isRemovedAndSaidSo(@TempDir Path dir) throws IOException {
    // given: a complete run, then the staging folder a killed run would leave
    Path gz = book(dir);
    Path out = dir.resolve("out");
    assertThat(RebalMainTest.run("--book", gz.toString(), "--out", out.toString()).status())
        .isZero();
    Path staging = out.resolve(OutputFolder.STAGING);
    Files.createDirectories(staging.resolve(MainJob.PROPOSALS));
    Files.writeString(staging.resolve(MainJob.BLOTTER), "household,outcome\nHH-X,AUTO\n");

    // when
    RebalMainTest.Run run = RebalMainTest.run("--book", gz.toString(), "--out", out.toString());

    // then
    assertThat(run.status()).isZero();
    assertThat(run.err())
        .contains(
            "note: an earlier run in "
                + out
                + " did not finish; its "
                + "partial output was removed");
    assertThat(staging).doesNotExist();
    assertThat(Files.readString(out.resolve(MainJob.BLOTTER))).doesNotContain("HH-X");
  }
}
