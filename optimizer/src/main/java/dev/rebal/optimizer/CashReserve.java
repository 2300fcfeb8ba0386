package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * Cash for a committed liquidity need, to hold in one account (one that can pay it) above the
 * account's floor after trading. A reserve is a goal of the highest priority, not a hard row: the
 * optimizer raises as much of it as the hard rules allow and reports the rest as a {@link
 * GoalShortfall} (docs/optimizer.md, "Goals and their priorities"). Its cash is outside the drift
 * base: classes are measured on the invested part. This record is immutable and thread-safe.
 *
 * @param id a stable name for the need, used in shortfalls
 * @param account the account that must hold the cash
 * @param amount the cash to hold above the floor, USD, positive
 */
public record CashReserve(String id, AccountId account, Money amount) {
  /**
   * Checks that no component is null and the amount is positive USD.
   *
   * @param id a stable name for the need, used in shortfalls
   * @param account the account that must hold the cash
   * @param amount the cash to hold above the floor, USD, positive
   */
  public CashReserve {
    Checks.notBlank(id, "id");
    Checks.notNull(account, "account");
    Checks.isTrue(
        Checks.notNull(amount, "amount").isUsd() && amount.isPositive(),
        "amount",
        amount,
        "must be a positive USD amount");
  }
}
