package dev.rebal.tax.harvest;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.US_EQUITY;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.profile;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.TaxFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which lots loss harvesting takes, at the edges of its thresholds and accounts. VTI at $200 (group
 * TOTAL); substitutes in the model: ITOT (group TOTAL), NOPX (group OTHER, no price), SCHB (group
 * BROAD, $25). Policy: at least $500 and 20% of basis.
 */
class LossHarvesterThresholdTest {
  private static final LocalDate AS_OF = date("2025-06-16");
  private static final SecurityId VTI = SecurityId.of("VTI");
  private static final SecurityId SCHB = SecurityId.of("SCHB");
  private static final MarketData MARKET =
      market(
          List.of(
              security("VTI", "TOTAL"),
              security("ITOT", "TOTAL"),
              security("NOPX", "OTHER"),
              security("SCHB", "BROAD")),
          Map.of("VTI", "200", "ITOT", "100", "SCHB", "25"),
          AS_OF);
  private static final HarvestPolicy POLICY = HarvestPolicy.of("500", "20");
  private static final AccountId AWAY = AccountId.of("AWAY-1");

  private static Household household(List<TaxLot> lots) {
    Account away =
        Account.builder()
            .id(AWAY)
            .type(AccountType.TAXABLE)
            .custodian("Elsewhere")
            .cash(Money.usd("0"))
            .heldAway(true)
            .build();
    return TaxFixtures.household(
        List.of(account(TAXABLE, AccountType.TAXABLE), away),
        lots,
        List.of(),
        profile(),
        Map.of(US_EQUITY, List.of(VTI, SecurityId.of("ITOT"), SecurityId.of("NOPX"), SCHB)));
  }

  private static List<String> harvested(HarvestScan scan) {
    return scan.harvests().stream()
        .flatMap(h -> h.sale().lots().stream())
        .map(l -> l.lot().value())
        .sorted()
        .toList();
  }

  @Test
  void scan_lossExactlyAtBothThresholds_isHarvested() {
    // given: value 200 x 200 = 40,000; basis 50,000: loss 10,000 = 20% exactly; and 10 shares,
    // basis 2,500: loss 500 exactly (20%)
    Household h =
        household(
            List.of(
                lot("AT", TAXABLE, VTI, 200, "50000", date("2024-01-10")),
                lot("MIN", TAXABLE, VTI, 10, "2500", date("2024-01-10"))));

    // when
    HarvestScan scan = LossHarvester.standard().scan(h, MARKET, AS_OF, POLICY);

    // then: one harvest of the position, replaced by SCHB (ITOT identical, NOPX unpriced)
    assertThat(harvested(scan)).containsExactly("AT", "MIN");
    assertThat(scan.harvests())
        .singleElement()
        .satisfies(
            hv -> {
              assertThat(hv.replacement()).isEqualTo(SCHB);
              assertThat(hv.loss()).isEqualTo(Money.usd("10500.00"));
            });
    // long term: 10,500 x 0.20
    assertThat(scan.totalTaxValue()).isEqualTo(Money.usd("2100.00"));
  }

  @Test
  void scan_lossJustBelowAThreshold_isNotHarvested() {
    // given: loss 9,999.99 of 49,999.99 (just under 20%); loss 499.99 of 2,499.99 (under $500);
    // basis 400 below the minimum loss; value 2,000 = basis 2,000; a gain
    Household h =
        household(
            List.of(
                lot("FRACTION", TAXABLE, VTI, 200, "49999.99", date("2024-01-10")),
                lot("DOLLARS", TAXABLE, VTI, 10, "2499.99", date("2024-01-10")),
                lot("SMALL", TAXABLE, VTI, 1, "400", date("2024-01-10")),
                lot("EVEN", TAXABLE, VTI, 10, "2000", date("2024-01-10")),
                lot("GAIN", TAXABLE, VTI, 10, "1000", date("2024-01-10"))));

    // when
    HarvestScan scan = LossHarvester.standard().scan(h, MARKET, AS_OF, POLICY);

    // then
    assertThat(scan.harvests()).isEmpty();
    assertThat(scan.skipped()).isEmpty();
  }

  @Test
  void scan_unknownBasisProtectedHeldAwayEmptyOrUnpriced_isNotHarvested() {
    // given: five lots that would reach the thresholds
    TaxLot unknown =
        TaxLot.builder()
            .id(LotId.of("UNKNOWN"))
            .account(TAXABLE)
            .security(VTI)
            .quantity(Quantity.of(200))
            .costBasis(Money.usd("50000"))
            .acquired(date("2024-01-10"))
            .basisKnown(false)
            .build();
    TaxLot empty =
        TaxLot.builder()
            .id(LotId.of("EMPTY"))
            .account(TAXABLE)
            .security(VTI)
            .quantity(Quantity.ZERO)
            .costBasis(Money.usd("50000"))
            .acquired(date("2024-01-10"))
            .build();
    Household h =
        household(
                List.of(
                    unknown,
                    empty,
                    lot("KEPT", TAXABLE, VTI, 200, "50000", date("2015-01-10")),
                    lot("AWAY", AWAY, VTI, 200, "50000", date("2024-01-10")),
                    lot(
                        "UNPRICED",
                        TAXABLE,
                        SecurityId.of("NOPX"),
                        200,
                        "50000",
                        date("2024-01-10"))))
            .withRestrictions(
                List.of(
                    new LotPreference(
                        RestrictionId.of("R-1"),
                        SecurityScope.security("VTI"),
                        date("2016-01-01"),
                        DateWindow.always(),
                        "step-up")));

    // when
    HarvestScan scan = LossHarvester.standard().scan(h, MARKET, AS_OF, POLICY);

    // then
    assertThat(scan.harvests()).isEmpty();
    assertThat(scan.skipped())
        .extracting(s -> s.lot().value() + " " + s.code())
        .containsExactly("KEPT harvest.protected-lot", "UNKNOWN harvest.unknown-basis");
  }

  @Test
  void scan_twoGroupsAtALoss_theLargerLossIsHarvestedIntoTheOther() {
    // given: VTI (loss 10000) and SCHB (loss 25000) both at a loss; each is the other's only
    // non-identical priced substitute
    Household h =
        household(
            List.of(
                lot("V", TAXABLE, VTI, 200, "50000", date("2024-01-10")),
                lot("S", TAXABLE, SCHB, 1000, "50000", date("2024-01-10"))));

    // when
    HarvestScan scan = LossHarvester.standard().scan(h, MARKET, AS_OF, POLICY);

    // then: SCHB's larger loss goes to VTI, the first substitute (NOPX has no price); VTI, now
    // bought, keeps its loss (selling it would wash the purchase)
    assertThat(scan.harvests())
        .singleElement()
        .satisfies(
            hv -> {
              assertThat(hv.sold()).isEqualTo(SCHB);
              assertThat(hv.replacement()).isEqualTo(VTI);
            });
    assertThat(scan.skipped())
        .extracting(s -> s.lot().value() + " " + s.code())
        .containsExactly("V harvest.replacement-group");
  }
}
