package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebal-json} on the oldest Jackson it supports ({@code rebal.oldest-jackson.version} in the
 * parent pom): a book written with the Jackson we ship is read back, every household whole, by
 * {@link BookReader} loaded in a class loader that sees that older Jackson instead of ours.
 */
class OldestJacksonTest {

  @Test
  void bookReader_onTheOldestSupportedJackson_readsEveryHousehold(@TempDir Path dir)
      throws Exception {
    // given: 25 generated households written with the Jackson the build uses
    BookGenerator book = BookGenerator.of(BookConfig.of(42));
    Path file = dir.resolve("book.json.gz");
    Stream<dev.rebal.core.household.Household> households =
        LongStream.range(0, 25).mapToObj(book::household);
    BookWriter.write(file, book.asOf(), book.marketData(), households);

    // when: read in a class loader with our classes and the oldest Jackson
    long read;
    try (URLClassLoader loader =
        new URLClassLoader(oldestJacksonClassPath(), ClassLoader.getPlatformClassLoader())) {
      Class<?> reader = loader.loadClass(BookReader.class.getName());
      assertThat(reader.getClassLoader()).isSameAs(loader);
      assertThat(
              loader
                  .loadClass("com.fasterxml.jackson.databind.ObjectMapper")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toString())
          .contains("jackson-databind-" + property("rebal.oldest-jackson.version") + ".jar");
      Object open = reader.getMethod("open", Path.class).invoke(null, file);
      Method next = reader.getMethod("next");
      read = 0;
      for (Optional<?> r = (Optional<?>) next.invoke(open);
          r.isPresent();
          r = (Optional<?>) next.invoke(open)) {
        Object household = r.get();
        assertThat((boolean) household.getClass().getMethod("isOk").invoke(household)).isTrue();
        read++;
      }
      ((AutoCloseable) open).close();
    }

    // then
    assertThat(read).isEqualTo(25);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value)
        .as("system property %s (set by json/pom.xml for surefire)", name)
        .isNotBlank();
    return value;
  }

  /** This test's class path with the oldest Jackson's jars in place of ours. */
  private static URL[] oldestJacksonClassPath() throws Exception {
    Path oldest = Path.of(property("rebal.oldest-jackson"));
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> jars = Files.list(oldest)) {
      for (Path jar : jars.sorted().toList()) {
        urls.add(jar.toUri().toURL());
      }
    }
    assertThat(urls).hasSize(3);
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isBlank() && !Path.of(e).getFileName().toString().startsWith("jackson-")) {
        urls.add(Path.of(e).toUri().toURL());
      }
    }
    return urls.toArray(new URL[0]);
  }
}
