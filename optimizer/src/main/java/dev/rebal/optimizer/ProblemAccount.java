package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;

/**
 * One account of the household as the optimizer sees it.
 *
 * <p>Cash never moves between accounts: each account funds its own buys. An account that is not
 * tradable (held away, frozen) still counts toward the household's class weights but gets no
 * trades. This record is immutable and thread-safe.
 *
 * @param id the account id
 * @param cash the cash held now, in USD; may be below the floor (the optimizer then raises cash)
 * @param cashFloor the cash that must remain after trading (floor plus liquidity reserve), not
 *     negative
 * @param tradable whether the optimizer may trade in the account
 * @param fractional whether the account may hold fractional shares (else trades are whole shares)
 */
public record ProblemAccount(
    AccountId id, Money cash, Money cashFloor, boolean tradable, boolean fractional) {
  /**
   * Checks that no component is null, amounts are USD and the floor is not negative.
   *
   * @param id the account id
   * @param cash the cash held now, in USD; may be below the floor (the optimizer then raises cash)
   * @param cashFloor the cash that must remain after trading (floor plus liquidity reserve), not
   *     negative
   * @param tradable whether the optimizer may trade in the account
   * @param fractional whether the account may hold fractional shares (else trades are whole shares)
   */
  public ProblemAccount {
    Checks.notNull(id, "id");
    Checks.isTrue(Checks.notNull(cash, "cash").isUsd(), "cash", cash, "must be in USD");
    Checks.isTrue(
        Checks.notNull(cashFloor, "cashFloor").isUsd() && !cashFloor.isNegative(),
        "cashFloor",
        cashFloor,
        "must be a non-negative USD amount");
  }
}
