package dev.rebal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.outlook.AssumptionsException;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads capital market assumptions ({@link CapitalMarketAssumptions}) from JSON:
 *
 * <pre>{@code
 * {
 *   "name": "house", "version": "2026.2", "inflation": 0.025,
 *   "sources": ["Investment committee, March 2026"],
 *   "classes": {
 *     "US_LARGE_CAP": {"return": 0.067, "volatility": 0.16, "yield": 0.014, "tax": "QUALIFIED"},
 *     "US_BONDS": {"return": 0.046, "volatility": 0.055, "yield": 0.045, "tax": "ORDINARY"}
 *   },
 *   "correlations": {"US_LARGE_CAP": {"US_BONDS": 0.15}}
 * }
 * }</pre>
 *
 * <p>Numbers are read as exact decimals, never through {@code double}. A {@code .cma} text file
 * ({@link CapitalMarketAssumptions#parse}) holds the same figures. Every problem (an unknown field,
 * a missing or malformed figure, a matrix that is not positive definite) is reported with the file
 * and the key. This class is stateless and thread-safe.
 */
public final class AssumptionsReader {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private AssumptionsReader() {}

  /**
   * Reads a JSON file, or a text file when its name ends in {@code .cma}.
   *
   * @param file the file
   * @return the assumptions it holds
   * @throws IOException if the file cannot be read
   * @throws AssumptionsException listing every problem found
   */
  public static CapitalMarketAssumptions read(Path file) throws IOException {
    Checks.notNull(file, "file");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String source = file.getFileName().toString();
    return source.endsWith(".cma")
        ? CapitalMarketAssumptions.parse(source, text)
        : parse(source, text);
  }

  /**
   * Parses JSON text.
   *
   * @param source where the text came from, for messages
   * @param json the JSON text
   * @return the assumptions it holds
   * @throws AssumptionsException listing every problem found
   */
  public static CapitalMarketAssumptions parse(String source, String json) {
    Checks.notNull(source, "source");
    Checks.notNull(json, "json");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssumptionsException(source + ": not JSON: " + e.getOriginalMessage());
    }
    List<String> problems = new ArrayList<>();
    Map<String, String> keys = new TreeMap<>();
    if (root == null || !root.isObject()) {
      throw new AssumptionsException(source + ": must be a JSON object");
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String field = e.getKey();
      JsonNode v = e.getValue();
      switch (field) {
        case "name", "version", "inflation" -> keys.put(field, scalar(v));
        case "sources" -> {
          for (int i = 0; i < v.size(); i++) {
            keys.put("source." + (i + 1), scalar(v.get(i)));
          }
        }
        case "classes" ->
            v.properties()
                .forEach(
                    c ->
                        c.getValue()
                            .properties()
                            .forEach(
                                f ->
                                    keys.put(
                                        "class." + c.getKey() + "." + f.getKey(),
                                        scalar(f.getValue()))));
        case "correlations" ->
            v.properties()
                .forEach(
                    a ->
                        a.getValue()
                            .properties()
                            .forEach(
                                b ->
                                    keys.put(
                                        "correlation." + a.getKey() + "." + b.getKey(),
                                        scalar(b.getValue()))));
        default -> problems.add(source + ": unknown field '" + field + "'");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssumptionsException(String.join("\n", problems));
    }
    return CapitalMarketAssumptions.ofKeys(source, keys);
  }

  private static String scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
  }
}
