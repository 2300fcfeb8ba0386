package dev.rebal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.json.internal.BookCodec;
import dev.rebal.json.internal.MappingException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Reads a book written by {@link BookWriter}, one household at a time: the as-of date and market
 * data are read when the reader is opened, then {@link #next()} or {@link #households()} reads the
 * households in order. Only one household is in memory at a time, so a book of any size can be
 * read. Gzipped input is detected and unpacked.
 *
 * <p>Errors: malformed JSON, or a header or market data that does not match the format, throws
 * {@link BookFormatException} with line, column and JSON path; no more households can be read after
 * that. A household that is well-formed JSON but cannot be built is returned as a failed {@link
 * HouseholdRead} naming its id and the path of the bad field, and reading goes on.
 *
 * <p>Usage:
 * <pre>{@code
 * try (BookReader book = BookReader.open(Path.of("book.json.gz"))) {
 *   MarketData market = book.marketData();
 *   book.households().forEach(read -> ...);
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class BookReader implements Closeable {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private final JsonParser parser;
  private final LocalDate asOf;
  private final MarketData marketData;
  private long index;
  private boolean done;

  private BookReader(JsonParser parser, LocalDate asOf, MarketData marketData) {
    this.parser = parser;
    this.asOf = asOf;
    this.marketData = marketData;
  }

  /**
   * Opens {@code file} and reads its header and market data.
   *
   * @throws IOException if the file cannot be read
   * @throws BookFormatException if the header or market data is malformed
   */
  public static BookReader open(Path file) throws IOException {
    Checks.notNull(file, "file");
    return open(Files.newInputStream(file));
  }

  /**
   * Opens a reader on {@code in} (plain or gzipped JSON) and reads its header and market data.
   * Closing the reader closes {@code in}.
   *
   * @throws IOException if the stream cannot be read
   * @throws BookFormatException if the header or market data is malformed
   */
  public static BookReader open(InputStream in) throws IOException {
    Checks.notNull(in, "in");
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    InputStream source = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    JsonParser parser = FACTORY.createParser(source);
    try {
      return readHeader(parser);
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  private static BookReader readHeader(JsonParser p) throws IOException {
    LocalDate asOf = null;
    MarketData marketData = null;
    try {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "the book must be a JSON object");
      while (true) {
        JsonToken t = p.nextToken();
        if (t != JsonToken.FIELD_NAME) {
          throw error(p, "the book has no households array");
        }
        String field = p.currentName();
        p.nextToken();
        JsonLocation at = p.currentTokenLocation();
        JsonNode value;
        switch (field) {
          case "format":
            value = MAPPER.readTree(p);
            if (!value.isTextual() || !"rebal-book".equals(value.textValue())) {
              throw error(p, at, "$.format", "must be \"rebal-book\", was " + value);
            }
            break;
          case "version":
            value = MAPPER.readTree(p);
            if (!value.isInt() || value.intValue() != 1) {
              throw error(p, at, "$.version", "must be 1, was " + value);
            }
            break;
          case "asOf":
            asOf = map(p, at, () -> BookCodec.date(readTree(p), "$.asOf"));
            break;
          case "marketData":
            JsonNode md = MAPPER.readTree(p);
            marketData = map(p, at, () -> BookCodec.readMarketData(md, "$.marketData"));
            break;
          case "households":
            if (asOf == null || marketData == null) {
              throw error(p, at, "$.households", "asOf and marketData must come before households");
            }
            expect(p, p.currentToken(), JsonToken.START_ARRAY, "households must be an array");
            return new BookReader(p, asOf, marketData);
          default:
            throw error(p, at, "$." + field, "unknown field");
        }
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static JsonNode readTree(JsonParser p) {
    try {
      return MAPPER.readTree(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Mapping<T> {
    T map();
  }

  private static <T> T map(JsonParser p, JsonLocation at, Mapping<T> mapping) {
    try {
      return mapping.map();
    } catch (MappingException e) {
      throw error(p, at, e.path(), e.detail());
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof JsonProcessingException) {
        throw malformed((JsonProcessingException) e.getCause());
      }
      throw e;
    }
  }

  /** Returns the book's as-of date. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Returns the book's market data. */
  public MarketData marketData() {
    return marketData;
  }

  /**
   * Reads the next household, if any.
   *
   * @throws BookFormatException if the JSON is malformed; no more households can be read after it
   * @throws UncheckedIOException if the input cannot be read
   */
  public Optional<HouseholdRead> next() {
    if (done) {
      return Optional.empty();
    }
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        done = true;
        expect(parser, parser.nextToken(), JsonToken.END_OBJECT,
            "the book must end after the households array");
        if (parser.nextToken() != null) {
          throw error(parser, "unexpected content after the end of the book");
        }
        return Optional.empty();
      }
      String path = "$.households[" + index + "]";
      if (t != JsonToken.START_OBJECT) {
        done = true;
        throw error(parser, parser.currentTokenLocation(), path, "must be an object, was " + t);
      }
      JsonNode node = MAPPER.readTree(parser);
      long i = index++;
      try {
        Household h = BookCodec.readHousehold(node, path);
        return Optional.of(HouseholdRead.of(i, h));
      } catch (MappingException e) {
        String id = BookCodec.idOf(node).orElse("#" + i);
        return Optional.of(HouseholdRead.failed(new ReadFailure(i, id, e.path(), e.detail())));
      }
    } catch (JsonProcessingException e) {
      done = true;
      throw malformed(e);
    } catch (IOException e) {
      done = true;
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the remaining households as a sequential, lazily read stream. It must be consumed before
   * the reader is closed.
   */
  public Stream<HouseholdRead> households() {
    Iterator<HouseholdRead> it = new Iterator<>() {
      private final Deque<HouseholdRead> ahead = new ArrayDeque<>(1);

      @Override
      public boolean hasNext() {
        if (ahead.isEmpty()) {
          BookReader.this.next().ifPresent(ahead::add);
        }
        return !ahead.isEmpty();
      }

      @Override
      public HouseholdRead next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more households");
        }
        return ahead.remove();
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Closes the underlying input. */
  @Override
  public void close() throws IOException {
    parser.close();
  }

  // ---- errors ----

  private static void expect(JsonParser p, JsonToken seen, JsonToken wanted, String message) {
    if (seen != wanted) {
      throw error(p, message + ", found " + (seen == null ? "end of input" : seen.asString()));
    }
  }

  private static BookFormatException error(JsonParser p, String message) {
    return error(p, p.currentTokenLocation(), path(p.getParsingContext()), message);
  }

  private static BookFormatException error(JsonParser p, JsonLocation at, String path,
      String message) {
    return new BookFormatException(at.getLineNr(), at.getColumnNr(), path, message, null);
  }

  private static BookFormatException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String path = e.getProcessor() instanceof JsonParser
        ? path(((JsonParser) e.getProcessor()).getParsingContext()) : "$";
    return new BookFormatException(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
        path, "malformed JSON: " + e.getOriginalMessage(), e);
  }

  /** Returns e.g. {@code $.households[3].accounts[0].cash} for a parser context. */
  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    return "$" + String.join("", parts);
  }
}
