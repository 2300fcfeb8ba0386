package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the README's example as a consumer of {@code rebal-engine} would: against the class path
 * Maven gives such a consumer (our jars and their runtime dependencies, written by the dependency
 * plugin; no Immutables, no test libraries), with {@code -Xlint:all -Werror}, and runs it. A
 * warning from our jars (for example about an annotation a generated class carries) fails it, as it
 * would fail the consumer's build.
 */
class ConsumerCompileTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void readmeExample_compiledWithAllLintAsErrors_compilesCleanAndRebalances(@TempDir Path dir)
      throws Exception {
    // given: the README's example class and a consumer's class path
    List<String> classPath = consumerClassPath();

    // when
    String printed = compileAndRunReadmeExample(dir, classPath);

    // then: no warning at all (checked when compiling), and the example decides its household
    assertThat(printed)
        .contains("household HH-1")
        .contains("outcome AUTO")
        .contains("trigger trigger.threshold")
        .contains("trade SELL TAX-1 VTI")
        .contains("trade BUY TAX-1 BND");
  }

  @Test
  void readmeExample_onTheOldestSupportedGuava_compilesAndRebalances(@TempDir Path dir)
      throws Exception {
    // given: the consumer's class path with the oldest Guava we support instead of ours
    String oldest = property("rebal.oldest-guava");
    List<String> classPath = new ArrayList<>();
    for (String e : consumerClassPath()) {
      boolean guava = Path.of(e).getFileName().toString().matches("guava-\\d.*\\.jar");
      classPath.add(guava ? oldest : e);
    }
    assertThat(classPath).contains(oldest);

    // when
    String printed = compileAndRunReadmeExample(dir, classPath);

    // then
    assertThat(printed).contains("outcome AUTO").contains("trade SELL TAX-1 VTI");
  }

  @Test
  void consumerClassPath_hasOurJarsAndGuavaButNoImmutablesNorAnnotationOnlyJars()
      throws IOException {
    // given / when
    List<String> classPath = consumerClassPath();

    // then: what a consumer of rebal-engine resolves, and what it is spared
    assertThat(classPath)
        .anyMatch(e -> e.contains("guava-"))
        .anyMatch(e -> e.contains("failureaccess-"))
        .anyMatch(e -> e.contains("commons-math3-"))
        .noneMatch(e -> e.contains("org/immutables") || e.contains("org\\immutables"))
        .noneMatch(e -> e.contains("j2objc-annotations"))
        .noneMatch(e -> e.contains("listenablefuture"))
        .noneMatch(e -> e.contains("jspecify"))
        .noneMatch(e -> e.contains("junit") || e.contains("assertj") || e.contains("jqwik"));
  }

  /**
   * Compiles the README's example against {@code classPath} with {@code -Xlint:all -Werror},
   * asserts that the compiler said nothing, runs it and returns what it printed.
   */
  private static String compileAndRunReadmeExample(Path dir, List<String> classPath)
      throws Exception {
    Path src =
        Files.writeString(
            dir.resolve("FirstRebalance.java"),
            readmeBlockDeclaring("public class FirstRebalance"));
    Path out = Files.createDirectories(dir.resolve("classes"));
    StringWriter diagnostics = new StringWriter();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of(
                    "-Xlint:all",
                    "-Werror",
                    "--release",
                    "17",
                    "-d",
                    out.toString(),
                    "-classpath",
                    String.join(File.pathSeparator, classPath)),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(src.toFile()))
            .call();
    assertThat(diagnostics.toString()).isEmpty();
    assertThat(compiled).isTrue();
    return runMain(out, classPath, "FirstRebalance");
  }

  /** Returns the one fenced Java block of the README that contains {@code marker}. */
  static String readmeBlockDeclaring(String marker) throws IOException {
    String readme = Files.readString(Path.of(property("rebal.readme")), StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme.replace("\r\n", "\n"));
    while (m.find()) {
      if (m.group(1).contains(marker)) {
        found.add(m.group(1));
      }
    }
    assertThat(found).as("README Java blocks containing '%s'", marker).hasSize(1);
    return found.get(0);
  }

  /** Engine's own classes, then its runtime dependencies as the dependency plugin wrote them. */
  static List<String> consumerClassPath() throws IOException {
    List<String> entries = new ArrayList<>();
    entries.add(property("rebal.consumer.classes"));
    String written =
        Files.readString(Path.of(property("rebal.consumer.classpath")), StandardCharsets.UTF_8)
            .trim();
    for (String e : written.split(Pattern.quote(File.pathSeparator))) {
      if (!e.isBlank()) {
        entries.add(e);
      }
    }
    return entries;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value)
        .as("system property %s (set by engine/pom.xml for surefire)", name)
        .isNotBlank();
    return value;
  }

  /**
   * Runs {@code mainClass} in a class loader that sees only the consumer's class path (the JDK as
   * parent, not this test's class path) and returns what it printed.
   */
  private static String runMain(Path classes, List<String> classPath, String mainClass)
      throws Exception {
    List<URL> urls = new ArrayList<>();
    urls.add(classes.toUri().toURL());
    for (String e : classPath) {
      urls.add(Path.of(e).toUri().toURL());
    }
    PrintStream saved = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(saved);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
