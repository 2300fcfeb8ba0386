package dev.rebal.core.household;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.restriction.Restriction;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A household: the unit of advice. Its members, accounts (held-away ones included), tax lots,
 * recent transactions, goals, restrictions, liquidity events, tax profile, and the target and model
 * it is managed to.
 *
 * <p>Lists keep the order they were given in, so that a household written and read back is equal
 * and a validator's paths point at the input; the engine never depends on that order. Nothing here
 * is cross-checked at construction: the validator walks the whole household and reports every
 * problem with its path, so that bad data puts the household on hold instead of failing the batch.
 * This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Household implements WithHousehold {
  /** {@return the household's id} */
  public abstract HouseholdId id();

  /** {@return the members} */
  public abstract ImmutableList<Member> members();

  /** {@return the accounts, held-away ones included} */
  public abstract ImmutableList<Account> accounts();

  /** {@return the tax lots of every account} */
  public abstract ImmutableList<TaxLot> lots();

  /** {@return recent transactions in household and declared external accounts} */
  public abstract ImmutableList<Transaction> transactions();

  /** {@return the goals} */
  public abstract ImmutableList<Goal> goals();

  /** {@return the restrictions} */
  public abstract ImmutableList<Restriction> restrictions();

  /** {@return dated needs, inflows and gifts} */
  public abstract ImmutableList<LiquidityEvent> liquidityEvents();

  /** {@return the tax profile} */
  public abstract TaxProfile taxProfile();

  /** {@return the static target allocation assigned to the household} */
  public abstract TargetAllocation target();

  /** {@return the model whose securities fill the target} */
  public abstract Model model();

  /** {@return how often the calendar trigger fires; quarterly unless set} */
  @Value.Default
  public RebalanceFrequency rebalanceFrequency() {
    return RebalanceFrequency.QUARTERLY;
  }

  /** {@return the date of the last rebalance, if any} */
  public abstract Optional<LocalDate> lastRebalanced();

  /**
   * {@return the account with {@code id}, if present}
   *
   * @param id the account's id
   */
  public Optional<Account> findAccount(AccountId id) {
    for (Account a : accounts()) {
      if (a.id().equals(id)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** {@return a new, empty household builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Household}. */
  public static final class Builder extends ImmutableHousehold.Builder {}
}
