package dev.rebal.examples.backtest;

import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lots a tax-blind rebalancer's sales relieve: first in, first out. A rebalancer that knows
 * nothing of tax names no lots with its orders, and the custodian then relieves the earliest
 * acquired first, as the tax rules presume without adequate identification (docs/backtest.md,
 * "Policies"). The engine, asked with a tax weight of zero, would otherwise pick its own lots, and
 * it keeps the lots with the least gain first ({@code SegmentPool}): tax-optimal relief, a tax
 * feature naive threshold does not have.
 *
 * <p>Lots that compliance does not let be sold (a lot preference) are skipped; a sale's quantity is
 * unchanged. A loss lot inside a wash-sale window can be relieved, and its loss counts in full: the
 * simulation does not disallow it, which favours the tax-blind policies slightly.
 */
final class FirstInFirstOut {
  private FirstInFirstOut() {}

  private static final Comparator<TaxLot> EARLIEST_FIRST =
      Comparator.comparing(TaxLot::acquired).thenComparing(l -> l.id().value());

  /**
   * Returns {@code p} with each sale's lots picked first in, first out among those {@code
   * permissions} let be sold in household {@code h}; buys and gifts unchanged.
   */
  static Proposal relieve(Household h, Proposal p, TradePermissions permissions) {
    List<Trade> trades = new ArrayList<>();
    for (Trade t : p.trades()) {
      trades.add(t.side() == Side.SELL ? relieve(h, t, permissions) : t);
    }
    return p.withTrades(trades);
  }

  private static Trade relieve(Household h, Trade sale, TradePermissions permissions) {
    List<TaxLot> lots = new ArrayList<>();
    for (TaxLot l : h.lots()) {
      if (l.account().equals(sale.account())
          && l.security().equals(sale.security())
          && permissions.maySellLot(l.id())) {
        lots.add(l);
      }
    }
    lots.sort(EARLIEST_FIRST);
    List<LotPick> picks = new ArrayList<>();
    Quantity left = sale.quantity();
    for (TaxLot l : lots) {
      if (!left.isPositive()) {
        break;
      }
      Quantity take = l.quantity().min(left);
      picks.add(new LotPick(l.id(), take));
      left = left.minus(take);
    }
    // fewer sellable lots than the sale (never, since the engine sold from them): keep its picks
    return left.isPositive() ? sale : sale.withLots(picks);
  }
}
