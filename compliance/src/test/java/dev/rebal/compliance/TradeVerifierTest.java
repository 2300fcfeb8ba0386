package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.ACME;
import static dev.rebal.compliance.Fixtures.AS_OF;
import static dev.rebal.compliance.Fixtures.FUND;
import static dev.rebal.compliance.Fixtures.ITOT;
import static dev.rebal.compliance.Fixtures.TAXABLE;
import static dev.rebal.compliance.Fixtures.VTI;
import static dev.rebal.compliance.Fixtures.buy;
import static dev.rebal.compliance.Fixtures.marketData;
import static dev.rebal.compliance.Fixtures.pick;
import static dev.rebal.compliance.Fixtures.sell;
import static dev.rebal.compliance.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier's checks on resulting positions and best-execution hygiene. The simple household: a
 * taxable account with $10,000 cash, 100 ACME at $50 (lot L1) and 50 VTI at $200 (lot L2).
 */
class TradeVerifierTest {
  private static VerificationResult verify(Household h, Trade... trades) {
    return TradeVerifier.standard().verify(h, marketData(), AS_OF, List.of(trades));
  }

  @Test
  void verify_sellMoreThanHeld_reportsShortPosition() {
    // when: 150 - 100 held = 50 short
    VerificationResult r = verify(simple(), sell(TAXABLE, ACME, "150"));

    // then
    assertThat(r.violationsOf(ViolationKind.SHORT_POSITION))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.actual()).isEqualByComparingTo("-50");
              assertThat(v.excess()).isEqualByComparingTo("50");
              assertThat(v.subject()).isEqualTo("A-TAX/ACME");
              assertThat(v.trades()).containsExactly(0);
            });
  }

  @Test
  void verify_buyBeyondCash_reportsCashBelowFloor() {
    // when: 60 VTI x 200 = 12,000 against 10,000 cash: -2,000
    VerificationResult r = verify(simple(), buy(TAXABLE, VTI, "60"));

    // then
    assertThat(r.violationsOf(ViolationKind.CASH_BELOW_FLOOR))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.limit()).isEqualByComparingTo("0");
              assertThat(v.actual()).isEqualByComparingTo("-2000");
              assertThat(v.unit()).isEqualTo("USD");
            });
  }

  @Test
  void verify_saleFundsBuy_cashOfTheSaleCounts() {
    // when: sell 50 VTI (+10,000) and buy 1,500 FUND at 10 (-15,000): 10,000 + 10,000 - 15,000
    VerificationResult r = verify(simple(), sell(TAXABLE, VTI, "50"), buy(TAXABLE, FUND, "1500"));

    // then
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void verify_buyAndSellSameWashSaleGroup_isRejectedNamingBothTrades() {
    // when: VTI and ITOT share the group US_TOTAL
    VerificationResult r = verify(simple(), buy(TAXABLE, ITOT, "10"), sell(TAXABLE, VTI, "10"));

    // then
    assertThat(r.violationsOf(ViolationKind.WASH_SALE_BOTH_SIDES))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.trades()).containsExactly(0, 1);
              assertThat(v.subject()).isEqualTo("group US_TOTAL");
            });
  }

  @Test
  void verify_pickOfUnknownLot_reportsLotNotFound() {
    // when
    VerificationResult r = verify(simple(), sell(TAXABLE, ACME, "10", pick("NOPE", "10")));

    // then
    assertThat(r.violationsOf(ViolationKind.LOT_NOT_FOUND)).hasSize(1);
  }

  @Test
  void verify_pickOfAnotherSecuritysLot_reportsLotMismatch() {
    // when: L2 is a VTI lot
    VerificationResult r = verify(simple(), sell(TAXABLE, ACME, "10", pick("L2", "10")));

    // then
    assertThat(r.violationsOf(ViolationKind.LOT_MISMATCH)).hasSize(1);
  }

  @Test
  void verify_picksOverTwoTradesExceedingLot_reportLotOverdrawn() {
    // when: 60 + 60 = 120 picked from the 100 of L1
    VerificationResult r =
        verify(
            simple(),
            sell(TAXABLE, ACME, "60", pick("L1", "60")),
            sell(TAXABLE, ACME, "60", pick("L1", "60")));

    // then
    assertThat(r.violationsOf(ViolationKind.LOT_OVERDRAWN))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.trades()).containsExactly(0, 1);
              assertThat(v.limit()).isEqualByComparingTo("100");
              assertThat(v.actual()).isEqualByComparingTo("120");
            });
    assertThat(r.violationsOf(ViolationKind.SHORT_POSITION)).hasSize(1);
  }

  @Test
  void verify_tradeBelowMinimumSize_isRejected() {
    // when: 1 ACME is $50 against the $100 minimum
    VerificationResult r = verify(simple(), buy(TAXABLE, ACME, "1"));

    // then
    assertThat(r.violationsOf(ViolationKind.BELOW_MIN_TRADE_SIZE))
        .singleElement()
        .satisfies(v -> assertThat(v.excess()).isEqualByComparingTo("50"));
  }

  @Test
  void verify_saleOfWholeHoldingBelowMinimumOrOddLot_isExempt() {
    // given: a $10,000 minimum and a round lot of 100 shares
    ComplianceParameters p = new ComplianceParameters(Money.usd("10000"), Quantity.of(100));

    // when: all 50 VTI ($10,000 is fine) and all 100 ACME ($5,000 is below the minimum)
    VerificationResult r =
        TradeVerifier.standard()
            .verify(
                simple(),
                marketData(),
                AS_OF,
                List.of(sell(TAXABLE, ACME, "100"), sell(TAXABLE, VTI, "50")),
                p);

    // then
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void verify_fractionalQuantityWithoutFractionalShares_isNotRoundLot() {
    // when
    VerificationResult r = verify(simple(), buy(TAXABLE, VTI, "10.5"));

    // then
    assertThat(r.violationsOf(ViolationKind.NOT_ROUND_LOT))
        .singleElement()
        .satisfies(v -> assertThat(v.limit()).isEqualByComparingTo("10"));
  }

  @Test
  void verify_fractionalQuantityInFractionalAccountOrMutualFund_isAllowed() {
    // given
    AccountId frac = AccountId.of("A-FRAC");
    Household h =
        Fixtures.household()
            .addAccounts(Fixtures.account(TAXABLE, AccountType.TAXABLE, "10000"))
            .addAccounts(
                Account.builder()
                    .id(frac)
                    .addOwners(MemberId.of("M1"))
                    .type(AccountType.ROTH_IRA)
                    .custodian("C")
                    .cash(Money.usd("10000"))
                    .fractionalShares(true)
                    .build())
            .build();

    // when
    VerificationResult r = verify(h, buy(frac, VTI, "10.5"), buy(TAXABLE, FUND, "20.25"));

    // then
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void verify_unknownAccountAndSecurity_areReported() {
    // given
    Trade unknownSecurity =
        Trade.builder()
            .account(TAXABLE)
            .security(SecurityId.of("ZZZ"))
            .side(dev.rebal.core.trade.Side.BUY)
            .quantity(Quantity.of(10))
            .estimatedPrice(dev.rebal.core.money.UnitPrice.usd("20"))
            .addReasonCodes("x")
            .build();

    // when
    VerificationResult r = verify(simple(), buy(AccountId.of("OTHER"), VTI, "1"), unknownSecurity);

    // then
    assertThat(r.violations())
        .extracting(Violation::kind)
        .containsExactly(ViolationKind.UNKNOWN_ACCOUNT, ViolationKind.UNKNOWN_SECURITY);
  }

  @Test
  void verify_notTradableAccount_isRejected() {
    // given
    Household h =
        Fixtures.household()
            .addAccounts(
                Account.builder()
                    .id(TAXABLE)
                    .addOwners(MemberId.of("M1"))
                    .type(AccountType.TAXABLE)
                    .custodian("C")
                    .cash(Money.usd("10000"))
                    .tradable(false)
                    .build())
            .build();

    // when
    VerificationResult r = verify(h, buy(TAXABLE, VTI, "10"));

    // then
    assertThat(r.violationsOf(ViolationKind.ACCOUNT_NOT_TRADABLE))
        .singleElement()
        .satisfies(v -> assertThat(v.provenance().id()).isEqualTo("builtin.not-tradable"));
  }

  @Test
  void verify_doNotSellLimitedToOtherAccount_allowsSaleHere() {
    // given
    Household h =
        simple(
            new DoNotSell(
                RestrictionId.of("R-DNS"),
                SecurityScope.security("ACME"),
                ImmutableSortedSet.of(AccountId.of("A-OTHER")),
                DateWindow.always(),
                "Trust holding"));

    // when
    VerificationResult r = verify(h, sell(TAXABLE, ACME, "10"));

    // then
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void verify_restrictionsInAnyOrder_giveTheSameViolations() {
    // given
    Restriction a =
        new SecurityExclusion(
            RestrictionId.of("R-A"), SecurityScope.issuer("ACME"), DateWindow.always(), "a");
    Restriction b =
        new SecurityExclusion(
            RestrictionId.of("R-B"),
            SecurityScope.assetClass("US_EQUITY"),
            DateWindow.always(),
            "b");

    // when
    VerificationResult ab = verify(simple(a, b), buy(TAXABLE, ACME, "10"), buy(TAXABLE, VTI, "1"));
    VerificationResult ba = verify(simple(b, a), buy(TAXABLE, ACME, "10"), buy(TAXABLE, VTI, "1"));

    // then
    assertThat(ab).isEqualTo(ba);
    assertThat(ab.violationsOf(ViolationKind.EXCLUDED_BUY))
        .extracting(v -> v.provenance().id())
        .containsExactly("R-A", "R-B", "R-B");
    assertThat(ab.violationsOfTrade(1))
        .extracting(Violation::kind)
        .containsExactly(ViolationKind.EXCLUDED_BUY);
  }

  @Test
  void violation_message_namesKindSubjectAndRestriction() {
    // when
    Violation v =
        verify(
                simple(
                    new SecurityExclusion(
                        RestrictionId.of("R-A"),
                        SecurityScope.issuer("ACME"),
                        DateWindow.always(),
                        "ESG")),
                buy(TAXABLE, ACME, "10"))
            .violations()
            .get(0);

    // then
    assertThat(v.message()).contains("EXCLUDED_BUY", "A-TAX/ACME", "R-A", "ESG", "10");
  }

  @Test
  void verify_nullTrades_throwsNamingTheArgument() {
    assertThatThrownBy(() -> TradeVerifier.standard().verify(simple(), marketData(), AS_OF, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trades");
  }

  private static Trade gift(SecurityId security, String quantity, String lot) {
    return Trade.builder()
        .account(TAXABLE)
        .security(security)
        .side(Side.GIFT)
        .quantity(Quantity.of(quantity))
        .estimatedPrice(Fixtures.priceOf(security))
        .addLots(pick(lot, quantity))
        .addReasonCodes("tax.gift-in-kind")
        .build();
  }

  @Test
  void verify_giftFundsBuy_giftBringsNoCash() {
    // when: give 50 VTI ($10,000) and buy 1,500 FUND ($15,000) on $10,000 of cash: -5,000
    VerificationResult r = verify(simple(), gift(VTI, "50", "L2"), buy(TAXABLE, FUND, "1500"));

    // then
    assertThat(r.violationsOf(ViolationKind.CASH_BELOW_FLOOR))
        .singleElement()
        .satisfies(v -> assertThat(v.actual()).isEqualByComparingTo("-5000"));
  }

  @Test
  void verify_giftUnderDoNotSell_reportsDoNotSell() {
    // given
    Household h =
        simple(
            new DoNotSell(
                RestrictionId.of("R-1"),
                SecurityScope.security("ACME"),
                ImmutableSortedSet.of(),
                DateWindow.always(),
                "Executive: employer stock"));

    // when
    VerificationResult r = verify(h, gift(ACME, "100", "L1"));

    // then
    assertThat(r.violationsOf(ViolationKind.DO_NOT_SELL))
        .singleElement()
        .satisfies(v -> assertThat(v.trades()).containsExactly(0));
  }

  @Test
  void verify_smallGiftAndBuyOfTheSameGroup_isNoWashSaleNorBelowMinimum() {
    // when: give 1 ACME ($50, below the minimum size) and 50 VTI, buy 20 ITOT (VTI's group)
    VerificationResult r =
        verify(simple(), gift(ACME, "1", "L1"), gift(VTI, "50", "L2"), buy(TAXABLE, ITOT, "20"));

    // then
    assertThat(r.violations()).isEmpty();
  }

  @Test
  void verify_giftBeyondTheLot_reportsShortPosition() {
    // when
    VerificationResult r =
        verify(
            simple(),
            Trade.builder()
                .account(TAXABLE)
                .security(ACME)
                .side(Side.GIFT)
                .quantity(Quantity.of("150"))
                .estimatedPrice(Fixtures.priceOf(ACME))
                .addReasonCodes("tax.gift-in-kind")
                .build());

    // then
    assertThat(r.violationsOf(ViolationKind.SHORT_POSITION)).hasSize(1);
  }
}
