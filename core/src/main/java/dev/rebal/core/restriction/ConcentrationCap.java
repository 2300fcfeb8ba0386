package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Weight;

/**
 * A concentration cap: the household's holding of the securities in scope (a security or an
 * issuer), held-away accounts included, may not exceed a share of the household's total value.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param scope the securities capped
 * @param maxWeight the largest allowed share of household value
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record ConcentrationCap(
    RestrictionId id, SecurityScope scope, Weight maxWeight, DateWindow window, String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param scope the securities capped
   * @param maxWeight the largest allowed share of household value
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public ConcentrationCap {
    Checks.notNull(id, "id");
    Checks.notNull(scope, "scope");
    Checks.notNull(maxWeight, "maxWeight");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code concentration-cap}. */
  @Override
  public String kind() {
    return "concentration-cap";
  }
}
