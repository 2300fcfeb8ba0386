package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.LocationPenalty;
import dev.rebal.compliance.PositionConstraints;
import dev.rebal.compliance.Provenance;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.rule.ConstraintAdjustment;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.target.ClassTarget;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.optimizer.ClassGoal;
import dev.rebal.optimizer.HoldingCap;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.ObjectiveWeights;
import dev.rebal.optimizer.ProblemAccount;
import dev.rebal.optimizer.ProblemPosition;
import dev.rebal.optimizer.ProblemSecurity;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SellSegment;
import dev.rebal.optimizer.Term;
import dev.rebal.tax.cost.TaxCostCurve;
import dev.rebal.tax.cost.TaxCostModel;
import dev.rebal.tax.cost.TaxCostSegment;
import dev.rebal.tax.gains.GainBudget;
import dev.rebal.tax.washsale.TaxConstraints;
import dev.rebal.tax.washsale.WashSaleAnalyzer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Joins the compliance constraints, the tax module's wash-sale sets and tax-cost curves, and the
 * constraint rules' adjustments into the optimizer's {@link HouseholdProblem}.
 *
 * <ul>
 *   <li>Every account is in the problem, held-away and frozen ones as non-tradable. A tradable
 *       account's floor is its cash floor plus cash raised by rules (liquidity reserves).
 *   <li>A position's sellable lots are the tax-cost curve's segments (tax-optimal relief order,
 *       lot preferences excluded) minus lots compliance blocks and loss lots the wash-sale rule
 *       blocks, truncated to compliance's sell limit (Rule 144). The rest of the position is placed
 *       in a non-tradable twin account {@code <account>~locked}, so it still counts toward class
 *       values but is never sold.
 *   <li>Buys are offered only in the model's first eligible security of each targeted class per
 *       account (compliance may buy, no wash-sale buy block, no rule forbids it).
 *   <li>Account cash is not an asset class for the optimizer: the target's {@code CASH} weight is
 *       simply not invested, because the other classes' targets are shares of the whole value.
 *   <li>Compliance concentration caps become per-security holding caps in dollars.
 * </ul>
 *
 * <p>Parameters: {@code optimizer.drift-weight} (1), {@code optimizer.transaction-cost-bps} (5),
 * {@code optimizer.turnover-penalty} (0.0001), {@code optimizer.tax-weight} (1).
 */
public final class ProblemBuilder {
  private static final String LOCKED = "~locked";

  private ProblemBuilder() {}

