package dev.rebal.examples.backtest;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Market data and accounts for the backtest's hand-made tests. */
final class BacktestFixtures {
  private BacktestFixtures() {}

  /** Returns {@code m}'s securities, every one priced at $100.00 on {@code asOf}. */
  static MarketData pricedAt100(MarketData m, LocalDate asOf) {
    List<Price> prices = new ArrayList<>();
    for (SecurityId id : m.securities().keySet()) {
      prices.add(Price.of(id, UnitPrice.of(Money.USD, new BigDecimal("100.00")), asOf));
    }
    return MarketData.builder()
        .putAllSecurities(m.securities())
        .prices(PriceTable.of(prices))
        .build();
  }

  /**
   * Returns a tradable account of {@code type} owned by {@code owner}, no cash, fractional shares.
   */
  static Account account(String id, AccountType type, MemberId owner) {
    return Account.builder()
        .id(AccountId.of(id))
        .addOwners(owner)
        .type(type)
        .custodian("C")
        .cash(Money.ZERO_USD)
        .cashFloor(Money.ZERO_USD)
        .heldAway(false)
        .tradable(true)
        .fractionalShares(true)
        .build();
  }
}
