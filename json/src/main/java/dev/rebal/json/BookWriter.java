package dev.rebal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.json.internal.BookCodec;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a book as JSON, one household at a time, in the format described in {@link dev.rebal.json
 * the package doc}: the header and market data when opened, each household on its own line as it is
 * written, and the closing brackets on {@link #close()}. Memory use does not grow with the number
 * of households. The output is deterministic: the same book gives the same bytes.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * try (BookWriter w = BookWriter.open(out, asOf, marketData)) {
 *   households.forEach(w::write);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: write from one thread, in the order the households should appear.
 */
public final class BookWriter implements Closeable {
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .build();

  private final OutputStream out;
  private long count;
  private boolean closed;

  private BookWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Opens a writer on {@code out} and writes the header and market data. Closing the writer closes
   * {@code out}.
   *
   * @param out where the book goes
   * @param asOf the book's as-of date
   * @param marketData the book's market data
   * @return a writer ready for the households
   * @throws IOException if writing fails
   */
  public static BookWriter open(OutputStream out, LocalDate asOf, MarketData marketData)
      throws IOException {
    Checks.notNull(out, "out");
    Checks.notNull(asOf, "asOf");
    Checks.notNull(marketData, "marketData");
    BookWriter w =
        new BookWriter(
            out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16));
    w.raw("{\"format\":\"rebal-book\",\"version\":1,\"asOf\":\"" + asOf + "\",\n\"marketData\":");
    try (JsonGenerator g = FACTORY.createGenerator(w.out, JsonEncoding.UTF8)) {
      BookCodec.writeMarketData(g, marketData);
    }
    w.raw(",\n\"households\":[");
    return w;
  }

  /**
   * Writes a whole book to {@code file}, gzipped if its name ends in {@code .gz}.
   *
   * @param file the file to write
   * @param asOf the book's as-of date
   * @param marketData the book's market data
   * @param households the households, in book order
   * @return the number of households written
   * @throws IOException if writing fails
   */
  public static long write(
      Path file, LocalDate asOf, MarketData marketData, Stream<Household> households)
      throws IOException {
    Checks.notNull(file, "file");
    Checks.notNull(households, "households");
    OutputStream raw = Files.newOutputStream(file);
    OutputStream out =
        file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
    try (BookWriter w = open(out, asOf, marketData)) {
      Iterator<Household> it = households.iterator();
      while (it.hasNext()) {
        w.write(it.next());
      }
      return w.count();
    }
  }

  /**
   * Writes one household, on a line of its own.
   *
   * @param household the household
   * @throws UncheckedIOException if writing fails (so that it can be used in {@code forEach})
   * @throws IllegalStateException if the writer is closed
   */
  public void write(Household household) {
    Checks.notNull(household, "household");
    Checks.isTrue(!closed, "writer", "closed", "must be open");
    try {
      raw(count == 0 ? "\n" : ",\n");
      try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        BookCodec.writeHousehold(g, household);
      }
      count++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return the number of households written so far} */
  public long count() {
    return count;
  }

  private void raw(String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Ends the document and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      raw("\n]}\n");
      out.close();
    }
  }
}
