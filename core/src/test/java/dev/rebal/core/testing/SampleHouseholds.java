package dev.rebal.core.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.MemberRole;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
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
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-built households for tests: {@link #valid()} is a clean household (no errors, no warnings)
 * that uses every kind of data once, so that a test can break exactly one thing in it.
 *
 * <p>The household (HH-1, as of 2026-06-30): two members; a joint taxable account TAX-1, a
 * traditional IRA IRA-1 and a held-away 401(k) 401K-1; five lots (one in the held-away account, one
 * a wash-sale replacement with a tacked holding period); two recent transactions; a retirement and
 * an education goal with glide paths; one restriction of every kind on the employer ACME; a
 * committed tuition need and an expected inflow.
 */
public final class SampleHouseholds {
  /** The fixture's as-of date. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  /** Total US equity. */
  public static final AssetClass US_EQUITY = AssetClass.of("US_EQUITY");

  /** International equity. */
  public static final AssetClass INTL_EQUITY = AssetClass.of("INTL_EQUITY");

  /** US bonds. */
  public static final AssetClass US_BOND = AssetClass.of("US_BOND");

  /** Vanguard Total Stock Market ETF: the model's US equity. */
  public static final SecurityId VTI = SecurityId.of("VTI");

  /** iShares Core S&amp;P Total US Stock ETF: the US equity substitute. */
  public static final SecurityId ITOT = SecurityId.of("ITOT");

  /** Vanguard Total International Stock ETF. */
  public static final SecurityId VXUS = SecurityId.of("VXUS");

  /** Vanguard Total Bond Market ETF. */
  public static final SecurityId BND = SecurityId.of("BND");

  /** The employer's stock (a made-up issuer). */
  public static final SecurityId ACME = SecurityId.of("ACME");

  /** The joint taxable account. */
  public static final AccountId TAX_1 = AccountId.of("TAX-1");

  /** The traditional IRA. */
  public static final AccountId IRA_1 = AccountId.of("IRA-1");

  /** The held-away 401(k). */
  public static final AccountId K401_1 = AccountId.of("401K-1");

  private SampleHouseholds() {}

  /** Returns the clean fixture household with its market data and as-of date. */
  public static HouseholdFixture valid() {
    return new HouseholdFixture(household(), market(), AS_OF);
  }

  /** Returns the market data of {@link #valid()}: five securities, prices as of the as-of date. */
  public static MarketData market() {
    List<Security> securities =
        List.of(
            security(VTI, US_EQUITY, SecurityKind.ETF, "VANGUARD"),
            security(ITOT, US_EQUITY, SecurityKind.ETF, "ISHARES"),
            security(VXUS, INTL_EQUITY, SecurityKind.ETF, "VANGUARD"),
            security(BND, US_BOND, SecurityKind.ETF, "VANGUARD"),
            security(ACME, US_EQUITY, SecurityKind.EQUITY, "ACME"));
    MarketData.Builder b = MarketData.builder();
    securities.forEach(s -> b.putSecurities(s.id(), s));
    return b.prices(
            PriceTable.of(
                List.of(
                    Price.of(VTI, UnitPrice.usd("310.25"), AS_OF),
                    Price.of(ITOT, UnitPrice.usd("128.40"), AS_OF),
                    Price.of(VXUS, UnitPrice.usd("66.10"), AS_OF),
                    Price.of(BND, UnitPrice.usd("72.35"), AS_OF),
                    Price.of(ACME, UnitPrice.usd("45.00"), AS_OF.minusDays(1)))))
        .putVolumes(
            "ACME",
            TradingVolume.builder()
                .issuer("ACME")
                .asOf(AS_OF.minusDays(4))
                .sharesOutstanding(Quantity.of(250_000_000L))
                .addWeeklyVolumes(
                    Quantity.of(1_200_000L),
                    Quantity.of(900_000L),
                    Quantity.of(1_050_000L),
                    Quantity.of(1_100_000L))
                .build())
        .build();
  }

  private static Security security(SecurityId id, AssetClass c, SecurityKind kind, String issuer) {
    return Security.builder()
        .id(id)
        .symbol(id.value())
        .assetClass(c)
        .kind(kind)
        .issuer(issuer)
        .washSaleGroup(id.value())
        .build();
  }

  /** Returns a 60/20/20 US equity / international / bond target with 5-point bands. */
  public static TargetAllocation target() {
    return allocation("0.6", "0.2", "0.2");
  }

  /** Returns a target of the three classes with 5-point absolute and 20% relative bands. */
  public static TargetAllocation allocation(String usEquity, String intlEquity, String usBond) {
    return TargetAllocation.builder()
        .putClasses(
            US_EQUITY, new ClassTarget(Weight.of(usEquity), Weight.of("0.05"), Weight.of("0.2")))
        .putClasses(
            INTL_EQUITY, new ClassTarget(Weight.of(intlEquity), Weight.of("0.03"), Weight.ZERO))
        .putClasses(
            US_BOND, new ClassTarget(Weight.of(usBond), Weight.of("0.05"), Weight.of("0.2")))
        .build();
  }

  /** Returns the model M-1: VTI then ITOT for US equity, VXUS, BND. */
  public static Model model() {
    return Model.builder()
        .id(ModelId.of("M-1"))
        .putSecurities(US_EQUITY, ImmutableList.of(VTI, ITOT))
        .putSecurities(INTL_EQUITY, ImmutableList.of(VXUS))
        .putSecurities(US_BOND, ImmutableList.of(BND))
        .build();
  }

  /** Returns the household of {@link #valid()}. */
  public static Household household() {
    MemberId m1 = MemberId.of("M-1");
    MemberId m2 = MemberId.of("M-2");
    return Household.builder()
        .id(HouseholdId.of("HH-1"))
        .addMembers(
            Member.builder().id(m1).name("Pat Doe").role(MemberRole.PRIMARY).build(),
            Member.builder().id(m2).name("Sam Doe").role(MemberRole.SPOUSE).build())
        .addAccounts(
            Account.builder()
                .id(TAX_1)
                .addOwners(m1, m2)
                .type(AccountType.TAXABLE)
                .custodian("Schwab")
                .cash(Money.usd("10000.00"))
                .cashFloor(Money.usd("2000.00"))
                .build(),
            Account.builder()
                .id(IRA_1)
                .addOwners(m1)
                .type(AccountType.TRADITIONAL_IRA)
                .custodian("Schwab")
                .cash(Money.usd("5000.00"))
                .build(),
            Account.builder()
                .id(K401_1)
                .addOwners(m2)
                .type(AccountType.K401)
                .custodian("Fidelity")
                .cash(Money.usd("0"))
                .heldAway(true)
                .build())
        .addLots(
            lot("L-1", TAX_1, VTI, 100, "20000.00", LocalDate.of(2020, 1, 15)),
            lot("L-2", TAX_1, ACME, 500, "5000.00", LocalDate.of(2015, 3, 2)),
            lot("L-3", IRA_1, BND, 200, "16000.00", LocalDate.of(2019, 5, 20)),
            lot("L-4", K401_1, VXUS, 300, "15000.00", LocalDate.of(2018, 11, 1)),
            TaxLot.builder()
                .id(LotId.of("L-5"))
                .account(TAX_1)
                .security(ITOT)
                .quantity(Quantity.of(50))
                .costBasis(Money.usd("6700.00"))
                .acquired(LocalDate.of(2026, 6, 10))
                .holdingPeriodStart(LocalDate.of(2026, 3, 2))
                .washSaleAdjustment(Money.usd("300.00"))
                .build())
        .addTransactions(
            Transaction.builder()
                .id(TransactionId.of("T-1"))
                .account(TAX_1)
                .security(VTI)
                .side(Side.SELL)
                .tradeDate(LocalDate.of(2026, 6, 5))
                .quantity(Quantity.of(20))
                .amount(Money.usd("6000.00"))
                .realizedGain(Money.usd("-300.00"))
                .build(),
            Transaction.builder()
                .id(TransactionId.of("T-2"))
                .account(TAX_1)
                .security(ITOT)
                .side(Side.BUY)
                .tradeDate(LocalDate.of(2026, 6, 10))
                .quantity(Quantity.of(50))
                .amount(Money.usd("6400.00"))
                .lot(LotId.of("L-5"))
                .build())
        .addGoals(
            Goal.builder()
                .id(GoalId.of("G-1"))
                .name("Retirement")
                .kind(GoalKind.RETIREMENT)
                .targetAmount(Money.usd("2000000.00"))
                .targetDate(LocalDate.of(2045, 1, 1))
                .priority(1)
                .addFundingAccounts(IRA_1, K401_1)
                .glidePath(
                    GlidePath.builder()
                        .putSteps(0, allocation("0.3", "0.1", "0.6"))
                        .putSteps(10, allocation("0.5", "0.2", "0.3"))
                        .putSteps(20, allocation("0.6", "0.2", "0.2"))
                        .build())
                .build(),
            Goal.builder()
                .id(GoalId.of("G-2"))
                .name("College")
                .kind(GoalKind.EDUCATION)
                .targetAmount(Money.usd("300000.00"))
                .targetDate(LocalDate.of(2032, 9, 1))
                .priority(2)
                .fundingShare(Weight.of("0.3"))
                .glidePath(
                    GlidePath.builder()
                        .putSteps(0, allocation("0.1", "0.0", "0.9"))
                        .putSteps(5, allocation("0.5", "0.1", "0.4"))
                        .build())
                .build())
        .addRestrictions(
            new SecurityExclusion(
                RestrictionId.of("R-1"),
                SecurityScope.issuer("ACME"),
                DateWindow.always(),
                "Employer stock: executive may not buy"),
            new DoNotSell(
                RestrictionId.of("R-2"),
                SecurityScope.security("ACME"),
                ImmutableSortedSet.of(TAX_1),
                DateWindow.until(LocalDate.of(2027, 12, 31)),
                "Client: keep until the ten-year cliff"),
            new BlackoutWindow(
                RestrictionId.of("R-3"),
                "ACME",
                DateWindow.between(LocalDate.of(2026, 6, 15), LocalDate.of(2026, 7, 15)),
                "Insider policy 2026 Q2"),
            new VolumeLimit(
                RestrictionId.of("R-4"), "ACME", DateWindow.always(), "Rule 144 affiliate"),
            new ConcentrationCap(
                RestrictionId.of("R-5"),
                SecurityScope.issuer("ACME"),
                Weight.of("0.10"),
                DateWindow.always(),
                "IPS: 10% single-issuer cap"),
            new AccountFreeze(
                RestrictionId.of("R-6"),
                IRA_1,
                DateWindow.between(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31)),
                "Pending rollover"),
            new LotPreference(
                RestrictionId.of("R-7"),
                SecurityScope.security("ACME"),
                LocalDate.of(2016, 1, 1),
                DateWindow.always(),
                "Founder shares: hold for step-up"),
            new AssetLocationPreference(
                RestrictionId.of("R-8"),
                SecurityScope.assetClass("US_BOND"),
                ImmutableSortedSet.of(TaxTreatment.TAXABLE),
                new BigDecimal("25"),
                DateWindow.from(LocalDate.of(2026, 1, 1)),
                "Advisor: bonds in deferred accounts"))
        .addLiquidityEvents(
            LiquidityEvent.builder()
                .id(LiquidityEventId.of("E-1"))
                .kind(LiquidityKind.NEED)
                .amount(Money.usd("50000.00"))
                .date(LocalDate.of(2026, 8, 29))
                .account(TAX_1)
                .firmness(Firmness.COMMITTED)
                .description("Fall tuition")
                .build(),
            LiquidityEvent.builder()
                .id(LiquidityEventId.of("E-2"))
                .kind(LiquidityKind.INFLOW)
                .amount(Money.usd("200000.00"))
                .date(LocalDate.of(2026, 9, 28))
                .firmness(Firmness.EXPECTED)
                .description("Bonus")
                .build())
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.MARRIED_JOINT)
                .shortTermRate(Weight.of("0.37"))
                .longTermRate(Weight.of("0.20"))
                .stateRate(Weight.of("0.05"))
                .niitRate(Weight.of("0.038"))
                .shortTermCarryforward(Money.usd("0"))
                .longTermCarryforward(Money.usd("1000.00"))
                .realizedShortTermYtd(Money.usd("-300.00"))
                .realizedLongTermYtd(Money.usd("0"))
                .annualGainBudget(Money.usd("20000.00"))
                .shortTermGainCap(Money.usd("5000.00"))
                .build())
        .target(target())
        .model(model())
        .lastRebalanced(LocalDate.of(2026, 3, 31))
        .build();
  }

  private static TaxLot lot(
      String id,
      AccountId account,
      SecurityId security,
      long quantity,
      String basis,
      LocalDate acquired) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(account)
        .security(security)
        .quantity(Quantity.of(quantity))
        .costBasis(Money.usd(basis))
        .acquired(acquired)
        .build();
  }
}
