package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.LotId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.optimizer.ProblemPosition;
import dev.rebal.optimizer.ProposedTrade;
import dev.rebal.optimizer.SellSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the optimizer's rounded trades into core {@link Trade}s: sells name the lots they relieve
 * (from the position's segments, in relief order), every trade carries the reason codes of the
 * triggers that caused it, and the list is ordered sells first, then by account and security.
 *
 * <p>Reason codes: {@code drift.rebalance} (threshold), {@code calendar.rebalance}, {@code
 * goal.glidepath} / {@code goal.approaching}, {@code goal.bucket} (a goal bucket out of band),
 * {@code cash.invest} (buys on a deposit), {@code cash.raise} (sells on a shortfall), {@code
 * liquidity.need} (sells funding a need), {@code tax.harvest} (a sale at a loss on the tax
 * trigger), {@code tax.replacement} (its buys) and {@code location.relocate} (a class moved to an
 * account where it costs less: {@link RelocationCodes}).
 */
public final class ProposalAssembler {
  private static final Comparator<Trade> ORDER =
      Comparator.comparing((Trade t) -> t.side() == Side.SELL ? 0 : 1)
          .thenComparing(Trade::account)
          .thenComparing(Trade::security);

  private ProposalAssembler() {}

  /** A lot's remainder worth less than this (one cent) is sold with the rest of the lot. */
  private static final java.math.BigDecimal DUST = new java.math.BigDecimal("0.01");

  /** A basis under this rounds to zero cents. */
  private static final java.math.BigDecimal HALF_CENT = new java.math.BigDecimal("0.005");

  /**
   * Whether {@code rest} of a lot in {@code segment}, left after a sale, is a sliver: worth under a
   * cent, or with a basis under half a cent, both unrounded. Its basis would round to zero (a
   * {@code lot.basis.zero} data warning on every later decision), so it is sold with the rest.
   */
  private static boolean isSliver(UnitPrice price, Quantity rest, SellSegment segment) {
    java.math.BigDecimal value = price.amount().multiply(rest.value());
    java.math.BigDecimal basis =
        value.multiply(java.math.BigDecimal.ONE.subtract(segment.gainPerDollar()));
    return value.compareTo(DUST) < 0 || basis.compareTo(HALF_CENT) < 0;
  }

  /** The sell segments of every position that has some, by position key, in lot order. */
  private static java.util.Map<String, List<SellSegment>> segmentsByPosition(ProblemBuild build) {
    java.util.Map<String, List<SellSegment>> out = new java.util.HashMap<>();
    for (ProblemPosition q : build.problem().positions()) {
      if (!q.segments().isEmpty()) {
        out.put(ProblemBuild.key(q.account(), q.security()), q.segments());
      }
    }
    return out;
  }

  /** Whether a household-wide sale limit names {@code security} (its shares are counted). */
  private static boolean limited(ProblemBuild build, SecurityId security) {
    return build.problem().saleLimits().stream().anyMatch(l -> l.securities().contains(security));
  }

  /** Returns the trades, sells first. */
  public static ImmutableList<Trade> assemble(
      List<ProposedTrade> proposed,
      ProblemBuild build,
      MarketData m,
      List<Finding> triggers,
      Set<LotId> lossLots) {
    Set<String> fired = new TreeSet<>();
    triggers.forEach(f -> fired.add(f.code()));
    boolean anyLossSale = false;
    java.util.Map<String, List<SellSegment>> segments = null; // built at the first sale
    List<Trade> out = new ArrayList<>();
    for (ProposedTrade p : proposed) {
      if (!p.quantity().isPositive()) {
        continue;
      }
      Trade.Builder t =
          Trade.builder()
              .account(p.account())
              .security(p.security())
              .side(p.side())
              .estimatedPrice(m.prices().lookup(p.security()).perUnit());
      Set<String> codes = new TreeSet<>();
      if (p.side() == Side.SELL) {
        List<LotId> lots = build.lotsOf(p.account(), p.security());
        if (segments == null) {
          segments = segmentsByPosition(build);
        }
        List<SellSegment> sold = segments.get(ProblemBuild.key(p.account(), p.security()));
        UnitPrice price = m.prices().lookup(p.security()).perUnit();
        boolean limited = limited(build, p.security());
        Quantity total = Quantity.ZERO;
        boolean atLoss = false;
        for (int i = 0; i < p.segmentQuantities().size(); i++) {
          Quantity q = p.segmentQuantities().get(i);
          if (q.isPositive()) {
            Quantity whole = sold.get(i).quantity();
            if (!limited
                && whole.compareTo(q) > 0
                && isSliver(price, whole.minus(q), sold.get(i))) {
              q = whole;
            }
            t.addLots(new LotPick(lots.get(i), q));
            total = total.plus(q);
            atLoss |= lossLots.contains(lots.get(i));
          }
        }
        t.quantity(total);
        anyLossSale |= atLoss;
        if (atLoss && fired.contains("trigger.tax.harvest")) {
          codes.add("tax.harvest");
        }
        if (fired.contains("trigger.cash.shortfall")) {
          codes.add("cash.raise");
        }
        if (fired.contains("trigger.liquidity.need")) {
          codes.add("liquidity.need");
        }
      } else {
        t.quantity(p.quantity());
        if (fired.contains("trigger.cash.deposit")) {
          codes.add("cash.invest");
        }
      }
      codes.addAll(common(fired));
      if (codes.isEmpty()) {
        codes.add("drift.rebalance");
      }
      t.addAllReasonCodes(codes);
      out.add(t.build());
    }
    if (anyLossSale && fired.contains("trigger.tax.harvest")) {
      for (int i = 0; i < out.size(); i++) {
        Trade t = out.get(i);
        if (t.side() == Side.BUY) {
          TreeSet<String> codes = new TreeSet<>(t.reasonCodes());
          codes.add("tax.replacement");
          out.set(
              i,
              Trade.builder()
                  .account(t.account())
                  .security(t.security())
                  .side(t.side())
                  .quantity(t.quantity())
                  .estimatedPrice(t.estimatedPrice())
                  .addAllReasonCodes(codes)
                  .build());
        }
      }
    }
    out = new ArrayList<>(RelocationCodes.mark(out, build.problem(), m));
    out.sort(ORDER);
    return ImmutableList.copyOf(out);
  }

  private static Set<String> common(Set<String> fired) {
    Set<String> codes = new TreeSet<>();
    if (fired.contains("trigger.threshold")) {
      codes.add("drift.rebalance");
    }
    if (fired.contains("trigger.calendar")) {
      codes.add("calendar.rebalance");
    }
    if (fired.contains("trigger.goal.glidepath")) {
      codes.add("goal.glidepath");
    }
    if (fired.contains("trigger.goal.approaching")) {
      codes.add("goal.approaching");
    }
    if (fired.contains("trigger.goal-bucket")) {
      codes.add("goal.bucket");
    }
    if (fired.contains("trigger.concentration")) {
      codes.add("concentration.cap");
    }
    return codes;
  }
}
