package dev.rebal.compliance;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.restriction.Restriction;

/**
 * Where a bound, a block or a violation comes from: a household restriction (its id, kind and the
 * source text the advisor wrote) or a built-in check of the library.
 *
 * <p>Built-in provenances have an id starting with {@value #BUILT_IN_PREFIX} followed by their
 * kind, e.g. {@code builtin.held-away}; docs/compliance.md lists them. A proposal cites a
 * provenance to explain why a trade was not made. This record is immutable and thread-safe.
 *
 * @param id the restriction id, or {@code builtin.<kind>}
 * @param kind the restriction kind (e.g. {@code do-not-sell}) or the built-in check's kind
 * @param source the restriction's source text, or the built-in reason (e.g. "held-away account")
 * @since 0.1
 */
public record Provenance(String id, String kind, String source) implements Comparable<Provenance> {
  /** The id prefix of built-in provenances. */
  public static final String BUILT_IN_PREFIX = "builtin.";

  /**
   * Checks that the id and kind are not blank and the source is present.
   *
   * @param id the restriction id, or {@code builtin.<kind>}
   * @param kind the restriction kind (e.g. {@code do-not-sell}) or the built-in check's kind
   * @param source the restriction's source text, or the built-in reason (e.g. "held-away account")
   */
  public Provenance {
    Checks.notBlank(id, "id");
    Checks.notBlank(kind, "kind");
    Checks.notNull(source, "source");
  }

  /**
   * {@return the provenance of a household restriction}
   *
   * @param restriction the restriction
   */
  public static Provenance of(Restriction restriction) {
    Checks.notNull(restriction, "restriction");
    return new Provenance(restriction.id().value(), restriction.kind(), restriction.source());
  }

  /**
   * {@return a built-in provenance with id {@code builtin.<kind>}}
   *
   * @param kind the built-in check, e.g. {@code cash-floor}
   * @param reason why the check applies, for people
   */
  public static Provenance builtIn(String kind, String reason) {
    return new Provenance(BUILT_IN_PREFIX + Checks.notBlank(kind, "kind"), kind, reason);
  }

  /** {@return whether this is a built-in check rather than a household restriction} */
  public boolean isBuiltIn() {
    return id.startsWith(BUILT_IN_PREFIX);
  }

  /** Orders by id, then kind, then source. */
  @Override
  public int compareTo(Provenance other) {
    int c = id.compareTo(other.id);
    if (c == 0) {
      c = kind.compareTo(other.kind);
    }
    return c != 0 ? c : source.compareTo(other.source);
  }

  /** Returns e.g. {@code R-7 (do-not-sell: "Ten-year cliff")}. */
  @Override
  public String toString() {
    return id + " (" + kind + ": \"" + source + "\")";
  }
}
