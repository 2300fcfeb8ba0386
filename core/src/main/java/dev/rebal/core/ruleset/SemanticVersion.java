package dev.rebal.core.ruleset;

import dev.rebal.core.internal.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version {@code MAJOR.MINOR.PATCH} of a rule set. Ordered numerically. This record is
 * immutable and thread-safe.
 *
 * @param major incompatible changes of behaviour
 * @param minor new rules or parameters
 * @param patch corrections that keep intent
 */
public record SemanticVersion(int major, int minor, int patch)
    implements Comparable<SemanticVersion> {
  private static final Pattern FORMAT =
      Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  /**
   * Checks that no part is negative.
   *
   * @param major incompatible changes of behaviour
   * @param minor new rules or parameters
   * @param patch corrections that keep intent
   */
  public SemanticVersion {
    Checks.isTrue(
        major >= 0 && minor >= 0 && patch >= 0,
        "version",
        major + "." + minor + "." + patch,
        "must not have negative parts");
  }

  /**
   * Parses {@code 1.4.0}.
   *
   * @param text the text
   * @return the version
   * @throws IllegalArgumentException naming the text if it is not three dot-separated numbers
   */
  public static SemanticVersion parse(String text) {
    Checks.notNull(text, "version");
    Matcher m = FORMAT.matcher(text.trim());
    Checks.isTrue(m.matches(), "version", "'" + text + "'", "must be MAJOR.MINOR.PATCH");
    return new SemanticVersion(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(SemanticVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    return c != 0 ? c : Integer.compare(patch, o.patch);
  }

  /** Returns {@code MAJOR.MINOR.PATCH}. */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
