package dev.rebal.examples.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.examples.RebalMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the main job, in process, on every book of the bad-input corpus ({@link BadInputCorpus}) and
 * checks, for each: the exit status; no stack trace; the message names the household and the path
 * (or, for a refused book, the file or line and column); nothing of a bad household is released;
 * and every other household gets the same proposal file and blotter lines as in the clean run.
 */
class BadInputCorpusTest {
  static final String DIR = "/dev/rebal/examples/corpus/";

  @TempDir static Path work;
  static Run clean;

  /** One run: status, both streams, and the output folder. */
  record Run(int status, String out, String err, Path dir) {
    String summary() throws IOException {
      Path s = dir.resolve("summary.txt");
      return Files.exists(s) ? Files.readString(s) : "";
    }

    /** Returns the blotter's lines by household id (the first column). */
    Map<String, List<String>> blotter() throws IOException {
      Map<String, List<String>> out = new TreeMap<>();
      Path b = dir.resolve("blotter.csv");
      if (!Files.exists(b)) {
        return out;
      }
      List<String> lines = Files.readAllLines(b);
      for (String l : lines.subList(1, lines.size())) {
        out.computeIfAbsent(l.substring(0, l.indexOf(',')), k -> new ArrayList<>()).add(l);
      }
      return out;
    }
  }

  static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource(DIR + "manifest.tsv").toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static Run run(Path book, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path dir = work.resolve(name);
    int status =
        RebalMain.run(
            new String[] {"--book", book.toString(), "--threads", "1", "--out", dir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), dir);
  }

  @BeforeAll
  static void cleanRun() {
    clean = run(corpus().resolve("base.json.gz"), "clean");
    assertThat(clean.status()).as(clean.err()).isZero();
  }

  static Stream<String[]> cases() throws IOException {
    return Files.readAllLines(corpus().resolve("manifest.tsv")).stream()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .map(l -> l.split("\t", -1));
  }

  @Test
  void corpus_isWhatTheGeneratorWrites() throws IOException {
    // given
    List<BadInputCorpus.Case> cases = BadInputCorpus.cases();

    // then: at least 100 faults, and the committed files have not drifted from the generator
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    assertThat(cases.stream().map(BadInputCorpus.Case::manifestLine).toList())
        .isEqualTo(cases().map(c -> String.join("\t", c)).toList());
    for (BadInputCorpus.Case c : cases) {
      assertThat(Files.readAllBytes(corpus().resolve(c.file()))).as(c.file()).isEqualTo(c.bytes());
    }
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("cases")
  void mainJob_badBook_failsOnlyWhatIsBad(
      String file, String expect, String ids, String text, String about) throws IOException {
    // when
    Run r = run(corpus().resolve(file), file);

    // then: no stack trace, whatever happened
    String all = r.out() + r.err();
    assertThat(all).doesNotContain("\tat ").doesNotContain("Exception in");
    Set<String> bad = ids.equals("-") ? Set.of() : new HashSet<>(Arrays.asList(ids.split(",")));
    switch (expect) {
      case "file":
        assertThat(r.status()).as(all).isEqualTo(RebalMain.BAD_INPUT);
        assertThat(r.err()).contains(text).hasSizeLessThan(2_000);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
        return;
      case "none":
        assertThat(r.status()).as(all).isEqualTo(RebalMain.BAD_INPUT);
        assertThat(r.err()).contains(text);
        assertThat(r.blotter()).isEmpty();
        return;
      default:
        assertThat(r.status()).as(all).isZero();
    }
    String summary = r.summary();
    assertThat(summary).hasSizeLessThan(20_000);
    if (expect.equals("ok")) {
      for (String name : text.split(",")) {
        assertThat(r.dir().resolve("proposals").resolve(name + ".json")).exists();
      }
    } else if (expect.equals("hold")) {
      // the held household is listed by id, its problems with their paths below it
      int at = summary.indexOf("on hold:\n  " + String.join("", bad) + ":");
      assertThat(at).as(summary).isPositive();
      assertThat(summary.indexOf(text, at)).as(summary).isPositive();
    } else {
      // the message names the household (by id, or by index when it has none) and the path
      assertThat(summary.lines().filter(l -> l.contains(text)).toList())
          .as(summary)
          .isNotEmpty()
          .allMatch(
              l ->
                  bad.isEmpty() ? l.contains("$.households[") : bad.stream().anyMatch(l::contains));
    }
    // nothing of a bad household is released
    Map<String, List<String>> blotter = r.blotter();
    for (String id : bad) {
      assertThat(blotter).as(id).doesNotContainKey(id);
      if (expect.equals("unreadable")) {
        assertThat(r.dir().resolve("proposals").resolve(id + ".json")).doesNotExist();
      }
    }
    // every other household of the base book runs exactly as in the clean run
    Map<String, List<String>> cleanBlotter = clean.blotter();
    List<String> ids3 = BadInputCorpus.IDS;
    Set<String> altered =
        file.matches(
                "id-(duplicate|duplicate-case|file-name-characters|"
                    + "path-traversal)\\.json\\.gz")
            ? Set.of(ids3.get(0), ids3.get(2))
            : Set.of(ids3.get(1));
    for (String id : BadInputCorpus.IDS) {
      Path proposal = r.dir().resolve("proposals").resolve(id + ".json");
      if (bad.contains(id) || altered.contains(id)) {
        continue;
      }
      assertThat(Files.readString(proposal))
          .as(id)
          .isEqualTo(Files.readString(clean.dir().resolve("proposals").resolve(id + ".json")));
      assertThat(blotter.get(id)).as(id).isEqualTo(cleanBlotter.get(id));
    }
  }
}