  /** Builds the problem. */
  public static ProblemBuild build(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      Assessment assessment, TradeConstraints tc, List<ConstraintAdjustment> adjustments,
      RebalanceMode mode) {
    List<String> notes = new ArrayList<>();
    Set<SecurityId> forbidBuy = new TreeSet<>();
    Set<SecurityId> forbidSell = new TreeSet<>();
    Map<AccountId, Money> raise = new TreeMap<>();
    for (ConstraintAdjustment a : adjustments) {
      if (a instanceof ConstraintAdjustment.ForbidBuy fb) {
        forbidBuy.add(fb.security());
      } else if (a instanceof ConstraintAdjustment.ForbidSell fs) {
        forbidSell.add(fs.security());
      } else if (a instanceof ConstraintAdjustment.RaiseCash rc) {
        raise.merge(rc.account(), rc.amount(), Money::plus);
      }
      notes.add("rule: " + a.reason());
    }
    TaxConstraints taxc = WashSaleAnalyzer.standard().constraints(h, m, asOf, List.of());
    if (!taxc.isCoverageComplete()) {
      notes.add("wash-sale: coverage incomplete for an external account; recent trades there are "
          + "unknown");
    }
    Map<String, TaxCostCurve> curves = new TreeMap<>();
    for (TaxCostCurve c : TaxCostModel.standard().curves(h, m, asOf)) {
      curves.put(ProblemBuild.key(c.account(), c.security()), c);
    }

    HouseholdProblem.Builder p = HouseholdProblem.builder();
    Set<SecurityId> securities = new TreeSet<>();
    Map<String, ImmutableList<LotId>> segmentLots = new TreeMap<>();
    Map<AccountId, Boolean> tradable = new TreeMap<>();
    for (Account a : h.accounts()) {
      boolean mayTrade = a.tradable() && !a.heldAway()
          && tc.findAccount(a.id()).map(x -> x.mayTrade()).orElse(false);
      tradable.put(a.id(), mayTrade);
      tc.findAccount(a.id()).ifPresent(x -> x.blocks().forEach(b -> notes.add("account "
          + a.id() + ": no trades (" + describe(b) + ")")));
      Money floor = a.cashFloor().plus(raise.getOrDefault(a.id(), Money.ZERO_USD));
      p.addAccount(new ProblemAccount(a.id(), a.cash(), mayTrade ? floor : Money.ZERO_USD, mayTrade,
          a.fractionalShares()));
    }

    // buys: the model's first eligible security per targeted class and tradable account
    Money total = assessment.valuation().total();
    Money bigBuy = total.plus(total).max(Money.usd("1"));
    Map<String, Money> buys = new TreeMap<>();
    for (AssetClass c : assessment.plan().target().classes().keySet()) {
      if (c.equals(HouseholdValuation.CASH)) {
        continue;
      }
      List<SecurityId> candidates = h.model().securities().getOrDefault(c, ImmutableList.of());
      for (Account a : h.accounts()) {
        if (!tradable.get(a.id())) {
          continue;
        }
        Optional<SecurityId> chosen = firstBuyable(candidates, a.id(), m, tc, taxc, forbidBuy);
        if (chosen.isEmpty()) {
          notes.add("class " + c + " in " + a.id() + ": no model security may be bought");
          continue;
        }
        PositionConstraints pc = tc.lookupPosition(a.id(), chosen.get());
        buys.put(ProblemBuild.key(a.id(), chosen.get()),
            pc.maxBuyValue().map(v -> v.limit().max(Money.ZERO_USD)).orElse(bigBuy));
        securities.add(chosen.get());
      }
    }

    // holdings: each (account, security) with its lots
    Map<String, List<TaxLot>> lotsByPosition = new TreeMap<>();
    for (TaxLot lot : h.lots()) {
      lotsByPosition.computeIfAbsent(ProblemBuild.key(lot.account(), lot.security()),
          k -> new ArrayList<>()).add(lot);
    }
    Map<String, Quantity> lockedQuantities = new TreeMap<>();
    Set<AccountId> lockedAccounts = new TreeSet<>();
    for (Map.Entry<String, List<TaxLot>> e : lotsByPosition.entrySet()) {
      TaxLot first = e.getValue().get(0);
      AccountId account = first.account();
      SecurityId security = first.security();
      securities.add(security);
      Quantity held = Quantity.ZERO;
      for (TaxLot lot : e.getValue()) {
        held = held.plus(lot.quantity());
      }
      if (!tradable.getOrDefault(account, false)) {
        p.addPosition(new ProblemPosition(account, security, held, false, Money.ZERO_USD, false,
            BigDecimal.ZERO, List.of(lockedSegment(held))));
        continue;
      }
      PositionConstraints pc = tc.lookupPosition(account, security);
      boolean sellEligible = pc.maySell() && !forbidSell.contains(security);
      pc.sellBlocks().forEach(b -> notes.add(security + " in " + account + ": no sale ("
          + describe(b) + ")"));
      Quantity sellLimit = pc.maxSellQuantity().limit();
      if (sellLimit.compareTo(held) < 0 && sellEligible) {
        notes.add(security + " in " + account + ": sale limited to " + sellLimit + " ("
            + describe(pc.maxSellQuantity().provenance()) + ")");
      }
      List<SellSegment> segments = new ArrayList<>();
      ImmutableList.Builder<LotId> lots = ImmutableList.builder();
      Quantity sellable = Quantity.ZERO;
      TaxCostCurve curve = curves.get(e.getKey());
      for (TaxCostSegment s : curve == null ? List.<TaxCostSegment>of() : curve.segments()) {
        boolean lotBlocked = tc.findLot(s.lot()).map(l -> !l.maySell()).orElse(false);
        boolean washBlocked = s.gainPerDollar().signum() < 0 && !taxc.maySellAtLoss(s.lot());
        if (lotBlocked || washBlocked) {
          if (washBlocked) {
            notes.add("lot " + s.lot() + ": no loss sale (wash-sale window)");
          }
          continue;
        }
        Quantity q = s.quantity().min(sellLimit.minus(sellable));
        if (!q.isPositive()) {
          break;
        }
        segments.add(new SellSegment(q, s.gainPerDollar().min(BigDecimal.ONE), term(s),
            s.rate().value()));
        lots.add(s.lot());
        sellable = sellable.plus(q);
      }
      Quantity locked = held.minus(sellable);
      if (locked.isPositive()) {
        AccountId twin = AccountId.of(account.value() + LOCKED);
        lockedAccounts.add(twin);
        lockedQuantities.put(ProblemBuild.key(twin, security), locked);
      }
      segmentLots.put(e.getKey(), lots.build());
      Money maxBuy = buys.remove(e.getKey());
      p.addPosition(new ProblemPosition(account, security, sellable, maxBuy != null,
          maxBuy == null ? Money.ZERO_USD : maxBuy, sellEligible && sellable.isPositive(),
          penalty(tc, account, security), segments));
    }
    buys.forEach((key, maxBuy) -> {
      String[] parts = key.split("\\|", 2);
      AccountId a = AccountId.of(parts[0]);
      SecurityId s = SecurityId.of(parts[1]);
      p.addPosition(new ProblemPosition(a, s, Quantity.ZERO, true, maxBuy, false,
          penalty(tc, a, s), List.of()));
    });
    for (AccountId twin : lockedAccounts) {
      p.addAccount(new ProblemAccount(twin, Money.ZERO_USD, Money.ZERO_USD, false, true));
    }
    lockedQuantities.forEach((key, q) -> {
      String[] parts = key.split("\\|", 2);
      p.addPosition(new ProblemPosition(AccountId.of(parts[0]), SecurityId.of(parts[1]), q, false,
          Money.ZERO_USD, false, BigDecimal.ZERO, List.of(lockedSegment(q))));
    });

    for (SecurityId s : securities) {
      Security sec = m.lookupSecurity(s);
      p.addSecurity(new ProblemSecurity(s, m.prices().lookup(s).perUnit(), sec.assetClass(),
          sec.washSaleGroup()));
    }
    BigDecimal driftWeight = Params.decimal(rs, "optimizer.drift-weight", "1");
    Set<AssetClass> targeted = new TreeSet<>();
    assessment.plan().target().classes().forEach((c, t) -> {
      if (!c.equals(HouseholdValuation.CASH)) {
        p.addClassGoal(new ClassGoal(c, t, driftWeight));
        targeted.add(c);
      }
    });
    for (SecurityId s : securities) {
      AssetClass c = m.lookupSecurity(s).assetClass();
      if (!c.equals(HouseholdValuation.CASH) && targeted.add(c)) {
        p.addClassGoal(new ClassGoal(c, new ClassTarget(dev.rebal.core.money.Weight.ZERO,
            dev.rebal.core.money.Weight.ZERO, dev.rebal.core.money.Weight.ZERO), driftWeight));
      }
    }
    for (ConcentrationLimit cap : tc.caps()) {
      for (SecurityId s : cap.securities()) {
        if (securities.contains(s)) {
          Money others = cap.currentValue().minus(assessment.valuation().positionValues().values()
              .stream().map(pv -> pv.getOrDefault(s, Money.ZERO_USD))
              .reduce(Money.ZERO_USD, Money::plus));
          p.addHoldingCap(new HoldingCap(s, cap.maxValue().minus(others).max(Money.ZERO_USD)));
          notes.add(s + ": holding capped at " + cap.maxValue() + " (" + describe(cap.provenance())
              + ")");
        }
      }
    }
    GainBudget budget = GainBudget.of(h.taxProfile());
    budget.remaining().ifPresent(b -> p.gainBudget(b.max(Money.ZERO_USD)));
    budget.remainingShortTerm().ifPresent(b -> p.shortTermGainCap(b.max(Money.ZERO_USD)));
    rs.find("optimizer.turnover-cap").ifPresent(x -> p.turnoverCap(total.multipliedBy(
        new BigDecimal(x))));
    p.minTradeSize(tc.parameters().minTradeValue());
    p.mode(mode);
    p.weights(new ObjectiveWeights(Params.decimal(rs, "optimizer.transaction-cost-bps", "5"),
        Params.decimal(rs, "optimizer.turnover-penalty", "0.0001"),
        Params.decimal(rs, "optimizer.tax-weight", "1")));
    return new ProblemBuild(p.build(), ImmutableMap.copyOf(segmentLots),
        ImmutableList.copyOf(new TreeSet<>(notes)));
  }

