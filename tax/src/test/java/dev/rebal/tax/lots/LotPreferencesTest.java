package dev.rebal.tax.lots;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which lots a household's lot preferences protect on a date. */
class LotPreferencesTest {
  private static final LocalDate AS_OF = date("2026-06-30");
  private static final LocalDate CUTOFF = date("2016-01-01");
  private static final MarketData MARKET =
      market(List.of(security("X", "X"), security("Y", "Y")), Map.of(), AS_OF);
  private static final SecurityId Y = SecurityId.of("Y");
  private static final SecurityId UNLISTED = SecurityId.of("UNLISTED");

  /** X bought before and on the cut-off, Y before it, and an unlisted security before it. */
  private static Household withPreferences(Restriction... restrictions) {
    return household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(
                lot("X-OLD", TAXABLE, X, 10, "100", date("2015-12-31")),
                lot("X-CUT", TAXABLE, X, 10, "100", CUTOFF),
                lot("Y-OLD", TAXABLE, Y, 10, "100", date("2010-01-01")),
                lot("U-OLD", TAXABLE, UNLISTED, 10, "100", date("2010-01-01"))),
            List.of())
        .withRestrictions(List.of(restrictions));
  }

  private static LotPreference preference(String id, SecurityScope scope, DateWindow window) {
    return new LotPreference(RestrictionId.of(id), scope, CUTOFF, window, "hold for step-up");
  }

  @Test
  void protectedLots_securityScope_protectsOnlyItsLotsAcquiredStrictlyBefore() {
    Household h =
        withPreferences(preference("R-1", SecurityScope.security("X"), DateWindow.always()));

    assertThat(LotPreferences.protectedLots(h, MARKET, AS_OF)).containsExactly(LotId.of("X-OLD"));
  }

  @Test
  void protectedLots_preferenceNotInEffect_protectsNothing() {
    Household h =
        withPreferences(
            preference("R-1", SecurityScope.security("X"), DateWindow.until(AS_OF.minusDays(1))),
            preference("R-2", SecurityScope.security("Y"), DateWindow.from(AS_OF.plusDays(1))));

    assertThat(LotPreferences.protectedLots(h, MARKET, AS_OF)).isEmpty();
  }

  @Test
  void protectedLots_assetClassScope_protectsListedSecuritiesOnly() {
    Household h =
        withPreferences(
            preference("R-1", SecurityScope.assetClass("US_EQUITY"), DateWindow.always()));

    // the unlisted security has no asset class to match
    assertThat(LotPreferences.protectedLots(h, MARKET, AS_OF))
        .containsExactly(LotId.of("X-OLD"), LotId.of("Y-OLD"));
  }

  @Test
  void protectedLots_unlistedSecurity_matchesOnlyAScopeNamingIt() {
    Household byId =
        withPreferences(preference("R-1", SecurityScope.security("UNLISTED"), DateWindow.always()));
    Household byIssuer =
        withPreferences(preference("R-1", SecurityScope.issuer("UNLISTED"), DateWindow.always()));

    assertThat(LotPreferences.protectedLots(byId, MARKET, AS_OF))
        .containsExactly(LotId.of("U-OLD"));
    assertThat(LotPreferences.protectedLots(byIssuer, MARKET, AS_OF)).isEmpty();
  }

  @Test
  void protectedLots_noPreference_isEmpty() {
    assertThat(LotPreferences.protectedLots(withPreferences(), MARKET, AS_OF)).isEmpty();
  }

  @Test
  void protectedLots_nullArgument_throwsNamingIt() {
    Household h = withPreferences();
    assertThatThrownBy(() -> LotPreferences.protectedLots(h, MARKET, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asOf");
    assertThatThrownBy(() -> LotPreferences.protectedLots(h, null, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("market");
    assertThatThrownBy(() -> LotPreferences.protectedLots(null, MARKET, AS_OF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("household");
  }
}
