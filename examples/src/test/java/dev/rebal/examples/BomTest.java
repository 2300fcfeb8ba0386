package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code rebal-bom} in step with the build: it has no parent (so that importing it brings
 * only our versions), so its version and its list of artifacts are kept by hand.
 */
class BomTest {
  /** Modules that are built but not published. */
  private static final Set<String> UNPUBLISHED = Set.of("bom", "examples", "benchmarks");

  @Test
  void bom_versionIsTheParentsAndItPinsEveryPublishedModuleOnly() throws IOException {
    // given: the root POM (run from examples/, as surefire does) and the BOM
    String root = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
    String bom = Files.readString(Path.of("..", "bom", "pom.xml"), StandardCharsets.UTF_8);

    // when
    List<String> published = new ArrayList<>();
    for (String module : all(root, "<module>([^<]+)</module>")) {
      if (!UNPUBLISHED.contains(module)) {
        published.add("rebal-" + module);
      }
    }
    String managed =
        bom.substring(
            bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
    List<String> pinned = all(managed, "<artifactId>(rebal-[^<]+)</artifactId>");

    // then
    assertThat(first(bom, "<artifactId>rebal-bom</artifactId>\\s*<version>([^<]+)</version>"))
        .isEqualTo(
            first(root, "<artifactId>rebal-parent</artifactId>\\s*<version>([^<]+)</version>"));
    assertThat(pinned).containsExactlyInAnyOrderElementsOf(published);
    assertThat(bom).doesNotContain("<parent>").doesNotContain("com.google");
  }

  private static List<String> all(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1).trim());
    }
    return out;
  }

  private static String first(String text, String regex) {
    List<String> found = all(text, regex);
    assertThat(found).as(regex).isNotEmpty();
    return found.get(0);
  }
}
