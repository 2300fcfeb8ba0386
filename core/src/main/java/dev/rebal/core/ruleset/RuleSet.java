package dev.rebal.core.ruleset;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A named, semantically versioned set of rule ids and their parameters (bands, thresholds, review
 * limits), with a content hash that every decision records.
 *
 * <p>The canonical text ({@link #toCanonicalText()}) lists the name, version, enabled rules sorted
 * by id and parameters sorted by name; the content hash is its SHA-256. Two rule sets with the same
 * content have the same hash whatever order their file listed things in. Load one from a file with
 * {@link RuleSetParser}; compare two with {@link #diff}. Every parameter is checked against its
 * declaration ({@link RuleParameters}) when the rule set is built, so {@link #find} returns only
 * valid values. This class is immutable and thread-safe.
 */
public final class RuleSet {
  private final String name;
  private final SemanticVersion version;
  private final ImmutableSortedSet<String> rules;
  private final ImmutableSortedMap<String, String> parameters;
  private final String contentHash;

  private RuleSet(
      String name,
      SemanticVersion version,
      ImmutableSortedSet<String> rules,
      ImmutableSortedMap<String, String> parameters) {
    this.name = name;
    this.version = version;
    this.rules = rules;
    this.parameters = parameters;
    this.contentHash = AuditRecord.sha256Hex(canonical(name, version, rules, parameters));
  }

  /**
   * {@return a rule set}
   *
   * @param name a non-blank name, e.g. {@code default}
   * @param version the version
   * @param rules the ids of the enabled rules
   * @param parameters the parameters by name; values are plain text (numbers as plain decimals)
   * @throws RuleSetException listing every parameter that is undeclared or not a valid value for
   *     its declaration ({@link RuleParameters})
   */
  public static RuleSet of(
      String name,
      SemanticVersion version,
      Iterable<String> rules,
      java.util.Map<String, String> parameters) {
    Checks.notBlank(name, "name");
    Checks.notNull(version, "version");
    Checks.notNull(rules, "rules");
    Checks.notNull(parameters, "parameters");
    for (String r : rules) {
      Checks.notBlank(r, "rules[]");
    }
    parameters.forEach(
        (k, v) -> {
          Checks.notBlank(k, "parameters key");
          Checks.notNull(v, "parameters[" + k + "]");
        });
    ImmutableSortedSet<String> ruleIds = ImmutableSortedSet.copyOf(rules);
    checkParameters(name, version, parameters, ruleIds);
    return new RuleSet(name, version, ruleIds, ImmutableSortedMap.copyOf(parameters));
  }

  private static void checkParameters(
      String name,
      SemanticVersion version,
      java.util.Map<String, String> parameters,
      Iterable<String> rules) {
    ImmutableList<String> problems = RuleParameters.standard().problems(parameters, rules);
    if (!problems.isEmpty()) {
      throw new RuleSetException(
          "rule set " + name + " " + version + ": " + String.join("\n", problems));
    }
  }

  private static String canonical(
      String name,
      SemanticVersion version,
      Iterable<String> rules,
      SortedMap<String, String> parameters) {
    StringBuilder sb = new StringBuilder();
    sb.append("name = ").append(name).append('\n');
    sb.append("version = ").append(version).append('\n');
    for (String r : rules) {
      sb.append("rule ").append(r).append('\n');
    }
    parameters.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString();
  }

  /** {@return the name} */
  public String name() {
    return name;
  }

  /** {@return the version} */
  public SemanticVersion version() {
    return version;
  }

  /** {@return the ids of the enabled rules, sorted} */
  public ImmutableSortedSet<String> rules() {
    return rules;
  }

  /** {@return the parameters, sorted by name} */
  public ImmutableSortedMap<String, String> parameters() {
    return parameters;
  }

  /** {@return the SHA-256 of the canonical text, in lower-case hex} */
  public String contentHash() {
    return contentHash;
  }

  /**
   * {@return whether the rule with {@code id} is enabled}
   *
   * @param id the rule's id
   */
  public boolean isEnabled(String id) {
    return rules.contains(id);
  }

  /**
   * {@return the parameter {@code name}, if set}
   *
   * @param name the parameter's name
   */
  public Optional<String> find(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /**
   * {@return the parameter {@code name} as a decimal}
   *
   * @param name the parameter's name
   * @throws NoSuchElementException naming the parameter if it is absent
   * @throws RuleSetException naming the parameter and value if it is not a decimal
   */
  public BigDecimal decimal(String name) {
    String v = parameters.get(name);
    if (v == null) {
      throw new NoSuchElementException(
          "rule set " + this.name + " " + version + ": parameter '" + name + "' is not set");
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      throw new RuleSetException(
          "rule set "
              + this.name
              + " "
              + version
              + ": parameter '"
              + name
              + "' must be a decimal, was '"
              + v
              + "'");
    }
  }

  /**
   * {@return a copy with one parameter set, for tuning and tests}
   *
   * @param name the parameter's name
   * @param value the value
   * @param newVersion the version of the copy
   * @throws RuleSetException if the parameter is undeclared or the value invalid for it
   */
  public RuleSet withParameter(String name, String value, SemanticVersion newVersion) {
    TreeMap<String, String> p = new TreeMap<>(parameters);
    p.put(Checks.notBlank(name, "name"), Checks.notNull(value, "value"));
    checkParameters(this.name, newVersion, java.util.Map.of(name, value), rules);
    return new RuleSet(this.name, newVersion, rules, ImmutableSortedMap.copyOf(p));
  }

  /**
   * {@return what changed from {@code before} to this: rules and parameters, sorted by key}
   *
   * @param before the earlier rule set
   */
  public ImmutableList<RuleSetChange> diff(RuleSet before) {
    Checks.notNull(before, "before");
    ImmutableList.Builder<RuleSetChange> out = ImmutableList.builder();
    TreeSet<String> ruleIds = new TreeSet<>(rules);
    ruleIds.addAll(before.rules);
    for (String r : ruleIds) {
      boolean was = before.rules.contains(r);
      boolean is = rules.contains(r);
      if (was != is) {
        out.add(
            new RuleSetChange(
                "rule:" + r,
                was ? Optional.of("enabled") : Optional.empty(),
                is ? Optional.of("enabled") : Optional.empty()));
      }
    }
    TreeSet<String> names = new TreeSet<>(parameters.keySet());
    names.addAll(before.parameters.keySet());
    for (String n : names) {
      Optional<String> was = Optional.ofNullable(before.parameters.get(n));
      Optional<String> is = Optional.ofNullable(parameters.get(n));
      if (!was.equals(is)) {
        out.add(new RuleSetChange("param:" + n, was, is));
      }
    }
    return out.build();
  }

  /**
   * {@return Rebal's default rule set, {@code default.rules} shipped in this jar}
   *
   * @throws RuleSetException if the resource is missing or malformed (a packaging bug)
   */
  public static RuleSet defaults() {
    try (java.io.InputStream in = RuleSet.class.getResourceAsStream("default.rules")) {
      if (in == null) {
        throw new RuleSetException("default.rules: missing from the rebal-core jar");
      }
      return RuleSetParser.parse(
          "default.rules", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new RuleSetException("default.rules: cannot be read: " + e.getMessage());
    }
  }

  /** {@return the canonical text the content hash is computed over} */
  public String toCanonicalText() {
    return canonical(name, version, rules, parameters);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSet && ((RuleSet) o).contentHash.equals(contentHash);
  }

  @Override
  public int hashCode() {
    return contentHash.hashCode();
  }

  /** Returns e.g. {@code default 1.4.0 (3f2a9c01)}. */
  @Override
  public String toString() {
    return name + " " + version + " (" + contentHash.substring(0, 8) + ")";
  }
}
