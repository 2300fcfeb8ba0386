package dev.rebal.core.plan;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
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
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The goal-bucket worked example of docs/goals.md: the planner's $1,000,000 household (ED-1
 * $100,000, TAX-1 $300,000, IRA-1 $600,000; tuition funded by ED-1, retirement by 75% of the rest)
 * holding an equity fund EQF and a bond fund BDF at $100. By default ED-1 holds 70/30, TAX-1
 * 250,000/50,000 and IRA-1 380,000/220,000, so the household is 70/30 against a 69.5/30.5 target
 * (in band) while the tuition bucket is 70/30 against its 20/80 glide-path step (out of band).
 */
public final class BucketExample {
  /** The as-of date. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  /** The equity class. */
  public static final AssetClass EQ = AssetClass.of("EQUITY");

  /** The bond class. */
  public static final AssetClass BD = AssetClass.of("BOND");

  /** The equity fund. */
  public static final SecurityId EQF = SecurityId.of("EQF");

  /** The bond fund. */
  public static final SecurityId BDF = SecurityId.of("BDF");

  /** The two funds at $100. */
  public static final MarketData MARKET =
      MarketData.builder()
          .putSecurities(
              EQF,
              Security.builder()
                  .id(EQF)
                  .symbol("EQF")
                  .assetClass(EQ)
                  .kind(SecurityKind.ETF)
                  .build())
          .putSecurities(
              BDF,
              Security.builder()
                  .id(BDF)
                  .symbol("BDF")
                  .assetClass(BD)
                  .kind(SecurityKind.ETF)
                  .build())
          .prices(
              PriceTable.of(
                  List.of(
                      Price.of(EQF, UnitPrice.usd("100"), AS_OF),
                      Price.of(BDF, UnitPrice.usd("100"), AS_OF))))
          .build();

  private BucketExample() {}

  /** Returns an allocation of equity and bonds with one absolute band. */
  public static TargetAllocation alloc(String eq, String bd, String band) {
    return TargetAllocation.builder()
        .putClasses(EQ, ClassTarget.of(eq, band))
        .putClasses(BD, ClassTarget.of(bd, band))
        .build();
  }

  /** Returns the tuition goal funded by ED-1: 20/80 within 5 years, bands of 3 points. */
  public static Goal tuition() {
    return tuition("G-EDU", "ED-1");
  }

  /** Returns a tuition goal with id {@code id} funded by {@code accounts}. */
  public static Goal tuition(String id, String... accounts) {
    Goal.Builder b =
        Goal.builder()
            .id(GoalId.of(id))
            .name("Tuition")
            .kind(GoalKind.EDUCATION)
            .targetAmount(Money.usd("120000"))
            .targetDate(LocalDate.of(2028, 6, 30))
            .priority(1);
    for (String a : accounts) {
      b.addFundingAccounts(AccountId.of(a));
    }
    return b.glidePath(
            GlidePath.builder()
                .putSteps(0, alloc("0.2", "0.8", "0.03"))
                .putSteps(5, alloc("0.6", "0.4", "0.03"))
                .build())
        .build();
  }

  /** Returns the retirement goal funded by 75% of the rest: 80/20 at 10 years or more. */
  public static Goal retirement() {
    return Goal.builder()
        .id(GoalId.of("G-RET"))
        .name("Retirement")
        .kind(GoalKind.RETIREMENT)
        .targetAmount(Money.usd("3000000"))
        .targetDate(LocalDate.of(2046, 6, 30))
        .priority(2)
        .fundingShare(Weight.of("0.75"))
        .glidePath(
            GlidePath.builder()
                .putSteps(0, alloc("0.4", "0.6", "0.05"))
                .putSteps(10, alloc("0.8", "0.2", "0.05"))
                .build())
        .build();
  }

  /** Returns the worked example's household with both goals (ED-1 at 70,000/30,000). */
  public static Household household() {
    return household(700, 300).addGoals(tuition(), retirement()).build();
  }

  /**
   * Returns the household without goals, with {@code edEquity} and {@code edBond} shares in ED-1
   * (TAX-1 and IRA-1 as in the worked example), static target 60/40 with bands of 5 points.
   */
  public static Household.Builder household(long edEquity, long edBond) {
    Household.Builder b =
        Household.builder()
            .id(HouseholdId.of("HH-1"))
            .addAccounts(account("ED-1", AccountType.TAXABLE))
            .addAccounts(account("TAX-1", AccountType.TAXABLE))
            .addAccounts(account("IRA-1", AccountType.TRADITIONAL_IRA))
            .taxProfile(
                TaxProfile.builder()
                    .filingStatus(FilingStatus.MARRIED_JOINT)
                    .shortTermRate(Weight.of("0.35"))
                    .longTermRate(Weight.of("0.15"))
                    .shortTermCarryforward(Money.ZERO_USD)
                    .longTermCarryforward(Money.ZERO_USD)
                    .realizedShortTermYtd(Money.ZERO_USD)
                    .realizedLongTermYtd(Money.ZERO_USD)
                    .build())
            .target(alloc("0.6", "0.4", "0.05"))
            .model(Model.builder().id(ModelId.of("M")).build());
    lot(b, "ED-1", EQF, edEquity);
    lot(b, "ED-1", BDF, edBond);
    lot(b, "TAX-1", EQF, 2500);
    lot(b, "TAX-1", BDF, 500);
    lot(b, "IRA-1", EQF, 3800);
    lot(b, "IRA-1", BDF, 2200);
    return b;
  }

  /** Plans {@code h} at 4%. */
  public static HouseholdPlan plan(Household h) {
    return GoalPlanner.withDiscountRate(new BigDecimal("0.04"))
        .plan(h, HouseholdValuation.of(h, MARKET), AS_OF);
  }

  private static Account account(String id, AccountType type) {
    return Account.builder()
        .id(AccountId.of(id))
        .type(type)
        .custodian("C")
        .cash(Money.ZERO_USD)
        .build();
  }

  private static void lot(Household.Builder b, String account, SecurityId security, long shares) {
    if (shares > 0) {
      b.addLots(
          TaxLot.builder()
              .id(LotId.of(account + "-" + security.value()))
              .account(AccountId.of(account))
              .security(security)
              .quantity(Quantity.of(shares))
              .costBasis(Money.usd(String.valueOf(shares * 100)))
              .acquired(LocalDate.of(2020, 1, 2))
              .build());
    }
  }
}
