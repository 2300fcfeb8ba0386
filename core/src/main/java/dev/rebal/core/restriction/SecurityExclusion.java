package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;

/**
 * Do not buy: no purchase of the securities in scope in any household account (an executive's
 * employer, an ESG exclusion, a whole asset class). Existing holdings may be sold.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param scope the securities excluded
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record SecurityExclusion(
    RestrictionId id, SecurityScope scope, DateWindow window, String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param scope the securities excluded
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public SecurityExclusion {
    Checks.notNull(id, "id");
    Checks.notNull(scope, "scope");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code security-exclusion}. */
  @Override
  public String kind() {
    return "security-exclusion";
  }
}
