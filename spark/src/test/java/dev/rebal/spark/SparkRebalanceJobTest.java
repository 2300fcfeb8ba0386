package dev.rebal.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkRebalanceJobTest {
  @Test
  void options_bookAndGenerateTogether_throws() {
    assertThatThrownBy(
            () ->
                SparkRebalanceJob.options(
                    new String[] {"--book", "b.json", "--generate", "10", "--out", "o"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give the input one way");
  }

  @Test
  void options_householdsWithoutHeader_throws() {
    assertThatThrownBy(
            () -> SparkRebalanceJob.options(new String[] {"--households", "h.jsonl", "--out", "o"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--households with --header");
  }

  @Test
  void options_unknownOption_throwsNamingIt() {
    assertThatThrownBy(
            () ->
                SparkRebalanceJob.options(
                    new String[] {"--generate", "1", "--out", "o", "--threads", "2"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--threads");
  }

  @Test
  void run_householdsAndHeaderFiles_writesAnIntactOutput(@TempDir Path dir) throws IOException {
    // given: a book split into household lines and header, as a firm's export would give
    Path book = dir.resolve("book.json");
    dev.rebal.sample.BookGenerator g =
        dev.rebal.sample.BookGenerator.of(dev.rebal.sample.BookConfig.of(3));
    dev.rebal.json.BookWriter.write(book, g.asOf(), g.marketData(), g.households(25));
    BookLines.split(book, dir.resolve("households.jsonl"), dir.resolve("header.json"));
    Path out = dir.resolve("out");
    Map<String, String> options =
        SparkRebalanceJob.options(
            new String[] {
              "--households",
              dir.resolve("households.jsonl").toString(),
              "--header",
              dir.resolve("header.json").toString(),
              "--out",
              out.toString(),
              "--partitions",
              "2"
            });

    // when
    int exit = SparkRebalanceJob.run(LocalSpark.session(), options);

    // then
    assertThat(exit).isZero();
    assertThat(SparkAuditVerifier.verify(out).records()).isEqualTo(25);
    assertThat(Files.isDirectory(out.resolve("decisions"))).isTrue();
  }
}
