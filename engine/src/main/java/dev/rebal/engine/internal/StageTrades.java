package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.rule.ConstraintAdjustment;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the engine does with the trades of its stages (harvest, LP, residual cash): drops dust and
 * below-minimum trades, keeps later stages from undoing earlier ones, and merges the stages into
 * one proposal.
 */
public final class StageTrades {
  private StageTrades() {}

  /**
   * Drops trades worth less than the minimum trade size, unless a sale empties the holding (best
   * execution: no $3 trades). The verifier then checks that what is left still meets every hard
   * constraint; if dropping broke one, the proposal goes to review.
   */
  public static ImmutableList<Trade> dropBelowMinimum(
      Household h, List<Trade> trades, Money minimum, Proposal.Builder proposal) {
    ImmutableList.Builder<Trade> kept = ImmutableList.builder();
    for (Trade t : trades) {
      // a gift in kind is a transfer, not an order: no minimum size
      boolean small = t.side() != Side.GIFT && t.estimatedValue().compareTo(minimum) < 0;
      // a trade worth nothing at all (a dust remainder) is dropped even if it empties a holding
      if (small
          && (t.estimatedValue().isZero() || !(t.side() == Side.SELL && sellsWholeHolding(h, t)))) {
        proposal.addExplanation(
            "dropped "
                + t.side()
                + " "
                + t.security()
                + " in "
                + t.account()
                + " worth "
                + t.estimatedValue()
                + ": below the minimum trade size "
                + minimum);
      } else {
        kept.add(t);
      }
    }
    return kept.build();
  }

  /**
   * Returns the adjustments that keep later stages from undoing earlier ones: no buy of a group an
   * earlier stage sold (no offsetting trade, no wash sale), no sale of a security it bought.
   */
  public static List<ConstraintAdjustment> keepDirections(
      List<Trade> trades, Household h, MarketData m) {
    Set<String> soldGroups = new TreeSet<>();
    Set<String> boughtGroups = new TreeSet<>();
    for (Trade t : trades) {
      if (t.side() == Side.GIFT) {
        // a gift realizes no loss: buying the group back later is no wash sale
        continue;
      }
      (t.side() == Side.SELL ? soldGroups : boughtGroups)
          .add(m.lookupSecurity(t.security()).washSaleGroup());
    }
    Set<SecurityId> known = new TreeSet<>();
    h.model().securities().values().forEach(known::addAll);
    h.lots().forEach(l -> known.add(l.security()));
    List<ConstraintAdjustment> out = new ArrayList<>();
    for (SecurityId id : known) {
      String group = m.findSecurity(id).map(x -> x.washSaleGroup()).orElse("");
      if (soldGroups.contains(group)) {
        out.add(new ConstraintAdjustment.ForbidBuy(id, "its group was sold in this proposal"));
      }
      if (boughtGroups.contains(group)) {
        out.add(new ConstraintAdjustment.ForbidSell(id, "its group was bought in this proposal"));
      }
    }
    return out;
  }

  /**
   * Returns the stages' trades as one list: trades of the same side, account and security (also
   * within one stage, e.g. two harvests replaced by one fund) summed; sells first.
   */
  public static ImmutableList<Trade> merge(List<Trade> first, List<Trade> second) {
    Map<String, Trade> merged = new LinkedHashMap<>();
    List<Trade> all = new ArrayList<>(first);
    all.addAll(second);
    for (Trade b : all) {
      // gifts for different events stay apart: each names its event
      String key =
          b.side()
              + "|"
              + b.account()
              + "|"
              + b.security()
              + (b.side() == Side.GIFT ? "|" + b.reasonCodes() : "");
      Trade prior = merged.get(key);
      if (prior == null) {
        merged.put(key, b);
        continue;
      }
      Money apart = prior.estimatedValue().plus(b.estimatedValue());
      Money together = b.estimatedPrice().times(prior.quantity().plus(b.quantity()));
      if (b.side() == Side.BUY && together.compareTo(apart) > 0) {
        // summed, the buy would round up a cent more than the cash the stages left for it
        merged.put(key + "|" + merged.size(), b);
        continue;
      }
      Map<LotId, Quantity> picks = new LinkedHashMap<>();
      for (LotPick p : prior.lots()) {
        picks.merge(p.lot(), p.quantity(), Quantity::plus);
      }
      for (LotPick p : b.lots()) {
        picks.merge(p.lot(), p.quantity(), Quantity::plus);
      }
      Trade.Builder t =
          Trade.builder()
              .account(b.account())
              .security(b.security())
              .side(b.side())
              .quantity(prior.quantity().plus(b.quantity()))
              .estimatedPrice(b.estimatedPrice())
              .addAllReasonCodes(prior.reasonCodes())
              .addAllReasonCodes(b.reasonCodes());
      picks.forEach((lot, q) -> t.addLots(new LotPick(lot, q)));
      merged.put(key, t.build());
    }
    List<Trade> out = new ArrayList<>(merged.values());
    out.sort(
        Comparator.comparing((Trade t) -> t.side() == Side.GIFT ? 0 : t.side() == Side.SELL ? 1 : 2)
            .thenComparing(Trade::account)
            .thenComparing(Trade::security));
    return ImmutableList.copyOf(out);
  }

  private static boolean sellsWholeHolding(Household h, Trade t) {
    Quantity held = Quantity.ZERO;
    for (TaxLot lot : h.lots()) {
      if (lot.account().equals(t.account()) && lot.security().equals(t.security())) {
        held = held.plus(lot.quantity());
      }
    }
    return held.equals(t.quantity());
  }
}
