package dev.rebal.core.household;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Money;
import org.immutables.value.Value;

/**
 * An account of a household: its registration, custodian, cash and cash floor, and whether the firm
 * may trade it.
 *
 * <p>A <em>held-away</em> account (an employer 401(k), a spouse's account at another firm) counts
 * toward the household's targets and concentration but is never traded, so it must not be marked
 * tradable; the validator reports the contradiction rather than picking one. Cash below the floor
 * is a warning, not an error: the rebalance must raise it. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Account implements WithAccount {
  /** {@return the account's id} */
  public abstract AccountId id();

  /** {@return the members who own it} */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<MemberId> owners();

  /** {@return the registration} */
  public abstract AccountType type();

  /** {@return the custodian's name} */
  public abstract String custodian();

  /** {@return the cash balance (may be below the floor, or even negative on a margin debit)} */
  public abstract Money cash();

  /** {@return the cash the account must keep; zero unless set} */
  @Value.Default
  public Money cashFloor() {
    return Money.zero(cash().currency());
  }

  /** {@return whether the account is held away: counted, never traded} False unless set. */
  @Value.Default
  public boolean heldAway() {
    return false;
  }

  /** {@return whether the firm may trade the account; true unless held away, unless set} */
  @Value.Default
  public boolean tradable() {
    return !heldAway();
  }

  /** {@return whether the account may hold fractional shares} False unless set. */
  @Value.Default
  public boolean fractionalShares() {
    return false;
  }

  /** {@return whether every recent transaction is known; complete unless set} */
  @Value.Default
  public TransactionCoverage transactionCoverage() {
    return TransactionCoverage.COMPLETE;
  }

  /** {@return the account's tax treatment, from its registration} */
  public TaxTreatment treatment() {
    return type().treatment();
  }

  /** {@return a new, empty account builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Account}. */
  public static final class Builder extends ImmutableAccount.Builder {}
}
