package dev.rebal.core.validation;

import static dev.rebal.core.testing.Copies.replace;
import static dev.rebal.core.testing.SampleHouseholds.AS_OF;
import static dev.rebal.core.testing.SampleHouseholds.BND;
import static dev.rebal.core.testing.SampleHouseholds.INTL_EQUITY;
import static dev.rebal.core.testing.SampleHouseholds.ITOT;
import static dev.rebal.core.testing.SampleHouseholds.US_BOND;
import static dev.rebal.core.testing.SampleHouseholds.US_EQUITY;
import static dev.rebal.core.testing.SampleHouseholds.VTI;
import static dev.rebal.core.testing.SampleHouseholds.VXUS;
import static dev.rebal.core.validation.Severity.ERROR;
import static dev.rebal.core.validation.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.testing.HouseholdFixture;
import dev.rebal.core.testing.SampleHouseholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One test per validation code: each takes the clean {@link SampleHouseholds#valid()} fixture,
 * breaks exactly one thing, and asserts the code, severity, path and value reported.
 */
class HouseholdValidatorTest {
  private static final HouseholdFixture VALID = SampleHouseholds.valid();
  private static final Household H = VALID.household();
  private static final AccountId X9 = AccountId.of("X-9");

  // ---- helpers: break one thing ----

  private static HouseholdFixture household(UnaryOperator<Household> change) {
    return VALID.withHousehold(change.apply(H));
  }

  private static HouseholdFixture account(String id, UnaryOperator<Account> change) {
    return household(
        h -> h.withAccounts(replace(h.accounts(), a -> a.id().value().equals(id), change)));
  }

  private static HouseholdFixture lot(String id, UnaryOperator<TaxLot> change) {
    return household(h -> h.withLots(replace(h.lots(), l -> l.id().value().equals(id), change)));
  }

  private static HouseholdFixture transaction(String id, UnaryOperator<Transaction> change) {
    return household(
        h -> h.withTransactions(replace(h.transactions(), t -> t.id().value().equals(id), change)));
  }

  private static HouseholdFixture goal(String id, UnaryOperator<Goal> change) {
    return household(h -> h.withGoals(replace(h.goals(), g -> g.id().value().equals(id), change)));
  }

  private static HouseholdFixture event(String id, UnaryOperator<LiquidityEvent> change) {
    return household(
        h ->
            h.withLiquidityEvents(
                replace(h.liquidityEvents(), e -> e.id().value().equals(id), change)));
  }

  private static HouseholdFixture restriction(Restriction replacement) {
    return household(
        h ->
            h.withRestrictions(
                replace(h.restrictions(), r -> r.id().equals(replacement.id()), r -> replacement)));
  }

  private static Restriction restriction(String id) {
    return H.restrictions().stream()
        .filter(r -> r.id().value().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static HouseholdFixture taxProfile(UnaryOperator<TaxProfile> change) {
    return household(h -> h.withTaxProfile(change.apply(h.taxProfile())));
  }

  private static HouseholdFixture price(SecurityId id, UnitPrice perUnit, LocalDate asOf) {
    MarketData m = VALID.market();
    PriceTable prices = PriceTable.builder().putAllPrices(m.prices().prices()).build();
    PriceTable changed =
        prices.withPrices(
            ImmutableSortedMap.copyOf(
                prices.prices().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            e -> e.getKey(),
                            e ->
                                e.getKey().equals(id)
                                    ? Price.of(id, perUnit, asOf)
                                    : e.getValue()))));
    return VALID.withMarket(m.withPrices(changed));
  }

  private static HouseholdFixture volume(UnaryOperator<TradingVolume> change) {
    MarketData m = VALID.market();
    return VALID.withMarket(
        m.withVolumes(ImmutableSortedMap.of("ACME", change.apply(m.volumes().get("ACME")))));
  }

  // ---- helpers: assert ----

  /** Asserts that the report holds exactly one problem, with these fields. */
  private static void assertOnly(
      HouseholdFixture f, String code, Severity severity, String path, String value) {
    ValidationReport report = f.validate();
    assertThat(report.problems())
        .as(report.toString())
        .extracting(Problem::code, Problem::severity, Problem::path, Problem::value)
        .containsExactly(tuple(code, severity, path, value));
  }

  /** Asserts that the report holds this problem, among others that follow from the same break. */
  private static void assertHas(
      HouseholdFixture f, String code, Severity severity, String path, String value) {
    ValidationReport report = f.validate();
    assertThat(report.problems())
        .as(report.toString())
        .extracting(Problem::code, Problem::severity, Problem::path, Problem::value)
        .contains(tuple(code, severity, path, value));
  }

  private static TargetAllocation allocation(String us, String intl, String bond) {
    return SampleHouseholds.allocation(us, intl, bond);
  }

  // ---- the clean fixture ----

  @Test
  void validate_validFixture_reportsNothing() {
    // when
    ValidationReport report = VALID.validate();
    // then
    assertThat(report.problems()).as(report.toString()).isEmpty();
    assertThat(report.isOnHold()).isFalse();
  }

  @Test
  void validate_sameInputTwice_givesEqualReports() {
    // given
    HouseholdFixture broken = lot("L-1", l -> l.withQuantity(Quantity.ZERO));
    // when / then
    assertThat(broken.validate()).isEqualTo(broken.validate());
  }

  @Test
  void validate_brokenHousehold_isNotAltered() {
    // given
    HouseholdFixture broken = lot("L-1", l -> l.withQuantity(Quantity.ZERO));
    Household before = broken.household();
    // when
    broken.validate();
    // then
    assertThat(broken.household()).isEqualTo(before);
    assertThat(broken.household().lots()).hasSize(H.lots().size());
  }

  @Test
  void validate_nullArgument_throwsNamingIt() {
    assertThatThrownBy(() -> HouseholdValidator.standard().validate(H, VALID.market(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asOf");
  }

  // ---- household ----

  @Test
  void validate_noMembers_reportsHouseholdMembersEmpty() {
    assertHas(
        household(h -> h.withMembers(List.of())),
        "household.members.empty",
        ERROR,
        "members",
        "[]");
  }

  @Test
  void validate_noAccounts_reportsHouseholdAccountsEmpty() {
    assertHas(
        household(h -> h.withAccounts(List.of())),
        "household.accounts.empty",
        ERROR,
        "accounts",
        "[]");
  }

  @Test
  void validate_lastRebalancedAfterAsOf_reportsLastRebalancedFuture() {
    assertOnly(
        household(h -> h.withLastRebalanced(LocalDate.of(2026, 7, 1))),
        "household.last-rebalanced.future",
        ERROR,
        "lastRebalanced",
        "2026-07-01");
  }

  @Test
  void validate_duplicateLotId_reportsIdDuplicate() {
    assertOnly(
        household(
            h ->
                h.withLots(
                    ImmutableList.<TaxLot>builder().addAll(h.lots()).add(h.lots().get(0)).build())),
        "id.duplicate",
        ERROR,
        "lots[L-1].id",
        "L-1");
  }

  @Test
  void validate_duplicateMemberId_reportsIdDuplicate() {
    Member again =
        Member.builder()
            .id(MemberId.of("M-1"))
            .name("Other")
            .role(dev.rebal.core.household.MemberRole.DEPENDENT)
            .build();
    assertOnly(
        household(
            h ->
                h.withMembers(
                    ImmutableList.<Member>builder().addAll(h.members()).add(again).build())),
        "id.duplicate",
        ERROR,
        "members[M-1].id",
        "M-1");
  }

  @Test
  void validate_euroCash_reportsCurrencyUnsupported() {
    Money euros = Money.of(Currency.getInstance("EUR"), new BigDecimal("10000"));
    assertOnly(
        account("TAX-1", a -> a.withCash(euros)),
        "money.currency.unsupported",
        ERROR,
        "accounts[TAX-1].cash",
        "EUR 10000.00");
  }

  // ---- accounts ----

  @Test
  void validate_accountWithoutOwners_reportsOwnerNone() {
    assertOnly(
        account("IRA-1", a -> a.withOwners(List.of())),
        "account.owner.none",
        ERROR,
        "accounts[IRA-1].owners",
        "[]");
  }

  @Test
  void validate_ownerNotAMember_reportsOwnerUnknown() {
    assertOnly(
        account("TAX-1", a -> a.withOwners(List.of(MemberId.of("M-1"), MemberId.of("M-9")))),
        "account.owner.unknown",
        ERROR,
        "accounts[TAX-1].owners[M-9]",
        "M-9");
  }

  @Test
  void validate_heldAwayAccountMarkedTradable_reportsHeldAwayTradable() {
    assertOnly(
        account("401K-1", a -> a.withTradable(true)),
        "account.heldaway.tradable",
        ERROR,
        "accounts[401K-1].tradable",
        "true");
  }

  @Test
  void validate_negativeCashFloor_reportsFloorNegative() {
    assertOnly(
        account("IRA-1", a -> a.withCashFloor(Money.usd("-100"))),
        "account.floor.negative",
        ERROR,
        "accounts[IRA-1].cashFloor",
        "USD -100.00");
  }

  @Test
  void validate_cashBelowFloor_warnsOnlyBecauseTheRebalanceRaisesIt() {
    // given
    HouseholdFixture f = account("TAX-1", a -> a.withCash(Money.usd("1500")));
    // then
    assertOnly(f, "account.cash.below-floor", Severity.INFO, "accounts[TAX-1].cash", "USD 1500.00");
    assertThat(f.validate().isOnHold()).isFalse();
  }

  @Test
  void validate_negativeCash_warnsCashNegative() {
    assertHas(
        account("IRA-1", a -> a.withCash(Money.usd("-50"))),
        "account.cash.negative",
        WARNING,
        "accounts[IRA-1].cash",
        "USD -50.00");
  }

  @Test
  void validate_blankCustodian_warnsCustodianBlank() {
    assertOnly(
        account("IRA-1", a -> a.withCustodian(" ")),
        "account.custodian.blank",
        WARNING,
        "accounts[IRA-1].custodian",
        "' '");
  }

  @Test
  void validate_fortyDigitCash_reportsNumberImplausibleAbbreviated() {
    Money absurd = Money.usd(new java.math.BigDecimal("9".repeat(40)));
    assertHas(
        account("TAX-1", a -> a.withCash(absurd)),
        "number.implausible",
        ERROR,
        "accounts[TAX-1].cash",
        "9.99999999999999999999999...(42 digits)E+39");
  }

  @Test
  void validate_lotOf1e400Shares_reportsNumberImplausible() {
    Quantity absurd = Quantity.of(new java.math.BigDecimal("1e400"));
    assertHas(
        lot("L-1", l -> l.withQuantity(absurd)),
        "number.implausible",
        ERROR,
        "lots[L-1].quantity",
        "1.00000000000000000000000...(407 digits)E+400");
  }

  // ---- lots ----

  @Test
  void validate_zeroLotQuantity_reportsQuantityNonpositive() {
    assertOnly(
        lot("L-1", l -> l.withQuantity(Quantity.ZERO)),
        "lot.quantity.nonpositive",
        ERROR,
        "lots[L-1].quantity",
        "0.000000");
  }

  @Test
  void validate_negativeLotQuantity_reportsQuantityNonpositive() {
    assertOnly(
        lot("L-3", l -> l.withQuantity(Quantity.of(-5))),
        "lot.quantity.nonpositive",
        ERROR,
        "lots[L-3].quantity",
        "-5.000000");
  }

  @Test
  void validate_fractionalLotInWholeShareAccount_warnsFractional() {
    assertOnly(
        lot("L-1", l -> l.withQuantity(Quantity.of("100.5"))),
        "lot.quantity.fractional",
        WARNING,
        "lots[L-1].quantity",
        "100.500000");
  }

  @Test
  void validate_fractionalLotInFractionalAccount_isClean() {
    // given
    HouseholdFixture f = lot("L-1", l -> l.withQuantity(Quantity.of("100.5")));
    HouseholdFixture fractional =
        f.withHousehold(
            f.household()
                .withAccounts(
                    replace(
                        f.household().accounts(),
                        a -> a.id().value().equals("TAX-1"),
                        a -> a.withFractionalShares(true))));
    // then
    assertThat(fractional.validate().problems()).isEmpty();
  }

  @Test
  void validate_negativeBasis_reportsBasisNegative() {
    assertOnly(
        lot("L-1", l -> l.withCostBasis(Money.usd("-1"))),
        "lot.basis.negative",
        ERROR,
        "lots[L-1].costBasis",
        "USD -1.00");
  }

  @Test
  void validate_zeroKnownBasis_warnsBasisZero() {
    assertOnly(
        lot("L-1", l -> l.withCostBasis(Money.usd("0"))),
        "lot.basis.zero",
        WARNING,
        "lots[L-1].costBasis",
        "USD 0.00");
  }

  @Test
  void validate_unknownBasis_warnsBasisUnknown() {
    assertOnly(
        lot("L-2", l -> l.withBasisKnown(false)),
        "lot.basis.unknown",
        WARNING,
        "lots[L-2].basisKnown",
        "false");
  }

  @Test
  void validate_lotAcquiredAfterAsOf_reportsAcquiredFuture() {
    assertOnly(
        lot("L-1", l -> l.withAcquired(LocalDate.of(2026, 7, 2))),
        "lot.acquired.future",
        ERROR,
        "lots[L-1].acquired",
        "2026-07-02");
  }

  @Test
  void validate_lotInUnknownAccount_reportsAccountUnknown() {
    assertOnly(
        lot("L-1", l -> l.withAccount(X9)),
        "lot.account.unknown",
        ERROR,
        "lots[L-1].account",
        "X-9");
  }

  @Test
  void validate_lotOfUnknownSecurity_reportsSecurityUnknown() {
    assertOnly(
        lot("L-1", l -> l.withSecurity(SecurityId.of("ZZZ"))),
        "lot.security.unknown",
        ERROR,
        "lots[L-1].security",
        "ZZZ");
  }

  @Test
  void validate_negativeWashSaleAdjustment_reportsWashSaleNegative() {
    assertOnly(
        lot("L-5", l -> l.withWashSaleAdjustment(Money.usd("-5"))),
        "lot.washsale.negative",
        ERROR,
        "lots[L-5].washSaleAdjustment",
        "USD -5.00");
  }

  @Test
  void validate_washSaleAdjustmentAboveBasis_reportsExceedsBasis() {
    assertOnly(
        lot("L-5", l -> l.withWashSaleAdjustment(Money.usd("7000"))),
        "lot.washsale.exceeds-basis",
        ERROR,
        "lots[L-5].washSaleAdjustment",
        "USD 7000.00");
  }

  @Test
  void validate_holdingPeriodStartAfterAcquired_reportsHoldingAfterAcquired() {
    assertOnly(
        lot("L-1", l -> l.withHoldingPeriodStart(LocalDate.of(2020, 1, 16))),
        "lot.holding.after-acquired",
        ERROR,
        "lots[L-1].holdingPeriodStart",
        "2020-01-16");
  }

  @Test
  void validate_lotInHeldAwayAccount_isClean() {
    // L-4 is in the held-away 401K-1 in the valid fixture
    assertThat(H.lots())
        .anyMatch(
            l -> l.id().equals(LotId.of("L-4")) && l.account().equals(SampleHouseholds.K401_1));
    assertThat(VALID.validate().problems()).isEmpty();
  }

  @Test
  void validate_lotOfUntargetedClass_warnsClassUntargeted() {
    // given a gold ETF, priced, in a class the target does not list
    SecurityId gld = SecurityId.of("GLD");
    MarketData m = VALID.market();
    MarketData withGold =
        MarketData.builder()
            .putAllSecurities(m.securities())
            .putSecurities(
                gld,
                Security.builder()
                    .id(gld)
                    .symbol("GLD")
                    .assetClass(AssetClass.of("COMMODITY"))
                    .kind(SecurityKind.ETF)
                    .build())
            .prices(
                PriceTable.builder()
                    .putAllPrices(m.prices().prices())
                    .putPrices(gld, Price.of(gld, UnitPrice.usd("200"), AS_OF))
                    .build())
            .putAllVolumes(m.volumes())
            .build();
    HouseholdFixture f = lot("L-1", l -> l.withSecurity(gld)).withMarket(withGold);
    // then
    assertOnly(f, "lot.class.untargeted", Severity.INFO, "lots[L-1].security", "GLD");
  }

  // ---- transactions ----

  @Test
  void validate_transactionAfterAsOf_reportsDateFuture() {
    assertOnly(
        transaction("T-1", t -> t.withTradeDate(LocalDate.of(2026, 7, 1))),
        "transaction.date.future",
        ERROR,
        "transactions[T-1].tradeDate",
        "2026-07-01");
  }

  @Test
  void validate_zeroTransactionQuantity_reportsQuantityNonpositive() {
    assertOnly(
        transaction("T-1", t -> t.withQuantity(Quantity.ZERO)),
        "transaction.quantity.nonpositive",
        ERROR,
        "transactions[T-1].quantity",
        "0.000000");
  }

  @Test
  void validate_zeroTransactionAmount_reportsAmountNonpositive() {
    assertOnly(
        transaction("T-1", t -> t.withAmount(Money.usd("0"))),
        "transaction.amount.nonpositive",
        ERROR,
        "transactions[T-1].amount",
        "USD 0.00");
  }

  @Test
  void validate_transactionInUnknownAccount_reportsAccountUnknown() {
    assertOnly(
        transaction("T-1", t -> t.withAccount(X9)),
        "transaction.account.unknown",
        ERROR,
        "transactions[T-1].account",
        "X-9");
  }

  @Test
  void validate_transactionOfUnknownSecurity_reportsSecurityUnknown() {
    assertOnly(
        transaction("T-1", t -> t.withSecurity(SecurityId.of("ZZZ"))),
        "transaction.security.unknown",
        ERROR,
        "transactions[T-1].security",
        "ZZZ");
  }

  @Test
  void validate_buyWithRealizedGain_reportsGainOnBuy() {
    assertOnly(
        transaction("T-2", t -> t.withRealizedGain(Money.usd("10"))),
        "transaction.gain.on-buy",
        ERROR,
        "transactions[T-2].realizedGain",
        "USD 10.00");
  }

  @Test
  void validate_transactionNamingLotOfOtherSecurity_reportsLotMismatch() {
    assertOnly(
        transaction("T-2", t -> t.withLot(LotId.of("L-1"))),
        "transaction.lot.mismatch",
        ERROR,
        "transactions[T-2].lot",
        "L-1");
  }

  @Test
  void validate_lotUsingMoreReplacementSharesThanItHolds_reportsReplacementRange() {
    assertOnly(
        lot("L-1", l -> l.withUsedAsReplacement(Quantity.of(101))),
        "lot.replacement.range",
        ERROR,
        "lots[L-1].usedAsReplacement",
        Quantity.of(101).toString());
  }

  @Test
  void validate_replacementUseOnASell_reportsReplacementRange() {
    assertOnly(
        transaction("T-1", t -> t.withUsedAsReplacement(Quantity.of(1))),
        "transaction.replacement.range",
        ERROR,
        "transactions[T-1].usedAsReplacement",
        Quantity.of(1).toString());
  }

  @Test
  void validate_buyUsingMoreReplacementSharesThanBought_reportsReplacementRange() {
    assertOnly(
        transaction("T-2", t -> t.withUsedAsReplacement(Quantity.of(51))),
        "transaction.replacement.range",
        ERROR,
        "transactions[T-2].usedAsReplacement",
        Quantity.of(51).toString());
  }

  @Test
  void validate_sellWashingMoreSharesThanSold_reportsWashedRange() {
    assertOnly(
        transaction("T-1", t -> t.withWashedQuantity(Quantity.of(21))),
        "transaction.washed.range",
        ERROR,
        "transactions[T-1].washedQuantity",
        Quantity.of(21).toString());
  }

  @Test
  void validate_washedSharesOnABuy_reportsWashedRange() {
    assertOnly(
        transaction("T-2", t -> t.withWashedQuantity(Quantity.of(1))),
        "transaction.washed.range",
        ERROR,
        "transactions[T-2].washedQuantity",
        Quantity.of(1).toString());
  }

  @Test
  void validate_holdingStartOnABuy_reportsHoldingInvalid() {
    assertOnly(
        transaction("T-2", t -> t.withHoldingPeriodStart(LocalDate.of(2026, 6, 1))),
        "transaction.holding.invalid",
        ERROR,
        "transactions[T-2].holdingPeriodStart",
        "2026-06-01");
  }

  @Test
  void validate_sellHoldingStartAfterItsTradeDate_reportsHoldingInvalid() {
    assertOnly(
        transaction("T-1", t -> t.withHoldingPeriodStart(LocalDate.of(2026, 6, 6))),
        "transaction.holding.invalid",
        ERROR,
        "transactions[T-1].holdingPeriodStart",
        "2026-06-06");
  }

  @Test
  void validate_fullWashSaleHistory_isClean() {
    // given: the sell's 20 shares all washed, held since 2020, the buy's 50 shares all used
    HouseholdFixture f =
        household(
            h ->
                h.withTransactions(
                    List.of(
                        h.transactions()
                            .get(0)
                            .withWashedQuantity(Quantity.of(20))
                            .withHoldingPeriodStart(LocalDate.of(2020, 1, 15)),
                        h.transactions().get(1).withUsedAsReplacement(Quantity.of(50)))));

    // then
    assertThat(f.validate().problems()).isEmpty();
  }

  // ---- goals ----

  @Test
  void validate_goalDatedBeforeAsOf_reportsDatePast() {
    assertOnly(
        goal("G-2", g -> g.withTargetDate(LocalDate.of(2026, 6, 29))),
        "goal.date.past",
        ERROR,
        "goals[G-2].targetDate",
        "2026-06-29");
  }

  @Test
  void validate_zeroGoalAmount_reportsAmountNonpositive() {
    assertOnly(
        goal("G-1", g -> g.withTargetAmount(Money.usd("0"))),
        "goal.amount.nonpositive",
        ERROR,
        "goals[G-1].targetAmount",
        "USD 0.00");
  }

  @Test
  void validate_zeroPriority_reportsPriorityNonpositive() {
    assertOnly(
        goal("G-2", g -> g.withPriority(0)),
        "goal.priority.nonpositive",
        ERROR,
        "goals[G-2].priority",
        "0");
  }

  @Test
  void validate_goalWithoutFunding_reportsFundingNone() {
    assertOnly(
        goal("G-2", g -> g.withFundingShare(Optional.empty())),
        "goal.funding.none",
        ERROR,
        "goals[G-2].fundingAccounts",
        "[]");
  }

  @Test
  void validate_fundingShareAboveOne_reportsShareRange() {
    assertOnly(
        goal("G-2", g -> g.withFundingShare(Weight.of("1.5"))),
        "goal.funding.share.range",
        ERROR,
        "goals[G-2].fundingShare",
        "1.5");
  }

  @Test
  void validate_zeroFundingShare_reportsShareRange() {
    assertOnly(
        goal("G-2", g -> g.withFundingShare(Weight.ZERO)),
        "goal.funding.share.range",
        ERROR,
        "goals[G-2].fundingShare",
        "0");
  }

  @Test
  void validate_fundingSharesSumAboveOne_reportsShareSum() {
    // given a third goal taking 0.8 on top of G-2's 0.3
    Goal g3 = H.goals().get(1).withId(GoalId.of("G-3")).withFundingShare(Weight.of("0.8"));
    // then
    assertOnly(
        household(
            h -> h.withGoals(ImmutableList.<Goal>builder().addAll(h.goals()).add(g3).build())),
        "goal.funding.share.sum",
        ERROR,
        "goals[*].fundingShare",
        "1.1");
  }

  @Test
  void validate_unknownFundingAccount_reportsFundingAccountUnknown() {
    assertOnly(
        goal("G-1", g -> g.withFundingAccounts(List.of(SampleHouseholds.IRA_1, X9))),
        "goal.funding.account.unknown",
        ERROR,
        "goals[G-1].fundingAccounts[X-9]",
        "X-9");
  }

  @Test
  void validate_accountFundingTwoGoals_reportsFundingAccountShared() {
    assertOnly(
        goal("G-2", g -> g.withFundingAccounts(List.of(SampleHouseholds.IRA_1))),
        "goal.funding.account.shared",
        ERROR,
        "goals[G-2].fundingAccounts[IRA-1]",
        "IRA-1");
  }

  @Test
  void validate_emptyGlidePath_reportsGlidePathEmpty() {
    assertOnly(
        goal("G-1", g -> g.withGlidePath(GlidePath.builder().build())),
        "goal.glidepath.empty",
        ERROR,
        "goals[G-1].glidePath.steps",
        "{}");
  }

  @Test
  void validate_glidePathWithoutZeroStep_reportsNoZeroStep() {
    GlidePath noZero = GlidePath.builder().putSteps(5, allocation("0.5", "0.1", "0.4")).build();
    assertOnly(
        goal("G-2", g -> g.withGlidePath(noZero)),
        "goal.glidepath.no-zero-step",
        ERROR,
        "goals[G-2].glidePath.steps",
        "[5]");
  }

  @Test
  void validate_negativeGlidePathYears_reportsNegativeYears() {
    GlidePath negative =
        GlidePath.builder()
            .putSteps(-1, allocation("0.1", "0.0", "0.9"))
            .putSteps(0, allocation("0.1", "0.0", "0.9"))
            .build();
    assertOnly(
        goal("G-2", g -> g.withGlidePath(negative)),
        "goal.glidepath.negative-years",
        ERROR,
        "goals[G-2].glidePath.steps[-1]",
        "-1");
  }

  @Test
  void validate_glidePathStepWeightOutOfRange_reportsTargetWeightRangeAtStepPath() {
    GlidePath bad =
        GlidePath.builder()
            .putSteps(0, allocation("0.1", "0.0", "0.9"))
            .putSteps(5, allocation("1.2", "0.0", "-0.2"))
            .build();
    assertHas(
        goal("G-1", g -> g.withGlidePath(bad)),
        "target.weight.range",
        ERROR,
        "goals[G-1].glidePath.steps[5].classes[US_EQUITY].weight",
        "1.2");
  }

  @Test
  void validate_oneAllocationAsTargetAndStep_reportsItAtEachPath() {
    // one instance, checked at the goal's step and again as the target (a clean one is checked
    // once)
    TargetAllocation bad = allocation("0.6", "0.2", "0.3");
    GlidePath path = GlidePath.builder().putSteps(0, bad).build();
    ValidationReport report =
        household(
                h ->
                    h.withTarget(bad)
                        .withGoals(
                            replace(
                                h.goals(),
                                g -> g.id().value().equals("G-1"),
                                g -> g.withGlidePath(path))))
            .validate();
    assertThat(report.problems())
        .as(report.toString())
        .filteredOn(p -> p.code().equals("target.weights.sum"))
        .extracting(Problem::path)
        .containsExactly("goals[G-1].glidePath.steps[0].classes", "target.classes");
  }

  // ---- target and model ----

  @Test
  void validate_emptyTarget_reportsTargetEmpty() {
    assertHas(
        household(h -> h.withTarget(TargetAllocation.builder().build())),
        "target.empty",
        ERROR,
        "target.classes",
        "{}");
  }

  @Test
  void validate_weightsNotSummingToOne_reportsWeightsSum() {
    assertOnly(
        household(h -> h.withTarget(allocation("0.6", "0.2", "0.3"))),
        "target.weights.sum",
        ERROR,
        "target.classes",
        "1.1");
  }

  @Test
  void validate_negativeWeight_reportsWeightRange() {
    assertOnly(
        household(h -> h.withTarget(allocation("0.9", "0.2", "-0.1"))),
        "target.weight.range",
        ERROR,
        "target.classes[US_BOND].weight",
        "-0.1");
  }

  @Test
  void validate_negativeBand_reportsBandNegative() {
    TargetAllocation t = TargetAllocation.builder().putAllClasses(H.target().classes()).build();
    TargetAllocation bad =
        t.withClasses(
            ImmutableSortedMap.<AssetClass, ClassTarget>naturalOrder()
                .put(US_EQUITY, new ClassTarget(Weight.of("0.6"), Weight.of("-0.01"), Weight.ZERO))
                .put(INTL_EQUITY, t.classes().get(INTL_EQUITY))
                .put(US_BOND, t.classes().get(US_BOND))
                .build());
    assertOnly(
        household(h -> h.withTarget(bad)),
        "target.band.negative",
        ERROR,
        "target.classes[US_EQUITY].absoluteBand",
        "-0.01");
  }

  @Test
  void validate_bandWiderThanWeight_reportsBandWiderThanWeight() {
    TargetAllocation bad =
        TargetAllocation.builder()
            .putClasses(US_EQUITY, H.target().classes().get(US_EQUITY))
            .putClasses(
                INTL_EQUITY, new ClassTarget(Weight.of("0.2"), Weight.of("0.25"), Weight.ZERO))
            .putClasses(US_BOND, H.target().classes().get(US_BOND))
            .build();
    assertOnly(
        household(h -> h.withTarget(bad)),
        "target.band.wider-than-weight",
        ERROR,
        "target.classes[INTL_EQUITY].absoluteBand",
        "0.25");
  }

  @Test
  void validate_targetClassWithoutModelSecurity_reportsClassUnmodeled() {
    Model noIntl =
        Model.builder()
            .id(H.model().id())
            .putSecurities(US_EQUITY, ImmutableList.of(VTI, ITOT))
            .putSecurities(US_BOND, ImmutableList.of(BND))
            .build();
    assertHas(
        household(h -> h.withModel(noIntl)),
        "target.class.unmodeled",
        ERROR,
        "target.classes[INTL_EQUITY].weight",
        "0.2");
  }

  @Test
  void validate_modelWithUnknownSecurity_reportsModelSecurityUnknown() {
    Model bad =
        Model.builder()
            .id(H.model().id())
            .putSecurities(US_EQUITY, ImmutableList.of(VTI, SecurityId.of("ZZZ")))
            .putSecurities(INTL_EQUITY, ImmutableList.of(VXUS))
            .putSecurities(US_BOND, ImmutableList.of(BND))
            .build();
    assertOnly(
        household(h -> h.withModel(bad)),
        "model.security.unknown",
        ERROR,
        "model.securities[US_EQUITY][ZZZ]",
        "ZZZ");
  }

  @Test
  void validate_modelSecurityOfOtherClass_reportsClassMismatch() {
    Model bad =
        Model.builder()
            .id(H.model().id())
            .putSecurities(US_EQUITY, ImmutableList.of(VTI, ITOT))
            .putSecurities(INTL_EQUITY, ImmutableList.of(VXUS))
            .putSecurities(US_BOND, ImmutableList.of(BND, VXUS))
            .build();
    assertOnly(
        household(h -> h.withModel(bad)),
        "model.security.class-mismatch",
        ERROR,
        "model.securities[US_BOND][VXUS]",
        "VXUS");
  }

  @Test
  void validate_modelSecurityListedTwice_warnsDuplicate() {
    Model bad =
        Model.builder()
            .id(H.model().id())
            .putSecurities(US_EQUITY, ImmutableList.of(VTI, ITOT, VTI))
            .putSecurities(INTL_EQUITY, ImmutableList.of(VXUS))
            .putSecurities(US_BOND, ImmutableList.of(BND))
            .build();
    assertOnly(
        household(h -> h.withModel(bad)),
        "model.security.duplicate",
        WARNING,
        "model.securities[US_EQUITY][VTI]",
        "VTI");
  }

  // ---- market data ----

  @Test
  void validate_missingPrice_reportsPriceMissing() {
    MarketData m = VALID.market();
    PriceTable noBnd =
        PriceTable.of(
            m.prices().prices().values().stream()
                .filter(p -> !p.security().equals(BND))
                .collect(Collectors.toList()));
    assertOnly(
        VALID.withMarket(m.withPrices(noBnd)), "price.missing", ERROR, "prices[BND]", "<missing>");
  }

  @Test
  void validate_missingAndStalePrices_reportsBothInSecurityOrder() {
    // given: VTI's price six days old, and no price for BND
    MarketData m = price(VTI, UnitPrice.usd("310"), AS_OF.minusDays(6)).market();
    PriceTable noBnd =
        PriceTable.of(
            m.prices().prices().values().stream()
                .filter(p -> !p.security().equals(BND))
                .collect(Collectors.toList()));

    // when
    ValidationReport report = VALID.withMarket(m.withPrices(noBnd)).validate();

    // then: by security id, whatever order the checks ran in
    assertThat(report.problems())
        .extracting(Problem::code, Problem::path)
        .containsExactly(
            tuple("price.missing", "prices[BND]"), tuple("price.stale", "prices[VTI].asOf"));
  }

  @Test
  void validate_zeroPriceDatedAfterAsOf_reportsBothProblems() {
    ValidationReport report = price(VTI, UnitPrice.usd("0"), AS_OF.plusDays(1)).validate();

    assertThat(report.problems())
        .extracting(Problem::code, Problem::path)
        .containsExactly(
            tuple("price.nonpositive", "prices[VTI].perUnit"),
            tuple("price.date.future", "prices[VTI].asOf"));
  }

  @Test
  void validate_zeroPrice_reportsPriceNonpositive() {
    assertOnly(
        price(VTI, UnitPrice.usd("0"), AS_OF),
        "price.nonpositive",
        ERROR,
        "prices[VTI].perUnit",
        "USD 0.000000");
  }

  @Test
  void validate_priceDatedAfterAsOf_reportsPriceDateFuture() {
    assertOnly(
        price(VTI, UnitPrice.usd("310"), AS_OF.plusDays(1)),
        "price.date.future",
        ERROR,
        "prices[VTI].asOf",
        "2026-07-01");
  }

  @Test
  void validate_priceSixDaysOld_warnsPriceStale() {
    assertOnly(
        price(VTI, UnitPrice.usd("310"), AS_OF.minusDays(6)),
        "price.stale",
        WARNING,
        "prices[VTI].asOf",
        "2026-06-24");
  }

  @Test
  void validate_priceFiveDaysOld_isNotStale() {
    assertThat(price(VTI, UnitPrice.usd("310"), AS_OF.minusDays(5)).validate().problems())
        .isEmpty();
  }

  @Test
  void validate_euroPrice_reportsCurrencyUnsupported() {
    UnitPrice euros = UnitPrice.of(Currency.getInstance("EUR"), new BigDecimal("300"));
    assertOnly(
        price(VTI, euros, AS_OF),
        "money.currency.unsupported",
        ERROR,
        "prices[VTI].perUnit",
        "EUR 300.000000");
  }

  @Test
  void validate_zeroSharesOutstanding_reportsVolumeSharesNonpositive() {
    assertOnly(
        volume(v -> v.withSharesOutstanding(Quantity.ZERO)),
        "volume.shares.nonpositive",
        ERROR,
        "volumes[ACME].sharesOutstanding",
        "0.000000");
  }

  @Test
  void validate_threeWeeksOfVolume_reportsVolumeWeeksInsufficient() {
    assertOnly(
        volume(v -> v.withWeeklyVolumes(v.weeklyVolumes().subList(0, 3))),
        "volume.weeks.insufficient",
        ERROR,
        "volumes[ACME].weeklyVolumes",
        "3");
  }

  // ---- restrictions ----

  @Test
  void validate_restrictionOnUnknownSecurity_reportsRestrictionSecurityUnknown() {
    DoNotSell r2 = (DoNotSell) restriction("R-2");
    assertOnly(
        restriction(
            new DoNotSell(
                r2.id(), SecurityScope.security("ZZZ"), r2.accounts(), r2.window(), r2.source())),
        "restriction.security.unknown",
        ERROR,
        "restrictions[R-2].scope",
        "SECURITY:ZZZ");
  }

  @Test
  void validate_blackoutOnUnknownIssuer_reportsRestrictionIssuerUnknown() {
    BlackoutWindow r3 = (BlackoutWindow) restriction("R-3");
    assertOnly(
        restriction(new BlackoutWindow(r3.id(), "ACMEE", r3.window(), r3.source())),
        "restriction.issuer.unknown",
        ERROR,
        "restrictions[R-3].issuer",
        "ACMEE");
  }

  @Test
  void validate_restrictionOnUnknownAssetClass_reportsRestrictionClassUnknown() {
    AssetLocationPreference r8 = (AssetLocationPreference) restriction("R-8");
    assertOnly(
        restriction(
            new AssetLocationPreference(
                r8.id(),
                SecurityScope.assetClass("MUNI"),
                r8.avoidIn(),
                r8.penaltyBps(),
                r8.window(),
                r8.source())),
        "restriction.class.unknown",
        ERROR,
        "restrictions[R-8].scope",
        "ASSET_CLASS:MUNI");
  }

  @Test
  void validate_freezeOfUnknownAccount_reportsRestrictionAccountUnknown() {
    AccountFreeze r6 = (AccountFreeze) restriction("R-6");
    assertOnly(
        restriction(new AccountFreeze(r6.id(), X9, r6.window(), r6.source())),
        "restriction.account.unknown",
        ERROR,
        "restrictions[R-6].account",
        "X-9");
  }

  @Test
  void validate_doNotSellInUnknownAccount_reportsRestrictionAccountUnknown() {
    DoNotSell r2 = (DoNotSell) restriction("R-2");
    assertOnly(
        restriction(
            new DoNotSell(
                r2.id(), r2.scope(), ImmutableSortedSet.of(X9), r2.window(), r2.source())),
        "restriction.account.unknown",
        ERROR,
        "restrictions[R-2].accounts[X-9]",
        "X-9");
  }

  @Test
  void validate_windowEndingBeforeItStarts_reportsWindowInverted() {
    AccountFreeze r6 = (AccountFreeze) restriction("R-6");
    DateWindow inverted = DateWindow.between(LocalDate.of(2026, 7, 31), LocalDate.of(2026, 7, 1));
    assertOnly(
        restriction(new AccountFreeze(r6.id(), r6.account(), inverted, r6.source())),
        "restriction.window.inverted",
        ERROR,
        "restrictions[R-6].window",
        "[2026-07-31..2026-07-01]");
  }

  @Test
  void validate_blackoutOpenAtTheEnd_reportsWindowUnbounded() {
    BlackoutWindow r3 = (BlackoutWindow) restriction("R-3");
    assertOnly(
        restriction(
            new BlackoutWindow(
                r3.id(), r3.issuer(), DateWindow.from(LocalDate.of(2026, 6, 15)), r3.source())),
        "restriction.window.unbounded",
        ERROR,
        "restrictions[R-3].window",
        "[2026-06-15..*]");
  }

  @Test
  void validate_windowEndedBeforeAsOf_informsWindowExpired() {
    DoNotSell r2 = (DoNotSell) restriction("R-2");
    ValidationReport report =
        restriction(
                new DoNotSell(
                    r2.id(),
                    r2.scope(),
                    r2.accounts(),
                    DateWindow.until(LocalDate.of(2026, 6, 29)),
                    r2.source()))
            .validate();
    // an expired restriction is history: information, neither an error nor a warning
    assertThat(report.warnings()).isEmpty();
    assertThat(report.isOnHold()).isFalse();
    assertOnly(
        restriction(
            new DoNotSell(
                r2.id(),
                r2.scope(),
                r2.accounts(),
                DateWindow.until(LocalDate.of(2026, 6, 29)),
                r2.source())),
        "restriction.window.expired",
        Severity.INFO,
        "restrictions[R-2].window",
        "[*..2026-06-29]");
  }

  @Test
  void validate_zeroConcentrationCap_reportsCapRange() {
    ConcentrationCap r5 = (ConcentrationCap) restriction("R-5");
    assertOnly(
        restriction(
            new ConcentrationCap(r5.id(), r5.scope(), Weight.ZERO, r5.window(), r5.source())),
        "restriction.cap.range",
        ERROR,
        "restrictions[R-5].maxWeight",
        "0");
  }

  @Test
  void validate_concentrationCapAboveOne_reportsCapRange() {
    ConcentrationCap r5 = (ConcentrationCap) restriction("R-5");
    assertOnly(
        restriction(
            new ConcentrationCap(r5.id(), r5.scope(), Weight.of("1.2"), r5.window(), r5.source())),
        "restriction.cap.range",
        ERROR,
        "restrictions[R-5].maxWeight",
        "1.2");
  }

  @Test
  void validate_volumeLimitWithoutTradingVolume_reportsVolumeMissing() {
    MarketData m = VALID.market();
    assertOnly(
        VALID.withMarket(m.withVolumes(ImmutableSortedMap.of())),
        "restriction.volume.missing",
        ERROR,
        "restrictions[R-4].issuer",
        "ACME");
  }

  @Test
  void validate_negativeLocationPenalty_reportsPenaltyNegative() {
    AssetLocationPreference r8 = (AssetLocationPreference) restriction("R-8");
    assertOnly(
        restriction(
            new AssetLocationPreference(
                r8.id(), r8.scope(), r8.avoidIn(), new BigDecimal("-5"), r8.window(), r8.source())),
        "restriction.penalty.negative",
        ERROR,
        "restrictions[R-8].penaltyBps",
        "-5");
  }

  @Test
  void validate_locationPreferenceWithoutTreatments_warnsTreatmentsEmpty() {
    AssetLocationPreference r8 = (AssetLocationPreference) restriction("R-8");
    assertOnly(
        restriction(
            new AssetLocationPreference(
                r8.id(),
                r8.scope(),
                ImmutableSortedSet.<TaxTreatment>of(),
                r8.penaltyBps(),
                r8.window(),
                r8.source())),
        "restriction.treatments.empty",
        WARNING,
        "restrictions[R-8].avoidIn",
        "[]");
  }

  @Test
  void validate_blankRestrictionSource_warnsSourceBlank() {
    SecurityExclusion r1 = (SecurityExclusion) restriction("R-1");
    assertOnly(
        restriction(new SecurityExclusion(r1.id(), r1.scope(), r1.window(), "")),
        "restriction.source.blank",
        WARNING,
        "restrictions[R-1].source",
        "''");
  }

  // ---- tax profile ----

  @Test
  void validate_rateAboveOne_reportsTaxRateRange() {
    assertOnly(
        taxProfile(t -> t.withStateRate(Weight.of("1.2"))),
        "tax.rate.range",
        ERROR,
        "taxProfile.stateRate",
        "1.2");
  }

  @Test
  void validate_shortTermRateBelowLongTerm_warnsShortBelowLong() {
    assertOnly(
        taxProfile(t -> t.withShortTermRate(Weight.of("0.15"))),
        "tax.rate.short-below-long",
        WARNING,
        "taxProfile.shortTermRate",
        "0.15");
  }

  @Test
  void validate_niitRateNotStatutory_reportsNiitRate() {
    assertOnly(
        taxProfile(t -> t.withNiitRate(Weight.of("0.04"))),
        "tax.niit.rate",
        ERROR,
        "taxProfile.niitRate",
        "0.04");
  }

  @Test
  void validate_negativeCarryforward_reportsCarryforwardNegative() {
    assertOnly(
        taxProfile(t -> t.withLongTermCarryforward(Money.usd("-1000"))),
        "tax.carryforward.negative",
        ERROR,
        "taxProfile.longTermCarryforward",
        "USD -1000.00");
  }

  @Test
  void validate_negativeGainBudget_reportsBudgetNegative() {
    assertOnly(
        taxProfile(t -> t.withAnnualGainBudget(Money.usd("-1"))),
        "tax.budget.negative",
        ERROR,
        "taxProfile.annualGainBudget",
        "USD -1.00");
  }

  @Test
  void validate_negativeShortTermCap_reportsCapNegative() {
    assertOnly(
        taxProfile(t -> t.withShortTermGainCap(Money.usd("-1"))),
        "tax.cap.negative",
        ERROR,
        "taxProfile.shortTermGainCap",
        "USD -1.00");
  }

  // ---- liquidity events ----

  @Test
  void validate_zeroLiquidityAmount_reportsAmountNonpositive() {
    assertOnly(
        event("E-1", e -> e.withAmount(Money.usd("0"))),
        "liquidity.amount.nonpositive",
        ERROR,
        "liquidityEvents[E-1].amount",
        "USD 0.00");
  }

  @Test
  void validate_liquidityEventBeforeAsOf_reportsDatePast() {
    assertOnly(
        event("E-1", e -> e.withDate(LocalDate.of(2026, 6, 29))),
        "liquidity.date.past",
        ERROR,
        "liquidityEvents[E-1].date",
        "2026-06-29");
  }

  @Test
  void validate_liquidityEventInUnknownAccount_reportsAccountUnknown() {
    assertOnly(
        event("E-2", e -> e.withAccount(X9)),
        "liquidity.account.unknown",
        ERROR,
        "liquidityEvents[E-2].account",
        "X-9");
  }

  @Test
  void validate_needInHeldAwayAccount_warnsNeedHeldAway() {
    assertOnly(
        event("E-1", e -> e.withAccount(SampleHouseholds.K401_1)),
        "liquidity.need.heldaway",
        WARNING,
        "liquidityEvents[E-1].account",
        "401K-1");
  }

  // ---- the report as a whole ----

  @Test
  void validate_severalProblems_reportsEveryOneInOrder() {
    // given three independent breaks
    Household h = H;
    h =
        h.withLots(
            replace(
                h.lots(), l -> l.id().value().equals("L-1"), l -> l.withQuantity(Quantity.ZERO)));
    h =
        h.withAccounts(
            replace(
                h.accounts(),
                a -> a.id().value().equals("TAX-1"),
                a -> a.withCash(Money.usd("1500"))));
    h = h.withTarget(allocation("0.6", "0.2", "0.3"));
    // when
    ValidationReport report = VALID.withHousehold(h).validate();
    // then
    assertThat(report.problems())
        .extracting(Problem::code)
        .containsExactly(
            "account.cash.below-floor", "lot.quantity.nonpositive", "target.weights.sum");
    assertThat(report.errors()).hasSize(2);
    // cash below its floor is information: the cash trigger acts on it
    assertThat(report.warnings()).isEmpty();
    assertThat(report.isOnHold()).isTrue();
  }

  @Test
  void toString_ofReport_namesPathRuleAndValue() {
    // given
    ValidationReport report = lot("L-1", l -> l.withAcquired(LocalDate.of(2026, 7, 2))).validate();
    // when
    String text = report.toString();
    // then
    assertThat(text)
        .contains("household HH-1: 1 problem(s)")
        .contains(
            "ERROR lots[L-1].acquired: must not be after the as-of date 2026-06-30, "
                + "was 2026-07-02 [lot.acquired.future]");
  }

  @Test
  void throwIfOnHold_withError_throwsCarryingReport() {
    ValidationReport report = lot("L-1", l -> l.withQuantity(Quantity.ZERO)).validate();
    assertThatThrownBy(report::throwIfOnHold)
        .isInstanceOf(RebalValidationException.class)
        .hasMessageContaining("lots[L-1].quantity")
        .hasMessageContaining("lot.quantity.nonpositive");
  }

  @Test
  void codes_areDistinctAndAtLeastForty() {
    Set<String> codes = Arrays.stream(Code.values()).map(Code::code).collect(Collectors.toSet());
    assertThat(codes).hasSize(Code.values().length).hasSizeGreaterThanOrEqualTo(40);
    assertThat(codes).allMatch(c -> c.matches("[a-z0-9]+(\\.[a-z0-9-]+)+"));
  }
}
