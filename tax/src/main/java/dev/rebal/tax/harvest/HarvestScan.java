package dev.rebal.tax.harvest;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.util.List;
import java.util.SortedSet;

/**
 * The result of scanning a household for losses to harvest: the harvests proposed (sorted by
 * account and security), the lots skipped with their reasons (sorted by lot), and the accounts
 * whose incomplete transaction coverage means a wash sale cannot be ruled out. This record is
 * immutable and thread-safe.
 *
 * @param harvests the harvests proposed
 * @param skipped the lots above the thresholds that were not harvested
 * @param incompleteCoverage accounts whose recent transactions are not fully known
 * @since 0.1
 */
public record HarvestScan(
    List<Harvest> harvests, List<HarvestSkip> skipped, SortedSet<AccountId> incompleteCoverage) {
  /**
   * Checks that no list contains null.
   *
   * @param harvests the harvests proposed
   * @param skipped the lots above the thresholds that were not harvested
   * @param incompleteCoverage accounts whose recent transactions are not fully known
   */
  public HarvestScan {
    Checks.noNulls(harvests, "harvests");
    harvests = ImmutableList.copyOf(harvests);
    Checks.noNulls(skipped, "skipped");
    skipped = ImmutableList.copyOf(skipped);
    Checks.noNulls(incompleteCoverage, "incompleteCoverage");
    incompleteCoverage = ImmutableSortedSet.copyOf(incompleteCoverage);
  }

  /** {@return the total tax value of the harvests} */
  public Money totalTaxValue() {
    Money m = Money.ZERO_USD;
    for (Harvest h : harvests) {
      m = m.plus(h.taxValue());
    }
    return m;
  }
}
