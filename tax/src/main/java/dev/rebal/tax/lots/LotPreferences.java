package dev.rebal.tax.lots;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.ScopeType;
import dev.rebal.core.security.Security;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads a household's lot preferences: which lots must never be sold on a date.
 *
 * <p>A lot is protected when a {@link LotPreference} in effect on the date covers its security and
 * the lot was acquired strictly before the preference's date. A security missing from the market
 * data can only match a preference scoped to its own id. This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class LotPreferences {
  private LotPreferences() {}

  /**
   * {@return the ids of the lots that must not be sold on {@code asOf}, sorted}
   *
   * @param household the household
   * @param market the security master
   * @param asOf the as-of date
   */
  public static ImmutableSortedSet<LotId> protectedLots(
      Household household, MarketData market, LocalDate asOf) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(asOf, "asOf");
    ImmutableSortedSet.Builder<LotId> out = ImmutableSortedSet.naturalOrder();
    for (Restriction r : household.restrictions()) {
      if (!(r instanceof LotPreference) || !r.isInEffect(asOf)) {
        continue;
      }
      LotPreference p = (LotPreference) r;
      for (TaxLot lot : household.lots()) {
        if (lot.acquired().isBefore(p.protectAcquiredBefore()) && covers(p, lot, market)) {
          out.add(lot.id());
        }
      }
    }
    return out.build();
  }

  private static boolean covers(LotPreference p, TaxLot lot, MarketData market) {
    Optional<Security> security = market.findSecurity(lot.security());
    if (security.isPresent()) {
      return p.scope().matches(security.get());
    }
    return p.scope().type() == ScopeType.SECURITY
        && p.scope().value().equals(lot.security().value());
  }
}
