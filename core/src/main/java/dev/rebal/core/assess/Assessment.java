package dev.rebal.core.assess;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.money.Money;
import dev.rebal.core.plan.HouseholdPlan;
import dev.rebal.core.validation.Problem;
import dev.rebal.core.valuation.HouseholdDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * What the engine knows about a household on an as-of date before deciding anything: its value, its
 * goal-aware plan and target, its drift from that target now and after expected inflows, its
 * harvestable losses, its liquidity ahead, and the data warnings found. Trigger, constraint and
 * routing rules read it. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Assessment implements WithAssessment {
  /** {@return the household assessed} */
  public abstract HouseholdId household();

  /** {@return the as-of date} */
  public abstract LocalDate asOf();

  /** {@return the household's valuation, held-away accounts included} */
  public abstract HouseholdValuation valuation();

  /** {@return the goal-aware plan, whose target the household is rebalanced to} */
  public abstract HouseholdPlan plan();

  /** {@return the drift from the plan's target now} */
  public abstract HouseholdDrift drift();

  /**
   * {@return the drift from the plan's target once expected inflows within the liquidity horizon
   * arrive and are invested at target: what the threshold trigger reads, so that the engine does
   * not sell now what an inflow will rebalance}
   */
  public abstract HouseholdDrift projectedDrift();

  /** {@return the unrealized losses that could be harvested today (positive amount)} */
  public abstract Money harvestableLoss();

  /** {@return committed needs and gifts dated within the liquidity horizon} */
  public abstract ImmutableList<LiquidityEvent> upcomingNeeds();

  /**
   * Returns, for each committed gift among {@link #upcomingNeeds()} due within {@code
   * trigger.gift.horizon-days}, the market value the engine can give in kind (appreciated long-term
   * lots compliance lets leave the account), when it is positive. The rest of the gift's amount is
   * given in cash and reserved like a committed need.
   *
   * @return the value given in kind, by gift event
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<LiquidityEventId, Money> giftsInKind();

  /**
   * {@return the part of a committed gift among {@link #upcomingNeeds()} to be given in cash: its
   * amount less {@link #giftsInKind()}'s value for it (zero or more)}
   *
   * @param gift a committed gift
   */
  public Money giftCash(LiquidityEvent gift) {
    Money inKind = giftsInKind().getOrDefault(gift.id(), Money.zero(gift.amount().currency()));
    return gift.amount().minus(inKind).max(Money.zero(gift.amount().currency()));
  }

  /** {@return expected or committed inflows dated within the liquidity horizon} */
  public abstract ImmutableList<LiquidityEvent> upcomingInflows();

  /** {@return cash above floors in tradable accounts (positive or zero)} */
  public abstract Money excessCash();

  /** {@return how far cash is below floors in tradable accounts (positive or zero)} */
  public abstract Money cashShortfall();

  /** {@return the data warnings the validator found (errors never reach assessment)} */
  public abstract ImmutableList<Problem> warnings();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Assessment}. */
  public static final class Builder extends ImmutableAssessment.Builder {}
}
