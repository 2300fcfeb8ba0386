package dev.rebal.benchmarks;

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
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.GoalOutlook;
import dev.rebal.core.outlook.HouseholdOutlook;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The goal outlook of a typical household: three goals (a home purchase in 3 years and college in
 * 8, each funded by a share of the household, and retirement in {@code years} funded by an IRA),
 * one expected inflow, Rebal's default assumptions, 1,000 paths, monthly steps to the farthest
 * goal. The plan is made in {@code @Setup}; one invocation is one {@link GoalOutlook#outlook} call
 * (seed, lay-out, simulation, statistics), with or without the fan chart's yearly percentiles. Read
 * the median ({@code p0.50}):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar OutlookBenchmark -f 1 -wi 2 -i 3 -w 2 -r 3
 * }</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class OutlookBenchmark {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  /** Years to the farthest goal (retirement). */
  @Param({"30"})
  public int years;

  private Household household;
  private HouseholdPlan plan;
  private GoalOutlook outlook;
  private GoalOutlook withFan;

  /** Builds the household and its plan. */
  @Setup
  public void setUp() {
    household =
        Household.builder()
            .id(HouseholdId.of("HH-BENCH"))
            .addAccounts(
                account("TAX-1", AccountType.TAXABLE, "400000"),
                account("IRA-1", AccountType.TRADITIONAL_IRA, "600000"))
            .addGoals(
                goal("G-HOME", GoalKind.HOME_PURCHASE, "150000", 3, null, "0.15"),
                goal("G-EDU", GoalKind.EDUCATION, "250000", 8, null, "0.25"),
                goal("G-RET", GoalKind.RETIREMENT, "2500000", years, "IRA-1", null))
            .addLiquidityEvents(
                LiquidityEvent.builder()
                    .id(LiquidityEventId.of("E-1"))
                    .kind(LiquidityKind.INFLOW)
                    .amount(Money.usd("50000"))
                    .date(AS_OF.plusMonths(4))
                    .firmness(Firmness.EXPECTED)
                    .build())
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
            .target(allocation("0.6"))
            .model(Model.builder().id(ModelId.of("M")).build())
            .build();
    MarketData market = MarketData.builder().prices(PriceTable.builder().build()).build();
    plan =
        GoalPlanner.withDiscountRate(new BigDecimal("0.04"))
            .plan(household, HouseholdValuation.of(household, market), AS_OF);
    outlook = GoalOutlook.of(CapitalMarketAssumptions.defaults());
    withFan = outlook.withFan(true);
  }

  /** The outlook, as the goal-outlook rules compute it. */
  @Benchmark
  public HouseholdOutlook outlook() {
    return outlook.outlook(household, plan, AS_OF);
  }

  /** The outlook with the fan chart's yearly percentiles, as the HTML report computes it. */
  @Benchmark
  public HouseholdOutlook outlookWithFan() {
    return withFan.outlook(household, plan, AS_OF);
  }

  private static Account account(String id, AccountType type, String cash) {
    return Account.builder()
        .id(AccountId.of(id))
        .type(type)
        .custodian("C")
        .cash(Money.usd(cash))
        .build();
  }

  private static Goal goal(
      String id, GoalKind kind, String amount, int years, String account, String share) {
    Goal.Builder g =
        Goal.builder()
            .id(GoalId.of(id))
            .name(id)
            .kind(kind)
            .targetAmount(Money.usd(amount))
            .targetDate(AS_OF.plusYears(years))
            .priority(1)
            .glidePath(
                GlidePath.builder()
                    .putSteps(0, allocation("0.2"))
                    .putSteps(5, allocation("0.5"))
                    .putSteps(10, allocation("0.8"))
                    .build());
    if (account != null) {
      g.addFundingAccounts(AccountId.of(account));
    }
    if (share != null) {
      g.fundingShare(Weight.of(share));
    }
    return g.build();
  }

  /**
   * {@code equity} split 60/25/15 over US large cap, international and small cap; the rest bonds.
   */
  private static TargetAllocation allocation(String equity) {
    BigDecimal e = new BigDecimal(equity);
    return TargetAllocation.builder()
        .putClasses(AssetClass.of("US_LARGE_CAP"), target(e.multiply(new BigDecimal("0.60"))))
        .putClasses(AssetClass.of("INTL_DEVELOPED"), target(e.multiply(new BigDecimal("0.25"))))
        .putClasses(AssetClass.of("US_SMALL_CAP"), target(e.multiply(new BigDecimal("0.15"))))
        .putClasses(AssetClass.of("US_BONDS"), target(BigDecimal.ONE.subtract(e)))
        .build();
  }

  private static ClassTarget target(BigDecimal weight) {
    return new ClassTarget(Weight.of(weight), Weight.of("0.05"), Weight.ZERO);
  }
}
