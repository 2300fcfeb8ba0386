package dev.rebal.tax.harvest;

import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;

/**
 * A lot with a loss above the thresholds that was not harvested, and why. Codes: {@code
 * harvest.wash-sale-window} (a substantially identical purchase in the last 30 days), {@code
 * harvest.protected-lot} (a lot preference), {@code harvest.unknown-basis}, {@code
 * harvest.no-replacement} (no model substitute outside the group may be bought), {@code
 * harvest.replacement-group} (the group is bought as the replacement of a larger harvest, and
 * selling it at a loss would wash that purchase). This record is immutable and thread-safe.
 *
 * @param lot the lot
 * @param code the reason code
 * @since 0.1
 */
public record HarvestSkip(LotId lot, String code) {
  /**
   * Checks that no component is null.
   *
   * @param lot the lot
   * @param code the reason code
   */
  public HarvestSkip {
    Checks.notNull(lot, "lot");
    Checks.notBlank(code, "code");
  }
}
