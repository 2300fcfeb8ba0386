package dev.rebal.core.rule.builtin;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a household holds where the firm may sell: the value of each asset class in accounts that
 * are tradable and not held away. A class over its band that is held only elsewhere, or held here
 * for less than the drift triggers' tolerance, cannot be brought back by any proposal (a sale
 * elsewhere is not the firm's, and a trade elsewhere changes neither the class's value nor the
 * total), so the drift triggers do not fire on it. Package-private.
 */
final class TradableHoldings {
  private final Map<AssetClass, BigDecimal> value;

  private TradableHoldings(Map<AssetClass, BigDecimal> value) {
    this.value = value;
  }

  /**
   * The holdings of the tradable, managed accounts, each account's counted at {@code share} of its
   * value (zero: not counted).
   */
  static TradableHoldings of(RuleContext context, Function<AccountId, BigDecimal> share) {
    Household h = context.household();
    MarketData m = context.marketData();
    Map<AccountId, BigDecimal> shares = new HashMap<>();
    for (Account a : h.accounts()) {
      BigDecimal s = share.apply(a.id());
      if (a.tradable() && !a.heldAway() && s.signum() > 0) {
        shares.put(a.id(), s);
      }
    }
    Map<AssetClass, BigDecimal> value = new HashMap<>();
    for (TaxLot lot : h.lots()) {
      BigDecimal s = shares.get(lot.account());
      if (s != null && lot.quantity().isPositive()) {
        m.findSecurity(lot.security())
            .ifPresent(
                sec ->
                    m.prices()
                        .find(lot.security())
                        .ifPresent(
                            p ->
                                value.merge(
                                    sec.assetClass(),
                                    p.perUnit().times(lot.quantity()).amount().multiply(s),
                                    BigDecimal::add)));
      }
    }
    return new TradableHoldings(value);
  }

  /** Whether the tradable accounts hold more than {@code dollars} of class {@code c}. */
  boolean holdsMoreThan(AssetClass c, BigDecimal dollars) {
    return value.getOrDefault(c, BigDecimal.ZERO).compareTo(dollars) > 0;
  }
}
