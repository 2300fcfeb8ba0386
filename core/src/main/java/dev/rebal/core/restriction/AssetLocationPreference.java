package dev.rebal.core.restriction;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.util.SortedSet;

/**
 * A soft asset-location preference: holding the securities in scope in accounts of the listed tax
 * treatments costs a penalty (in basis points of value a year) in the optimizer's objective, rather
 * than being forbidden (e.g. no munis in tax-deferred accounts).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param scope the securities it applies to
 * @param avoidIn the tax treatments the securities should not be held in
 * @param penaltyBps the penalty per dollar held there, in basis points
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record AssetLocationPreference(
    RestrictionId id,
    SecurityScope scope,
    SortedSet<TaxTreatment> avoidIn,
    BigDecimal penaltyBps,
    DateWindow window,
    String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param scope the securities it applies to
   * @param avoidIn the tax treatments the securities should not be held in
   * @param penaltyBps the penalty per dollar held there, in basis points
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public AssetLocationPreference {
    Checks.notNull(id, "id");
    Checks.notNull(scope, "scope");
    Checks.noNulls(avoidIn, "avoidIn");
    avoidIn = ImmutableSortedSet.copyOf(avoidIn);
    Checks.notNull(penaltyBps, "penaltyBps");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code asset-location}. */
  @Override
  public String kind() {
    return "asset-location";
  }
}
