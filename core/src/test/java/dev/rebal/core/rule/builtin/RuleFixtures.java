package dev.rebal.core.rule.builtin;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.goal.LiquidityEvent;
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
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.valuation.HouseholdValuation;
import java.time.LocalDate;
import java.util.List;

/** A one-account household, 60/40 equity/cash, and contexts built around it. */
final class RuleFixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final SecurityId EQ = SecurityId.of("EQ");
  static final AssetClass EQUITY = AssetClass.of("EQUITY");
  static final MarketData MARKET =
      MarketData.builder()
          .putSecurities(
              EQ,
              Security.builder()
                  .id(EQ)
                  .symbol("EQ")
                  .assetClass(EQUITY)
                  .kind(SecurityKind.ETF)
                  .build())
          .prices(PriceTable.of(List.of(Price.of(EQ, UnitPrice.usd("100"), AS_OF))))
          .build();
  static final TargetAllocation TARGET =
      TargetAllocation.builder()
          .putClasses(EQUITY, ClassTarget.of("0.6", "0.05"))
          .putClasses(HouseholdValuation.CASH, ClassTarget.of("0.4", "0.05"))
          .build();

  private RuleFixtures() {}

  /** A household with {@code shares} of EQ at $100 and {@code cash} in account TAX-1. */
  static Household.Builder household(long shares, String cash) {
    return household(
        shares,
        Account.builder()
            .id(AccountId.of("TAX-1"))
            .type(AccountType.TAXABLE)
            .custodian("C")
            .cash(Money.usd(cash))
            .build());
  }

  /** A household with {@code shares} of EQ at $100 in {@code account} (whose id must be TAX-1). */
  static Household.Builder household(long shares, Account account) {
    return household(shares, account, TARGET);
  }

  /** A household with {@code shares} of EQ in {@code account}, managed to {@code target}. */
  static Household.Builder household(long shares, Account account, TargetAllocation target) {
    return Household.builder()
        .id(HouseholdId.of("HH-1"))
        .addAccounts(account)
        .addLots(
            TaxLot.builder()
                .id(LotId.of("L-1"))
                .account(AccountId.of("TAX-1"))
                .security(EQ)
                .quantity(Quantity.of(shares))
                .costBasis(Money.usd("5000"))
                .acquired(LocalDate.of(2020, 1, 2))
                .build())
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
        .target(target)
        .model(Model.builder().id(ModelId.of("M")).build());
  }

  /** An assessment of {@code h} against the static target; set what a test needs, then build. */
  static AssessmentDraft assessment(Household h) {
    return new AssessmentDraft(h);
  }

  /** Defaults for an assessment, each replaceable once before {@link #build}. */
  static final class AssessmentDraft {
    private final Household household;
    private final HouseholdValuation valuation;
    private dev.rebal.core.valuation.HouseholdDrift projected;
    private Money harvestable = Money.ZERO_USD;
    private Money excess = Money.ZERO_USD;
    private Money shortfall = Money.ZERO_USD;
    private final ImmutableList.Builder<LiquidityEvent> needs = ImmutableList.builder();

    AssessmentDraft(Household h) {
      this.household = h;
      this.valuation = HouseholdValuation.of(h, MARKET);
      this.projected = valuation.driftFrom(h.target());
    }

    AssessmentDraft projectedDrift(dev.rebal.core.valuation.HouseholdDrift d) {
      this.projected = d;
      return this;
    }

    AssessmentDraft harvestableLoss(Money m) {
      this.harvestable = m;
      return this;
    }

    AssessmentDraft excessCash(Money m) {
      this.excess = m;
      return this;
    }

    AssessmentDraft cashShortfall(Money m) {
      this.shortfall = m;
      return this;
    }

    AssessmentDraft addUpcomingNeeds(LiquidityEvent e) {
      needs.add(e);
      return this;
    }

    Assessment build() {
      return Assessment.builder()
          .household(household.id())
          .asOf(AS_OF)
          .valuation(valuation)
          .plan(new HouseholdPlan(household.target(), ImmutableList.of(), valuation.total()))
          .drift(valuation.driftFrom(household.target()))
          .projectedDrift(projected)
          .harvestableLoss(harvestable)
          .excessCash(excess)
          .cashShortfall(shortfall)
          .addAllUpcomingNeeds(needs.build())
          .build();
    }
  }

  static RuleContext context(Household h, Assessment a) {
    return RuleContext.of(h, MARKET, AS_OF, RuleSet.defaults(), a);
  }

  static RuleContext context(Household h) {
    return context(h, assessment(h).build());
  }

  static ProposalImpact.Builder impact() {
    return ProposalImpact.builder();
  }

  static Proposal proposal(Household h, boolean withTrade) {
    Proposal.Builder p = Proposal.builder().household(h.id()).asOf(AS_OF);
    if (withTrade) {
      p.addTrades(
          dev.rebal.core.trade.Trade.builder()
              .account(AccountId.of("TAX-1"))
              .security(EQ)
              .side(dev.rebal.core.trade.Side.BUY)
              .quantity(Quantity.of(1))
              .estimatedPrice(UnitPrice.usd("100"))
              .addReasonCodes("drift.rebalance")
              .build());
    }
    return p.build();
  }

  static List<LiquidityEvent> none() {
    return List.of();
  }
}
