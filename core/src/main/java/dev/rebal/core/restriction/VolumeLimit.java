package dev.rebal.core.restriction;

import dev.rebal.core.internal.Checks;

/**
 * A control person's Rule 144 volume limit: sales of the issuer's stock in any three months, across
 * all household accounts, may not exceed the greater of 1% of shares outstanding and the average
 * weekly volume of the four calendar weeks before (17 CFR 230.144(e)). The figures come from {@link
 * dev.rebal.core.market.TradingVolume}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param issuer the issuer the household is an affiliate of
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record VolumeLimit(RestrictionId id, String issuer, DateWindow window, String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param issuer the issuer the household is an affiliate of
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public VolumeLimit {
    Checks.notNull(id, "id");
    Checks.notBlank(issuer, "issuer");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code control-person-volume}. */
  @Override
  public String kind() {
    return "control-person-volume";
  }
}
