package dev.rebal.engine.internal;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.LocationCost;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Marks the trades of an asset-location move with the reason code {@code location.relocate}: when
 * some class is sold, net, in an account where it costs more and bought, net, in one where it costs
 * less (docs/optimizer.md, "Asset location"), every trade that moves a class between accounts (a
 * net sale in one, a net buy in another) is marked, so both sides of a swap (bonds into the IRA,
 * the stocks they displace out of it) say why. A harvest and its replacement in one account net to
 * nothing and are not marked.
 */
final class RelocationCodes {
  static final String CODE = "location.relocate";

  private RelocationCodes() {}

  /** Returns {@code trades} with the relocating ones marked, in the same order. */
  static List<Trade> mark(List<Trade> trades, HouseholdProblem problem, MarketData m) {
    if (problem.locationCosts().isEmpty()) {
      return trades;
    }
    Map<Holding, BigDecimal> cost = new HashMap<>();
    for (LocationCost c : problem.locationCosts()) {
      cost.put(new Holding(c.account(), c.assetClass()), c.perDollar());
    }
    List<AssetClass> classes = new ArrayList<>(trades.size());
    Map<Holding, BigDecimal> net = new HashMap<>();
    for (Trade t : trades) {
      AssetClass cls = m.lookupSecurity(t.security()).assetClass();
      classes.add(cls);
      if (t.side() == Side.BUY || t.side() == Side.SELL) {
        BigDecimal v = t.estimatedValue().amount();
        net.merge(
            new Holding(t.account(), cls), t.side() == Side.BUY ? v : v.negate(), BigDecimal::add);
      }
    }
    // the classes some account holds more of and another less of, and that moved toward a
    // cheaper account somewhere in the proposal
    Map<AssetClass, BigDecimal> highestDecrease = new HashMap<>();
    Map<AssetClass, BigDecimal> lowestIncrease = new HashMap<>();
    for (Map.Entry<Holding, BigDecimal> e : net.entrySet()) {
      AssetClass cls = e.getKey().assetClass();
      BigDecimal c = cost.getOrDefault(e.getKey(), BigDecimal.ZERO);
      if (e.getValue().signum() < 0) {
        highestDecrease.merge(cls, c, BigDecimal::max);
      } else if (e.getValue().signum() > 0) {
        lowestIncrease.merge(cls, c, BigDecimal::min);
      }
    }
    boolean relocates = false;
    for (Map.Entry<AssetClass, BigDecimal> e : highestDecrease.entrySet()) {
      BigDecimal lowest = lowestIncrease.get(e.getKey());
      relocates |= lowest != null && e.getValue().compareTo(lowest) > 0;
    }
    if (!relocates) {
      return trades;
    }
    List<Trade> out = new ArrayList<>(trades.size());
    for (int i = 0; i < trades.size(); i++) {
      Trade t = trades.get(i);
      AssetClass cls = classes.get(i);
      BigDecimal n = net.getOrDefault(new Holding(t.account(), cls), BigDecimal.ZERO);
      boolean moved = highestDecrease.containsKey(cls) && lowestIncrease.containsKey(cls);
      if (moved
          && (t.side() == Side.SELL && n.signum() < 0 || t.side() == Side.BUY && n.signum() > 0)) {
        TreeSet<String> codes = new TreeSet<>(t.reasonCodes());
        codes.add(CODE);
        out.add(t.withReasonCodes(codes));
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** An account's holding of one asset class. */
  private record Holding(AccountId account, AssetClass assetClass) {}
}
