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
    Map<String, BigDecimal> cost = new HashMap<>();
    for (LocationCost c : problem.locationCosts()) {
      cost.put(key(c.account(), c.assetClass()), c.perDollar());
    }
    Map<String, BigDecimal> net = new HashMap<>();
    for (Trade t : trades) {
      if (t.side() == Side.BUY || t.side() == Side.SELL) {
        BigDecimal v = t.estimatedValue().amount();
        net.merge(
            key(t.account(), classOf(t, m)),
            t.side() == Side.BUY ? v : v.negate(),
            BigDecimal::add);
      }
    }
    // the classes some account holds more of and another less of, and that moved toward a
    // cheaper account somewhere in the proposal
    Map<AssetClass, BigDecimal> highestDecrease = new HashMap<>();
    Map<AssetClass, BigDecimal> lowestIncrease = new HashMap<>();
    for (Trade t : trades) {
      String k = key(t.account(), classOf(t, m));
      BigDecimal n = net.getOrDefault(k, BigDecimal.ZERO);
      BigDecimal c = cost.getOrDefault(k, BigDecimal.ZERO);
      if (n.signum() < 0) {
        highestDecrease.merge(classOf(t, m), c, BigDecimal::max);
      } else if (n.signum() > 0) {
        lowestIncrease.merge(classOf(t, m), c, BigDecimal::min);
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
    for (Trade t : trades) {
      AssetClass cls = classOf(t, m);
      BigDecimal n = net.getOrDefault(key(t.account(), cls), BigDecimal.ZERO);
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

  private static AssetClass classOf(Trade t, MarketData m) {
    return m.lookupSecurity(t.security()).assetClass();
  }

  private static String key(AccountId account, AssetClass cls) {
    return account.value() + "\u0000" + cls.value();
  }
}
