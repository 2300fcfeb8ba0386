package dev.rebal.core.rule;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.SecurityId;

/**
 * A change a constraint-stage rule asks for in the trades the optimizer may make. Each carries the
 * rule's reason, which the proposal cites when a trade is not made.
 */
public sealed interface ConstraintAdjustment {
  /** {@return why, for the explanation and audit} */
  String reason();

  /**
   * No purchase of {@code security} anywhere in the household.
   *
   * @param security the security
   * @param reason why
   */
  record ForbidBuy(SecurityId security, String reason) implements ConstraintAdjustment {
    /**
     * Checks that both are present.
     *
     * @param security the security
     * @param reason why
     */
    public ForbidBuy {
      Checks.notNull(security, "security");
      Checks.notBlank(reason, "reason");
    }
  }

  /**
   * No sale of {@code security} anywhere in the household.
   *
   * @param security the security
   * @param reason why
   */
  record ForbidSell(SecurityId security, String reason) implements ConstraintAdjustment {
    /**
     * Checks that both are present.
     *
     * @param security the security
     * @param reason why
     */
    public ForbidSell {
      Checks.notNull(security, "security");
      Checks.notBlank(reason, "reason");
    }
  }

  /**
   * Hold at least {@code amount} of cash in {@code account} after the trades, on top of its floor
   * (e.g. a committed need due within the horizon).
   *
   * @param account the account to hold it in
   * @param amount the cash to hold
   * @param reason why
   */
  record RaiseCash(AccountId account, Money amount, String reason) implements ConstraintAdjustment {
    /**
     * Checks that all are present and the amount is not negative.
     *
     * @param account the account to hold it in
     * @param amount the cash to hold
     * @param reason why
     */
    public RaiseCash {
      Checks.notNull(account, "account");
      Checks.notNull(amount, "amount");
      Checks.isTrue(!amount.isNegative(), "amount", amount, "must not be negative");
      Checks.notBlank(reason, "reason");
    }
  }
}
