package dev.rebal.compliance;

import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds proposals that aim to stay inside compiled constraints, as a simple optimizer would: only
 * tradable positions, sizes within the sell limits, cash and cap headroom, whole multiples of the
 * quantity step, lots that may be sold. Whether the result is inside is decided separately by
 * {@link InsideConstraints}. The random source is the one jqwik supplies, so runs are reproducible.
 */
final class GuidedProposals {
  private GuidedProposals() {}

  static List<Trade> build(TradeConstraints c, MarketData md, Random random) {
    List<Trade> trades = new ArrayList<>();
    Map<String, Money> cash = new HashMap<>();
    c.accounts().forEach(a -> cash.put(a.account().value(), a.cashAvailable()));
    Map<SecurityId, Money> capNet = new HashMap<>();
    Map<String, Quantity> soldAt = new HashMap<>();
    Set<String> groupsBought = new HashSet<>();
    Set<String> groupsSold = new HashSet<>();
    Map<String, Quantity> issuerSold = new HashMap<>();
    List<PositionConstraints> candidates = new ArrayList<>();
    for (PositionConstraints p : c.positions()) {
      if (p.mayBuy() || p.maySell()) {
        candidates.add(p);
      }
    }
    if (candidates.isEmpty()) {
      return trades;
    }
    int attempts = 1 + random.nextInt(5);
    for (int n = 0; n < attempts; n++) {
      PositionConstraints p = candidates.get(random.nextInt(candidates.size()));
      UnitPrice price = md.prices().lookup(p.security()).perUnit();
      String group = c.findWashSaleGroup(p.security()).orElseThrow();
      String key = p.account() + "/" + p.security();
      BigDecimal step = p.quantityStep().limit().value().max(BigDecimal.ONE);
      BigDecimal minQ =
          p.minTradeValue().limit().amount().divide(price.amount(), 0, RoundingMode.CEILING);
      minQ = minQ.divide(step, 0, RoundingMode.CEILING).multiply(step).max(step);
      if (random.nextBoolean()
          && p.maySell()
          && p.held().isPositive()
          && !groupsBought.contains(group)) {
        Quantity already = soldAt.getOrDefault(key, Quantity.ZERO);
        BigDecimal max = p.maxSellQuantity().limit().minus(already).value();
        for (IssuerSaleLimit l : c.saleLimits()) {
          if (l.securities().contains(p.security())) {
            max =
                max.min(
                    l.remaining()
                        .minus(issuerSold.getOrDefault(l.provenance().id(), Quantity.ZERO))
                        .value());
          }
        }
        BigDecimal q;
        if (already.isZero() && max.compareTo(p.held().value()) >= 0 && random.nextInt(4) == 0) {
          q = p.held().value();
        } else {
          BigDecimal steps = max.divide(step, 0, RoundingMode.DOWN);
          if (steps.signum() <= 0) {
            continue;
          }
          q =
              step.multiply(
                  BigDecimal.valueOf(
                      1 + random.nextInt(steps.min(BigDecimal.valueOf(1000)).intValue())));
          if (q.compareTo(minQ) < 0) {
            continue;
          }
        }
        Quantity quantity = Quantity.of(q);
        List<LotPick> picks = random.nextBoolean() ? picks(c, p, quantity) : List.of();
        if (picks == null) {
          continue;
        }
        Trade t =
            Trade.builder()
                .account(p.account())
                .security(p.security())
                .side(Side.SELL)
                .quantity(quantity)
                .estimatedPrice(price)
                .addAllLots(picks)
                .addReasonCodes("drift.rebalance")
                .build();
        trades.add(t);
        soldAt.merge(key, quantity, Quantity::plus);
        for (IssuerSaleLimit l : c.saleLimits()) {
          if (l.securities().contains(p.security())) {
            issuerSold.merge(l.provenance().id(), quantity, Quantity::plus);
          }
        }
        cash.merge(p.account().value(), t.estimatedValue(), Money::plus);
        capNet.merge(p.security(), t.estimatedValue().negated(), Money::plus);
        groupsSold.add(group);
      } else if (p.mayBuy() && !groupsSold.contains(group)) {
        Money room = cash.get(p.account().value());
        for (ConcentrationLimit cap : c.caps()) {
          if (cap.securities().contains(p.security())) {
            Money used = cap.currentValue();
            for (SecurityId s : cap.securities()) {
              used = used.plus(capNet.getOrDefault(s, Money.ZERO_USD));
            }
            room = room.min(cap.maxValue().minus(InsideConstraints.CAP_MARGIN).minus(used));
          }
        }
        BigDecimal maxQ = room.amount().divide(price.amount(), 0, RoundingMode.DOWN);
        BigDecimal steps = maxQ.divide(step, 0, RoundingMode.DOWN);
        if (steps.signum() <= 0) {
          continue;
        }
        BigDecimal q =
            step.multiply(
                BigDecimal.valueOf(
                    1 + random.nextInt(steps.min(BigDecimal.valueOf(1000)).intValue())));
        if (q.compareTo(minQ) < 0) {
          continue;
        }
        Trade t =
            Trade.builder()
                .account(p.account())
                .security(p.security())
                .side(Side.BUY)
                .quantity(Quantity.of(q))
                .estimatedPrice(price)
                .addReasonCodes("drift.rebalance")
                .build();
        trades.add(t);
        cash.merge(p.account().value(), t.estimatedValue().negated(), Money::plus);
        capNet.merge(p.security(), t.estimatedValue(), Money::plus);
        groupsBought.add(group);
      }
    }
    return trades;
  }

  /** Picks sellable lots of the position for the quantity, or null if they do not cover it. */
  private static List<LotPick> picks(TradeConstraints c, PositionConstraints p, Quantity q) {
    List<LotPick> out = new ArrayList<>();
    Quantity left = q;
    for (LotConstraints l : c.lots()) {
      if (left.isZero()) {
        break;
      }
      if (l.account().equals(p.account()) && l.security().equals(p.security()) && l.maySell()) {
        Quantity take = l.quantity().min(left);
        out.add(new LotPick(l.lot(), take));
        left = left.minus(take);
      }
    }
    return left.isZero() ? out : null;
  }
}