  private static Optional<SecurityId> firstBuyable(List<SecurityId> candidates, AccountId account,
      MarketData m, TradeConstraints tc, TaxConstraints taxc, Set<SecurityId> forbidBuy) {
    for (SecurityId s : candidates) {
      Optional<Security> sec = m.findSecurity(s);
      Optional<PositionConstraints> pc = tc.findPosition(account, s);
      if (sec.isPresent() && m.prices().find(s).isPresent() && pc.isPresent() && pc.get().mayBuy()
          && !forbidBuy.contains(s) && taxc.mayBuy(account, sec.get().washSaleGroup())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private static SellSegment lockedSegment(Quantity q) {
    return new SellSegment(q, BigDecimal.ZERO, Term.LONG, BigDecimal.ZERO);
  }

  private static Term term(TaxCostSegment s) {
    return s.term() == dev.rebal.tax.Term.SHORT ? Term.SHORT : Term.LONG;
  }

  private static BigDecimal penalty(TradeConstraints tc, AccountId account, SecurityId security) {
    BigDecimal bps = BigDecimal.ZERO;
    for (LocationPenalty lp : tc.penalties()) {
      if (lp.account().equals(account) && lp.security().equals(security)) {
        bps = bps.add(lp.penaltyBps());
      }
    }
    return bps.movePointLeft(4);
  }

  static String describe(Provenance p) {
    return p.id() + " " + p.kind() + ": " + p.source();
  }
}
