package dev.rebal.compliance.internal.verify;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Shares and cash of every account, before and after the proposal, as plain BigDecimals: positions
 * from the lots, cash from the accounts; a sale adds its estimated value (rounded to cents, as
 * {@code Trade.estimatedValue()}) to cash, a buy subtracts it.
 */
final class Ledger {
  private final SortedMap<AccountId, SortedMap<SecurityId, BigDecimal>> before = new TreeMap<>();
  private final SortedMap<AccountId, SortedMap<SecurityId, BigDecimal>> after = new TreeMap<>();
  private final SortedMap<AccountId, BigDecimal> cashAfter = new TreeMap<>();
  private final Map<Key, List<Integer>> tradesByPosition = new HashMap<>();
  private final SortedMap<AccountId, List<Integer>> tradesByAccount = new TreeMap<>();

  Ledger(Household household) {
    for (TaxLot lot : household.lots()) {
      before
          .computeIfAbsent(lot.account(), a -> new TreeMap<>())
          .merge(lot.security(), lot.quantity().value(), BigDecimal::add);
      after
          .computeIfAbsent(lot.account(), a -> new TreeMap<>())
          .merge(lot.security(), lot.quantity().value(), BigDecimal::add);
    }
    for (Account a : household.accounts()) {
      cashAfter.merge(a.id(), a.cash().amount(), BigDecimal::add);
    }
  }

  BigDecimal heldBefore(AccountId account, SecurityId security) {
    Map<SecurityId, BigDecimal> m = before.get(account);
    return m == null ? BigDecimal.ZERO : m.getOrDefault(security, BigDecimal.ZERO);
  }

  void apply(
      int index,
      AccountId account,
      SecurityId security,
      BigDecimal signedQuantity,
      BigDecimal signedCash) {
    after
        .computeIfAbsent(account, a -> new TreeMap<>())
        .merge(security, signedQuantity, BigDecimal::add);
    cashAfter.merge(account, signedCash, BigDecimal::add);
    tradesByPosition.computeIfAbsent(new Key(account, security), k -> new ArrayList<>()).add(index);
    tradesByAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(index);
  }

  SortedMap<AccountId, SortedMap<SecurityId, BigDecimal>> positionsAfter() {
    return after;
  }

  BigDecimal cashAfter(AccountId account) {
    return cashAfter.getOrDefault(account, BigDecimal.ZERO);
  }

  Iterable<BigDecimal> allCashAfter() {
    return cashAfter.values();
  }

  List<Integer> tradesOn(AccountId account, SecurityId security) {
    return tradesByPosition.getOrDefault(new Key(account, security), List.of());
  }

  List<Integer> tradesIn(AccountId account) {
    return tradesByAccount.getOrDefault(account, List.of());
  }

  private record Key(AccountId account, SecurityId security) {}
}
