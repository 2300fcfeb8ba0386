package dev.rebal.core.goal;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of a household's goals: an amount wanted by a date, with a priority and a glide path.
 *
 * <p>A goal is funded by whole accounts ({@link #fundingAccounts()}), by a share of the rest of the
 * household's value ({@link #fundingShare()}), or both; a goal with neither has no funding source
 * and the validator reports it. The funded ratio (value assigned over target amount) is derived by
 * the engine, not stored. Priority 1 is the most important. This class is immutable and
 * thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Goal implements WithGoal {
  /** {@return the goal's id} */
  public abstract GoalId id();

  /** {@return a short display name} */
  public abstract String name();

  /** {@return what the goal is for} */
  public abstract GoalKind kind();

  /** {@return the amount wanted at the target date} */
  public abstract Money targetAmount();

  /** {@return the date the money is needed} */
  public abstract LocalDate targetDate();

  /** {@return the priority: 1 is the most important} */
  public abstract int priority();

  /** {@return the accounts whose whole value is assigned to this goal} */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<AccountId> fundingAccounts();

  /** {@return the share of the household's unassigned value assigned to this goal, if any} */
  public abstract Optional<Weight> fundingShare();

  /** {@return the allocation by years to goal} */
  public abstract GlidePath glidePath();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Goal}. */
  public static final class Builder extends ImmutableGoal.Builder {}
}
