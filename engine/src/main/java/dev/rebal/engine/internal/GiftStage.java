package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.tax.gifting.GiftPlan;
import dev.rebal.tax.gifting.GiftSelector;
import dev.rebal.tax.lots.LotSplit;
import dev.rebal.tax.lots.RealizedLot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gift stage: committed charitable gifts ({@code LiquidityKind.GIFT}) given in kind. For each
 * committed gift dated in a window, in date order (then id), the tax module's {@link GiftSelector}
 * plans the gift on the household without the lots compliance forbids to leave their account (a
 * do-not-sell, a blackout, a frozen account, a protected lot), so a blocked lot falls back to the
 * next appreciated lot or to cash; each later gift uses the lots the earlier ones left. The value
 * not given in kind is the gift's cash part, which the engine reserves like a committed need.
 *
 * <p>Each (gift, account, security) becomes one {@link Side#GIFT} trade at the market price with
 * the lots picked and the reason codes {@value #REASON} and {@code gift:<event id>}; the second
 * lets {@code ProposalExecutor} reduce the event to its cash part once the gift is made.
 */
public final class GiftStage {
  /** The reason code of a gift trade. */
  public static final String REASON = "tax.gift-in-kind";

  /** The prefix of the reason code naming the gift event a trade gives for. */
  public static final String EVENT_PREFIX = "gift:";

  private GiftStage() {}

  /**
   * Returns {@code trigger.gift.min-in-kind} (1000 dollars): the least value worth giving in kind.
   */
  public static Money minInKind(dev.rebal.core.ruleset.RuleSet rs) {
    return Money.usd(
        Params.decimal(rs, "trigger.gift.min-in-kind", "1000")
            .setScale(2, java.math.RoundingMode.HALF_EVEN));
  }

  /** A gift event and its plan. */
  public record Planned(LiquidityEvent event, GiftPlan plan) {}

  /**
   * Plans the committed gifts of {@code h} dated from {@code asOf} through {@code until}, leaving
   * out the lots {@code permissions} forbids to sell; a gift whose value in kind would be less than
   * {@code minInKind} is planned all in cash; {@code explanation} gets one line per appreciated lot
   * the selector would have given but compliance blocks.
   */
  public static List<Planned> plan(
      Household h,
      MarketData m,
      LocalDate asOf,
      LocalDate until,
      Money minInKind,
      TradePermissions permissions,
      List<String> explanation) {
    List<LiquidityEvent> gifts = gifts(h, asOf, until);
    if (gifts.isEmpty()) {
      return List.of();
    }
    List<TaxLot> allowed = new ArrayList<>();
    for (TaxLot lot : h.lots()) {
      if (permissions.maySell(lot.account(), lot.security()) && permissions.maySellLot(lot.id())) {
        allowed.add(lot);
      }
    }
    Household free = h.withLots(allowed);
    List<Planned> out = new ArrayList<>();
    for (LiquidityEvent gift : gifts) {
      if (allowed.size() < h.lots().size()) {
        GiftPlan unrestricted = GiftSelector.standard().plan(h, m, gift.date(), gift.amount());
        for (RealizedLot r : unrestricted.lots()) {
          if (!permissions.maySell(r.account(), r.security()) || !permissions.maySellLot(r.lot())) {
            explanation.add(
                "gift "
                    + gift.id()
                    + ": lot "
                    + r.lot()
                    + " of "
                    + r.security()
                    + " in "
                    + r.account()
                    + " not given: a restriction forbids it to leave the "
                    + "account");
          }
        }
      }
      GiftPlan plan = GiftSelector.standard().plan(free, m, gift.date(), gift.amount());
      if (plan.valueInKind().compareTo(minInKind) < 0) {
        // too little to be worth a transfer (e.g. a cent left by fractional rounding): all cash
        plan =
            new GiftPlan(
                gift.amount(),
                ImmutableList.of(),
                gift.amount(),
                Money.zero(gift.amount().currency()),
                Money.zero(gift.amount().currency()));
      }
      out.add(new Planned(gift, plan));
      free = free.withLots(remaining(free.lots(), plan));
    }
    return out;
  }

  /** Returns the committed gifts of {@code h} dated from {@code asOf} through {@code until}. */
  public static List<LiquidityEvent> gifts(Household h, LocalDate asOf, LocalDate until) {
    List<LiquidityEvent> gifts = new ArrayList<>();
    for (LiquidityEvent e : h.liquidityEvents()) {
      if (e.kind() == LiquidityKind.GIFT
          && e.firmness() == Firmness.COMMITTED
          && !e.date().isBefore(asOf)
          && !e.date().isAfter(until)) {
        gifts.add(e);
      }
    }
    gifts.sort(Comparator.comparing(LiquidityEvent::date).thenComparing(LiquidityEvent::id));
    return gifts;
  }

  /**
   * Returns the gift trades of {@code planned}, and adds one explanation line per gift: the lots
   * given, the value in kind, the gain avoided and the cash part reserved.
   */
  public static ImmutableList<Trade> trades(
      MarketData m, List<Planned> planned, List<String> explanation) {
    ImmutableList.Builder<Trade> out = ImmutableList.builder();
    for (Planned p : planned) {
      GiftPlan plan = p.plan();
      if (plan.lots().isEmpty()) {
        explanation.add(
            "gift "
                + p.event().id()
                + " of "
                + plan.amount()
                + " due "
                + p.event().date()
                + ": nothing to give in kind; "
                + plan.cash()
                + " in cash, reserved");
        continue;
      }
      Map<String, List<RealizedLot>> byPosition = new LinkedHashMap<>();
      for (RealizedLot r : plan.lots()) {
        byPosition.computeIfAbsent(r.account() + "|" + r.security(), k -> new ArrayList<>()).add(r);
      }
      List<String> lots = new ArrayList<>();
      for (List<RealizedLot> group : byPosition.values()) {
        AccountId account = group.get(0).account();
        SecurityId security = group.get(0).security();
        Quantity q = Quantity.ZERO;
        Trade.Builder t =
            Trade.builder()
                .account(account)
                .security(security)
                .side(Side.GIFT)
                .estimatedPrice(m.prices().lookup(security).perUnit())
                .addReasonCodes(REASON, EVENT_PREFIX + p.event().id().value());
        for (RealizedLot r : group) {
          t.addLots(new LotPick(r.lot(), r.quantity()));
          q = q.plus(r.quantity());
          lots.add(
              r.lot()
                  + " ("
                  + r.quantity()
                  + " "
                  + security
                  + " worth "
                  + r.proceeds()
                  + ", gain "
                  + r.gain()
                  + ")");
        }
        Trade trade = t.quantity(q).build();
        if (trade.estimatedValue().isPositive()) {
          // a sliver of a fractional share worth less than a cent is not transferred
          out.add(trade);
        }
      }
      explanation.add(
          "gift "
              + p.event().id()
              + " of "
              + plan.amount()
              + " due "
              + p.event().date()
              + ": "
              + plan.valueInKind()
              + " in kind from "
              + lots
              + "; gain avoided "
              + plan.gainAvoided()
              + " (tax "
              + plan.taxAvoided()
              + "); "
              + plan.cash()
              + " in cash, reserved");
    }
    return out.build();
  }

  /** Returns the event id a gift trade gives for, from its reason codes. */
  public static Optional<String> eventOf(Trade t) {
    for (String code : t.reasonCodes()) {
      if (code.startsWith(EVENT_PREFIX)) {
        return Optional.of(code.substring(EVENT_PREFIX.length()));
      }
    }
    return Optional.empty();
  }

  private static List<TaxLot> remaining(List<TaxLot> lots, GiftPlan plan) {
    Map<LotId, Quantity> given = new LinkedHashMap<>();
    plan.lots().forEach(r -> given.merge(r.lot(), r.quantity(), Quantity::plus));
    List<TaxLot> out = new ArrayList<>();
    for (TaxLot lot : lots) {
      Quantity q = given.get(lot.id());
      if (q == null) {
        out.add(lot);
      } else {
        LotSplit.of(lot, q).kept().ifPresent(out::add);
      }
    }
    return out;
  }
}
