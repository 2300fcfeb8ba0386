package dev.rebal.core.validation;

/**
 * The path of a field in a household, built from ids rather than list positions so that it stays
 * meaningful when input is reordered: {@code accounts[IRA-1].cashFloor}, {@code
 * goals[G-1].glidePath.steps[5].classes[US_EQUITY].weight}. Immutable; each step returns a copy.
 */
final class Path {
  private final String text;

  private Path(String text) {
    this.text = text;
  }

  /** Returns the path of a top-level field, e.g. {@code taxProfile}. */
  static Path of(String field) {
    return new Path(field);
  }

  /** Returns the path of the element with {@code key} of top-level collection {@code field}. */
  static Path of(String field, Object key) {
    return new Path(field + "[" + key + "]");
  }

  /** Returns this path followed by {@code .name}. */
  Path field(String name) {
    return new Path(text + "." + name);
  }

  /** Returns this path followed by {@code [key]}. */
  Path key(Object key) {
    return new Path(text + "[" + key + "]");
  }

  /** Returns this path followed by {@code .name[key]}. */
  Path field(String name, Object key) {
    return field(name).key(key);
  }

  @Override
  public String toString() {
    return text;
  }
}
