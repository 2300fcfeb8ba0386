package dev.rebal.examples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs an output folder keeps. The latest complete run's files are at the top of the folder, as
 * the README lists them, with its {@link RunRecord}; when a later run is moved into place, the
 * earlier run's files are moved (renamed, not copied) into {@code runs/AS-OF/RUN-ID/}, so every run
 * stays readable as it was written. {@value #INDEX} lists every run kept, oldest first, with its
 * folder ({@code .} for the latest). Run ids count the runs of the folder: {@code run-0001}, {@code
 * run-0002}, ...: no clock is read, and two fresh folders given the same book, date and rule set
 * hold the same bytes.
 *
 * <p>Nothing is ever deleted here: an operator removes old runs under {@code runs/} when they are
 * no longer needed (a run's proposals hold a file per household).
 */
final class RunHistory {
  /** The folder of the earlier runs, inside the output folder. */
  static final String RUNS = "runs";

  /** The index of the runs kept, inside {@value #RUNS}. */
  static final String INDEX = "index.tsv";

  static final String INDEX_HEADER = "run\tas_of\trule_set\thouseholds\tauto\treview\tfolder";

  private RunHistory() {}

  /** Returns the id the next run in output folder {@code dir} gets. */
  static String nextRunId(Path dir) throws IOException {
    long last = 0;
    Optional<RunRecord> latest = RunRecord.read(dir);
    if (latest.isPresent()) {
      last = RunRecord.number(latest.get().runId());
    }
    for (Path run : archived(dir)) {
      last = Math.max(last, runNumber(run));
    }
    return RunRecord.id(last + 1);
  }

  /**
   * Keeps the earlier run whose files were moved aside into {@code previous}: renames the folder to
   * {@code runs/AS-OF/RUN-ID} if it holds a run record, and deletes it otherwise (the files of a
   * run written before runs were recorded, or nothing). Can be repeated after an interruption.
   */
  static void archive(Path dir, Path previous) throws IOException {
    if (!Files.exists(previous)) {
      return;
    }
    Optional<RunRecord> record = RunRecord.read(previous);
    if (record.isEmpty()) {
      OutputFolder.deleteTree(previous);
      return;
    }
    Path day = dir.resolve(RUNS).resolve(record.get().asOf().toString());
    Files.createDirectories(day);
    Path target = day.resolve(record.get().runId());
    for (int i = 2; Files.exists(target); i++) {
      // not expected (run ids only grow); keep both rather than lose one
      target = day.resolve(record.get().runId() + "-" + i);
    }
    Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Rewrites {@value #INDEX} from the runs the folder holds; nothing if it holds none. */
  static void writeIndex(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    List<Path> folders = new ArrayList<>(archived(dir));
    Optional<RunRecord> latest = RunRecord.read(dir);
    if (latest.isEmpty() && folders.isEmpty()) {
      return;
    }
    folders.sort(Comparator.comparingLong((Path p) -> runNumber(p)).thenComparing(Path::toString));
    for (Path f : folders) {
      Optional<RunRecord> r = RunRecord.read(f);
      if (r.isPresent()) {
        lines.add(line(r.get(), dir.relativize(f).toString().replace('\\', '/')));
      }
    }
    latest.ifPresent(r -> lines.add(line(r, ".")));
    Path runs = dir.resolve(RUNS);
    Files.createDirectories(runs);
    Path tmp = runs.resolve(INDEX + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(INDEX_HEADER + "\n");
      for (String l : lines) {
        w.write(l + "\n");
      }
    }
    Files.move(
        tmp,
        runs.resolve(INDEX),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static String line(RunRecord r, String folder) {
    return String.join(
        "\t",
        r.runId(),
        r.asOf().toString(),
        r.text("rule-set"),
        r.text("households"),
        r.text("auto"),
        r.text("review"),
        folder);
  }

  /** The run number of an archived run's folder ({@code run-0003}, or {@code run-0003-2}). */
  private static long runNumber(Path folder) {
    return RunRecord.number(
        folder.getFileName().toString().replaceFirst("^(run-\\d+)-\\d+$", "$1"));
  }

  /** The folders of the archived runs: {@code runs/AS-OF/RUN-ID}. */
  private static List<Path> archived(Path dir) throws IOException {
    Path runs = dir.resolve(RUNS);
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> days = Files.list(runs)) {
      for (Path day : days.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> ids = Files.list(day)) {
          ids.filter(Files::isDirectory).filter(p -> runNumber(p) >= 0).sorted().forEach(out::add);
        }
      }
    }
    return out;
  }
}
