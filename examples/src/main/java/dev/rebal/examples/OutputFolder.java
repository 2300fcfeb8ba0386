package dev.rebal.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output folder of a run, written so that readers only ever see a complete run: the run writes
 * into a staging folder ({@value #STAGING}) inside the output folder and its files are moved into
 * place only when all of them are complete and the audit records behind them are durable. An
 * aborted or killed run leaves the previous run's files untouched.
 *
 * <p>The move is a small journal. A {@value #COMPLETE} marker is written in the staging folder;
 * then the previous run's files are moved aside into {@value #PREVIOUS}, the new ones moved in, and
 * both work folders deleted. Each step can be repeated, so the next run finishes an interrupted
 * move: with the marker present it completes the move (the run was complete); without it, it puts
 * back any previous file moved aside and deletes the partial output. Only the run's own files are
 * moved (other files in the folder, such as a generated book, are left alone), each by a rename in
 * the same file system; the proposals folder moves as one.
 *
 * <p>The previous run's files, once moved aside, are kept: with their {@link RunRecord} they are
 * renamed into {@code runs/AS-OF/RUN-ID/} ({@link RunHistory}), and only the files of a run that
 * left no record are deleted.
 */
final class OutputFolder {
  static final String STAGING = ".rebal-partial";
  static final String PREVIOUS = ".rebal-previous";
  static final String COMPLETE = "COMPLETE";
  static final String WORK = ".work";

  private final Path dir;
  private final Path staging;

  private OutputFolder(Path dir, Path staging) {
    this.dir = dir;
    this.staging = staging;
  }

  /**
   * Opens the output folder {@code dir} for a new run: finishes or undoes what an interrupted run
   * left (returning what it did, to be told to the user) and creates an empty staging folder.
   */
  static OutputFolder open(Path dir, List<String> outputs, StringBuilder recovered)
      throws IOException {
    Files.createDirectories(dir);
    recover(dir, outputs).ifPresent(recovered::append);
    Path staging = dir.resolve(STAGING);
    Files.createDirectories(staging);
    return new OutputFolder(dir, staging);
  }

  /** The folder readers see. */
  Path dir() {
    return dir;
  }

  /** Where the run writes its file {@code name}. */
  Path staged(String name) {
    return staging.resolve(name);
  }

  /** A scratch folder for the run's work files, deleted with the staging folder. */
  Path work() {
    return staging.resolve(WORK);
  }

  /**
   * Moves the staged run into place: call when every file is complete and its audit records are
   * durable. Files of {@code outputs} the run did not write are removed from the folder.
   */
  void commit(List<String> outputs) throws IOException {
    deleteTree(work());
    List<String> produced = outputs.stream().filter(n -> Files.exists(staging.resolve(n))).toList();
    Files.write(staging.resolve(COMPLETE), produced, StandardCharsets.UTF_8);
    finish(dir, outputs);
  }

  /**
   * Deletes the staged output of an aborted run, so that the previous output stays untouched, and
   * returns true; returns false, deleting nothing, if the run was complete and its move into place
   * had begun: the next run finishes that move.
   */
  boolean abandon() {
    if (Files.exists(staging.resolve(COMPLETE))) {
      return false;
    }
    try {
      deleteTree(staging);
    } catch (IOException | UncheckedIOException e) {
      // the next run removes what is left; the previous output is untouched either way
    }
    return true;
  }

  private static Optional<String> recover(Path dir, List<String> outputs) throws IOException {
    Path staging = dir.resolve(STAGING);
    if (Files.exists(staging.resolve(COMPLETE))) {
      finish(dir, outputs);
      return Optional.of(
          "an earlier run was interrupted while its complete output was being "
              + "moved into "
              + dir
              + "; the move was finished");
    }
    // without the marker nothing was moved aside yet (or everything was moved in already)
    boolean partial;
    try (Stream<Path> entries = Files.exists(staging) ? Files.list(staging) : Stream.empty()) {
      partial = entries.findAny().isPresent();
    }
    deleteTree(staging);
    deleteTree(dir.resolve(PREVIOUS));
    return partial
        ? Optional.of(
            "an earlier run in "
                + dir
                + " did not finish; its partial "
                + "output was removed and the output before it was left untouched")
        : Optional.empty();
  }

  /**
   * Moves the previous files aside and the staged ones in, keeps the previous run under {@code
   * runs/}, then removes the marker and the staging folder. The marker lists the files the run
   * produced. Every step can be repeated after an interruption while the marker exists: a staged
   * file still there has not been moved in (the folder's file of that name is the previous one, or
   * absent); a produced file no longer staged is in place; any other output file in the folder is
   * the previous run's and is moved aside with the rest of it.
   */
  private static void finish(Path dir, List<String> outputs) throws IOException {
    Path staging = dir.resolve(STAGING);
    Path previous = dir.resolve(PREVIOUS);
    Files.createDirectories(previous);
    List<String> produced = Files.readAllLines(staging.resolve(COMPLETE), StandardCharsets.UTF_8);
    for (String name : outputs) {
      Path current = dir.resolve(name);
      Path staged = staging.resolve(name);
      boolean replace = Files.exists(staged) || !produced.contains(name);
      if (replace && Files.exists(current)) {
        deleteTree(previous.resolve(name));
        Files.move(current, previous.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      }
      if (Files.exists(staged)) {
        Files.move(staged, current, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    // the earlier run is kept under runs/ (RunHistory) before the marker goes: a repeated finish
    // finds the moved-aside folder gone or empty and only rewrites the index
    RunHistory.archive(dir, previous);
    RunHistory.writeIndex(dir);
    Files.delete(staging.resolve(COMPLETE));
    deleteTree(staging);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
