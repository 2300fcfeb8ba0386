package dev.rebal.tax.harvest;

import static dev.rebal.tax.TaxFixtures.IRA;
import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.US_EQUITY;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.profile;
import static dev.rebal.tax.TaxFixtures.security;
import static dev.rebal.tax.TaxFixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.washsale.WashSaleAnalyzer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked example on 2025-06-16: VTI at $200 (group TOTAL), substitutes in the model: ITOT (same
 * group TOTAL, substantially identical), SCHB (group BROAD). Rates 37% short, 20% long.
 */
class LossHarvesterTest {
  private static final LocalDate AS_OF = date("2025-06-16");
  private static final SecurityId VTI = SecurityId.of("VTI");
  private static final MarketData MARKET =
      market(
          List.of(security("VTI", "TOTAL"), security("ITOT", "TOTAL"), security("SCHB", "BROAD")),
          Map.of("VTI", "200", "ITOT", "100", "SCHB", "25"),
          AS_OF);
  private static final Map<dev.rebal.core.security.AssetClass, List<SecurityId>> MODEL =
      Map.of(US_EQUITY, List.of(VTI, SecurityId.of("ITOT"), SecurityId.of("SCHB")));

  private static Household household(List<TaxLot> lots, List<Transaction> txs) {
    return dev.rebal.tax.TaxFixtures.household(
        List.of(account(TAXABLE, AccountType.TAXABLE), account(IRA, AccountType.TRADITIONAL_IRA)),
        lots,
        txs,
        profile(),
        MODEL);
  }

  @Test
  void scan_lossesAboveThresholds_sellsThemAndBuysTheNonIdenticalSubstitute() {
    // given: L1 100 sh, basis 25000 (long term) -> value 20000, loss 5000 (20%);
    //        L2 10 sh, basis 2100 (short term) -> value 2000, loss 100 (4.8%): below 5%;
    //        L3 in the IRA: never harvested
    Household h =
        household(
            List.of(
                lot("L1", TAXABLE, VTI, 100, "25000", date("2023-01-10")),
                lot("L2", TAXABLE, VTI, 10, "2100", date("2025-03-10")),
                lot("L3", IRA, VTI, 100, "25000", date("2023-01-10"))),
            List.of());

    // when
    HarvestScan scan =
        LossHarvester.standard().scan(h, MARKET, AS_OF, HarvestPolicy.of("500", "5"));

    // then: one harvest of L1, replaced by SCHB (ITOT is in the same group), worth
    // 5000 x 0.20 = 1000 of tax; repurchase of VTI allowed from 2025-07-17 (31 days later)
    assertThat(scan.harvests())
        .singleElement()
        .satisfies(
            hv -> {
              assertThat(hv.sale().lots()).extracting(l -> l.lot().value()).containsExactly("L1");
              assertThat(hv.replacement()).isEqualTo(SecurityId.of("SCHB"));
              assertThat(hv.loss()).isEqualTo(Money.usd("5000"));
              assertThat(hv.taxValue()).isEqualTo(Money.usd("1000.00"));
              assertThat(hv.repurchaseAllowedFrom()).isEqualTo(date("2025-07-17"));
            });
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void scan_recentPurchaseOfTheGroup_skipsTheLotForTheWashSaleWindow() {
    // given: ITOT (group TOTAL) bought in the IRA 10 days ago
    Household h =
        household(
            List.of(
                lot("L1", TAXABLE, VTI, 100, "25000", date("2023-01-10")),
                lot("I1", IRA, SecurityId.of("ITOT"), 5, "500", AS_OF.minusDays(10))),
            List.of());

    HarvestScan scan =
        LossHarvester.standard().scan(h, MARKET, AS_OF, HarvestPolicy.of("500", "5"));

    assertThat(scan.harvests()).isEmpty();
    assertThat(scan.skipped())
        .containsExactly(new HarvestSkip(LotId.of("L1"), "harvest.wash-sale-window"));
  }

  @Test
  void scan_replacementGroupSoldAtALossRecently_hasNoReplacement() {
    // given: SCHB (the only non-identical substitute) was sold at a loss 5 days ago
    Household h =
        household(
            List.of(lot("L1", TAXABLE, VTI, 100, "25000", date("2023-01-10"))),
            List.of(
                sell("S1", TAXABLE, SecurityId.of("SCHB"), 10, "250", "-50", AS_OF.minusDays(5))));

    HarvestScan scan =
        LossHarvester.standard().scan(h, MARKET, AS_OF, HarvestPolicy.of("500", "5"));

    assertThat(scan.harvests()).isEmpty();
    assertThat(scan.skipped())
        .containsExactly(new HarvestSkip(LotId.of("L1"), "harvest.no-replacement"));
  }

  @Test
  void scan_everyGroupOfTheClassAtALoss_harvestsTheLargestLossIntoTheOther() {
    // given: a fall in the whole class. VTI (group TOTAL) L1 at a 5000 loss (20%) and SCHB (group
    // BROAD) S1, 100 sh, basis 3000 -> value 2500, loss 500 (16.7%): each group is the other's
    // only substitute
    Household h = classFall("25000", 100, "3000");

    // when
    HarvestScan scan =
        LossHarvester.standard().scan(h, MARKET, AS_OF, HarvestPolicy.of("500", "5"));

    // then: the 5000 loss is harvested into SCHB, and S1 keeps its 500 loss, since selling it
    // would wash the SCHB purchase (before, neither was harvested: each group was "being
    // harvested", so neither had a replacement)
    assertOneHarvestKeepingTheOther(scan, VTI, SecurityId.of("SCHB"), "S1");
  }

  @Test
  void scan_everyGroupOfTheClassAtALoss_theLargerLossWinsWhateverTheModelOrder() {
    // given: VTI L1 100 sh, basis 20600 -> value 20000, loss 600 (2.9%, above 2%); SCHB S1
    // 1000 sh, basis 30000 -> value 25000, loss 5000 (16.7%). VTI comes first in the model
    Household h = classFall("20600", 1000, "30000");

    // when
    HarvestScan scan =
        LossHarvester.standard().scan(h, MARKET, AS_OF, HarvestPolicy.of("500", "2"));

    // then: SCHB's 5000 is harvested into VTI, and VTI's 600 is given up for it
    assertOneHarvestKeepingTheOther(scan, SecurityId.of("SCHB"), VTI, "L1");
  }

  @Test
  void scan_theLargerLossDeclined_givesItsReplacementToTheSmaller() {
    // given: the class fall of the test above (VTI 5000, SCHB 500), and the caller (the engine's
    // harvest gate) declined VTI's harvest
    Household h = classFall("25000", 100, "3000");

    // when
    List<Harvest> harvests =
        LossHarvester.standard()
            .scan(
                h,
                MARKET,
                AS_OF,
                HarvestPolicy.of("500", "5"),
                () -> WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of()),
                java.util.Set.of(LotId.of("L1")))
            .harvests();

    // then: SCHB's 500 is harvested into VTI, which no declined harvest holds any more
    assertThat(harvests)
        .singleElement()
        .satisfies(
            hv -> {
              assertThat(hv.sold()).isEqualTo(SecurityId.of("SCHB"));
              assertThat(hv.replacement()).isEqualTo(VTI);
              assertThat(hv.loss()).isEqualTo(Money.usd("500"));
            });
  }

