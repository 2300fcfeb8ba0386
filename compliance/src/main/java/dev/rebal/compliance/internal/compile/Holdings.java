package dev.rebal.compliance.internal.compile;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The household's positions before trading: quantity and market value of each (account, security),
 * summed from its lots, and the household's total value (positions plus cash, held away included).
 * Values are rounded to cents per position.
 */
final class Holdings {
  private final SortedMap<AccountId, SortedMap<SecurityId, Quantity>> quantities;
  private final MarketData marketData;
  private final Money householdValue;

  private Holdings(
      SortedMap<AccountId, SortedMap<SecurityId, Quantity>> quantities,
      MarketData marketData,
      Money householdValue) {
    this.quantities = quantities;
    this.marketData = marketData;
    this.householdValue = householdValue;
  }

  static Holdings of(Household household, MarketData marketData) {
    SortedMap<AccountId, SortedMap<SecurityId, Quantity>> q = new TreeMap<>();
    // a position's lots usually come in one run: summed there and merged once per run (the sums
    // are exact, so the grouping does not change them)
    AccountId runAccount = null;
    SecurityId runSecurity = null;
    Quantity run = null;
    for (TaxLot lot : household.lots()) {
      if (run != null && lot.account().equals(runAccount) && lot.security().equals(runSecurity)) {
        run = run.plus(lot.quantity());
        continue;
      }
      if (run != null) {
        q.computeIfAbsent(runAccount, a -> new TreeMap<>()).merge(runSecurity, run, Quantity::plus);
      }
      runAccount = lot.account();
      runSecurity = lot.security();
      run = lot.quantity();
    }
    if (run != null) {
      q.computeIfAbsent(runAccount, a -> new TreeMap<>()).merge(runSecurity, run, Quantity::plus);
    }
    Money total = Money.ZERO_USD;
    for (Account a : household.accounts()) {
      total = total.plus(a.cash());
    }
    for (SortedMap<SecurityId, Quantity> inAccount : q.values()) {
      for (Map.Entry<SecurityId, Quantity> e : inAccount.entrySet()) {
        total = total.plus(value(marketData, e.getKey(), e.getValue()));
      }
    }
    return new Holdings(q, marketData, total);
  }

  /**
   * Returns the account's held quantities by security, in security order (empty when it holds no
   * lot).
   */
  SortedMap<SecurityId, Quantity> quantities(AccountId account) {
    SortedMap<SecurityId, Quantity> m = quantities.get(account);
    return m == null ? java.util.Collections.emptySortedMap() : m;
  }

  Quantity quantity(AccountId account, SecurityId security) {
    SortedMap<SecurityId, Quantity> m = quantities.get(account);
    Quantity q = m == null ? null : m.get(security);
    return q == null ? Quantity.ZERO : q;
  }

  /** Market value of the position, zero when nothing is held. */
  Money value(AccountId account, SecurityId security) {
    return value(marketData, security, quantity(account, security));
  }

  private static Money value(MarketData marketData, SecurityId security, Quantity q) {
    if (q.isZero()) {
      return Money.ZERO_USD;
    }
    return marketData.prices().lookup(security).perUnit().times(q);
  }

  Money householdValue() {
    return householdValue;
  }

  Iterable<SecurityId> heldSecurities(AccountId account) {
    SortedMap<SecurityId, Quantity> m = quantities.get(account);
    return m == null ? java.util.List.of() : m.keySet();
  }

  Iterable<AccountId> accountsWithLots() {
    return quantities.keySet();
  }
}
