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
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.json.internal.BookCodec;
import dev.rebal.json.internal.HouseholdSplitter;
import dev.rebal.json.internal.MappingException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * <p>Errors: a header or market data that does not match the format, or a book that does not end
 * properly, throws {@link BookFormatException} with line, column and JSON path. A household that is
 * malformed JSON, too large, or cannot be built is returned as a failed {@link HouseholdRead}
 * naming its index, id and the path of the bad field, and reading goes on with the next one (see
 * the {@link dev.rebal.json package doc}). Input errors name the file.
 *
 * <p>Usage:
 *
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
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // the reader closes its input itself: the header parser hands the rest on to the splitter
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();
  static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** The longest household id read: longer ids are data errors (they cannot name a file). */
  public static final int MAX_ID_LENGTH = 128;

  /** The most characters of an id shown in a message. */
  private static final int SHOWN_ID_CHARS = 40;

  private final Closeable input;
  private final String source;
  private final HouseholdSplitter splitter;
  private final LocalDate asOf;
  private final MarketData marketData;
  private long index;
  private boolean done;

  private BookReader(
      Closeable input,
      String source,
      HouseholdSplitter splitter,
      LocalDate asOf,
      MarketData marketData) {
    this.input = input;
    this.source = source;
    this.splitter = splitter;
    this.asOf = asOf;
    this.marketData = marketData;
  }

  /**
   * Opens {@code file} and reads its header and market data.
   *
   * @param file the book file, plain or gzipped JSON
   * @return a reader positioned at the first household
   * @throws IOException if the file cannot be read
   * @throws BookFormatException if the header or market data is malformed
   */
  public static BookReader open(Path file) throws IOException {
    Checks.notNull(file, "file");
    if (Files.isDirectory(file)) {
      throw new IOException(file + ": is a directory, not a book");
    }
    try {
      return open(Files.newInputStream(file), file.toString());
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IOException(file + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * Opens a reader on {@code in} (plain or gzipped JSON) and reads its header and market data.
   * Closing the reader closes {@code in}.
   *
   * @param in the book's bytes
   * @return a reader positioned at the first household
   * @throws IOException if the stream cannot be read
   * @throws BookFormatException if the header or market data is malformed
   */
  public static BookReader open(InputStream in) throws IOException {
    return open(in, "the book");
  }

  private static BookReader open(InputStream in, String name) throws IOException {
    Checks.notNull(in, "in");
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b1 = buffered.read();
    int b2 = buffered.read();
    buffered.reset();
    InputStream source = buffered;
    JsonParser parser = null;
    try {
      if (b1 == 0x1f && b2 == 0x8b) {
        source = new GZIPInputStream(buffered, 1 << 16);
      }
      parser = FACTORY.createParser(source);
      return readHeader(parser, source, name);
    } catch (IOException | RuntimeException e) {
      if (parser != null) {
        parser.close();
      }
      source.close();
      throw e;
    }
  }

  private static BookReader readHeader(JsonParser p, InputStream in, String name)
      throws IOException {
    LocalDate asOf = null;
    MarketData marketData = null;
    boolean format = false;
    boolean version = false;
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
            format = true;
            break;
          case "version":
            value = MAPPER.readTree(p);
            if (!value.isInt() || value.intValue() != 1) {
              throw error(p, at, "$.version", "must be 1, was " + value);
            }
            version = true;
            break;
          case "asOf":
            asOf = map(p, at, () -> BookCodec.date(readTree(p), "$.asOf"));
            break;
          case "marketData":
            JsonNode md = MAPPER.readTree(p);
            marketData = map(p, at, () -> BookCodec.readMarketData(md, "$.marketData"));
            break;
          case "households":
            if (!format || !version) {
              throw error(
                  p,
                  at,
                  !format ? "$.format" : "$.version",
                  "is missing: a book starts " + "with \"format\":\"rebal-book\",\"version\":1");
            }
            if (asOf == null || marketData == null) {
              throw error(p, at, "$.households", "asOf and marketData must come before households");
            }
            expect(p, p.currentToken(), JsonToken.START_ARRAY, "households must be an array");
            // the households are cut apart by bytes, so that one malformed household is reported
            // on its own: hand what the parser has buffered back, ahead of the rest of the input
            ByteArrayOutputStream ahead = new ByteArrayOutputStream();
            if (p.releaseBuffered(ahead) < 0) {
              throw error(p, at, "$.households", "the book must be UTF-8");
            }
            JsonLocation open = p.currentTokenLocation();
            HouseholdSplitter splitter =
                new HouseholdSplitter(
                    new SequenceInputStream(new ByteArrayInputStream(ahead.toByteArray()), in),
                    open.getLineNr(),
                    open.getColumnNr());
            p.close();
            return new BookReader(in, name, splitter, asOf, marketData);
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

  /** {@return the book's as-of date} */
  public LocalDate asOf() {
    return asOf;
  }

  /** {@return the book's market data} */
  public MarketData marketData() {
    return marketData;
  }

  /**
   * Reads the next household, if any. A household that is malformed JSON (a bad token, a duplicate
   * key, deep nesting, an unclosed bracket), too large, or cannot be built is returned as a failed
   * read naming its index, id (when one can be found) and path, and reading goes on with the next.
   *
   * @return the next household read, or empty at the end of the book
   * @throws BookFormatException if the book does not end properly after its households (it is
   *     truncated, or has content after the households array)
   * @throws UncheckedIOException if the input cannot be read; its message names the book
   */
  public Optional<HouseholdRead> next() {
    if (done) {
      return Optional.empty();
    }
    HouseholdSplitter.Element e;
    try {
      e = splitter.next();
      if (e == null) {
        done = true;
        checkEnd();
        return Optional.empty();
      }
    } catch (IOException ex) {
      done = true;
      throw readFailure(ex);
    }
    long i = index++;
    return Optional.of(read(i, e));
  }

  private HouseholdRead read(long i, HouseholdSplitter.Element e) {
    String path = "$.households[" + i + "]";
    String at = "line " + e.line() + ", column " + e.column() + ": ";
    if (e.isEmpty()) {
      return failed(
          i,
          "#" + i,
          path,
          at
              + (e.cut()
                  ? "the book ends where a household should be"
                  : "no household between two commas, or a comma after the last household"));
    }
    Optional<String> id = idOf(e).filter(s -> !s.isBlank());
    String shownId = id.map(BookReader::abbreviateId).orElse("#" + i);
    if (e.oversized()) {
      return failed(
          i,
          shownId,
          path,
          at
              + "the household is "
              + e.size()
              + " bytes of JSON, more "
              + "than the "
              + HouseholdSplitter.MAX_HOUSEHOLD_BYTES
              + " allowed");
    }
    JsonNode node;
    try (JsonParser p = FACTORY.createParser(e.bytes(), 0, e.length())) {
      node = MAPPER.readTree(p);
      if (p.nextToken() != null) {
        return failed(
            i,
            shownId,
            path,
            located(e, p.currentTokenLocation())
                + "unexpected content after the household (a missing comma?)");
      }
    } catch (JsonProcessingException ex) {
      String inner =
          ex.getProcessor() instanceof JsonParser
              ? path(((JsonParser) ex.getProcessor()).getParsingContext()).substring(1)
              : "";
      return failed(
          i,
          shownId,
          path + inner,
          located(e, ex.getLocation())
              + "malformed JSON: "
              + abbreviateMessage(ex.getOriginalMessage()));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // an in-memory read: never in practice
    }
    if (e.cut()) {
      return failed(i, shownId, path, at + "the household has no comma after it");
    }
    if (!node.isObject()) {
      return failed(
          i,
          shownId,
          path,
          at
              + "must be an object, was "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (id.isPresent() && id.get().length() > MAX_ID_LENGTH) {
      return failed(
          i,
          shownId,
          path + ".id",
          "must be at most " + MAX_ID_LENGTH + " characters, was " + id.get().length());
    }
    try {
      return HouseholdRead.of(i, BookCodec.readHousehold(node, path));
    } catch (MappingException ex) {
      return failed(i, shownId, ex.path(), ex.detail());
    }
  }

  private static HouseholdRead failed(long i, String id, String path, String message) {
    return HouseholdRead.failed(new ReadFailure(i, id, path, message));
  }

  /** Returns e.g. {@code line 7, column 120: } for a location inside element {@code e}. */
  private static String located(HouseholdSplitter.Element e, JsonLocation at) {
    if (at == null || at.getLineNr() < 1) {
      return "line " + e.line() + ", column " + e.column() + ": ";
    }
    int line = e.line() + at.getLineNr() - 1;
    int column = at.getLineNr() == 1 ? e.column() + at.getColumnNr() - 1 : at.getColumnNr();
    return "line " + line + ", column " + column + ": ";
  }

  private static String abbreviateMessage(String m) {
    String s = m == null ? "" : m.strip().replaceAll("\\s*\\R\\s*", "; ");
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  /** Returns the id, abbreviated to at most about 40 characters for messages. */
  static String abbreviateId(String id) {
    return id.length() <= SHOWN_ID_CHARS
        ? id
        : id.substring(0, SHOWN_ID_CHARS) + "...(" + id.length() + " characters)";
  }

  /**
   * Returns the household's top-level {@code id}, if one can be found: the element is scanned as
   * far as it is well-formed, so a household broken after its id is still named by it.
   */
  private static Optional<String> idOf(HouseholdSplitter.Element e) {
    try (JsonParser p = FACTORY.createParser(e.bytes(), 0, e.length())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ("id".equals(field)) {
          return t == JsonToken.VALUE_STRING ? Optional.of(p.getText()) : Optional.empty();
        }
        p.skipChildren();
      }
    } catch (IOException | RuntimeException ex) {
      // malformed before the id: the household is named by its index
    }
    return Optional.empty();
  }

  /** Returns an unchecked exception whose cause's message names the book (callers print it). */
  private UncheckedIOException readFailure(IOException e) {
    return new UncheckedIOException(new IOException(source + ": " + e.getMessage(), e));
  }

  private void checkEnd() {
    if (splitter.endedEarly()) {
      throw new BookFormatException(
          splitter.line(),
          splitter.column(),
          "$.households",
          "the book ends before its households array is closed (a truncated file?)",
          null);
    }
    try {
      int line = splitter.line();
      int column = splitter.column();
      byte[] rest = splitter.rest(4096);
      int closing = 0;
      for (byte b : rest) {
        if (b == '}') {
          closing++;
        } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          closing = 2;
        }
      }
      if (closing != 1 || rest.length == 4096) {
        throw new BookFormatException(
            line,
            column,
            "$",
            closing == 0
                ? "the book ends before its closing brace (a truncated file?)"
                : "unexpected content after the households array",
            null);
      }
    } catch (IOException ex) {
      throw readFailure(ex);
    }
  }

  /**
   * {@return the ids of the remaining households, in book order, without building them: an empty
   * string for a household whose id cannot be found} Reads the rest of the book; use a reader of
   * its own. For finding duplicate ids before a run releases anything.
   *
   * @throws BookFormatException if the book does not end properly after its households
   * @throws UncheckedIOException if the input cannot be read
   */
  public ImmutableList<String> ids() {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    while (!done) {
      HouseholdSplitter.Element e;
      try {
        e = splitter.next();
      } catch (IOException ex) {
        done = true;
        throw readFailure(ex);
      }
      if (e == null) {
        done = true;
        checkEnd();
        break;
      }
      index++;
      out.add(e.isEmpty() ? "" : idOf(e).orElse(""));
    }
    return out.build();
  }

  /**
   * {@return the remaining households as a sequential, lazily read stream} It must be consumed
   * before the reader is closed.
   */
  public Stream<HouseholdRead> households() {
    Iterator<HouseholdRead> it =
        new Iterator<>() {
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
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Closes the underlying input. */
  @Override
  public void close() throws IOException {
    input.close();
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

  private static BookFormatException error(
      JsonParser p, JsonLocation at, String path, String message) {
    return new BookFormatException(at.getLineNr(), at.getColumnNr(), path, message, null);
  }

  private static BookFormatException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String path =
        e.getProcessor() instanceof JsonParser
            ? path(((JsonParser) e.getProcessor()).getParsingContext())
            : "$";
    return new BookFormatException(
        at == null ? 0 : at.getLineNr(),
        at == null ? 0 : at.getColumnNr(),
        path,
        "malformed JSON: " + e.getOriginalMessage(),
        e);
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
