package dev.rebal.examples.backtest;

import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.household.TaxProfile;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Copies of a household with some attributes replaced, through the public builder only (the model's
 * {@code with} methods cover accounts, lots, transactions and restrictions; the simulation also
 * replaces goals, liquidity events, the tax profile, the target, the calendar and the date of the
 * last rebalance).
 */
final class Households {
  private Households() {}

  /** The replaceable parts of a household, pre-filled from one; set what changes, then build. */
  static final class Copy {
    final Household from;
    List<Goal> goals;
    List<LiquidityEvent> events;
    TaxProfile taxProfile;
    TargetAllocation target;
    RebalanceFrequency frequency;
    Optional<LocalDate> lastRebalanced;

    Copy(Household from) {
      this.from = from;
      this.goals = from.goals();
      this.events = from.liquidityEvents();
      this.taxProfile = from.taxProfile();
      this.target = from.target();
      this.frequency = from.rebalanceFrequency();
      this.lastRebalanced = from.lastRebalanced();
    }

    Household build() {
      Household.Builder b =
          Household.builder()
              .id(from.id())
              .addAllMembers(from.members())
              .addAllAccounts(from.accounts())
              .addAllLots(from.lots())
              .addAllTransactions(from.transactions())
              .addAllGoals(goals)
              .addAllRestrictions(from.restrictions())
              .addAllLiquidityEvents(events)
              .taxProfile(taxProfile)
              .target(target)
              .model(from.model())
              .rebalanceFrequency(frequency);
      lastRebalanced.ifPresent(b::lastRebalanced);
      return b.build();
    }
  }

  static Copy copy(Household h) {
    return new Copy(h);
  }

  /** Returns a copy of {@code profile} with new year-to-date gains and carryforwards. */
  static TaxProfile withGains(
      TaxProfile p,
      dev.rebal.core.money.Money shortTermYtd,
      dev.rebal.core.money.Money longTermYtd,
      dev.rebal.core.money.Money shortTermCarry,
      dev.rebal.core.money.Money longTermCarry,
      boolean keepLimits) {
    TaxProfile.Builder b =
        TaxProfile.builder()
            .filingStatus(p.filingStatus())
            .shortTermRate(p.shortTermRate())
            .longTermRate(p.longTermRate())
            .stateRate(p.stateRate())
            .niitRate(p.niitRate())
            .shortTermCarryforward(shortTermCarry)
            .longTermCarryforward(longTermCarry)
            .realizedShortTermYtd(shortTermYtd)
            .realizedLongTermYtd(longTermYtd);
    if (keepLimits) {
      p.annualGainBudget().ifPresent(b::annualGainBudget);
      p.shortTermGainCap().ifPresent(b::shortTermGainCap);
    }
    return b.build();
  }
}
