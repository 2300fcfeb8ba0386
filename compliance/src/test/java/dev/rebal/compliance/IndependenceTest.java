package dev.rebal.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.internal.compile.Compiler;
import dev.rebal.compliance.internal.verify.Verifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The verifier must share no code with the compiler beyond the core model and plain result values,
 * so that one bug cannot hide in both. Class names referenced by a class file appear in its
 * constant pool as UTF-8 strings, so a byte search of the compiled classes is enough.
 */
class IndependenceTest {
  private static final List<String> COMPILER_TYPES =
      List.of(
          "dev/rebal/compliance/internal/compile/", "dev/rebal/compliance/ConstraintCompiler",
          "dev/rebal/compliance/TradeConstraints", "dev/rebal/compliance/PositionConstraints",
          "dev/rebal/compliance/AccountConstraints", "dev/rebal/compliance/LotConstraints",
          "dev/rebal/compliance/ConcentrationLimit", "dev/rebal/compliance/IssuerSaleLimit",
          "dev/rebal/compliance/QuantityBound", "dev/rebal/compliance/ValueBound");
  private static final List<String> VERIFIER_TYPES =
      List.of(
          "dev/rebal/compliance/internal/verify/", "dev/rebal/compliance/TradeVerifier",
          "dev/rebal/compliance/VerificationResult", "dev/rebal/compliance/Violation");

  private static List<String> classFileTexts(Class<?> anchor)
      throws IOException, URISyntaxException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = root.resolve(anchor.getPackageName().replace('.', '/'));
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> classes =
          files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
      List<String> texts = new java.util.ArrayList<>();
      for (Path p : classes) {
        texts.add(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
      return texts;
    }
  }

  @Test
  void verifierClasses_referenceNoCompilerType() throws Exception {
    // when
    List<String> texts = classFileTexts(Verifier.class);

    // then
    assertThat(texts).hasSizeGreaterThanOrEqualTo(3);
    for (String text : texts) {
      for (String forbidden : COMPILER_TYPES) {
        assertThat(text).doesNotContain(forbidden);
      }
    }
  }

  @Test
  void compilerClasses_referenceNoVerifierType() throws Exception {
    // when
    List<String> texts = classFileTexts(Compiler.class);

    // then
    assertThat(texts).hasSizeGreaterThanOrEqualTo(3);
    for (String text : texts) {
      for (String forbidden : VERIFIER_TYPES) {
        assertThat(text).doesNotContain(forbidden);
      }
    }
  }
}
