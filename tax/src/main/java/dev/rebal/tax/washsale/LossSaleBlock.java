package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import java.util.SortedSet;

/**
 * A pre-trade constraint: a lot that may not be sold at a loss, because a substantially identical
 * security was bought in the last 30 days somewhere in the household, or a buy of one is planned in
 * the same proposal. Selling it at a gain is fine.
 *
 * @param lot the lot
 * @param account its account
 * @param group its wash-sale group
 * @param reasons the acquisitions behind it: {@code lot:<id>}, {@code transaction:<id>} or {@code
 *     planned-buy:<account>/<security>}
 * @since 0.1
 */
public record LossSaleBlock(LotId lot, AccountId account, String group, SortedSet<String> reasons) {
  /**
   * Checks that no component is null.
   *
   * @param lot the lot
   * @param account its account
   * @param group its wash-sale group
   * @param reasons the acquisitions behind it: {@code lot:<id>}, {@code transaction:<id>} or {@code
   *     planned-buy:<account>/<security>}
   */
  public LossSaleBlock {
    Checks.notNull(lot, "lot");
    Checks.notNull(account, "account");
    Checks.notBlank(group, "group");
    Checks.noNulls(reasons, "reasons");
    reasons = ImmutableSortedSet.copyOf(reasons);
  }
}
