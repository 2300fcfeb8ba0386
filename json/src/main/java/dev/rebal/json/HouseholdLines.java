package dev.rebal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.json.internal.BookCodec;
import dev.rebal.json.internal.MappingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One household as one line of JSON: the household object of a book ({@link dev.rebal.json the
 * package doc}), byte for byte as {@link BookWriter} writes it, without the book around it. For
 * books kept as JSON lines, one household per line, so that a distributed job (Spark, say) can
 * split a book by line and read each household on its own; the as-of date and market data travel
 * apart.
 *
 * <pre>{@code
 * String line = HouseholdLines.write(household);
 * HouseholdRead read = HouseholdLines.read(0, line);   // read.household() equals household
 * }</pre>
 *
 * <p>Reading never throws for bad content: a line that is not well-formed JSON, not one object, or
 * an object that cannot be built becomes a failed {@link HouseholdRead} whose {@link ReadFailure}
 * names the household (or {@code #index}), the JSON path (from {@code $}, the line's object) and
 * what is wrong, so one bad line does not stop the others. This class is stateless and thread-safe.
 */
public final class HouseholdLines {
  private HouseholdLines() {}

  /**
   * {@return {@code household} as one line of JSON, without a line break}
   *
   * @param household the household
   * @throws UncheckedIOException never in practice (an in-memory write)
   */
  public static String write(Household household) {
    Checks.notNull(household, "household");
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = BookWriter.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      BookCodec.writeHousehold(g, household);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Reads one household from {@code line}.
   *
   * @param index the line's 0-based position in its book, for the failure's {@link
   *     ReadFailure#index()} and for {@code #index} when the line has no id
   * @param line one JSON object, optionally surrounded by white space
   * @return the household, or the failure that names what is wrong and where
   */
  public static HouseholdRead read(long index, String line) {
    Checks.isTrue(index >= 0, "index", index, "must not be negative");
    Checks.notNull(line, "line");
    JsonNode node = null;
    try (JsonParser p = BookReader.FACTORY.createParser(line)) {
      if (p.nextToken() == null) {
        return failed(index, node, "$", "the line is empty");
      }
      node = BookReader.MAPPER.readTree(p);
      if (!node.isObject()) {
        return failed(index, null, "$", "must be an object, was " + node.getNodeType());
      }
      if (p.nextToken() != null) {
        return failed(index, node, "$", "unexpected content after the household object");
      }
      return HouseholdRead.of(index, BookCodec.readHousehold(node, "$"));
    } catch (MappingException e) {
      return failed(index, node, e.path(), e.detail());
    } catch (JsonProcessingException e) {
      return failed(index, node, "$", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HouseholdRead failed(long index, JsonNode node, String path, String message) {
    String id = BookCodec.idOf(node).orElse("#" + index);
    return HouseholdRead.failed(new ReadFailure(index, id, path, message));
  }
}
