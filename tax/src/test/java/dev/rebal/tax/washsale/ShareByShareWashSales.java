package dev.rebal.tax.washsale;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.trade.Side;
import dev.rebal.tax.washsale.TradeHistory.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An independent, slow and obvious reference for wash sales: every share is an object, every loss
 * share looks for the first free replacement share in order of acquisition. Written from the rules
 * (IRC 1091; Treas. Reg. 1.1091-1; Rev. Rul. 2008-5) for the differential test, sharing no code
 * with the analyzer. Amounts are whole cents; the histories it is given have whole shares and
 * whole-cent prices, so nothing is rounded.
 */
final class ShareByShareWashSales {
  private static final int WINDOW = 30;

  /** What happened to the sales of one purchase on one day, in cents. */
  record SaleOutcome(long gain, long deferred, long lost) {}

  /** One held share at the end: purchase, basis in cents, holding-period start (day). */
  record HeldShare(String purchase, long basis, int holdingStart) {}

  private static final class Share {
    final String purchase;
    final AccountId account;
    final String group;
    final int day;
    final long seq;
    long basis;
    int holdingStart;
    boolean used;
    long useIndex = Long.MAX_VALUE;
    boolean sold;

    Share(Event buy) {
      this.purchase = buy.purchase();
      this.account = buy.account();
      this.group = groupOf(buy);
      this.day = buy.day();
      this.seq = buy.seq();
      this.basis = buy.cents();
      this.holdingStart = buy.day();
    }
  }

  private static String groupOf(Event e) {
    return e.security().equals(TradeHistory.Z) ? "Z" : "G";
  }

  private static boolean isTaxable(AccountId account) {
    return !account.equals(TradeHistory.IRA);
  }

  final Map<String, SaleOutcome> sales = new TreeMap<>();
  final Map<HeldShare, Long> held = new HashMap<>();

  ShareByShareWashSales(TradeHistory history) {
    List<Share> all = new ArrayList<>();
    Map<String, List<Share>> byPurchase = new HashMap<>();
    for (Event e : history.events) {
      if (e.side() == Side.BUY) {
        for (long k = 0; k < e.shares(); k++) {
          Share s = new Share(e);
          all.add(s);
          byPurchase.computeIfAbsent(e.purchase(), p -> new ArrayList<>()).add(s);
        }
      }
    }
    // acquisition order: date, then sequence, then purchase id
    all.sort(
        (a, b) ->
            a.day != b.day
                ? Integer.compare(a.day, b.day)
                : a.seq != b.seq ? Long.compare(a.seq, b.seq) : a.purchase.compareTo(b.purchase));
    Map<String, Long> counter = new HashMap<>();
    for (Event e : history.events) { // one event per time in the histories given
      if (e.side() != Side.SELL) {
        continue;
      }
      // the shares sold: used ones first, in the order they were used, then unused ones
      List<Share> candidates = new ArrayList<>();
      for (Share s : byPurchase.get(e.purchase())) {
        if (!s.sold) {
          candidates.add(s);
        }
      }
      candidates.sort((a, b) -> Long.compare(a.useIndex, b.useIndex));
      List<Share> sold = candidates.subList(0, (int) e.shares());
      long gain = 0;
      List<Share> losses = new ArrayList<>();
      for (Share s : sold) {
        s.sold = true;
        gain += e.cents() - s.basis;
        if (e.cents() < s.basis && isTaxable(s.account)) {
          losses.add(s);
        }
      }
      losses.sort(
          (a, b) ->
              a.holdingStart != b.holdingStart
                  ? Integer.compare(a.holdingStart, b.holdingStart)
                  : Long.compare(a.useIndex, b.useIndex));
      long deferred = 0;
      long lost = 0;
      for (Share loss : losses) {
        long amount = loss.basis - e.cents();
        for (Share r : all) {
          if (r.used
              || r.sold
              || !r.group.equals(loss.group)
              || Math.abs(r.day - e.day()) > WINDOW
              || (!history.samePurchaseWashes && r.purchase.equals(loss.purchase))) {
            continue;
          }
          r.used = true;
          long next = counter.merge(r.purchase, 1L, Long::sum);
          r.useIndex = next;
          if (isTaxable(r.account)) {
            r.basis += amount;
            r.holdingStart = r.day - (e.day() - loss.holdingStart);
            deferred += amount;
          } else {
            lost += amount;
          }
          break;
        }
      }
      sales.put(key(e.purchase(), e.day()), new SaleOutcome(gain, deferred, lost));
    }
    for (Share s : all) {
      if (!s.sold) {
        held.merge(new HeldShare(s.purchase, s.basis, s.holdingStart), 1L, Long::sum);
      }
    }
  }

  static String key(String purchase, int day) {
    return purchase + "@" + day;
  }

  @Override
  public String toString() {
    return Objects.toString(sales) + " " + held;
  }
}
