package dev.rebal.core.validation;

/**
 * The path of a field in a household, built from ids rather than list positions so that it stays
 * meaningful when input is reordered: {@code accounts[IRA-1].cashFloor}, {@code
 * goals[G-1].glidePath.steps[5].classes[US_EQUITY].weight}. Immutable; each step returns a copy.
 *
 * <p>A step only links to its parent: the text is built when it is first asked for, which is when a
 * problem is reported, so the validator pays nothing for the paths of fields that are fine. Keys
 * are ids, numbers and dates, all immutable, so the text is the same whenever it is built.
 */
final class Path {
  private static final int ROOT = 0;
  private static final int FIELD = 1;
  private static final int KEY = 2;

  private final Path parent;
  private final Object part;
  private final int kind;
  private String text;

  private Path(Path parent, Object part, int kind) {
    this.parent = parent;
    this.part = part;
    this.kind = kind;
  }

  /** Returns the path of a top-level field, e.g. {@code taxProfile}. */
  static Path of(String field) {
    return new Path(null, field, ROOT);
  }

  /** Returns the path of the element with {@code key} of top-level collection {@code field}. */
  static Path of(String field, Object key) {
    return of(field).key(key);
  }

  /** Returns this path followed by {@code .name}. */
  Path field(String name) {
    return new Path(this, name, FIELD);
  }

  /** Returns this path followed by {@code [key]}. */
  Path key(Object key) {
    return new Path(this, key, KEY);
  }

  /** Returns this path followed by {@code .name[key]}. */
  Path field(String name, Object key) {
    return field(name).key(key);
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      StringBuilder out = new StringBuilder(48);
      appendTo(out);
      t = out.toString();
      text = t;
    }
    return t;
  }

  private void appendTo(StringBuilder out) {
    if (parent != null) {
      parent.appendTo(out);
    }
    if (kind == FIELD) {
      out.append('.').append(part);
    } else if (kind == KEY) {
      out.append('[').append(part).append(']');
    } else {
      out.append(part);
    }
  }
}
