package dev.rebal.core.ruleset;

import dev.rebal.core.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a rule set from its text form: {@code key = value} lines, {@code #} comments, and {@code
 * rule <id>} lines that enable a rule.
 *
 * <pre>
 * name = default
 * version = 1.4.0
 * rule trigger.threshold
 * trigger.threshold.tolerance = 0.001
 * review.turnover.max = 0.30
 * </pre>
 *
 * <p>Every problem is reported with the source name and line: an unknown line shape, a duplicate
 * parameter or rule, a missing name or version, a malformed version, and a parameter that is
 * undeclared or whose value is not of its declared type and range ({@link RuleParameters}).
 */
public final class RuleSetParser {
  private RuleSetParser() {}

  /**
   * Parses {@code text}.
   *
   * @param source where the text came from, for messages (e.g. a file name)
   * @param text the rule set's text
   * @return the rule set
   * @throws RuleSetException listing every problem found, each with its line
   */
  public static RuleSet parse(String source, String text) {
    Checks.notNull(source, "source");
    Checks.notNull(text, "text");
    String name = null;
    String version = null;
    List<String> rules = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    Map<String, Integer> paramLines = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String at = source + ":" + (i + 1) + ": ";
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("rule ")) {
        String id = line.substring(5).strip();
        if (id.isEmpty() || rules.contains(id)) {
          problems.add(
              at + (id.isEmpty() ? "rule id is missing" : "rule '" + id + "' listed twice"));
        } else {
          rules.add(id);
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        problems.add(at + "expected 'key = value' or 'rule <id>', was '" + line + "'");
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (key.equals("name")) {
        name = value;
      } else if (key.equals("version")) {
        version = value;
      } else if (params.put(key, value) != null) {
        problems.add(at + "parameter '" + key + "' set twice");
      } else {
        paramLines.put(key, i + 1);
      }
    }
    params.forEach(
        (k, v) ->
            RuleParameters.standard()
                .problem(k, v, rules)
                .ifPresent(m -> problems.add(source + ":" + paramLines.get(k) + ": " + m)));
    SemanticVersion parsed = null;
    if (name == null || name.isBlank()) {
      problems.add(source + ": name is missing");
    }
    if (version == null) {
      problems.add(source + ": version is missing");
    } else {
      try {
        parsed = SemanticVersion.parse(version);
      } catch (IllegalArgumentException e) {
        problems.add(source + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleSetException(String.join("\n", problems));
    }
    return RuleSet.of(name, parsed, rules, params);
  }
}
