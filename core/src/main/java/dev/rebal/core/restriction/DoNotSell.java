package dev.rebal.core.restriction;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import java.util.SortedSet;

/**
 * Do not sell: no sale of the securities in scope, in the listed accounts or in all accounts when
 * none are listed (e.g. until a ten-year cliff).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param id the restriction's id
 * @param scope the securities that must not be sold
 * @param accounts the accounts it applies to; empty for every account
 * @param window when it is in effect
 * @param source the source or reason, as written
 */
public record DoNotSell(
    RestrictionId id,
    SecurityScope scope,
    SortedSet<AccountId> accounts,
    DateWindow window,
    String source)
    implements Restriction {
  /**
   * Checks that no component is null.
   *
   * @param id the restriction's id
   * @param scope the securities that must not be sold
   * @param accounts the accounts it applies to; empty for every account
   * @param window when it is in effect
   * @param source the source or reason, as written
   */
  public DoNotSell {
    Checks.notNull(id, "id");
    Checks.notNull(scope, "scope");
    Checks.noNulls(accounts, "accounts");
    accounts = ImmutableSortedSet.copyOf(accounts);
    Checks.notNull(window, "window");
    Checks.notNull(source, "source");
  }

  /** Returns {@code do-not-sell}. */
  @Override
  public String kind() {
    return "do-not-sell";
  }
}