  /**
   * A fall in the whole class: L1, 100 VTI at {@code vtiBasis}, and S1, {@code schbShares} SCHB at
   * {@code schbBasis}, both long term in the taxable account.
   */
  private static Household classFall(String vtiBasis, long schbShares, String schbBasis) {
    return household(
        List.of(
            lot("L1", TAXABLE, VTI, 100, vtiBasis, date("2023-01-10")),
            lot("S1", TAXABLE, SecurityId.of("SCHB"), schbShares, schbBasis, date("2023-01-10"))),
        List.of());
  }

  /**
   * One harvest of a $5,000 loss, of {@code sold} into {@code bought}, whose lot {@code kept} keeps
   * its loss.
   */
  private static void assertOneHarvestKeepingTheOther(
      HarvestScan scan, SecurityId sold, SecurityId bought, String kept) {
    assertThat(scan.harvests())
        .singleElement()
        .satisfies(
            hv -> {
              assertThat(hv.sold()).isEqualTo(sold);
              assertThat(hv.replacement()).isEqualTo(bought);
              assertThat(hv.loss()).isEqualTo(Money.usd("5000"));
            });
    assertThat(scan.skipped())
        .containsExactly(new HarvestSkip(LotId.of(kept), "harvest.replacement-group"));
  }

  @Test
  void harvests_lotsAtALoss_sameHarvestsAsTheScanWithTheConstraintsAskedOnce() {
    // given: L1 at a 20% loss, and ITOT bought in the IRA 10 days ago (which blocks nothing of
    // VTI's replacement SCHB)
    Household h =
        household(
            List.of(
                lot("L1", TAXABLE, VTI, 100, "25000", date("2023-01-10")),
                lot("L2", TAXABLE, SecurityId.of("SCHB"), 100, "2000", date("2023-01-10"))),
            List.of());
    HarvestPolicy policy = HarvestPolicy.of("500", "5");
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();

    // when
    List<Harvest> harvests =
        LossHarvester.standard()
            .harvests(
                h,
                MARKET,
                AS_OF,
                policy,
                () -> {
                  asked.incrementAndGet();
                  return WashSaleAnalyzer.standard().constraints(h, MARKET, AS_OF, List.of());
                });

    // then
    assertThat(harvests)
        .isNotEmpty()
        .isEqualTo(LossHarvester.standard().scan(h, MARKET, AS_OF, policy).harvests());
    assertThat(asked).hasValue(1);
  }

  @Test
  void harvests_noLotReachesTheThresholds_noHarvestAndNoConstraintsAsked() {
    // given: L2 at a 4.8% loss (below 5%), L3 at a loss in the IRA, L4 at a gain
    Household h =
        household(
            List.of(
                lot("L2", TAXABLE, VTI, 10, "2100", date("2025-03-10")),
                lot("L3", IRA, VTI, 100, "25000", date("2023-01-10")),
                lot("L4", TAXABLE, VTI, 10, "1000", date("2023-01-10"))),
            List.of());

    // when
    List<Harvest> harvests =
        LossHarvester.standard()
            .harvests(
                h,
                MARKET,
                AS_OF,
                HarvestPolicy.of("50", "5"),
                () -> {
                  throw new AssertionError("constraints asked for");
                });

    // then
    assertThat(harvests).isEmpty();
    assertThat(
            LossHarvester.standard().scan(h, MARKET, AS_OF, HarvestPolicy.of("50", "5")).harvests())
        .isEmpty();
  }
}
