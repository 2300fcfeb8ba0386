package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.json.BookWriter;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SampleBookProperties {
  @Property(tries = 25)
  void generate_sameSeed_givesByteIdenticalJson(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int count) throws IOException {
    // when
    byte[] a = json(seed, count);
    byte[] b = json(seed, count);

    // then
    assertThat(a).isEqualTo(b);
  }

  @Property(tries = 25)
  void generate_differentSeeds_giveDifferentJson(@ForAll long seed, @ForAll long other)
      throws IOException {
    // given
    Assume.that(seed != other);

    // when / then
    assertThat(json(seed, 1)).isNotEqualTo(json(other, 1));
  }

  static byte[] json(long seed, int count) throws IOException {
    BookGenerator generator = BookGenerator.of(BookConfig.of(seed));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, generator.asOf(), generator.marketData())) {
      generator.households(count).forEach(w::write);
    }
    return out.toByteArray();
  }
}
