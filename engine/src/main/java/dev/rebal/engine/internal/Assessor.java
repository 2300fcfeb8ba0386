package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.validation.ValidationReport;
import dev.rebal.core.valuation.HouseholdDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a household's {@link Assessment}: valuation, goal-aware plan and drift, drift after
 * expected inflows, harvestable losses, liquidity within the horizon, and cash above or below
 * floors.
 *
 * <p>Parameters (rule set, with defaults): {@code goal.discount-rate} (0.04), {@code
 * liquidity.horizon-days} (90), {@code harvest.min-loss} (1000 dollars) and {@code
 * harvest.min-loss-percent} (12). Excess cash is also net of committed needs within the horizon
 * (that cash is reserved) and of the cash part of committed gifts within {@code
 * trigger.gift.horizon-days} (30) (the part {@link GiftStage} cannot give in kind; the value it can
 * is {@code Assessment.giftsInKind()}). Harvestable losses are those of the tax module's harvests
 * that compliance allows (the sale and the replacement), exactly what the harvest stage would
 * trade. Excess cash is cash above floors in tradable accounts, less what the target's cash weight
 * wants held, so a household at its cash target has none.
 */
public final class Assessor {
  private Assessor() {}

  /** Assesses a household the validator passed without errors. */
  public static Assessment assess(
      Household h, MarketData m, LocalDate asOf, RuleSet rs, ValidationReport report) {
    return assess(h, m, asOf, rs, report, TaxMemo.of(h, m, asOf));
  }

  /**
   * Assesses a household as {@link #assess(Household, MarketData, LocalDate, RuleSet,
   * ValidationReport)} does, taking the harvests from {@code memo} (which must be {@code h}'s on
   * {@code asOf}) so that the caller can reuse them.
   */
  public static Assessment assess(
      Household h,
      MarketData m,
      LocalDate asOf,
      RuleSet rs,
      ValidationReport report,
      TaxMemo memo) {
    return assess(
        h, m, asOf, rs, report, memo.isFor(h, m, asOf) ? memo : TaxMemo.of(h, m, asOf), true);
  }

  /**
   * Assesses a household for a caller that reads only its valuation, plan, cash and needs (the
   * problem build, the residual-cash pass), never its harvestable loss: the harvest scan and the
   * compliance compile it needs are skipped and the harvestable loss is reported as zero. Never
   * give such an assessment to a rule.
   */
  public static Assessment assessWithoutHarvests(
      Household h, MarketData m, LocalDate asOf, RuleSet rs, ValidationReport report) {
    return assess(h, m, asOf, rs, report, null, false);
  }

  private static Assessment assess(
      Household h,
      MarketData m,
      LocalDate asOf,
      RuleSet rs,
      ValidationReport report,
      TaxMemo memo,
      boolean withHarvests) {
    HouseholdValuation valuation = HouseholdValuation.of(h, m);
    HouseholdPlan plan =
        GoalPlanner.withDiscountRate(Params.decimal(rs, "goal.discount-rate", "0.04"))
            .plan(h, valuation, asOf);
    LocalDate horizonEnd =
        asOf.plusDays(Params.decimal(rs, "liquidity.horizon-days", "90").longValue());
    ImmutableList.Builder<LiquidityEvent> needs = ImmutableList.builder();
    ImmutableList.Builder<LiquidityEvent> inflows = ImmutableList.builder();
    Money inflowTotal = Money.ZERO_USD;
    Money reserved = Money.ZERO_USD;
    for (LiquidityEvent e : h.liquidityEvents()) {
      if (e.date().isBefore(asOf) || e.date().isAfter(horizonEnd)) {
        continue;
      }
      if (e.kind() == LiquidityKind.INFLOW) {
        inflows.add(e);
        inflowTotal = inflowTotal.plus(e.amount());
      } else {
        needs.add(e);
        if (e.kind() == LiquidityKind.NEED
            && e.firmness() == dev.rebal.core.goal.Firmness.COMMITTED) {
          reserved = reserved.plus(e.amount());
        }
      }
    }
    // committed gifts: what can go in kind; the cash part is reserved like a committed need
    ImmutableSortedMap.Builder<LiquidityEventId, Money> inKind = ImmutableSortedMap.naturalOrder();
    LocalDate giftEnd =
        asOf.plusDays(Params.decimal(rs, "trigger.gift.horizon-days", "30").longValue());
    giftEnd = giftEnd.isBefore(horizonEnd) ? giftEnd : horizonEnd;
    List<LiquidityEvent> gifts = GiftStage.gifts(h, asOf, giftEnd);
    if (!gifts.isEmpty()) {
      TradePermissions permissions =
          memo != null ? memo.permissions() : ConstraintCompiler.standard().permissions(h, m, asOf);
      for (GiftStage.Planned p :
          GiftStage.plan(
              h, m, asOf, giftEnd, GiftStage.minInKind(rs), permissions, new ArrayList<>())) {
        if (p.plan().valueInKind().isPositive()) {
          inKind.put(p.event().id(), p.plan().valueInKind());
        }
        reserved = reserved.plus(p.plan().cash());
      }
    }
    Money aboveFloor = Money.ZERO_USD;
    Money shortfall = Money.ZERO_USD;
    for (Account a : h.accounts()) {
      if (!a.tradable() || a.heldAway()) {
        continue;
      }
      if (a.cash().compareTo(a.cashFloor()) > 0) {
        aboveFloor = aboveFloor.plus(a.cash().minus(a.cashFloor()));
      } else {
        shortfall = shortfall.plus(a.cashFloor().minus(a.cash()));
      }
    }
    ClassTarget cashTarget = plan.target().classes().get(HouseholdValuation.CASH);
    Weight cashWeight = cashTarget == null ? Weight.ZERO : cashTarget.weight();
    Money wanted = valuation.total().multipliedBy(cashWeight.value());
    Money excess = aboveFloor.minus(wanted).minus(reserved).max(Money.ZERO_USD);
    HouseholdDrift drift = valuation.driftFrom(plan.target());
    // the invested part: cash held for committed needs outside the base, an expected inflow
    // invested where the classes need it (without either, the drift itself)
    HouseholdDrift projected =
        inflowTotal.isZero() && reserved.isZero()
            ? drift
            : HouseholdDrift.invested(valuation, plan.target(), inflowTotal, reserved);
    if (inflowTotal.isPositive()) {
      // an announced inflow arrives as cash: only cash above the target once it has been invested
      // where the classes need it is cash to invest now
      for (dev.rebal.core.valuation.ClassDrift d : projected.classes()) {
        if (d.assetClass().equals(HouseholdValuation.CASH)) {
          excess =
              excess.min(
                  d.value()
                      .minus(projected.total().multipliedBy(cashWeight.value()))
                      .max(Money.ZERO_USD));
        }
      }
    }
    return Assessment.builder()
        .household(h.id())
        .asOf(asOf)
        .valuation(valuation)
        .plan(plan)
        .drift(drift)
        .projectedDrift(projected)
        .harvestableLoss(withHarvests ? memo.allowedHarvestLoss(rs) : Money.ZERO_USD)
        .addAllUpcomingNeeds(needs.build())
        .putAllGiftsInKind(inKind.build())
        .addAllUpcomingInflows(inflows.build())
        .excessCash(excess)
        .cashShortfall(shortfall)
        .addAllWarnings(report.warnings())
        .build();
  }
}
