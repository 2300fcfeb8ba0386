package dev.rebal.core.restriction;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;

/**
 * An account freeze (a legal hold, a pending transfer): no trade of any kind in the account.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param account the frozen account
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record AccountFreeze(RestrictionId id, AccountId account, DateWindow window, String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param account the frozen account
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public AccountFreeze {
    Checks.notNull(id, "id");
    Checks.notNull(account, "account");
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code account-freeze}. */
  @Override
  public String kind() {
    return "account-freeze";
  }
}
