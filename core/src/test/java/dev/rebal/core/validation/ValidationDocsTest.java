package dev.rebal.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps {@code docs/validation.md} in step with the codes the validator reports. */
class ValidationDocsTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `([a-z0-9.-]+)` \\| (ERROR|WARNING|INFO) \\|", Pattern.MULTILINE);

  @Test
  void docsTable_listsEveryCodeWithItsSeverity() throws IOException {
    // given
    String doc = Files.readString(Path.of("..", "docs", "validation.md"), StandardCharsets.UTF_8);
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher m = ROW.matcher(doc);
    while (m.find()) {
      documented.put(m.group(1), m.group(2));
    }
    // when
    Map<String, String> actual =
        Arrays.stream(Code.values())
            .collect(Collectors.toMap(Code::code, c -> c.severity().name()));
    // then
    assertThat(documented).isEqualTo(actual);
  }
}
