package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.testing.SampleHouseholds;
import dev.rebal.optimizer.LocationCost;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the asset-location costs, with Rebal's default capital market assumptions
 * (bonds yield 4.5% ordinary income, large caps 1.4% qualified dividends, munis 3.4% exempt) and
 * the sample household's rates: ordinary 37% + 5% state + 3.8% NIIT = 45.8%, long-term 20% + 5% +
 * 3.8% = 28.8%. Its accounts: TAX-1 taxable, IRA-1 traditional IRA, 401K-1 held away.
 */
class AssetLocationTest {
  private static final Household H = SampleHouseholds.household();
  private static final CapitalMarketAssumptions CMA = CapitalMarketAssumptions.defaults();

  private static List<String> costs(String years, String... classes) {
    Set<AssetClass> set = new java.util.TreeSet<>();
    for (String c : classes) {
      set.add(AssetClass.of(c));
    }
    return AssetLocation.costs(H, set, CMA, new BigDecimal(years)).stream()
        .map(AssetLocationTest::text)
        .toList();
  }

  private static String text(LocationCost c) {
    return c.account()
        + " "
        + c.assetClass()
        + " "
        + c.perDollar().stripTrailingZeros().toPlainString();
  }

  @Test
  void costs_bondsAndStocks_costInTheTaxableAccountByTheirIncomeTax() {
    // bonds: 4.5% x 45.8% = 2.061% a year in TAX-1, nothing in the IRA; large caps:
    // 1.4% x 28.8% = 0.4032%; two years double both
    assertThat(costs("1", "US_BONDS", "US_LARGE_CAP"))
        .containsExactly("TAX-1 US_BONDS 0.02061", "TAX-1 US_LARGE_CAP 0.004032");
    assertThat(costs("2", "US_BONDS")).containsExactly("TAX-1 US_BONDS 0.04122");
  }

  @Test
  void costs_munis_costInTheIraWhereTheirExemptionIsWasted() {
    // 3.4% x 45.8% = 1.5572% a year in the IRA, nothing in the taxable account
    assertThat(costs("1", "MUNI_BONDS")).containsExactly("IRA-1 MUNI_BONDS 0.015572");
  }

  @Test
  void costs_donorAdvisedFundInsteadOfTheIra_locatedAsTaxable_none() {
    // a donor-advised fund's growth is the charity's: with it in the IRA's place, every tradable
    // account is located as taxable, so nothing costs more in one than in another
    Household withFund =
        H.withAccounts(
            H.accounts().stream()
                .map(
                    a ->
                        a.id().value().equals("IRA-1")
                            ? a.withType(dev.rebal.core.household.AccountType.DONOR_ADVISED_FUND)
                            : a)
                .toList());

    assertThat(
            AssetLocation.costs(withFund, Set.of(AssetClass.of("US_BONDS")), CMA, BigDecimal.ONE))
        .isEmpty();
    assertThat(AssetLocation.applies(withFund, BigDecimal.ONE)).isFalse();
    assertThat(AssetLocation.applies(H, BigDecimal.ONE)).isTrue();
  }

  @Test
  void costs_cashUnknownClassOrNoYears_none() {
    assertThat(costs("1", "CASH", "CRYPTO")).isEmpty();
    assertThat(costs("0", "US_BONDS")).isEmpty();
  }
}
