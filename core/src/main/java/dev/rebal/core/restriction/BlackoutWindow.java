package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;

/**
 * An insider blackout: no buy or sell of any security of the issuer in any household account while
 * the window is in effect. The window must be bounded at both ends.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param issuer the issuer whose securities are blacked out
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record BlackoutWindow(RestrictionId id, String issuer, DateWindow window, String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param issuer the issuer whose securities are blacked out
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public BlackoutWindow {
    Checks.notNull(id, "id");
    Checks.notBlank(issuer, "issuer");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code insider-blackout}. */
  @Override
  public String kind() {
    return "insider-blackout";
  }
}
