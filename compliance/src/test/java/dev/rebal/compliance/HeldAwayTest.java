package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.ACME;
import static dev.rebal.compliance.Fixtures.AS_OF;
import static dev.rebal.compliance.Fixtures.K401;
import static dev.rebal.compliance.Fixtures.TAXABLE;
import static dev.rebal.compliance.Fixtures.VTI;
import static dev.rebal.compliance.Fixtures.account;
import static dev.rebal.compliance.Fixtures.buy;
import static dev.rebal.compliance.Fixtures.heldAway;
import static dev.rebal.compliance.Fixtures.lot;
import static dev.rebal.compliance.Fixtures.marketData;
import static dev.rebal.compliance.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Held-away positions count toward concentration and are never traded. The household: a taxable
 * account with $10,000 cash, 100 ACME ($5,000) and 50 VTI ($10,000); an employer 401(k) held
 * elsewhere with 300 ACME ($15,000). Household value 10,000 + 5,000 + 10,000 + 15,000 = 40,000;
 * ACME 20,000 of it (50%), 15,000 of that held away.
 */
class HeldAwayTest {
  private static Household household(Restriction... restrictions) {
    return Fixtures.household()
        .addAccounts(account(TAXABLE, AccountType.TAXABLE, "10000"))
        .addAccounts(heldAway(K401, AccountType.K401, "0"))
        .addLots(lot("L1", TAXABLE, ACME, 100, LocalDate.of(2015, 1, 5)))
        .addLots(lot("L2", TAXABLE, VTI, 50, LocalDate.of(2024, 2, 1)))
        .addLots(lot("L3", K401, ACME, 300, LocalDate.of(2018, 3, 1)))
        .addRestrictions(restrictions)
        .build();
  }

  private static ConcentrationCap cap(String percent) {
    return new ConcentrationCap(
        RestrictionId.of("R-CAP"),
        SecurityScope.issuer("ACME"),
        Weight.percent(percent),
        DateWindow.always(),
        "Employer stock cap");
  }

  @Test
  void compile_heldAwayAccount_isBlockedWithBuiltInProvenance() {
    // when
    TradeConstraints c = ConstraintCompiler.standard().compile(household(), marketData(), AS_OF);

    // then
    assertThat(c.lookupAccount(K401).mayTrade()).isFalse();
    assertThat(c.lookupAccount(K401).blocks())
        .extracting(Provenance::id)
        .containsExactly("builtin.held-away");
    assertThat(c.lookupPosition(K401, VTI).mayBuy()).isFalse();
    assertThat(c.lookupPosition(K401, ACME).maySell()).isFalse();
    assertThat(c.lookupLot(dev.rebal.core.household.LotId.of("L3")).maySell()).isFalse();
    assertThat(c.lookupAccount(TAXABLE).mayTrade()).isTrue();
  }

  @Test
  void verify_tradeInHeldAwayAccount_isRejected() {
    // when
    VerificationResult r =
        TradeVerifier.standard()
            .verify(household(), marketData(), AS_OF, List.of(sell(K401, ACME, "10")));

    // then
    assertThat(r.violationsOf(ViolationKind.ACCOUNT_NOT_TRADABLE))
        .singleElement()
        .satisfies(v -> assertThat(v.provenance().id()).isEqualTo("builtin.held-away"));
  }

  @Test
  void compile_capCountsHeldAwayInNumeratorAndDenominator() {
    // given: a 60% cap allows 0.6 x 40,000 = 24,000; ACME is at 20,000, so 4,000 may be added
    TradeConstraints c =
        ConstraintCompiler.standard().compile(household(cap("60")), marketData(), AS_OF);

    // then
    ConcentrationLimit l = c.caps().get(0);
    assertThat(l.householdValue().amount()).isEqualByComparingTo("40000");
    assertThat(l.currentValue().amount()).isEqualByComparingTo("20000");
    assertThat(l.heldAwayValue().amount()).isEqualByComparingTo("15000");
    assertThat(l.maxValue().amount()).isEqualByComparingTo("24000");
    assertThat(c.lookupPosition(TAXABLE, ACME).maxBuyValue().orElseThrow().limit().amount())
        .isEqualByComparingTo("4000");
    assertThat(c.conflicts()).isEmpty();
  }

  @Test
  void verify_buyThatBreaksCapOnlyWithHeldAway_isRejected() {
    // given: at a 50% cap ACME is exactly at its limit (20,000 of 40,000), because of the 401(k);
    // buying 2 more ($100) takes it to 20,100 / 40,000 = 50.25%
    Household h = household(cap("50"));

    // when
    VerificationResult r =
        TradeVerifier.standard().verify(h, marketData(), AS_OF, List.of(buy(TAXABLE, ACME, "2")));

    // then
    assertThat(r.violationsOf(ViolationKind.CONCENTRATION_CAP))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.limit()).isEqualByComparingTo("0.5");
              assertThat(v.actual()).isEqualByComparingTo("0.5025");
              assertThat(v.trades()).containsExactly(0);
            });
  }

  @Test
  void compile_capBrokenByHeldAwayBeyondWhatCanBeSold_reportsConflict() {
    // given: a 30% cap allows 12,000; ACME is at 20,000, excess 8,000; only the 5,000 in the
    // taxable account can be sold, so 3,000 cannot be cured
    TradeConstraints c =
        ConstraintCompiler.standard().compile(household(cap("30")), marketData(), AS_OF);

    // then
    assertThat(c.conflicts())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.kind()).isEqualTo(ConflictKind.CAP_NEEDS_BLOCKED_SALE);
              assertThat(k.shortfall()).isEqualByComparingTo("3000");
              assertThat(k.provenances())
                  .extracting(Provenance::id)
                  .containsExactly("R-CAP", "builtin.held-away");
            });
  }

  @Test
  void compile_employerExclusionWithStockHeldAway_blocksBuysInTheRestOfTheHousehold() {
    // given: the executive may not buy the employer's stock; the 401(k) holds it
    Household h =
        household(
            new SecurityExclusion(
                RestrictionId.of("R-EXCL"),
                SecurityScope.issuer("ACME"),
                DateWindow.always(),
                "Executive: employer stock"));

    // when
    TradeConstraints c = ConstraintCompiler.standard().compile(h, marketData(), AS_OF);
    VerificationResult r =
        TradeVerifier.standard().verify(h, marketData(), AS_OF, List.of(buy(TAXABLE, ACME, "10")));

    // then
    assertThat(c.lookupPosition(TAXABLE, ACME).buyBlocks())
        .extracting(Provenance::id)
        .containsExactly("R-EXCL");
    assertThat(r.violationsOf(ViolationKind.EXCLUDED_BUY)).hasSize(1);
  }
}
