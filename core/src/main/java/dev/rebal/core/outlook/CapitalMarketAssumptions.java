package dev.rebal.core.outlook;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.TaxCharacter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Capital market assumptions: the expected compound return, volatility, yield and tax character of
 * each asset class ({@link ClassAssumption}), the correlations between the classes' log returns,
 * and expected inflation, with a name, a version, the sources they come from, and a content hash.
 *
 * <p>They are an input of the goal outlook like market data and rule sets are of a rebalance: the
 * outlook's findings name the set's name, version and hash, and a rule set can carry the set itself
 * as {@code outlook.cma.*} parameters ({@link #toParameters()}, {@link #from(RuleSet)}), so that
 * the rule-set hash every decision records covers them.
 *
 * <p>The text form (a file, or a rule set's parameters without the {@code outlook.cma.} prefix) is
 * {@code key = value} lines with {@code #} comments:
 *
 * <pre>
 * name = rebal-default
 * version = 2026.1
 * inflation = 0.025
 * source.1 = J.P. Morgan Asset Management, 2025 Long-Term Capital Market Assumptions
 * class.US_LARGE_CAP.return = 0.067
 * class.US_LARGE_CAP.volatility = 0.16
 * class.US_LARGE_CAP.yield = 0.014
 * class.US_LARGE_CAP.tax = QUALIFIED
 * correlation.US_LARGE_CAP.US_BONDS = 0.10
 * </pre>
 *
 * <p>A correlation not listed is 0; a class's correlation with itself is 1. The matrix must be
 * positive definite (checked with a Cholesky factorization), so that a portfolio's variance is
 * never negative. The canonical text ({@link #toCanonicalText()}) lists the keys sorted, decimals
 * without trailing zeros; the content hash is its SHA-256, so two sets with the same figures have
 * the same hash whatever order or scale their file used. {@link #defaults()} is the set shipped
 * with Rebal, its sources in {@code docs/goals.md}. This class is immutable and thread-safe.
 */
public final class CapitalMarketAssumptions {
  /** The prefix of the assumptions' keys among a rule set's parameters. */
  public static final String PARAMETER_PREFIX = "outlook.cma.";

  private static volatile CapitalMarketAssumptions defaults;

  private final String name;
  private final String version;
  private final BigDecimal inflation;
  private final ImmutableList<String> sources;
  private final ImmutableSortedMap<AssetClass, ClassAssumption> classes;

  /** Correlations keyed by the two classes' ids, the smaller first, joined by a dot. */
  private final ImmutableSortedMap<String, BigDecimal> correlations;

  private final String canonicalText;
  private final String contentHash;

  private CapitalMarketAssumptions(
      String name,
      String version,
      BigDecimal inflation,
      ImmutableList<String> sources,
      ImmutableSortedMap<AssetClass, ClassAssumption> classes,
      ImmutableSortedMap<String, BigDecimal> correlations) {
    this.name = name;
    this.version = version;
    this.inflation = inflation;
    this.sources = sources;
    this.classes = classes;
    this.correlations = correlations;
    StringBuilder sb = new StringBuilder();
    keys().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    this.canonicalText = sb.toString();
    this.contentHash = sha256(canonicalText);
  }

  /**
   * {@return a set of assumptions}
   *
   * @param name a non-blank name, e.g. {@code rebal-default}
   * @param version a non-blank version, e.g. {@code 2026.1}
   * @param inflation expected inflation a year, above -1
   * @param sources where the figures come from, in the order given
   * @param classes the assumptions per asset class, at least one; ids without '.' or spaces
   * @param correlations correlations keyed by pairs of different classes given in {@code classes},
   *     each in [-1, 1]; a pair may be given in either order, but only once
   * @throws AssumptionsException listing every problem, including a matrix that is not positive
   *     definite
   */
  public static CapitalMarketAssumptions of(
      String name,
      String version,
      BigDecimal inflation,
      List<String> sources,
      Map<AssetClass, ClassAssumption> classes,
      Map<List<AssetClass>, BigDecimal> correlations) {
    Checks.notNull(correlations, "correlations");
    Map<String, String> keys = new TreeMap<>();
    keys.put("name", Checks.notNull(name, "name"));
    keys.put("version", Checks.notNull(version, "version"));
    keys.put("inflation", plain(Checks.notNull(inflation, "inflation")));
    Checks.noNulls(sources, "sources");
    for (int i = 0; i < sources.size(); i++) {
      keys.put("source." + (i + 1), sources.get(i));
    }
    Checks.notNull(classes, "classes")
        .forEach(
            (c, a) -> {
              Checks.notNull(c, "classes key");
              Checks.notNull(a, "classes[" + c + "]");
              keys.put("class." + c + ".return", plain(a.expectedReturn()));
              keys.put("class." + c + ".volatility", plain(a.volatility()));
              keys.put("class." + c + ".yield", plain(a.yield()));
              keys.put("class." + c + ".tax", a.taxCharacter().name());
            });
    List<String> problems = new ArrayList<>();
    correlations.forEach(
        (pair, rho) -> {
          if (pair == null || pair.size() != 2 || pair.get(0) == null || pair.get(1) == null) {
            problems.add("correlations: a key must be two asset classes, was " + pair);
            return;
          }
          String key = "correlation." + pair.get(0) + "." + pair.get(1);
          String swapped = "correlation." + pair.get(1) + "." + pair.get(0);
          if (keys.containsKey(swapped) && !key.equals(swapped)) {
            problems.add(key + ": the pair is given twice");
          }
          keys.put(key, rho == null ? "" : plain(rho));
        });
    if (!problems.isEmpty()) {
      throw new AssumptionsException(String.join("\n", problems));
    }
    return build("assumptions", keys);
  }

  /**
   * Parses the text form (see the class doc).
   *
   * @param source where the text came from, for messages (e.g. a file name)
   * @param text the text
   * @return the assumptions
   * @throws AssumptionsException listing every problem, each with its line or key
   */
  public static CapitalMarketAssumptions parse(String source, String text) {
    Checks.notNull(source, "source");
    Checks.notNull(text, "text");
    Map<String, String> keys = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String at = source + ":" + (i + 1) + ": ";
      int eq = line.indexOf('=');
      if (eq <= 0) {
        problems.add(at + "expected 'key = value', was '" + line + "'");
        continue;
      }
      String key = line.substring(0, eq).strip();
      if (keys.put(key, line.substring(eq + 1).strip()) != null) {
        problems.add(at + "key '" + key + "' set twice");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssumptionsException(String.join("\n", problems));
    }
    return build(source, keys);
  }

  /**
   * {@return the assumptions given by their text-form keys (see the class doc, e.g. {@code
   * class.US_BONDS.volatility}) and values, for readers of other formats}
   *
   * @param source where the keys came from, for messages (e.g. a file name)
   * @param keys the values by key
   * @throws AssumptionsException listing every problem, each with its key
   */
  public static CapitalMarketAssumptions ofKeys(String source, Map<String, String> keys) {
    Checks.notNull(source, "source");
    Checks.notNull(keys, "keys");
    keys.forEach(
        (k, v) -> {
          Checks.notBlank(k, "keys key");
          Checks.notNull(v, "keys[" + k + "]");
        });
    return build(source, new TreeMap<>(keys));
  }

  /**
   * {@return the assumptions a rule set carries as {@code outlook.cma.*} parameters, or {@link
   * #defaults()} if it carries none}
   *
   * @param ruleSet the rule set
   * @throws AssumptionsException if the parameters are present but do not make a valid set
   */
  public static CapitalMarketAssumptions from(RuleSet ruleSet) {
    Checks.notNull(ruleSet, "ruleSet");
    SortedMap<String, String> tail = ruleSet.parameters().tailMap(PARAMETER_PREFIX);
    Map<String, String> keys = new TreeMap<>();
    for (Map.Entry<String, String> e : tail.entrySet()) {
      if (!e.getKey().startsWith(PARAMETER_PREFIX)) {
        break;
      }
      String key = e.getKey().substring(PARAMETER_PREFIX.length());
      if (!key.equals("hash")) {
        keys.put(key, e.getValue());
      }
    }
    return keys.isEmpty()
        ? defaults()
        : build("rule set " + ruleSet.name() + " " + ruleSet.version(), keys);
  }

  /**
   * {@return Rebal's default assumptions, {@code default.cma} shipped in this jar (figures and
   * sources in {@code docs/goals.md})}
   *
   * @throws AssumptionsException if the resource is missing or malformed (a packaging bug)
   */
  public static CapitalMarketAssumptions defaults() {
    CapitalMarketAssumptions d = defaults;
    if (d == null) {
      try (InputStream in = CapitalMarketAssumptions.class.getResourceAsStream("default.cma")) {
        if (in == null) {
          throw new AssumptionsException("default.cma: missing from the rebal-core jar");
        }
        d = parse("default.cma", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new AssumptionsException("default.cma: cannot be read: " + e.getMessage());
      }
      defaults = d;
    }
    return d;
  }

  private static CapitalMarketAssumptions build(String source, Map<String, String> keys) {
    List<String> problems = new ArrayList<>();
    String name = keys.get("name");
    String version = keys.get("version");
    if (name == null || name.isBlank()) {
      problems.add(source + ": name is missing");
    }
    if (version == null || version.isBlank()) {
      problems.add(source + ": version is missing");
    }
    BigDecimal inflation = decimal(source, keys, "inflation", problems);
    if (inflation != null && inflation.compareTo(BigDecimal.ONE.negate()) <= 0) {
      problems.add(source + ": inflation: must be above -1, was " + inflation.toPlainString());
    }
    TreeMap<Integer, String> sourceLines = new TreeMap<>();
    TreeMap<String, Map<String, String>> classKeys = new TreeMap<>();
    TreeMap<String, String> corrKeys = new TreeMap<>();
    for (Map.Entry<String, String> e : keys.entrySet()) {
      String k = e.getKey();
      String[] parts = k.split("\\.", -1);
      if (k.equals("name") || k.equals("version") || k.equals("inflation")) {
        continue;
      } else if (parts[0].equals("source") && parts.length == 2 && parts[1].matches("[0-9]{1,4}")) {
        sourceLines.put(Integer.parseInt(parts[1]), e.getValue());
      } else if (parts[0].equals("class")
          && parts.length == 3
          && !parts[1].isBlank()
          && List.of("return", "volatility", "yield", "tax").contains(parts[2])) {
        classKeys.computeIfAbsent(parts[1], c -> new TreeMap<>()).put(parts[2], e.getValue());
      } else if (parts[0].equals("correlation")
          && parts.length == 3
          && !parts[1].isBlank()
          && !parts[2].isBlank()) {
        corrKeys.put(k, e.getValue());
      } else {
        problems.add(source + ": unknown key '" + k + "'");
      }
    }
    ImmutableSortedMap.Builder<AssetClass, ClassAssumption> classes =
        ImmutableSortedMap.naturalOrder();
    for (Map.Entry<String, Map<String, String>> e : classKeys.entrySet()) {
      String c = e.getKey();
      String at = "class." + c + ".";
      BigDecimal r = decimal(source, keys, at + "return", problems);
      BigDecimal v = decimal(source, keys, at + "volatility", problems);
      BigDecimal y =
          e.getValue().containsKey("yield")
              ? decimal(source, keys, at + "yield", problems)
              : BigDecimal.ZERO;
      String tax = e.getValue().getOrDefault("tax", "QUALIFIED");
      TaxCharacter character = null;
      try {
        character = TaxCharacter.valueOf(tax);
      } catch (IllegalArgumentException ex) {
        problems.add(
            source
                + ": "
                + at
                + "tax: must be one of QUALIFIED, ORDINARY, TAX_EXEMPT, was '"
                + tax
                + "'");
      }
      if (r == null || v == null || y == null || character == null) {
        continue;
      }
      try {
        classes.put(AssetClass.of(c), new ClassAssumption(r, v, y, character));
      } catch (IllegalArgumentException ex) {
        problems.add(source + ": " + at + ex.getMessage());
      }
    }
    ImmutableSortedMap<AssetClass, ClassAssumption> classMap = classes.build();
    if (classMap.isEmpty()) {
      problems.add(source + ": no asset class is given (class.<id>.return and .volatility)");
    }
    TreeMap<String, BigDecimal> corr = new TreeMap<>();
    for (Map.Entry<String, String> e : corrKeys.entrySet()) {
      String[] parts = e.getKey().split("\\.", -1);
      BigDecimal rho = decimal(source, keys, e.getKey(), problems);
      if (rho == null) {
        continue;
      }
      if (parts[1].equals(parts[2])) {
        problems.add(source + ": " + e.getKey() + ": must name two different classes");
      } else if (!classMap.containsKey(AssetClass.of(parts[1]))
          || !classMap.containsKey(AssetClass.of(parts[2]))) {
        problems.add(source + ": " + e.getKey() + ": names a class without assumptions");
      } else if (rho.abs().compareTo(BigDecimal.ONE) > 0) {
        problems.add(
            source + ": " + e.getKey() + ": must be in [-1, 1], was " + rho.toPlainString());
      } else {
        String pair =
            parts[1].compareTo(parts[2]) < 0
                ? parts[1] + "." + parts[2]
                : parts[2] + "." + parts[1];
        if (corr.put(pair, rho) != null) {
          problems.add(source + ": " + e.getKey() + ": the pair is given twice");
        }
      }
    }
    if (problems.isEmpty()) {
      String notDefinite = CorrelationCheck.firstFailure(classMap, corr);
      if (notDefinite != null) {
        problems.add(
            source + ": the correlation matrix is not positive definite (" + notDefinite + ")");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssumptionsException(String.join("\n", problems));
    }
    return new CapitalMarketAssumptions(
        name,
        version,
        inflation,
        ImmutableList.copyOf(sourceLines.values()),
        classMap,
        ImmutableSortedMap.copyOf(corr));
  }

  private static BigDecimal decimal(
      String source, Map<String, String> keys, String key, List<String> problems) {
    String v = keys.get(key);
    if (v == null) {
      problems.add(source + ": " + key + " is missing");
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      problems.add(source + ": " + key + ": must be a decimal, was '" + v + "'");
      return null;
    }
  }

  private static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  /** {@return the name, e.g. {@code rebal-default}} */
  public String name() {
    return name;
  }

  /** {@return the version, e.g. {@code 2026.1}} */
  public String version() {
    return version;
  }

  /** {@return expected inflation a year (a fraction)} */
  public BigDecimal inflation() {
    return inflation;
  }

  /** {@return where the figures come from, in order} */
  public ImmutableList<String> sources() {
    return sources;
  }

  /** {@return the assumptions per asset class, sorted by class} */
  public ImmutableSortedMap<AssetClass, ClassAssumption> classes() {
    return classes;
  }

  /**
   * {@return the assumption for {@code assetClass}, if the set has one}
   *
   * @param assetClass the asset class
   */
  public java.util.Optional<ClassAssumption> find(AssetClass assetClass) {
    return java.util.Optional.ofNullable(classes.get(Checks.notNull(assetClass, "assetClass")));
  }

  /**
   * {@return the correlation of two classes' log returns: 1 for a class with itself, the listed
   * figure, or 0 when the pair is not listed}
   *
   * @param a one asset class
   * @param b another asset class
   */
  public BigDecimal correlation(AssetClass a, AssetClass b) {
    Checks.notNull(a, "a");
    Checks.notNull(b, "b");
    if (a.equals(b)) {
      return BigDecimal.ONE;
    }
    String key = a.value().compareTo(b.value()) < 0 ? a + "." + b : b + "." + a;
    return correlations.getOrDefault(key, BigDecimal.ZERO);
  }

  /** {@return the SHA-256 of the canonical text, in lower-case hex} */
  public String contentHash() {
    return contentHash;
  }

  /** {@return the canonical text the content hash is computed over} */
  public String toCanonicalText() {
    return canonicalText;
  }

  /**
   * {@return the set as rule-set parameters ({@code outlook.cma.} and the text form's keys),
   * sorted: add them to a rule set and {@link #from(RuleSet)} gives this set back}
   */
  public ImmutableSortedMap<String, String> toParameters() {
    ImmutableSortedMap.Builder<String, String> out = ImmutableSortedMap.naturalOrder();
    keys().forEach((k, v) -> out.put(PARAMETER_PREFIX + k, v));
    return out.build();
  }

  /**
   * {@return a copy of {@code ruleSet} that carries this set (its {@code outlook.cma.*} parameters
   * replaced), at {@code newVersion}}
   *
   * @param ruleSet the rule set
   * @param newVersion the version of the copy
   */
  public RuleSet applyTo(RuleSet ruleSet, dev.rebal.core.ruleset.SemanticVersion newVersion) {
    Checks.notNull(ruleSet, "ruleSet");
    Checks.notNull(newVersion, "newVersion");
    TreeMap<String, String> params = new TreeMap<>();
    ruleSet
        .parameters()
        .forEach(
            (k, v) -> {
              if (!k.startsWith(PARAMETER_PREFIX)) {
                params.put(k, v);
              }
            });
    params.putAll(toParameters());
    return RuleSet.of(ruleSet.name(), newVersion, ruleSet.rules(), params);
  }

  private SortedMap<String, String> keys() {
    SortedMap<String, String> k = new TreeMap<>();
    k.put("name", name);
    k.put("version", version);
    k.put("inflation", plain(inflation));
    for (int i = 0; i < sources.size(); i++) {
      k.put("source." + (i + 1), sources.get(i));
    }
    classes.forEach(
        (c, a) -> {
          k.put("class." + c + ".return", plain(a.expectedReturn()));
          k.put("class." + c + ".volatility", plain(a.volatility()));
          k.put("class." + c + ".yield", plain(a.yield()));
          k.put("class." + c + ".tax", a.taxCharacter().name());
        });
    correlations.forEach((pair, rho) -> k.put("correlation." + pair, plain(rho)));
    return k;
  }

  /**
   * {@return e.g. {@code rebal-default 2026.1 (3f2a9c01b2c4)}: name, version, first 12 of the hash}
   */
  public String label() {
    return name + " " + version + " (" + contentHash.substring(0, 12) + ")";
  }

  /** Returns whether {@code o} is a set with the same canonical text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof CapitalMarketAssumptions
        && ((CapitalMarketAssumptions) o).canonicalText.equals(canonicalText);
  }

  /** Returns the canonical text's hash code. */
  @Override
  public int hashCode() {
    return canonicalText.hashCode();
  }

  /** Returns {@link #label()}. */
  @Override
  public String toString() {
    return label();
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(64);
      for (byte b : d) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
