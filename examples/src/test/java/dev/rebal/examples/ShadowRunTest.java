package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main job on the bundled sample book with {@code --compare-rules} against a rule set that
 * differs from the default in one parameter ({@code review.tax.max}), and without it.
 */
class ShadowRunTest {
  @TempDir static Path dir;
  static RebalMainTest.Run plain;
  static RebalMainTest.Run shadow;

  @BeforeAll
  static void runBoth() throws IOException {
    String defaults =
        new String(
            RuleSetComparison.class
                .getResourceAsStream("/dev/rebal/core/ruleset/default.rules")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    String older =
        defaults
            .replaceFirst("(?m)^review\\.tax\\.max = .*$", "review.tax.max = 1000")
            .replaceFirst("(?m)^version = .*$", "version = 1.3.1");
    assertThat(older).contains("review.tax.max = 1000\n").isNotEqualTo(defaults);
    Path rules = Files.writeString(dir.resolve("old.rules"), older);
    // the goal outlook is left out to keep the test fast; it is the same in both runs
    plain =
        RebalMainTest.run(
            "--out", dir.resolve("plain").toString(), "--threads", "2", "--no-goal-outlook");
    shadow =
        RebalMainTest.run(
            "--out",
            dir.resolve("shadow").toString(),
            "--threads",
            "2",
            "--no-goal-outlook",
            "--compare-rules",
            rules.toString());
  }

  @Test
  void compare_namesTheChangedParameterAndTheHouseholdsLeavingReviewForTax() throws IOException {
    assertThat(plain.status()).as(plain.err()).isZero();
    assertThat(shadow.status()).as(shadow.err()).isZero();
    String text = Files.readString(dir.resolve("shadow").resolve(RuleSetComparison.FILE));
    assertThat(text)
        .contains("old: default 1.3.1, hash ")
        .contains("rule-set changes (new against old): 1\n  param:review.tax.max 1000 -> 10000\n")
        .containsPattern("\n  HH-\\d+  REVIEW \\([^)]*review\\.tax[^)]*\\) -> AUTO")
        .containsPattern("\n  HH-\\d+  -review\\.tax");
    assertThat(shadow.out())
        .contains("rule-set shadow run against default 1.3.1")
        .contains(RuleSetComparison.FILE);
    assertThat(Files.exists(dir.resolve("plain").resolve(RuleSetComparison.FILE))).isFalse();
  }

  @Test
  void compare_leavesTheRunsOwnOutputsByteIdentical() throws IOException {
    Path a = dir.resolve("plain");
    Path b = dir.resolve("shadow");
    List<String> files;
    try (Stream<Path> s = Files.walk(a)) {
      files = s.filter(Files::isRegularFile).map(p -> a.relativize(p).toString()).sorted().toList();
    }
    assertThat(files)
        .contains("blotter.csv", "review-queue.json", "audit.jsonl", "report.html")
        .hasSizeGreaterThan(200);
    for (String f : files) {
      if (!f.equals(MainJob.SUMMARY) && !f.equals(MainJob.REPORT)) {
        assertThat(Files.readAllBytes(b.resolve(f)))
            .as(f)
            .isEqualTo(Files.readAllBytes(a.resolve(f)));
      }
    }
    // report.html only gains the shadow run's section and its link
    String report = Files.readString(b.resolve(MainJob.REPORT));
    String section = report.substring(report.indexOf("<section id=\"rules-compare\">"));
    section = section.substring(0, section.indexOf("</section>\n") + "</section>\n".length());
    assertThat(section)
        .contains(
            "Rule-set shadow run", "changed outcome", "param:review.tax.max 1000 -&gt; 10000");
    assertThat(report.replace(section, "").replace(HtmlReport.RULES_NAV, ""))
        .isEqualTo(Files.readString(a.resolve(MainJob.REPORT)));
    // summary.txt only gains the shadow run's block
    String summary = Files.readString(b.resolve(MainJob.SUMMARY));
    String block = summary.substring(summary.indexOf("rule-set shadow run against"));
    block = block.substring(0, block.indexOf("\n\n") + 2);
    assertThat(summary.replace(block, "")).isEqualTo(Files.readString(a.resolve(MainJob.SUMMARY)));
  }

  @Test
  void compareRules_withScreen_isBadUsage() {
    RebalMainTest.Run r = RebalMainTest.run("--screen", "--compare-rules", "x.rules");
    assertThat(r.status()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(r.err()).contains("--compare-rules is for a rebalancing run");
  }

  @Test
  void compareRules_missingFile_isBadInput_andWritesNothing() {
    Path out = dir.resolve("missing");
    RebalMainTest.Run r =
        RebalMainTest.run(
            "--out", out.toString(), "--compare-rules", dir.resolve("nope.rules").toString());
    assertThat(r.status()).isEqualTo(RebalMain.BAD_INPUT);
    assertThat(r.err()).contains("no such file");
    assertThat(Files.exists(out.resolve(MainJob.SUMMARY))).isFalse();
  }
}
