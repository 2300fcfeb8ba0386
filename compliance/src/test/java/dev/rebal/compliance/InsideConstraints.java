package dev.rebal.compliance;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a proposal stays inside compiled {@link TradeConstraints}, read the way an optimizer
 * would read them: only the constraints and the market prices. Caps keep a margin of one dollar for
 * cent rounding (the compiler values positions in cents before trading; the verifier values them
 * exactly after).
 */
final class InsideConstraints {
  static final Money CAP_MARGIN = Money.usd("1");

  private InsideConstraints() {}

  static boolean admits(TradeConstraints c, MarketData md, List<Trade> trades) {
    Map<AccountId, Money> cash = new HashMap<>();
    for (AccountConstraints a : c.accounts()) {
      cash.put(a.account(), a.cashAvailable());
    }
    Map<String, Quantity> sold = new HashMap<>();
    Map<String, Money> bought = new HashMap<>();
    Map<LotId, Quantity> picked = new HashMap<>();
    Set<String> groupsBought = new HashSet<>();
    Set<String> groupsSold = new HashSet<>();
    Map<SecurityId, Money> netBySecurity = new HashMap<>();
    // a gift in kind lowers the household value the verifier measures caps against: caps, stated
    // in money on the value before trading, are kept that much lower (a weight is at most 1)
    Money gifted = Money.ZERO_USD;
    Map<SecurityId, Quantity> soldBySecurity = new HashMap<>();
    for (Trade t : trades) {
      Optional<PositionConstraints> found = c.findPosition(t.account(), t.security());
      if (found.isEmpty()) {
        return false;
      }
      PositionConstraints p = found.get();
      String key = t.account() + "/" + t.security();
      boolean sell = t.side() != Side.BUY;
      Money value = t.estimatedValue();
      boolean whole = sell && t.quantity().equals(p.held());
      if (!whole && value.compareTo(p.minTradeValue().limit()) < 0) {
        return false;
      }
      BigDecimal step = p.quantityStep().limit().value();
      if (!whole && t.quantity().value().remainder(step).signum() != 0) {
        return false;
      }
      String group = c.findWashSaleGroup(t.security()).orElseThrow();
      if (sell) {
        if (!p.maySell()) {
          return false;
        }
        Quantity total = sold.merge(key, t.quantity(), Quantity::plus);
        if (total.compareTo(p.maxSellQuantity().limit()) > 0) {
          return false;
        }
        for (LotPick pick : t.lots()) {
          Optional<LotConstraints> lot = c.findLot(pick.lot());
          if (lot.isEmpty()
              || !lot.get().maySell()
              || !lot.get().account().equals(t.account())
              || !lot.get().security().equals(t.security())) {
            return false;
          }
          if (picked
                  .merge(pick.lot(), pick.quantity(), Quantity::plus)
                  .compareTo(lot.get().quantity())
              > 0) {
            return false;
          }
        }
        if (t.side() == Side.GIFT) {
          gifted = gifted.plus(value);
        }
        if (t.side() == Side.SELL) {
          // a gift in kind brings no cash and, realizing no loss, is no wash-sale sale
          groupsSold.add(group);
          cash.merge(t.account(), value, Money::plus);
        }
        netBySecurity.merge(t.security(), value.negated(), Money::plus);
        soldBySecurity.merge(t.security(), t.quantity(), Quantity::plus);
      } else {
        if (!p.mayBuy()) {
          return false;
        }
        Money total = bought.merge(key, value, Money::plus);
        if (p.maxBuyValue().isPresent() && total.compareTo(p.maxBuyValue().get().limit()) > 0) {
          return false;
        }
        groupsBought.add(group);
        cash.merge(t.account(), value.negated(), Money::plus);
        netBySecurity.merge(t.security(), value, Money::plus);
      }
    }
    for (Money m : cash.values()) {
      if (m.isNegative()) {
        return false;
      }
    }
    for (String g : groupsBought) {
      if (groupsSold.contains(g)) {
        return false;
      }
    }
    for (ConcentrationLimit cap : c.caps()) {
      Money after = cap.currentValue();
      for (SecurityId s : cap.securities()) {
        after = after.plus(netBySecurity.getOrDefault(s, Money.ZERO_USD));
      }
      if (after.compareTo(cap.maxValue().minus(CAP_MARGIN).minus(gifted)) > 0) {
        return false;
      }
    }
    for (IssuerSaleLimit l : c.saleLimits()) {
      Quantity total = Quantity.ZERO;
      for (SecurityId s : l.securities()) {
        total = total.plus(soldBySecurity.getOrDefault(s, Quantity.ZERO));
      }
      if (total.compareTo(l.remaining()) > 0) {
        return false;
      }
    }
    return true;
  }
}
