package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalCommandTest {
  /** What parsing printed and returned. */
  private record Parse(RebalCommand.Parsed parsed, String out, String err) {}

  private static Parse parse(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RebalCommand.Parsed p =
        RebalCommand.parse(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Parse(p, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void parse_optEqualsValue_givesTheSameOptionsAsOptSpaceValue() {
    // when
    RebalMain.Options spaced =
        parse(
                "--book",
                "b.json",
                "--as-of",
                "2026-06-30",
                "--rules",
                "r.rules",
                "--threads",
                "3",
                "--out",
                "o",
                "--state-url",
                "jdbc:h2:mem:x",
                "--compare-rules",
                "old.rules",
                "--audit-head",
                "head.txt")
            .parsed()
            .options();
    RebalMain.Options equals =
        parse(
                "--book=b.json",
                "--as-of=2026-06-30",
                "--rules=r.rules",
                "--threads=3",
                "--out=o",
                "--state-url=jdbc:h2:mem:x",
                "--compare-rules=old.rules",
                "--audit-head=head.txt")
            .parsed()
            .options();

    // then
    for (RebalMain.Options o : List.of(spaced, equals)) {
      assertThat(o.book).isEqualTo(Path.of("b.json"));
      assertThat(o.asOf).isEqualTo(LocalDate.of(2026, 6, 30));
      assertThat(o.rules).isEqualTo(Path.of("r.rules"));
      assertThat(o.threads).isEqualTo(3);
      assertThat(o.outDir()).isEqualTo(Path.of("o"));
      assertThat(o.stateUrl).isEqualTo("jdbc:h2:mem:x");
      assertThat(o.compareRules).isEqualTo(Path.of("old.rules"));
      assertThat(o.auditHead).isEqualTo(Path.of("head.txt"));
    }
  }

  @Test
  void parse_generateAndSeedWithEquals_areNumbers() {
    RebalMain.Options o =
        parse("--generate=100", "--seed=7", "--realistic-start").parsed().options();
    assertThat(o.generate).isEqualTo(100);
    assertThat(o.seed).isEqualTo(7);
    assertThat(o.realisticStart).isTrue();
  }

  @Test
  void parse_mistypedOption_isBadUsageWithTheOptionMeantAndTheShortUsage() {
    // when
    Parse p = parse("--boook", "x.json");

    // then
    assertThat(p.parsed().exitNow()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(p.err())
        .startsWith("error: unknown option: --boook\n")
        .contains("did you mean: --book?")
        .contains("Usage:\n  rebal [--book FILE]")
        .contains("Try 'rebal --help' for the options and exit statuses.")
        .doesNotContain("Exception");
    assertThat(p.out()).isEmpty();
    assertThat(p.err().lines().count()).isLessThan(12);
  }

  @Test
  void parse_strayArgument_isBadUsage() {
    Parse p = parse("book.json");
    assertThat(p.parsed().exitNow()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(p.err()).startsWith("error: unexpected argument: book.json");
  }

  @Test
  void parse_optionWithoutValue_namesTheOption() {
    assertThat(parse("--out").err()).startsWith("error: --out: missing value");
    assertThat(parse("--out", "--book", "b").err()).startsWith("error: --out: missing value");
    assertThat(parse("--threads=x").err()).startsWith("error: --threads: not a whole number");
  }

  @Test
  void parse_version_printsRebalsVersionAndTheDefaultRuleSet() {
    // when
    Parse p = parse("--version");

    // then
    assertThat(p.parsed().exits()).isTrue();
    assertThat(p.parsed().exitNow()).isZero();
    assertThat(RebalCommand.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(p.out())
        .startsWith("rebal " + RebalCommand.version() + "\n")
        .contains("default rule set: default ")
        .contains("sha-256 ");
    assertThat(parse("-V").out()).isEqualTo(p.out());
  }

  @Test
  void parse_help_listsEveryOptionAndTheExitStatuses() {
    // when
    Parse p = parse("--help");

    // then
    assertThat(p.parsed().exitNow()).isZero();
    assertThat(p.out()).startsWith("Usage:\n  rebal ");
    for (String option :
        List.of(
            "--book",
            "--as-of",
            "--rules",
            "--threads",
            "--out",
            "--audit-head",
            "--state",
            "--state-url",
            "--goal-outlook",
            "--no-goal-outlook",
            "--assumptions",
            "--compare-rules",
            "--screen",
            "--generate",
            "--seed",
            "--realistic-start",
            "--verify-audit",
            "--expect-head",
            "--help",
            "--version")) {
      assertThat(p.out()).contains(option + " ").as(option);
    }
    assertThat(p.out())
        .contains("Exit status:\n  0   done")
        .contains("\n  1   bad input")
        .contains("\n  2   bad usage")
        .contains("\n  3   an audit log that does not verify");
    assertThat(parse("-h").out()).isEqualTo(p.out());
  }

  @Test
  void parse_expectHeadFromAFile_isNotTakenForAnArgumentFile() {
    RebalMain.Options o =
        parse("--verify-audit", "audit.jsonl", "--expect-head", "@head.txt").parsed().options();
    assertThat(o.expectHead).isEqualTo("@head.txt");
  }

  @Test
  void parse_optionGivenTwice_keepsTheLastValue() {
    assertThat(parse("--threads", "2", "--threads=4").parsed().options().threads).isEqualTo(4);
  }

  @Test
  void parse_goalOutlookBothWays_isBadUsage() {
    Parse p = parse("--goal-outlook", "--no-goal-outlook");
    assertThat(p.parsed().exitNow()).isEqualTo(RebalMain.BAD_USAGE);
    assertThat(p.err())
        .startsWith("error: --goal-outlook and --no-goal-outlook cannot be combined");
    assertThat(parse("--no-goal-outlook").parsed().options().goalOutlook()).isFalse();
    assertThat(parse().parsed().options().goalOutlook()).isTrue();
  }
}
