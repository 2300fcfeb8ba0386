package dev.rebal.core.valuation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Worked example, figures by hand.
 *
 * <pre>
 * TAX-1 (taxable):      cash 500.00; VTI 10 + 6 = 16 sh x 250.00 = 4000.00; BND 20 x 75.00 = 1500.00
 *                       account = 500 + 4000 + 1500 = 6000.00
 * K401-1 (held away):   cash 100.00; VXUS 40 x 60.00 = 2400.00; MMF 1500 x 1.00 = 1500.00
 *                       account = 100 + 2400 + 1500 = 4000.00
 * total = 10000.00
 * CASH = 500 + 100 + 1500 = 2100.00 (0.21); US_EQUITY 4000.00 (0.40); BONDS 1500.00 (0.15);
 * INTL_EQUITY 2400.00 (0.24)
 * target: US_EQUITY 0.45 +-0.05 -> drift -0.05, on the band's edge, in band
 *         INTL_EQUITY 0.20, abs 0.03, rel 0.25 -> half-width max(0.03, 0.25 x 0.20 = 0.05) = 0.05;
 *           drift +0.04, in band
 *         BONDS 0.30 +-0.05 -> drift -0.15, out of band
 *         CASH 0.05 +-0.02 -> drift +0.16, out of band
 * </pre>
 */
class HouseholdValuationTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final AssetClass US = AssetClass.of("US_EQUITY");
  static final AssetClass INTL = AssetClass.of("INTL_EQUITY");
  static final AssetClass BONDS = AssetClass.of("BONDS");
  static final AccountId TAX = AccountId.of("TAX-1");
  static final AccountId K401 = AccountId.of("K401-1");

  @Test
  void of_workedExample_valuesAccountsPositionsAndClasses() {
    // given
    Household household = household(lots());

    // when
    HouseholdValuation v = HouseholdValuation.of(household, market("250.00"));

    // then
    assertThat(v.total()).isEqualTo(Money.usd("10000.00"));
    assertThat(v.accountValues())
        .containsEntry(TAX, Money.usd("6000.00"))
        .containsEntry(K401, Money.usd("4000.00"));
    assertThat(v.positionValue(TAX, SecurityId.of("VTI"))).isEqualTo(Money.usd("4000.00"));
    assertThat(v.positionValue(K401, SecurityId.of("MMF"))).isEqualTo(Money.usd("1500.00"));
    assertThat(v.positionValue(K401, SecurityId.of("VTI"))).isEqualTo(Money.usd("0.00"));
    assertThat(v.classValue(HouseholdValuation.CASH)).isEqualTo(Money.usd("2100.00"));
    assertThat(v.classValue(US)).isEqualTo(Money.usd("4000.00"));
    assertThat(v.classValue(INTL)).isEqualTo(Money.usd("2400.00"));
    assertThat(v.classValue(BONDS)).isEqualTo(Money.usd("1500.00"));
    assertThat(v.weight(HouseholdValuation.CASH)).isEqualTo(Weight.of("0.21"));
    assertThat(v.weight(INTL)).isEqualTo(Weight.of("0.24"));
  }

  @Test
  void of_heldAwayAccount_countsTowardTotal() {
    // given: K401-1 is held away and not tradable
    Household household = household(lots());

    // when
    HouseholdValuation v = HouseholdValuation.of(household, market("250.00"));

    // then
    assertThat(household.findAccount(K401).orElseThrow().heldAway()).isTrue();
    assertThat(v.total()).isEqualTo(v.accountValues().get(TAX).plus(v.accountValues().get(K401)));
  }

  @Test
  void of_lotsOfOnePositionApart_summedOnceInSecurityOrder() {
    // given: VTI's lots in two runs with another position between them, listed after it
    List<TaxLot> lots = new ArrayList<>();
    lots.add(lot("L1", TAX, "VTI", "1", "0.30"));
    lots.add(lot("L2", TAX, "BND", "4", "1.00"));
    lots.add(lot("L3", TAX, "VTI", "2", "0.60"));

    // when
    HouseholdValuation v = HouseholdValuation.of(household(lots), market("0.335"));

    // then: VTI 3 x 0.335 = 1.005 -> 1.00 once on the sum; positions in id order
    assertThat(v.positionValue(TAX, SecurityId.of("VTI"))).isEqualTo(Money.usd("1.00"));
    assertThat(v.positionValues().get(TAX).keySet())
        .containsExactly(SecurityId.of("BND"), SecurityId.of("VTI"));
  }

  @Test
  void of_positionOfSeveralLots_roundsOnceOnTheSum() {
    // given: lots of 1 and 2 shares at 0.335. Per lot: 0.335 -> 0.34 and 0.67 -> 1.01 in all.
    // Once on the sum: 3 x 0.335 = 1.005 -> 1.00 (half-even).
    List<TaxLot> lots = new ArrayList<>();
    lots.add(lot("L1", TAX, "VTI", "1", "0.30"));
    lots.add(lot("L2", TAX, "VTI", "2", "0.60"));

    // when
    HouseholdValuation v = HouseholdValuation.of(household(lots), market("0.335"));

    // then
    assertThat(v.positionValue(TAX, SecurityId.of("VTI"))).isEqualTo(Money.usd("1.00"));
    assertThat(v.total()).isEqualTo(Money.usd("601.00")); // 1.00 + cash 500.00 + 100.00
  }

  @Test
  void driftFrom_workedExample_signedDriftAndBands() {
    // given
    HouseholdValuation v = HouseholdValuation.of(household(lots()), market("250.00"));

    // when
    HouseholdDrift drift = v.driftFrom(target());

    // then
    assertThat(drift.classes())
        .extracting(ClassDrift::assetClass)
        .containsExactly(BONDS, HouseholdValuation.CASH, INTL, US);
    ClassDrift us = drift.find(US).orElseThrow();
    assertThat(us.drift()).isEqualTo(Weight.of("-0.05"));
    assertThat(us.isOutOfBand()).isFalse();
    ClassDrift intl = drift.find(INTL).orElseThrow();
    assertThat(intl.halfWidth()).isEqualTo(Weight.of("0.05"));
    assertThat(intl.drift()).isEqualTo(Weight.of("0.04"));
    assertThat(intl.isOutOfBand()).isFalse();
    assertThat(drift.find(BONDS).orElseThrow().drift()).isEqualTo(Weight.of("-0.15"));
    assertThat(drift.find(HouseholdValuation.CASH).orElseThrow().drift())
        .isEqualTo(Weight.of("0.16"));
    assertThat(drift.outOfBand())
        .extracting(ClassDrift::assetClass)
        .containsExactly(BONDS, HouseholdValuation.CASH);
    assertThat(drift.maxAbsoluteDrift()).isEqualTo(Weight.of("0.16"));
    assertThat(drift.isOutOfBalance()).isTrue();
  }

  @Test
  void driftFrom_classHeldButNotTargeted_isOutOfBandWithZeroTarget() {
    // given: a target without INTL_EQUITY; INTL is 2400 / 10000 = 0.24 of the household
    TargetAllocation target =
        TargetAllocation.builder()
            .putClasses(US, ClassTarget.of("0.65", "0.05"))
            .putClasses(BONDS, ClassTarget.of("0.30", "0.05"))
            .putClasses(HouseholdValuation.CASH, ClassTarget.of("0.05", "0.02"))
            .build();

    // when
    HouseholdDrift drift =
        HouseholdValuation.of(household(lots()), market("250.00")).driftFrom(target);

    // then
    ClassDrift intl = drift.find(INTL).orElseThrow();
    assertThat(intl.target()).isEqualTo(Weight.ZERO);
    assertThat(intl.drift()).isEqualTo(Weight.of("0.24"));
    assertThat(intl.isOutOfBand()).isTrue();
  }

  @Test
  void driftOf_balancedHousehold_isInBalance() {
    // given: target equal to the actual weights
    TargetAllocation target =
        TargetAllocation.builder()
            .putClasses(US, ClassTarget.of("0.40", "0.05"))
            .putClasses(INTL, ClassTarget.of("0.24", "0.05"))
            .putClasses(BONDS, ClassTarget.of("0.15", "0.05"))
            .putClasses(HouseholdValuation.CASH, ClassTarget.of("0.21", "0.02"))
            .build();
    Household household = household(lots(), target, "500.00");

    // when
    HouseholdDrift drift = HouseholdDrift.of(household, market("250.00"));

    // then
    assertThat(drift.isOutOfBalance()).isFalse();
    assertThat(drift.maxAbsoluteDrift()).isEqualTo(Weight.ZERO);
  }

  @Test
  void weight_zeroTotal_isZero() {
    // given: an account with no cash and no lots
    Household household =
        Household.builder()
            .id(HouseholdId.of("HH-0"))
            .addAccounts(
                Account.builder()
                    .id(TAX)
                    .type(AccountType.TAXABLE)
                    .custodian("C")
                    .cash(Money.usd("0.00"))
                    .build())
            .taxProfile(household(List.of()).taxProfile())
            .target(target())
            .model(Model.builder().id(ModelId.of("M")).build())
            .build();

    // when
    HouseholdValuation v = HouseholdValuation.of(household, market("250.00"));

    // then
    assertThat(v.total()).isEqualTo(Money.usd("0.00"));
    assertThat(v.weight(HouseholdValuation.CASH)).isEqualTo(Weight.ZERO);
  }

  @Test
  void of_unpricedSecurity_throwsNamingIt() {
    // given
    List<TaxLot> lots = new ArrayList<>(lots());
    lots.add(lot("L9", TAX, "NOPRICE", "1", "1.00"));

    // when / then
    assertThatThrownBy(() -> HouseholdValuation.of(household(lots), market("250.00")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("NOPRICE");
  }

  @Test
  void of_lotInUnknownAccount_throwsNamingTheLot() {
    // given
    List<TaxLot> lots = new ArrayList<>(lots());
    lots.add(lot("L9", AccountId.of("GHOST"), "VTI", "1", "1.00"));

    // when / then
    assertThatThrownBy(() -> HouseholdValuation.of(household(lots), market("250.00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lots[L9].account");
  }

  static List<TaxLot> lots() {
    return List.of(
        lot("L1", TAX, "VTI", "10", "1800.00"),
        lot("L2", TAX, "VTI", "6", "1650.00"),
        lot("L3", TAX, "BND", "20", "1600.00"),
        lot("L4", K401, "VXUS", "40", "2000.00"),
        lot("L5", K401, "MMF", "1500", "1500.00"));
  }

  static TaxLot lot(String id, AccountId account, String security, String qty, String basis) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(account)
        .security(SecurityId.of(security))
        .quantity(Quantity.of(qty))
        .costBasis(Money.usd(basis))
        .acquired(LocalDate.of(2020, 1, 2))
        .build();
  }

  static TargetAllocation target() {
    return TargetAllocation.builder()
        .putClasses(US, ClassTarget.of("0.45", "0.05"))
        .putClasses(INTL, new ClassTarget(Weight.of("0.20"), Weight.of("0.03"), Weight.of("0.25")))
        .putClasses(BONDS, ClassTarget.of("0.30", "0.05"))
        .putClasses(HouseholdValuation.CASH, ClassTarget.of("0.05", "0.02"))
        .build();
  }

  static Household household(List<TaxLot> lots) {
    return household(lots, target(), "500.00");
  }

  static Household household(List<TaxLot> lots, TargetAllocation target, String taxCash) {
    return Household.builder()
        .id(HouseholdId.of("HH-1"))
        .addAccounts(
            Account.builder()
                .id(TAX)
                .type(AccountType.TAXABLE)
                .custodian("Firm")
                .cash(Money.usd(taxCash))
                .build())
        .addAccounts(
            Account.builder()
                .id(K401)
                .type(AccountType.K401)
                .custodian("Other")
                .cash(Money.usd("100.00"))
                .heldAway(true)
                .build())
        .addAllLots(lots)
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.SINGLE)
                .shortTermRate(Weight.of("0.37"))
                .longTermRate(Weight.of("0.20"))
                .shortTermCarryforward(Money.usd("0"))
                .longTermCarryforward(Money.usd("0"))
                .realizedShortTermYtd(Money.usd("0"))
                .realizedLongTermYtd(Money.usd("0"))
                .build())
        .target(target)
        .model(Model.builder().id(ModelId.of("M")).build())
        .build();
  }

  static MarketData market(String vtiPrice) {
    List<Security> securities =
        List.of(
            security("VTI", US, SecurityKind.ETF),
            security("BND", BONDS, SecurityKind.ETF),
            security("VXUS", INTL, SecurityKind.ETF),
            security("MMF", HouseholdValuation.CASH, SecurityKind.CASH_EQUIVALENT),
            security("NOPRICE", US, SecurityKind.EQUITY));
    List<Price> prices =
        List.of(
            price("VTI", vtiPrice),
            price("BND", "75.00"),
            price("VXUS", "60.00"),
            price("MMF", "1.00"));
    MarketData.Builder b = MarketData.builder().prices(PriceTable.of(prices));
    securities.forEach(s -> b.putSecurities(s.id(), s));
    return b.build();
  }

  static Security security(String id, AssetClass c, SecurityKind kind) {
    return Security.builder().id(SecurityId.of(id)).symbol(id).assetClass(c).kind(kind).build();
  }

  static Price price(String id, String p) {
    return Price.of(SecurityId.of(id), UnitPrice.usd(p), AS_OF);
  }
}
