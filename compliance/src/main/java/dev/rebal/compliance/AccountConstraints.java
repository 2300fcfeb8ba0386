package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.util.List;

/**
 * What may be done in one account: whether it may be traded at all, and the cash it can spend.
 *
 * <p>An account is blocked when it is held away, not tradable, or frozen by an {@link
 * dev.rebal.core.restriction.AccountFreeze} in effect; {@link #blocks()} lists every reason. {@link
 * #cashAvailable()} is the cash minus the cash floor: negative when the account sits below its
 * floor and the proposal must raise cash. A sale adds its estimated value to the account's cash and
 * a buy subtracts it (no fees). This record is immutable and thread-safe.
 *
 * @param account the account
 * @param blocks why the account may not be traded; empty when it may
 * @param cashAvailable cash minus cash floor, negative when below the floor
 * @since 0.1
 */
public record AccountConstraints(AccountId account, List<Provenance> blocks, Money cashAvailable) {
  /**
   * Checks that no component is null.
   *
   * @param account the account
   * @param blocks why the account may not be traded; empty when it may
   * @param cashAvailable cash minus cash floor, negative when below the floor
   */
  public AccountConstraints {
    Checks.notNull(account, "account");
    Checks.noNulls(blocks, "blocks");
    blocks = ImmutableList.copyOf(blocks);
    Checks.notNull(cashAvailable, "cashAvailable");
  }

  /** {@return whether the account may be traded} */
  public boolean mayTrade() {
    return blocks.isEmpty();
  }
}
