package dev.rebal.engine.internal;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Does not undo a recent trade. For {@code optimizer.min-holding-days} days (30 by default; 0 never
 * holds):
 *
 * <ul>
 *   <li>a lot bought in that time, or any lot of a position bought into in that time (selling an
 *       older lot of what was just bought undoes the purchase as surely), is not offered for sale,
 *       unless it is harvested (a loss worth taking pays by itself), its class is above its band
 *       (the sale then serves the drift, and the new lot, at no gain, is the cheapest to sell) or
 *       the sale cannot wait ({@link SaleUrgency}: cash to raise, a cap breached, a class past
 *       twice its band);
 *   <li>a security sold from an account in that time is not bought back there while another of its
 *       class's model securities may be (the decision notes "S in A: not bought back").
 * </ul>
 *
 * An advisor does not sell next week what the household bought this week to move a class between
 * accounts or to fix a drift that rounding left, nor buy back what was sold to fund the last
 * proposal: a proposal that reverses a recent trade looks like churning to a client and to a
 * compliance officer, and many funds charge a fee on a sale within 30 to 90 days of the purchase.
 * Without the hold, a rebalance run again after its proposal executed could sell the lots the
 * proposal bought (they carry no gain, so they are the cheapest to sell) to fund the next step of a
 * goal the first left unmet. Not thread-safe: one lives inside one problem build.
 */
final class RecentTradeHold {
  private final long days;
  private final LocalDate asOf;
  private final SaleUrgency urgency;
  // the securities sold from each account within the holding days
  private final Map<AccountId, Set<SecurityId>> sold = new HashMap<>();

  private RecentTradeHold(long days, LocalDate asOf, SaleUrgency urgency) {
    this.days = days;
    this.asOf = asOf;
    this.urgency = urgency;
  }

  /**
   * Returns the hold of {@code rs} for household {@code h}, whose sales are as urgent as {@code
   * urgency}.
   */
  static RecentTradeHold of(RuleSet rs, LocalDate asOf, SaleUrgency urgency, Household h) {
    RecentTradeHold hold =
        new RecentTradeHold(
            Params.decimal(rs, "optimizer.min-holding-days", "30").longValueExact(), asOf, urgency);
    for (Transaction t : h.transactions()) {
      if (t.side() == Side.SELL && hold.isRecent(t.tradeDate())) {
        hold.sold.computeIfAbsent(t.account(), a -> new TreeSet<>()).add(t.security());
      }
    }
    return hold;
  }

  /** Returns the holding days. */
  long days() {
    return days;
  }

  /** Returns the days from {@code date} to the as-of date. */
  long daysSince(LocalDate date) {
    return ChronoUnit.DAYS.between(date, asOf);
  }

  private boolean isRecent(LocalDate date) {
    long since = daysSince(date);
    return days > 0 && since >= 0 && since < days;
  }

  /**
   * Returns the lots of {@code lots} (one position's) that {@link #holdsBack} may hold back, by id:
   * every lot when the position was bought into within the holding days (one of its lots is that
   * recent), none otherwise.
   */
  Map<LotId, TaxLot> boughtInto(List<TaxLot> lots) {
    if (lots.stream().noneMatch(lot -> isRecent(lot.acquired()))) {
      return Map.of();
    }
    Map<LotId, TaxLot> all = new HashMap<>();
    lots.forEach(lot -> all.put(lot.id(), lot));
    return all;
  }

  /**
   * Returns whether {@code lot}, one of {@link #boughtInto}, in {@code account}, is held back from
   * sale (the caller lets a harvested lot through).
   */
  boolean holdsBack(TaxLot lot, AccountId account, SecurityId security, MarketData m) {
    return !urgency.classAboveBand(security, m) && !urgency.cannotWait(account, security, m);
  }

  /**
   * Returns {@code candidates} (a class's model securities, in the model's order) without the ones
   * sold from {@code account} within the holding days; {@code candidates} itself when it has none.
   */
  List<SecurityId> notSoldFrom(List<SecurityId> candidates, AccountId account) {
    Set<SecurityId> soldHere = sold.getOrDefault(account, Set.of());
    if (soldHere.isEmpty() || candidates.stream().noneMatch(soldHere::contains)) {
      return candidates;
    }
    List<SecurityId> fresh = new ArrayList<>(candidates);
    fresh.removeAll(soldHere);
    return fresh;
  }
}
