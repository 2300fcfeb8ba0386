package dev.rebal.tax.cost;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.tax.TaxFixtures;
import dev.rebal.tax.internal.TaxCostCache;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tax-cost curves' cache (a curve is reused only when every input is equal) and which lots a
 * curve leaves out. X at $50 on 2025-06-30; lot A 100 shares basis 3,000 (long term), B 100 shares
 * basis 6,000.
 */
class TaxCostCacheTest {
  private static final LocalDate AS_OF = date("2025-06-30");
  private static final MarketData MARKET =
      market(List.of(security("X", "X")), Map.of("X", "50"), AS_OF);
  private static final TaxLot A = lot("A", TAXABLE, X, 100, "3000", date("2020-01-15"));
  private static final TaxLot B = lot("B", TAXABLE, X, 100, "6000", date("2023-05-01"));

  private static Household household(List<TaxLot> lots) {
    return TaxFixtures.household(List.of(account(TAXABLE, AccountType.TAXABLE)), lots, List.of());
  }

  @Test
  void curves_sameInputs_reuseTheCachedCurve() {
    // given
    TaxCostCache cache = TaxCostCache.create();
    Household h = household(List.of(A, B));

    // when
    TaxCostCurve first = cache.curves(h, MARKET, AS_OF).get(0);
    TaxCostCurve second = cache.curves(h, MARKET, AS_OF).get(0);

    // then
    assertThat(second)
        .isSameAs(first)
        .isEqualTo(TaxCostModel.standard().curves(h, MARKET, AS_OF).get(0));
  }

  @Test
  void curves_anInputChanged_recomputeTheCurve() {
    // given
    TaxCostCache cache = TaxCostCache.create();
    Household h = household(List.of(A, B));
    TaxCostCurve first = cache.curves(h, MARKET, AS_OF).get(0);
    MarketData sameData = market(List.of(security("X", "X")), Map.of("X", "50"), AS_OF);
    Household otherProfile =
        TaxFixtures.household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(A, B),
            List.of(),
            TaxFixtures.profile(FilingStatus.SINGLE, "0.35", "0.15"),
            Map.of());
    Household otherLots = household(List.of(A));
    Household otherTreatment =
        TaxFixtures.household(
            List.of(account(TAXABLE, AccountType.TRADITIONAL_IRA)), List.of(A, B), List.of());

    // when / then: each differs from the cached curve exactly as the uncached computation does
    for (Object[] c :
        new Object[][] {
          {h, sameData, AS_OF},
          {h, MARKET, AS_OF.plusDays(1)},
          {otherProfile, MARKET, AS_OF},
          {otherLots, MARKET, AS_OF},
          {otherTreatment, MARKET, AS_OF}
        }) {
      Household hh = (Household) c[0];
      MarketData m = (MarketData) c[1];
      LocalDate d = (LocalDate) c[2];
      TaxCostCurve cached = cache.curves(hh, m, d).get(0);
      assertThat(cached)
          .isNotSameAs(first)
          .isEqualTo(TaxCostModel.standard().curves(hh, m, d).get(0));
    }
  }

  @Test
  void curve_protectedAndEmptyLots_areLeftOut() {
    // given: A protected by a lot preference (acquired before 2021)
    Household h =
        household(List.of(A, B))
            .withRestrictions(
                List.of(
                    new LotPreference(
                        RestrictionId.of("R-1"),
                        SecurityScope.security("X"),
                        date("2021-01-01"),
                        DateWindow.always(),
                        "hold")));

    // when
    TaxCostCurve curve = TaxCostModel.standard().curve(h, MARKET, TAXABLE, X, AS_OF);
    TaxCostCurve none =
        TaxCostModel.standard()
            .curve(household(List.of(A, B)), MARKET, AccountId.of("OTHER"), X, AS_OF);

    // then
    assertThat(curve.segments()).extracting(s -> s.lot().value()).containsExactly("B");
    assertThat(curve.capacity()).isEqualTo(Money.usd("5000"));
    assertThat(none.segments()).isEmpty();
    assertThat(none.capacity()).isEqualTo(Money.usd("0"));
  }

  @Test
  void curves_heldAwayAccount_hasNoCurve() {
    // given: the same lots in a held-away (not tradable) account
    Account away =
        Account.builder()
            .id(TAXABLE)
            .type(AccountType.TAXABLE)
            .custodian("Elsewhere")
            .cash(Money.usd("0"))
            .heldAway(true)
            .tradable(false)
            .build();
    Household h = TaxFixtures.household(List.of(away), List.of(A, B), List.of());

    // then
    assertThat(TaxCostModel.standard().curves(h, MARKET, AS_OF)).isEmpty();
  }

  @Test
  void curve_costsPerDollar_followTheWorkedFigures() {
    // when
    TaxCostCurve curve =
        TaxCostModel.standard().curve(household(List.of(A, B)), MARKET, TAXABLE, X, AS_OF);

    // then: B first, (50 - 60) / 50 = -0.2 x 0.20 = -0.04; A (50 - 30) / 50 = 0.4 x 0.20 = 0.08
    // (both long term)
    assertThat(curve.segments()).extracting(s -> s.lot().value()).containsExactly("B", "A");
    assertThat(curve.segments())
        .extracting(TaxCostSegment::gainPerDollar)
        .containsExactly(new BigDecimal("-0.2000000000"), new BigDecimal("0.4000000000"));
    assertThat(curve.segments())
        .extracting(TaxCostSegment::costPerDollar)
        .containsExactly(new BigDecimal("-0.0400000000"), new BigDecimal("0.0800000000"));
  }
}
