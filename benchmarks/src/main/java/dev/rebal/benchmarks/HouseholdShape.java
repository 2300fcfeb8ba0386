package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import java.util.HashSet;
import java.util.Set;

/**
 * The size of one generated household as the benchmarks report it: accounts, distinct securities
 * held in lots, and lots.
 *
 * @param accounts the number of accounts (held-away included)
 * @param securities the number of distinct securities held in lots
 * @param lots the number of tax lots
 */
record HouseholdShape(int accounts, int securities, int lots) {
  /** Returns the shape of {@code household}. */
  static HouseholdShape of(Household household) {
    Set<Object> securities = new HashSet<>();
    for (TaxLot lot : household.lots()) {
      securities.add(lot.security());
    }
    return new HouseholdShape(
        household.accounts().size(), securities.size(), household.lots().size());
  }

  @Override
  public String toString() {
    return accounts + " accounts, " + securities + " securities, " + lots + " lots";
  }
}
