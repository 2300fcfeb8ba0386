package dev.rebal.optimizer;

import dev.rebal.core.money.Money;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-checks every hard constraint of a rounded proposal against the problem in exact arithmetic,
 * sharing no code with the optimizer (it reads only the public input and output types): no shorts,
 * eligibility, wash-sale blocks, no offsetting trades, no account cash below zero, a cash floor met
 * before still met after, a cap never breached or worsened, the household sale limits; and the gain
 * budget, the short-term cap and the turnover cap where nothing outranks them (no committed need
 * and no account below its floor before trading).
 */
final class IndependentChecker {
  private IndependentChecker() {}

  /** Returns one message per violated constraint; empty if the proposal is valid. */
  static List<String> violations(HouseholdProblem p, List<ProposedTrade> trades) {
    List<String> out = new ArrayList<>();
    Map<String, ProblemAccount> acc = new HashMap<>();
    Map<String, BigDecimal> cash = new HashMap<>();
    for (ProblemAccount a : p.accounts()) {
      acc.put(a.id().value(), a);
      cash.put(a.id().value(), a.cash().amount());
    }
    Map<String, ProblemSecurity> sec = new HashMap<>();
    for (ProblemSecurity s : p.securities()) {
      sec.put(s.id().value(), s);
    }
    Map<String, ProblemPosition> pos = new HashMap<>();
    Map<String, BigDecimal> value = new HashMap<>();
    for (ProblemPosition q : p.positions()) {
      pos.put(q.account().value() + "/" + q.security().value(), q);
      value.merge(
          q.security().value(),
          q.held().value().multiply(sec.get(q.security().value()).price().amount()),
          BigDecimal::add);
    }
    Set<String> bought = new HashSet<>();
    Set<String> sold = new HashSet<>();
    BigDecimal gain = BigDecimal.ZERO;
    BigDecimal shortGain = BigDecimal.ZERO;
    BigDecimal turnover = BigDecimal.ZERO;
    Set<String> seen = new HashSet<>();
    for (ProposedTrade t : trades) {
      String key = t.account().value() + "/" + t.security().value();
      ProblemAccount a = acc.get(t.account().value());
      ProblemSecurity s = sec.get(t.security().value());
      ProblemPosition q = pos.get(key);
      if (a == null || s == null || q == null) {
        out.add(key + ": unknown account, security or position");
        continue;
      }
      if (!seen.add(key + "/" + t.side())) {
        out.add(key + ": more than one " + t.side());
      }
      BigDecimal qty = t.quantity().value();
      BigDecimal amount = qty.multiply(s.price().amount());
      if (qty.signum() <= 0) {
        out.add(key + ": quantity not positive " + qty);
      }
      if (!a.fractional() && qty.stripTrailingZeros().scale() > 0) {
        out.add(key + ": fractional quantity in a whole-share account " + qty);
      }
      if (!a.tradable()) {
        out.add(key + ": trade in a non-tradable account");
      }
      if (!t.amount().equals(Money.ofComputed(Money.USD, amount))) {
        out.add(key + ": amount " + t.amount() + " is not quantity times price");
      }
      BigDecimal needs = BigDecimal.ZERO;
      for (CashReserve r : p.cashReserves()) {
        if (r.account().equals(a.id())) {
          needs = needs.add(r.amount().amount());
        }
      }
      boolean deficit = a.cash().amount().compareTo(a.cashFloor().amount().add(needs)) < 0;
      turnover = turnover.add(amount);
      // a trade settles its value in cents
      BigDecimal settled = t.amount().amount();
      if (t.side() == Side.BUY) {
        bought.add(s.washSaleGroup());
        cash.merge(a.id().value(), settled.negate(), BigDecimal::add);
        value.merge(s.id().value(), amount, BigDecimal::add);
        if (!q.buyEligible()) {
          out.add(key + ": buy of an ineligible security");
        }
        if (amount.compareTo(q.maxBuy().amount()) > 0) {
          out.add(key + ": buy " + amount + " above max " + q.maxBuy());
        }
        if (p.buyBlockedGroups().contains(s.washSaleGroup())) {
          out.add(key + ": buy in a wash-sale blocked group");
        }
        if (p.mode() == RebalanceMode.CASH_ONLY && deficit) {
          out.add(key + ": cash-only buy in an account below its floor");
        }
      } else {
        sold.add(s.washSaleGroup());
        cash.merge(a.id().value(), settled, BigDecimal::add);
        value.merge(s.id().value(), amount.negate(), BigDecimal::add);
        if (!q.sellEligible()) {
          out.add(key + ": sale of an ineligible security");
        }
        if (qty.compareTo(q.held().value()) > 0) {
          out.add(key + ": short sale " + qty + " > held " + q.held());
        }
        if (p.mode() == RebalanceMode.CASH_ONLY && !deficit) {
          out.add(key + ": cash-only sale in an account not below its floor");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = 0; k < t.segmentQuantities().size(); k++) {
          BigDecimal sq = t.segmentQuantities().get(k).value();
          SellSegment seg = q.segments().get(k);
          sum = sum.add(sq);
          if (sq.compareTo(seg.quantity().value()) > 0) {
            out.add(key + ": segment " + k + " oversold");
          }
          if (sq.signum() > 0
              && seg.gainPerDollar().signum() < 0
              && p.lossSaleBlockedGroups().contains(s.washSaleGroup())) {
            out.add(key + ": loss sale in a wash-sale blocked group");
          }
          BigDecimal g = seg.gainPerDollar().multiply(sq).multiply(s.price().amount());
          gain = gain.add(g);
          if (seg.term() == Term.SHORT) {
            shortGain = shortGain.add(g);
          }
        }
        if (sum.compareTo(qty) != 0) {
          out.add(key + ": segment quantities " + sum + " do not add up to " + qty);
        }
      }
    }
    for (String g : bought) {
      if (sold.contains(g)) {
        out.add("offsetting trades in wash-sale group " + g);
      }
    }
    boolean floorsMet = p.cashReserves().isEmpty();
    for (ProblemAccount a : p.accounts()) {
      BigDecimal after = cash.get(a.id().value());
      BigDecimal before = a.cash().amount();
      floorsMet &= !a.tradable() || before.compareTo(a.cashFloor().amount()) >= 0;
      if (a.tradable() && after.compareTo(a.cashFloor().amount().min(before)) < 0) {
        out.add(
            "cash of "
                + a.id()
                + " "
                + after
                + " below floor "
                + a.cashFloor()
                + " (and below the "
                + before
                + " it had)");
      }
    }
    for (HoldingCap c : p.holdingCaps()) {
      BigDecimal v = value.getOrDefault(c.security().value(), BigDecimal.ZERO);
      BigDecimal before = BigDecimal.ZERO;
      for (ProblemPosition q : p.positions()) {
        if (q.security().equals(c.security())) {
          before =
              before.add(q.held().value().multiply(sec.get(c.security().value()).price().amount()));
        }
      }
      if (v.compareTo(c.maxValue().amount().max(before)) > 0) {
        out.add(
            "holding of "
                + c.security()
                + " "
                + v
                + " above cap "
                + c.maxValue()
                + " and above the "
                + before
                + " held before");
      }
    }
    for (SaleLimit l : p.saleLimits()) {
      BigDecimal shares = BigDecimal.ZERO;
      for (ProposedTrade t : trades) {
        if (t.side() == Side.SELL && l.securities().contains(t.security())) {
          shares = shares.add(t.quantity().value());
        }
      }
      if (shares.compareTo(l.maxQuantity().value()) > 0) {
        out.add("sale limit " + l.id() + ": " + shares + " shares above " + l.maxQuantity());
      }
    }
    if (!floorsMet) {
      return out; // a need or a floor outranks the budgets and the turnover cap
    }
    final BigDecimal g = gain;
    final BigDecimal sg = shortGain;
    final BigDecimal to = turnover;
    p.gainBudget()
        .filter(b -> g.compareTo(b.amount()) > 0)
        .ifPresent(b -> out.add("gain " + g + " above budget " + b));
    p.shortTermGainCap()
        .filter(b -> sg.compareTo(b.amount()) > 0)
        .ifPresent(b -> out.add("short-term gain " + sg + " above cap " + b));
    p.turnoverCap()
        .filter(b -> to.compareTo(b.amount()) > 0)
        .ifPresent(b -> out.add("turnover " + to + " above cap " + b));
    return out;
  }
}
