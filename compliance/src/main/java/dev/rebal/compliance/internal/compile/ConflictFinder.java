package dev.rebal.compliance.internal.compile;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.AccountConstraints;
import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.Conflict;
import dev.rebal.compliance.ConflictKind;
import dev.rebal.compliance.IssuerSaleLimit;
import dev.rebal.compliance.PositionConstraints;
import dev.rebal.compliance.Provenance;
import dev.rebal.compliance.QuantityBound;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds contradictions no proposal can satisfy, from the compiled constraints. Method: an upper
 * bound of the value that can be sold is computed (each position's tightest sell limit at market
 * price, and per issuer no more than its Rule 144 remaining shares at the issuer's highest price);
 * when even that cannot cure a broken cap or a cash shortfall, the conflict is reported with the
 * restrictions that block the rest.
 */
final class ConflictFinder {
  private final SortedMap<AccountId, Account> accounts;
  private final MarketData marketData;
  private final List<PositionConstraints> positions;
  private final List<IssuerSaleLimit> saleLimits;

  ConflictFinder(
      SortedMap<AccountId, Account> accounts,
      MarketData marketData,
      List<PositionConstraints> positions,
      List<IssuerSaleLimit> saleLimits) {
    this.accounts = accounts;
    this.marketData = marketData;
    this.positions = positions;
    this.saleLimits = saleLimits;
  }

  List<Conflict> capConflicts(List<ConcentrationLimit> caps) {
    List<Conflict> out = new ArrayList<>();
    for (ConcentrationLimit cap : caps) {
      Money excess = cap.currentValue().minus(cap.maxValue());
      if (!excess.isPositive()) {
        continue;
      }
      List<PositionConstraints> inScope = new ArrayList<>();
      SortedSet<Provenance> blockers = new TreeSet<>();
      if (cap.heldAwayValue().isPositive()) {
        blockers.add(Compiler.HELD_AWAY);
      }
      for (PositionConstraints p : positions) {
        if (cap.securities().contains(p.security()) && p.held().isPositive()) {
          inScope.add(p);
          blockers.addAll(p.sellBlocks());
          QuantityBound tightest = p.maxSellQuantity();
          if (tightest.limit().compareTo(p.held()) < 0) {
            blockers.add(tightest.provenance());
          }
        }
      }
      Money sellable = sellableValue(inScope);
      if (sellable.compareTo(excess) < 0) {
        List<Provenance> parties = new ArrayList<>();
        parties.add(cap.provenance());
        blockers.remove(cap.provenance());
        parties.addAll(blockers);
        out.add(
            new Conflict(
                ConflictKind.CAP_NEEDS_BLOCKED_SALE,
                "cap " + cap.provenance().id() + " on " + cap.scope(),
                excess.minus(sellable).amount(),
                ImmutableList.copyOf(parties)));
      }
    }
    return out;
  }

  List<Conflict> cashConflicts(List<AccountConstraints> accountConstraints) {
    List<Conflict> out = new ArrayList<>();
    for (AccountConstraints ac : accountConstraints) {
      Account a = accounts.get(ac.account());
      if (a.heldAway() || !a.tradable() || !ac.cashAvailable().isNegative()) {
        continue;
      }
      Money shortfall = ac.cashAvailable().negated();
      SortedSet<Provenance> blockers = new TreeSet<>(ac.blocks());
      List<PositionConstraints> inAccount = new ArrayList<>();
      if (ac.mayTrade()) {
        for (PositionConstraints p : positions) {
          if (p.account().equals(a.id()) && p.held().isPositive()) {
            inAccount.add(p);
            blockers.addAll(p.sellBlocks());
          }
        }
      }
      Money sellable = sellableValue(inAccount);
      if (sellable.compareTo(shortfall) < 0) {
        List<Provenance> parties = new ArrayList<>();
        parties.add(Provenance.builtIn("cash-floor", "cash must not end below the floor"));
        parties.addAll(blockers);
        out.add(
            new Conflict(
                ConflictKind.CASH_FLOOR_NEEDS_BLOCKED_SALE,
                "account " + a.id(),
                shortfall.minus(sellable).amount(),
                ImmutableList.copyOf(parties)));
      }
    }
    return out;
  }

  /** Upper bound of the value the positions can raise by selling. */
  private Money sellableValue(List<PositionConstraints> candidates) {
    Map<String, Money> byIssuer = new TreeMap<>();
    Map<String, UnitPrice> maxPrice = new TreeMap<>();
    for (PositionConstraints p : candidates) {
      if (!p.maySell()) {
        continue;
      }
      Quantity q = p.maxSellQuantity().limit();
      if (!q.isPositive()) {
        continue;
      }
      String issuer = marketData.lookupSecurity(p.security()).issuer();
      UnitPrice price = marketData.prices().lookup(p.security()).perUnit();
      byIssuer.merge(issuer, price.times(q), Money::plus);
      maxPrice.merge(issuer, price, (x, y) -> x.compareTo(y) >= 0 ? x : y);
    }
    Money total = Money.ZERO_USD;
    for (Map.Entry<String, Money> e : byIssuer.entrySet()) {
      Money v = e.getValue();
      for (IssuerSaleLimit l : saleLimits) {
        if (l.issuer().equals(e.getKey())) {
          v = v.min(maxPrice.get(e.getKey()).times(l.remaining()));
        }
      }
      total = total.plus(v);
    }
    return total;
  }
}
