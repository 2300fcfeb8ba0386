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

  /** The sample household with a donor-advised fund, named IRA-1, in the IRA's place. */
  private static Household withFundForTheIra() {
    return H.withAccounts(
        H.accounts().stream()
            .map(
                a ->
                    a.id().value().equals("IRA-1")
                        ? a.withType(dev.rebal.core.household.AccountType.DONOR_ADVISED_FUND)
                        : a)
            .toList());
  }

  @Test
  void costs_donorAdvisedFund_theWorstPlaceForEveryClass() {
    // a donor-advised fund's growth is the charity's: bonds and stocks cost there what they cost
    // in the taxable account (nothing moves the household's bonds into the fund), and munis what
    // they cost in an IRA (3.4% x 45.8% = 1.5572%: their exemption is of no use to it). The
    // first version located the fund as taxable, where munis cost nothing, and the backtest's
    // funds filled with munis, which drift then sold for stocks month after month
    Household withFund = withFundForTheIra();
    Set<AssetClass> classes =
        Set.of(
            AssetClass.of("US_BONDS"), AssetClass.of("US_LARGE_CAP"), AssetClass.of("MUNI_BONDS"));

    // then
    assertThat(
            AssetLocation.costs(withFund, new java.util.TreeSet<>(classes), CMA, BigDecimal.ONE)
                .stream()
                .map(AssetLocationTest::text))
        .containsExactly(
            "IRA-1 MUNI_BONDS 0.015572",
            "TAX-1 US_BONDS 0.02061",
            "IRA-1 US_BONDS 0.02061",
            "TAX-1 US_LARGE_CAP 0.004032",
            "IRA-1 US_LARGE_CAP 0.004032");
    assertThat(AssetLocation.applies(withFund, BigDecimal.ONE)).isTrue();
    assertThat(AssetLocation.applies(H, BigDecimal.ONE)).isTrue();
  }

  @Test
  void costs_cashUnknownClassOrNoYears_none() {
    assertThat(costs("1", "CASH", "CRYPTO")).isEmpty();
    assertThat(costs("0", "US_BONDS")).isEmpty();
  }
}
