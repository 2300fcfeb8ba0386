package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Checks books against {@code rebal-json}'s published JSON Schema: the example book next to it and
 * the bundled sample book's first households. The check is written here by hand and covers the
 * parts of JSON Schema the book's schema uses: {@code $ref}, {@code type}, {@code const}, {@code
 * enum}, {@code pattern}, {@code required}, {@code properties}, {@code additionalProperties} and
 * {@code items}.
 */
class BookSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "/dev/rebal/json/book.schema.json";
  private static final String EXAMPLE = "/dev/rebal/json/book.example.json";
  private static final int SAMPLE_HOUSEHOLDS = 5;

  @Test
  void exampleBook_matchesTheSchema() {
    // given / when
    List<String> problems = check(resource(EXAMPLE, false), schema());

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  void exampleBook_readsWithBookReader() throws IOException {
    // given / when
    try (InputStream in = BookSchemaTest.class.getResourceAsStream(EXAMPLE);
        BookReader book = BookReader.open(in)) {
      HouseholdRead read = book.next().orElseThrow();

      // then: the schema's example is a book the reader accepts
      assertThat(read.household()).isPresent();
      assertThat(read.household().get().id().value()).isEqualTo("HH-1");
      assertThat(book.next()).isEmpty();
    }
  }

  @Test
  void sampleBook_headerMarketAndFirstHouseholds_matchTheSchema() {
    // given: the sample book cut to its first households
    ObjectNode book = (ObjectNode) resource("/dev/rebal/examples/sample-book.json.gz", true);
    List<JsonNode> first = new ArrayList<>();
    book.get("households")
        .forEach(
            h -> {
              if (first.size() < SAMPLE_HOUSEHOLDS) {
                first.add(h);
              }
            });
    book.putArray("households").addAll(first);

    // when
    List<String> problems = check(book, schema());

    // then
    assertThat(first).hasSize(SAMPLE_HOUSEHOLDS);
    assertThat(problems).isEmpty();
  }

  @Test
  void check_missingRequiredAndUnknownField_reportsBothWithTheirPaths() {
    // given: the example without its tax profile and with a field the format does not have
    ObjectNode book = (ObjectNode) resource(EXAMPLE, false);
    ObjectNode household = (ObjectNode) book.get("households").get(0);
    household.remove("taxProfile");
    ((ObjectNode) household.get("accounts").get(0)).put("colour", "blue");

    // when
    List<String> problems = check(book, schema());

    // then
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "$.households[0].taxProfile: is required",
            "$.households[0].accounts[0].colour: unknown field");
  }

  private static JsonNode schema() {
    return resource(SCHEMA, false);
  }

  private static JsonNode resource(String name, boolean gzipped) {
    try (InputStream raw = BookSchemaTest.class.getResourceAsStream(name)) {
      assertThat(raw).as(name).isNotNull();
      return JSON.readTree(gzipped ? new GZIPInputStream(raw) : raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the problems of {@code document} against {@code schema}, each as "path: problem". */
  static List<String> check(JsonNode document, JsonNode schema) {
    List<String> problems = new ArrayList<>();
    check(document, schema, schema, "$", problems);
    return problems;
  }

  private static void check(
      JsonNode node, JsonNode schema, JsonNode root, String path, List<String> problems) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      assertThat(ref).startsWith("#/");
      s = root.at(ref.substring(1));
      assertThat(s.isMissingNode()).as("schema reference %s", ref).isFalse();
    }
    if (s.has("const") && !s.get("const").equals(node)) {
      problems.add(path + ": must be " + s.get("const") + ", was " + node);
      return;
    }
    if (s.has("type") && !hasType(node, s.get("type"))) {
      problems.add(path + ": must be of type " + s.get("type") + ", was " + node.getNodeType());
      return;
    }
    if (s.has("enum") && !contains(s.get("enum"), node)) {
      problems.add(path + ": must be one of " + s.get("enum") + ", was " + node);
    }
    if (s.has("pattern")
        && node.isTextual()
        && !Pattern.compile(s.get("pattern").asText()).matcher(node.asText()).find()) {
      problems.add(path + ": must match " + s.get("pattern").asText() + ", was " + node);
    }
    if (node.isObject()) {
      for (JsonNode required : s.path("required")) {
        if (!node.has(required.asText())) {
          problems.add(path + "." + required.asText() + ": is required");
        }
      }
      JsonNode properties = s.path("properties");
      JsonNode additional = s.path("additionalProperties");
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        String at = path + "." + f.getKey();
        if (properties.has(f.getKey())) {
          check(f.getValue(), properties.get(f.getKey()), root, at, problems);
        } else if (additional.isObject()) {
          check(f.getValue(), additional, root, at, problems);
        } else if (additional.isBoolean() && !additional.asBoolean()) {
          problems.add(at + ": unknown field");
        }
      }
    }
    if (node.isArray() && s.has("items")) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), s.get("items"), root, path + "[" + i + "]", problems);
      }
    }
  }

  private static boolean hasType(JsonNode node, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (hasType(node, t)) {
          return true;
        }
      }
      return false;
    }
    switch (type.asText()) {
      case "object":
        return node.isObject();
      case "array":
        return node.isArray();
      case "string":
        return node.isTextual();
      case "number":
        return node.isNumber();
      case "integer":
        return node.isIntegralNumber();
      case "boolean":
        return node.isBoolean();
      default:
        throw new AssertionError("type not handled by this check: " + type);
    }
  }

  private static boolean contains(JsonNode values, JsonNode node) {
    for (JsonNode v : values) {
      if (v.equals(node)) {
        return true;
      }
    }
    return false;
  }
}
