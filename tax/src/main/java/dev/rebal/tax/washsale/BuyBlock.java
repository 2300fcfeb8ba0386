package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A pre-trade constraint: no account listed may buy any security of a wash-sale group, because a
 * loss on that group was realized in the last 30 days somewhere in the household.
 *
 * <p>The block lasts through {@link #untilInclusive()}, the 30th day after the latest such loss
 * sale; a buy on the day after is outside every window. This record is immutable and thread-safe.
 *
 * @param group the wash-sale group ({@code Security.washSaleGroup()})
 * @param accounts the accounts that may not buy (every account of the household, IRAs included)
 * @param untilInclusive the last day of the block
 * @param reasons the loss sales behind it, as {@code transaction:<id>} references
 * @since 0.1
 */
public record BuyBlock(
    String group,
    SortedSet<AccountId> accounts,
    LocalDate untilInclusive,
    SortedSet<String> reasons) {
  /**
   * Checks that no component is null.
   *
   * @param group the wash-sale group ({@code Security.washSaleGroup()})
   * @param accounts the accounts that may not buy (every account of the household, IRAs included)
   * @param untilInclusive the last day of the block
   * @param reasons the loss sales behind it, as {@code transaction:<id>} references
   */
  public BuyBlock {
    Checks.notBlank(group, "group");
    Checks.noNulls(accounts, "accounts");
    accounts = ImmutableSortedSet.copyOf(accounts);
    Checks.notNull(untilInclusive, "untilInclusive");
    Checks.noNulls(reasons, "reasons");
    reasons = ImmutableSortedSet.copyOf(reasons);
  }
}
