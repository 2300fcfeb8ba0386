package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import java.util.List;
import java.util.SortedSet;

/**
 * The wash-sale constraints on a proposed rebalance on one as-of date, for the optimizer: which
 * accounts may not buy which groups, and which lots may not be sold at a loss. A proposal that
 * respects both never creates a wash sale with the household's known transactions.
 *
 * <p>When {@link #incompleteCoverage()} is not empty the constraints are only as good as the known
 * transactions, and callers must say so. This record is immutable and thread-safe.
 *
 * @param buyBlocks the buy blocks, sorted by group
 * @param lossSaleBlocks the loss-sale blocks, sorted by lot
 * @param incompleteCoverage accounts whose recent transactions are not fully known
 * @since 0.1
 */
public record TaxConstraints(
    List<BuyBlock> buyBlocks,
    List<LossSaleBlock> lossSaleBlocks,
    SortedSet<AccountId> incompleteCoverage) {
  /**
   * Checks that no list contains null.
   *
   * @param buyBlocks the buy blocks, sorted by group
   * @param lossSaleBlocks the loss-sale blocks, sorted by lot
   * @param incompleteCoverage accounts whose recent transactions are not fully known
   */
  public TaxConstraints {
    Checks.noNulls(buyBlocks, "buyBlocks");
    buyBlocks = ImmutableList.copyOf(buyBlocks);
    Checks.noNulls(lossSaleBlocks, "lossSaleBlocks");
    lossSaleBlocks = ImmutableList.copyOf(lossSaleBlocks);
    Checks.noNulls(incompleteCoverage, "incompleteCoverage");
    incompleteCoverage = ImmutableSortedSet.copyOf(incompleteCoverage);
  }

  /**
   * {@return whether {@code account} may buy securities of wash-sale {@code group}}
   *
   * @param account the account
   * @param group the wash-sale group
   */
  public boolean mayBuy(AccountId account, String group) {
    for (BuyBlock b : buyBlocks) {
      if (b.group().equals(group) && b.accounts().contains(account)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return whether {@code lot} may be sold at a loss without a wash sale}
   *
   * @param lot the lot
   */
  public boolean maySellAtLoss(LotId lot) {
    for (LossSaleBlock b : lossSaleBlocks) {
      if (b.lot().equals(lot)) {
        return false;
      }
    }
    return true;
  }

  /** {@return whether every account's recent transactions are known} */
  public boolean isCoverageComplete() {
    return incompleteCoverage.isEmpty();
  }
}
