package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal that moves a complete run into place, and finishes or undoes an interrupted one. */
class OutputFolderTest {
  private static final List<String> OUTPUTS = List.of("a.txt", "b.txt", "c.txt");

  @Test
  void commit_replacesTheRunsFilesAndLeavesOthersAlone(@TempDir Path dir) throws IOException {
    // given: a previous run's a and c, and a book that is not an output
    Files.writeString(dir.resolve("a.txt"), "old a");
    Files.writeString(dir.resolve("c.txt"), "old c");
    Files.writeString(dir.resolve("book.json"), "book");
    OutputFolder folder = OutputFolder.open(dir, OUTPUTS, new StringBuilder());
    Files.writeString(folder.staged("a.txt"), "new a");
    Files.writeString(folder.staged("b.txt"), "new b");

    // when
    folder.commit(OUTPUTS);

    // then: c, which this run did not write, is gone
    assertThat(dir.resolve("a.txt")).hasContent("new a");
    assertThat(dir.resolve("b.txt")).hasContent("new b");
    assertThat(dir.resolve("c.txt")).doesNotExist();
    assertThat(dir.resolve("book.json")).hasContent("book");
    assertThat(dir.resolve(OutputFolder.STAGING)).doesNotExist();
    assertThat(dir.resolve(OutputFolder.PREVIOUS)).doesNotExist();
  }

  @Test
  void open_afterAMoveInterruptedHalfway_finishesIt(@TempDir Path dir) throws IOException {
    // given: the marker written, a moved aside and the new a moved in, b still staged
    Path staging = dir.resolve(OutputFolder.STAGING);
    Path previous = dir.resolve(OutputFolder.PREVIOUS);
    Files.createDirectories(staging);
    Files.createDirectories(previous);
    Files.write(staging.resolve(OutputFolder.COMPLETE), List.of("a.txt", "b.txt"));
    Files.writeString(previous.resolve("a.txt"), "old a");
    Files.writeString(dir.resolve("a.txt"), "new a");
    Files.writeString(dir.resolve("b.txt"), "old b");
    Files.writeString(staging.resolve("b.txt"), "new b");
    Files.writeString(dir.resolve("c.txt"), "old c");
    StringBuilder note = new StringBuilder();

    // when
    OutputFolder.open(dir, OUTPUTS, note);

    // then
    assertThat(note.toString()).contains("the move was finished");
    assertThat(dir.resolve("a.txt")).hasContent("new a");
    assertThat(dir.resolve("b.txt")).hasContent("new b");
    assertThat(dir.resolve("c.txt")).doesNotExist();
    assertThat(previous).doesNotExist();
  }

  @Test
  void abandon_leavesThePreviousFilesUntouched(@TempDir Path dir) throws IOException {
    // given
    Files.writeString(dir.resolve("a.txt"), "old a");
    OutputFolder folder = OutputFolder.open(dir, OUTPUTS, new StringBuilder());
    Files.writeString(folder.staged("a.txt"), "half");

    // when
    boolean untouched = folder.abandon();

    // then
    assertThat(untouched).isTrue();
    assertThat(dir.resolve("a.txt")).hasContent("old a");
    assertThat(dir.resolve(OutputFolder.STAGING)).doesNotExist();
  }

  @Test
  void abandon_afterTheMoveBegan_keepsTheMarkerForTheNextRun(@TempDir Path dir) throws IOException {
    // given: a complete run whose move into place was interrupted after the marker
    OutputFolder folder = OutputFolder.open(dir, OUTPUTS, new StringBuilder());
    Files.writeString(folder.staged("a.txt"), "new a");
    Files.write(dir.resolve(OutputFolder.STAGING).resolve(OutputFolder.COMPLETE), List.of("a.txt"));

    // when
    boolean untouched = folder.abandon();
    StringBuilder note = new StringBuilder();
    OutputFolder.open(dir, OUTPUTS, note);

    // then: nothing deleted; the next run finished the move
    assertThat(untouched).isFalse();
    assertThat(note.toString()).contains("the move was finished");
    assertThat(dir.resolve("a.txt")).hasContent("new a");
  }
}
