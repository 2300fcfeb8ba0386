package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;

/**
 * A lot preference: lots of the securities in scope acquired before a date are never sold (e.g.
 * very low-basis founder shares kept for a step-up).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param scope the securities it applies to
 * @param protectAcquiredBefore lots acquired strictly before this date are not sold
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record LotPreference(
    RestrictionId id,
    SecurityScope scope,
    LocalDate protectAcquiredBefore,
    DateWindow window,
    String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param scope the securities it applies to
   * @param protectAcquiredBefore lots acquired strictly before this date are not sold
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public LotPreference {
    Checks.notNull(id, "id");
    Checks.notNull(scope, "scope");
    Checks.notNull(protectAcquiredBefore, "protectAcquiredBefore");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code lot-preference}. */
  @Override
  public String kind() {
    return "lot-preference";
  }
}
