package dev.rebal.core.ruleset;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The declaration of one rule-set parameter: its name, type, range and default, and what it is for.
 * {@link RuleParameters#standard()} declares every parameter Rebal reads; a rule set is checked
 * against the declarations when it is loaded, so a bad value is an error before any household runs.
 *
 * <p>Values are plain text in a rule set. A {@link Type#DECIMAL} is a plain decimal (no exponent,
 * at most 15 integer and 10 decimal digits), a {@link Type#INTEGER} a whole number of at most 9
 * digits, a {@link Type#CHOICE} one of the listed words. Ranges are inclusive. This class is
 * immutable and thread-safe.
 */
public final class RuleParameter implements Comparable<RuleParameter> {
  /** The type of a parameter's value. */
  public enum Type {
    /** A plain decimal such as {@code 0.05} or {@code 1000000}. */
    DECIMAL,
    /** A whole number such as {@code 90}. */
    INTEGER,
    /** One of a fixed set of words, such as {@code HALFWAY}. */
    CHOICE,
    /** A comma-separated list of words from a fixed set, such as {@code NEED,CASH_FLOOR}. */
    SUBSET
  }

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,10})?");
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
  private static final int SHOWN = 40;

  private final String name;
  private final Type type;
  private final BigDecimal min;
  private final BigDecimal max;
  private final ImmutableSortedSet<String> choices;
  private final String defaultValue;
  private final String description;

  private RuleParameter(
      String name,
      Type type,
      BigDecimal min,
      BigDecimal max,
      ImmutableSortedSet<String> choices,
      String defaultValue,
      String description) {
    this.name = Checks.notBlank(name, "name");
    this.type = type;
    this.min = min;
    this.max = max;
    this.choices = choices;
    this.defaultValue = defaultValue;
    this.description = Checks.notBlank(description, "description");
    if (defaultValue != null) {
      Checks.isTrue(
          problem(defaultValue).isEmpty(),
          "defaultValue",
          defaultValue,
          "must satisfy the declaration of " + name);
    }
  }

  /**
   * Declares a decimal parameter in {@code [min, max]}.
   *
   * @param defaultValue the value used when a rule set leaves it out, or null for none (the feature
   *     is off)
   * @param name the parameter's name
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @param description what it does, for people
   * @return the declaration
   */
  public static RuleParameter decimal(
      String name, String min, String max, String defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.DECIMAL,
        new BigDecimal(min),
        new BigDecimal(max),
        ImmutableSortedSet.of(),
        defaultValue,
        description);
  }

  /**
   * Declares a whole-number parameter in {@code [min, max]}; see {@link #decimal}.
   *
   * @param name the parameter's name
   * @param min the smallest value allowed
   * @param max the largest value allowed
   * @param defaultValue the value used when a rule set leaves it out, or null for none
   * @param description what it does, for people
   * @return the declaration
   */
  public static RuleParameter integer(
      String name, long min, long max, String defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.INTEGER,
        BigDecimal.valueOf(min),
        BigDecimal.valueOf(max),
        ImmutableSortedSet.of(),
        defaultValue,
        description);
  }

  /**
   * Declares a parameter whose value is one of {@code choices}; see {@link #decimal}.
   *
   * @param name the parameter's name
   * @param choices the values allowed
   * @param defaultValue the value used when a rule set leaves it out, or null for none
   * @param description what it does, for people
   * @return the declaration
   */
  public static RuleParameter choice(
      String name, Iterable<String> choices, String defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.CHOICE,
        null,
        null,
        ImmutableSortedSet.copyOf(choices),
        defaultValue,
        description);
  }

  /**
   * Declares a parameter whose value lists some of {@code choices}, comma-separated.
   *
   * @param name the parameter's name
   * @param choices the values allowed in the list
   * @param defaultValue the value used when a rule set leaves it out, or null for none
   * @param description what it does, for people
   * @return the declaration
   */
  public static RuleParameter subset(
      String name, Iterable<String> choices, String defaultValue, String description) {
    return new RuleParameter(
        name,
        Type.SUBSET,
        null,
        null,
        ImmutableSortedSet.copyOf(choices),
        defaultValue,
        description);
  }

  /** {@return the name, e.g. {@code review.turnover.max}} */
  public String name() {
    return name;
  }

  /** {@return the type} */
  public Type type() {
    return type;
  }

  /** {@return the smallest value allowed, for numbers} */
  public Optional<BigDecimal> min() {
    return Optional.ofNullable(min);
  }

  /** {@return the largest value allowed, for numbers} */
  public Optional<BigDecimal> max() {
    return Optional.ofNullable(max);
  }

  /** {@return the words allowed, for a {@link Type#CHOICE}; empty otherwise} */
  public ImmutableSortedSet<String> choices() {
    return choices;
  }

  /** {@return the value used when a rule set leaves the parameter out, if any} */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** {@return what the parameter is for, with its unit} */
  public String description() {
    return description;
  }

  /** {@return e.g. {@code a decimal from 0 to 1}} */
  public String rule() {
    switch (type) {
      case DECIMAL:
        return "a plain decimal from " + min.toPlainString() + " to " + max.toPlainString();
      case INTEGER:
        return "a whole number from " + min.toPlainString() + " to " + max.toPlainString();
      case SUBSET:
        return "a comma-separated list of " + String.join(", ", choices);
      default:
        return "one of " + String.join(", ", choices);
    }
  }

  /**
   * {@return what is wrong with {@code value} for this parameter, or empty if it is valid: e.g.
   * {@code must be a plain decimal from 0 to 2, was 'abc'}}
   *
   * @param value the value
   */
  public Optional<String> problem(String value) {
    Checks.notNull(value, "value");
    boolean ok;
    switch (type) {
      case DECIMAL:
        ok = DECIMAL.matcher(value).matches() && inRange(new BigDecimal(value));
        break;
      case INTEGER:
        ok = INTEGER.matcher(value).matches() && inRange(new BigDecimal(value));
        break;
      case SUBSET:
        ok =
            !value.isEmpty()
                && java.util.Arrays.stream(value.split(",", -1)).allMatch(choices::contains);
        break;
      default:
        ok = choices.contains(value);
        break;
    }
    if (ok) {
      return Optional.empty();
    }
    String shown =
        value.length() <= SHOWN
            ? value
            : value.substring(0, SHOWN) + "...(" + value.length() + " characters)";
    return Optional.of("must be " + rule() + ", was '" + shown + "'");
  }

  private boolean inRange(BigDecimal v) {
    return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
  }

  /**
   * {@return this parameter's value in {@code ruleSet} as a decimal, or its default}
   *
   * @param ruleSet the rule set
   * @throws IllegalStateException if it is not a number or has no default and is not set
   */
  public BigDecimal decimal(RuleSet ruleSet) {
    Checks.notNull(ruleSet, "ruleSet");
    Checks.verify(type == Type.DECIMAL || type == Type.INTEGER, "%s is not a number", name);
    Optional<String> v = ruleSet.find(name);
    Checks.verify(v.isPresent() || defaultValue != null, "%s has no default", name);
    return new BigDecimal(v.orElse(defaultValue));
  }

  @Override
  public int compareTo(RuleParameter other) {
    return name.compareTo(other.name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleParameter
        && ((RuleParameter) o).name.equals(name)
        && ((RuleParameter) o).rule().equals(rule())
        && java.util.Objects.equals(((RuleParameter) o).defaultValue, defaultValue);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns e.g. {@code review.turnover.max (a plain decimal from 0 to 2, default 0.30)}. */
  @Override
  public String toString() {
    return name
        + " ("
        + rule()
        + (defaultValue == null ? ", no default" : ", default " + defaultValue)
        + ")";
  }
}
