package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.json.BookReader;
import dev.rebal.json.BookWriter;
import dev.rebal.json.HouseholdRead;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SampleBookTest {
  @Test
  void shippedBook_equalsAFreshGenerationWithTheSameSeed() throws IOException {
    // given
    BookGenerator generator = BookGenerator.of(SampleBook.config());
    ByteArrayOutputStream fresh = new ByteArrayOutputStream();

    // when
    try (BookWriter w = BookWriter.open(fresh, generator.asOf(), generator.marketData())) {
      generator.households(SampleBook.COUNT).forEach(w::write);
    }
    byte[] shipped;
    try (InputStream in =
        new GZIPInputStream(SampleBook.class.getResourceAsStream(SampleBook.RESOURCE))) {
      shipped = in.readAllBytes();
    }

    // then: regenerate with RebalMain --generate 200 --seed 42 --realistic-start if this fails on
    // purpose
    assertThat(shipped).isEqualTo(fresh.toByteArray());
  }

  @Test
  void open_sampleBook_readsEveryHousehold() throws IOException {
    // when
    long ok;
    try (BookReader book = SampleBook.open()) {
      ok = book.households().filter(HouseholdRead::isOk).count();
    }

    // then
    assertThat(ok).isEqualTo(SampleBook.COUNT);
  }
}
