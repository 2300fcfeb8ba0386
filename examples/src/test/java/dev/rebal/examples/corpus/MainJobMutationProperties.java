package dev.rebal.examples.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rebal.core.household.Household;
import dev.rebal.examples.RebalMain;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdLines;
import dev.rebal.json.HouseholdRead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutates one household of a valid book at random (a byte, a deleted run, a duplicated run, a
 * number) and runs the main job on it, in process: it never throws, never prints a stack trace,
 * finishes within a time bound, releases no trade for the household when its input became
 * unreadable, and releases exactly the clean run's proposals and blotter lines for every other
 * household.
 */
class MainJobMutationProperties {
  /** The time bound for one run of three households, generous for a loaded CI machine. */
  static final Duration BOUND = Duration.ofSeconds(60);

  static final String BASE = BadInputCorpus.baseBook();
  static final String[] LINES = BASE.split("\n", -1);
  static final Path WORK = tempDir();
  static final Outcome CLEAN = run(BASE, "clean");

  enum Kind {
    BYTE,
    DELETE,
    DUPLICATE,
    NUMBER
  }

  /** One mutation of household {@code household} (0 to 2). */
  record Mutation(int household, Kind kind, int position, String text, int length) {
    String apply(String line) {
      int at = position % line.length();
      switch (kind) {
        case BYTE:
          return line.substring(0, at) + text + line.substring(at + 1);
        case DELETE:
          return line.substring(0, at) + line.substring(Math.min(line.length(), at + length));
        case DUPLICATE:
          int end = Math.min(line.length(), at + length);
          return line.substring(0, end) + line.substring(at, end) + line.substring(end);
        default:
          Matcher m = Pattern.compile("(?<=:)-?[0-9][0-9.eE+-]*").matcher(line);
          List<int[]> spans = new ArrayList<>();
          while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
          }
          int[] s = spans.get(position % spans.size());
          return line.substring(0, s[0]) + text + line.substring(s[1]);
      }
    }
  }

  /** The outcome of one run: status, streams, proposals and blotter lines by household id. */
  record Outcome(
      int status,
      String streams,
      Map<String, String> proposals,
      Map<String, List<String>> blotter) {}

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<String> bytes =
        Arbitraries.of(
            "{", "}", "[", "]", ",", ":", "\"", "\\", "0", "9", "-", ".", "e", "x", " ", "\t",
            "\u00e9", "NaN", "null", "}}", "]]");
    Arbitrary<String> numbers =
        Arbitraries.oneOf(
            Arbitraries.of(
                "1e999999999",
                "-1e999999999",
                "1e-999999999",
                "1e10000000",
                "1e400",
                "9".repeat(40),
                "NaN",
                "Infinity",
                "0",
                "-0",
                "-1",
                "0.0000001",
                "1e",
                "01",
                "\"1\"",
                "null",
                "true",
                "[]",
                "{}"),
            Arbitraries.bigDecimals()
                .between(new java.math.BigDecimal("-1e20"), new java.math.BigDecimal("1e20"))
                .ofScale(3)
                .map(d -> d.toPlainString()));
    Arbitrary<Kind> kinds = Arbitraries.of(Kind.values());
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            kinds,
            Arbitraries.integers().between(0, 1_000_000),
            bytes,
            numbers,
            Arbitraries.integers().between(1, 12))
        .as((h, k, p, b, n, len) -> new Mutation(h, k, p, k == Kind.NUMBER ? n : b, len));
  }

  @Property(tries = 30)
  void mainJob_mutatedHousehold_failsOnlyThatHousehold(@ForAll("mutations") Mutation m)
      throws IOException {
    // given
    String[] lines = LINES.clone();
    int line = 3 + m.household();
    lines[line] = m.apply(lines[line]);
    String book = String.join("\n", lines);
    String id = BadInputCorpus.IDS.get(m.household());
    boolean readable = readable(lines[line], m.household());
    Statistics.label("mutation").collect(m.kind(), readable ? "still readable" : "unreadable");
    Statistics.label("household").collect(readable ? "still readable" : "unreadable");
    Statistics.label("household").coverage(c -> c.check("unreadable").percentage(p -> p > 30));

    // when: never throws, never hangs
    Outcome r = assertTimeoutPreemptively(BOUND, () -> run(book, "m"));

    // then
    assertThat(r.streams()).doesNotContain("\tat ").doesNotContain("Exception in");
    assertThat(r.status()).as(r.streams()).isZero();
    if (!readable) {
      // nothing is released for the household, under its id or any other id
      Set<String> released = new HashSet<>(r.blotter().keySet());
      released.removeAll(CLEAN.blotter().keySet());
      assertThat(released).as("trades under a new id").isEmpty();
      assertThat(r.blotter()).doesNotContainKey(id);
    }
    Set<String> collided = collisions(book, m.household());
    for (int j = 0; j < 3; j++) {
      String other = BadInputCorpus.IDS.get(j);
      if (j == m.household() || collided.contains(other.toLowerCase(Locale.ROOT))) {
        continue;
      }
      assertThat(r.proposals().get(other)).as(other).isEqualTo(CLEAN.proposals().get(other));
      assertThat(r.blotter().get(other)).as(other).isEqualTo(CLEAN.blotter().get(other));
    }
  }

  /** Returns whether the mutated household line still reads, on its own, into a household. */
  static boolean readable(String line, int household) {
    boolean last = household == 2;
    if (!last && !line.endsWith(",")) {
      return false;
    }
    String body = last ? line : line.substring(0, line.length() - 1);
    HouseholdRead read = HouseholdLines.read(household, body);
    return read.household()
        .map(Household::id)
        .map(i -> i.value().length() <= BookReader.MAX_ID_LENGTH)
        .orElse(false);
  }

  /** Returns the other households' ids (lower case) that the mutated one's id now collides with. */
  static Set<String> collisions(String book, int household) throws IOException {
    try (BookReader r =
        BookReader.open(new java.io.ByteArrayInputStream(book.getBytes(StandardCharsets.UTF_8)))) {
      List<String> ids = r.ids();
      Set<String> out = new HashSet<>();
      Optional<String> mine =
          ids.size() > household ? Optional.of(ids.get(household)) : Optional.empty();
      for (String id : ids) {
        if (mine.isPresent() && id.equalsIgnoreCase(mine.get())) {
          out.add(id.toLowerCase(Locale.ROOT));
        }
      }
      // an element added or lost shifts the indexes: then every id seen twice counts
      Map<String, Integer> seen = new TreeMap<>();
      ids.forEach(i -> seen.merge(i.toLowerCase(Locale.ROOT), 1, Integer::sum));
      seen.forEach(
          (i, n) -> {
            if (n > 1) {
              out.add(i);
            }
          });
      return out;
    }
  }

  static Outcome run(String book, String name) {
    try {
      Path dir = Files.createTempDirectory(WORK, name);
      Path file = dir.resolve("book.json");
      Files.writeString(file, book, StandardCharsets.UTF_8);
      ByteArrayOutputStream streams = new ByteArrayOutputStream();
      PrintStream ps = new PrintStream(streams, true, StandardCharsets.UTF_8);
      int status =
          RebalMain.run(
              new String[] {
                "--book", file.toString(), "--threads", "1", "--out", dir.resolve("out").toString()
              },
              ps,
              ps);
      Map<String, String> proposals = new TreeMap<>();
      Path pdir = dir.resolve("out").resolve("proposals");
      if (Files.isDirectory(pdir)) {
        try (Stream<Path> s = Files.list(pdir)) {
          for (Path p : s.toList()) {
            String f = p.getFileName().toString();
            proposals.put(f.substring(0, f.length() - ".json".length()), Files.readString(p));
          }
        }
      }
      Map<String, List<String>> blotter = new TreeMap<>();
      Path b = dir.resolve("out").resolve("blotter.csv");
      if (Files.exists(b)) {
        List<String> rows = Files.readAllLines(b);
        for (String l : rows.subList(1, rows.size())) {
          blotter.computeIfAbsent(l.substring(0, l.indexOf(',')), k -> new ArrayList<>()).add(l);
        }
      }
      delete(dir);
      return new Outcome(status, streams.toString(StandardCharsets.UTF_8), proposals, blotter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("rebal-mutations");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    delete(WORK);
  }
}
