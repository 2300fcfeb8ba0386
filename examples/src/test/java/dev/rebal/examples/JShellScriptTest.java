package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
import dev.rebal.json.BookReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code jshell/rebalance-one.jsh} in JShell (the {@code jdk.jshell} API, executing in this
 * JVM on the test class path) and checks it rebalances the household the script says.
 */
class JShellScriptTest {
  static final Path SCRIPT = Path.of("jshell", "rebalance-one.jsh");

  @Test
  void script_eachSnippet_runsAndDecidesTheFirstHousehold() throws IOException {
    // given: the script without its comments and JShell commands (/exit)
    String source =
        Files.readAllLines(SCRIPT, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith("//") && !l.startsWith("/"))
            .collect(Collectors.joining("\n"));
    Decision expected;
    try (BookReader book = SampleBook.open()) {
      Household first = book.next().orElseThrow().household().orElseThrow();
      expected = Rebalancer.standard().rebalance(first, book.marketData(), book.asOf());
    }

    // when
    String text;
    try (JShell js = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        js.addToClasspath(entry);
      }
      SourceCodeAnalysis analysis = js.sourceCodeAnalysis();
      String rest = source;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        List<SnippetEvent> events = js.eval(info.source());
        for (SnippetEvent e : events) {
          assertThat(e.exception()).as(info.source()).isNull();
          assertThat(e.status()).as(info.source()).isNotEqualTo(Snippet.Status.REJECTED);
        }
        rest = info.remaining();
      }
      List<SnippetEvent> result =
          js.eval(
              "decision.canonicalText().equals(\""
                  + expected
                      .canonicalText()
                      .replace("\\", "\\\\")
                      .replace("\"", "\\\"")
                      .replace("\n", "\\n")
                  + "\")");
      text = result.get(0).value();
    }

    // then
    assertThat(text).isEqualTo("true");
  }
}
