package dev.rebal.core.outlook;

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
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Households of cash accounts (their value is all that the outlook reads: a goal's assets follow
 * its glide path, not its holdings), goals with one-step glide paths, and two-class assumptions.
 */
final class OutlookFixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final AssetClass EQUITY = AssetClass.of("EQUITY");
  static final AssetClass BOND = AssetClass.of("BOND");
  static final MarketData NO_SECURITIES =
      MarketData.builder().prices(PriceTable.builder().build()).build();

  private OutlookFixtures() {}

  /** EQUITY 7% compound, 16% volatility; BOND 4%, 5%; correlation 0.1; inflation 2.5%. */
  static CapitalMarketAssumptions twoClasses() {
    return CapitalMarketAssumptions.of(
        "test",
        "1",
        new BigDecimal("0.025"),
        List.of("test figures"),
        Map.of(
            EQUITY,
            ClassAssumption.of("0.07", "0.16", "0.02", TaxCharacter.QUALIFIED),
            BOND,
            ClassAssumption.of("0.04", "0.05", "0.04", TaxCharacter.ORDINARY)),
        Map.of(List.of(EQUITY, BOND), new BigDecimal("0.1")));
  }

  /** An allocation of {@code equity} in EQUITY and the rest in BOND, bands 5 points. */
  static TargetAllocation mix(String equity) {
    BigDecimal eq = new BigDecimal(equity);
    TargetAllocation.Builder b = TargetAllocation.builder();
    if (eq.signum() > 0) {
      b.putClasses(EQUITY, new ClassTarget(Weight.of(eq), Weight.of("0.05"), Weight.ZERO));
    }
    if (eq.compareTo(BigDecimal.ONE) < 0) {
      b.putClasses(
          BOND,
          new ClassTarget(Weight.of(BigDecimal.ONE.subtract(eq)), Weight.of("0.05"), Weight.ZERO));
    }
    return b.build();
  }

  /** A glide path with one step, at 0 years. */
  static GlidePath flat(TargetAllocation allocation) {
    return GlidePath.builder().putSteps(0, allocation).build();
  }

  /** A goal funded by the whole of account {@code account}. */
  static Goal goal(String id, String account, String amount, LocalDate date, GlidePath path) {
    return Goal.builder()
        .id(GoalId.of(id))
        .name(id)
        .kind(GoalKind.OTHER)
        .targetAmount(Money.usd(amount))
        .targetDate(date)
        .priority(1)
        .addFundingAccounts(AccountId.of(account))
        .glidePath(path)
        .build();
  }

  /** A cash account worth {@code value}. */
  static Account account(String id, String value) {
    return Account.builder()
        .id(AccountId.of(id))
        .type(AccountType.TAXABLE)
        .custodian("C")
        .cash(Money.usd(value))
        .build();
  }

  /** An event of {@code kind} of {@code amount} on {@code date} in {@code account}. */
  static LiquidityEvent event(
      String id, LiquidityKind kind, String amount, LocalDate date, String account) {
    return LiquidityEvent.builder()
        .id(LiquidityEventId.of(id))
        .kind(kind)
        .amount(Money.usd(amount))
        .date(date)
        .account(AccountId.of(account))
        .firmness(Firmness.EXPECTED)
        .build();
  }

  /** A household {@code id} with no accounts or goals yet, statically 60/40. */
  static Household.Builder household(String id) {
    return Household.builder()
        .id(HouseholdId.of(id))
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.SINGLE)
                .shortTermRate(Weight.of("0.35"))
                .longTermRate(Weight.of("0.15"))
                .shortTermCarryforward(Money.ZERO_USD)
                .longTermCarryforward(Money.ZERO_USD)
                .realizedShortTermYtd(Money.ZERO_USD)
                .realizedLongTermYtd(Money.ZERO_USD)
                .build())
        .target(mix("0.6"))
        .model(Model.builder().id(ModelId.of("M")).build());
  }

  /** The household's plan as of {@link #AS_OF}, goal amounts discounted at 4%. */
  static HouseholdPlan plan(Household h) {
    return GoalPlanner.withDiscountRate(new BigDecimal("0.04"))
        .plan(h, HouseholdValuation.of(h, NO_SECURITIES), AS_OF);
  }

  /** The outlook of {@code h} as of {@link #AS_OF} under {@code cma} with {@code paths} paths. */
  static HouseholdOutlook outlook(Household h, CapitalMarketAssumptions cma, int paths) {
    return GoalOutlook.of(cma).withPaths(paths).outlook(h, plan(h), AS_OF);
  }

  /** The standard normal CDF, by Simpson's rule on the density (error below 1e-12 here). */
  static double phi(double x) {
    int n = 2_000;
    double a = 0;
    double b = Math.abs(x);
    double h = (b - a) / n;
    double sum = density(a) + density(b);
    for (int i = 1; i < n; i++) {
      sum += density(a + i * h) * (i % 2 == 0 ? 2 : 4);
    }
    double half = sum * h / 3;
    return x >= 0 ? 0.5 + half : 0.5 - half;
  }

  private static double density(double x) {
    return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  }
}
