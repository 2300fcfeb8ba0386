package dev.rebal.examples.backtest;

import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.ProposalExecutor;
import dev.rebal.engine.Rebalancer;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.Term;
import dev.rebal.tax.gains.TaxCalculator;
import dev.rebal.tax.gains.TaxYearSummary;
import dev.rebal.tax.lots.LotSplit;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs one household under one policy through every step of a {@link MarketModel}.
 *
 * <p>Each monthly step, in order: reprice (the new step's market data), close the tax year in
 * January (netting, the $3,000 ordinary-income offset and carryforwards by the tax module's {@link
 * TaxCalculator}) and pay that tax, or receive the offset's saving, at the April step, from the
 * managed taxable accounts' cash; pay the monthly contribution; pay out the needs and receive the
 * inflows that fell due (a need not covered by cash is a goal shortfall, and the cash is raised by a
 * forced FIFO sale); update the household's goals and announced events (engine only); rebalance with
 * the policy's {@link Rebalancer} and apply the proposal with {@link ProposalExecutor} (review
 * items are assumed approved and executed on the same day); record the step.
 *
 * <p>Wealth is the managed wealth: cash and positions of tradable, not held-away accounts, summed
 * exactly (quantity times price, unrounded). The simulation checks its own books every step:
 * the wealth before trading equals last step's wealth plus the market move on the held quantities,
 * and trading changes wealth only by the cent-rounding of the trades. A broken identity, an engine
 * exception or a household put on hold is recorded with the household index and step, not hidden.
 */
final class HouseholdSimulation {
  private static final MathContext MC = MathContext.DECIMAL128;
  private static final GoalPlanner PLANNER = GoalPlanner.withDiscountRate(new BigDecimal("0.04"));

  private final int index;
  private final Policy policy;
  private final Rebalancer rebalancer;
  private final MarketModel market;
  private final HouseholdScript script;
  private final TargetAllocation staticTarget;
  private final HouseholdOutcome.Builder out;

  private Household h;
  private Money pendingTax = Money.ZERO_USD;
  /** Income tax on this year's withdrawals from tax-deferred accounts, due with the year's tax. */
  private Money ordinaryTax = Money.ZERO_USD;
  private int taxYear;
  private int forcedSales;
  private final List<Boolean> processed = new ArrayList<>();

  HouseholdSimulation(int index, Policy policy, Rebalancer rebalancer, MarketModel market,
      Household generated, HouseholdScript script) {
    this.index = index;
    this.policy = policy;
    this.rebalancer = rebalancer;
    this.market = market;
    this.script = script;
    this.staticTarget = generated.target();
    this.h = policy.adapt(generated);
    this.out = new HouseholdOutcome.Builder(index, policy, market.steps());
    script.events().forEach(e -> processed.add(false));
  }

  /** Returns whether {@code a} is managed: tradable and not held away. */
  static boolean managed(Account a) {
    return a.tradable() && !a.heldAway();
  }

  /** Returns the managed wealth of {@code h} at the prices of {@code m}, exact and unrounded. */
  static BigDecimal wealth(Household h, MarketData m) {
    BigDecimal w = BigDecimal.ZERO;
    java.util.Set<AccountId> ids = new java.util.HashSet<>();
    for (Account a : h.accounts()) {
      if (managed(a)) {
        w = w.add(a.cash().amount());
        ids.add(a.id());
      }
    }
    for (TaxLot l : h.lots()) {
      if (ids.contains(l.account())) {
        w = w.add(l.quantity().value().multiply(m.prices().lookup(l.security()).perUnit().amount()));
      }
    }
    return w;
  }

  private static boolean isManaged(Household h, AccountId id) {
    return h.findAccount(id).map(HouseholdSimulation::managed).orElse(false);
  }

  HouseholdOutcome run() {
    int steps = market.steps();
    taxYear = market.date(0).getYear();
    BigDecimal previous = null;
    double[] ownActive = null;
    double[] staticActive = null;
    for (int t = 0; t < steps; t++) {
      LocalDate d = market.date(t);
      MarketData m = market.market(t);
      out.path(market.fingerprint(t));
      forcedSales = 0;
      if (t > 0) {
        BigDecimal move = BigDecimal.ZERO;
        MarketData before = market.market(t - 1);
        for (TaxLot l : h.lots()) {
          if (isManaged(h, l.account())) {
            move = move.add(l.quantity().value().multiply(m.prices().lookup(l.security()).perUnit()
                .amount().subtract(before.prices().lookup(l.security()).perUnit().amount())));
          }
        }
        BigDecimal now = wealth(h, m);
        out.identity(now.subtract(previous.add(move)).abs());
        out.active(t, ownActive, staticActive, market);
      } else {
        out.start(wealth(h, m), afterLiquidation(m, d));
      }
      BigDecimal flow = BigDecimal.ZERO;
      if (d.getYear() > taxYear) {
        closeTaxYear();
        taxYear = d.getYear();
      }
      if (d.getMonthValue() == 4 && !pendingTax.isZero()) {
        settleTax(m, d);
      }
      if (t > 0 && script.contributionAccount().isPresent()
          && script.monthlyContribution().isPositive()) {
        deposit(script.contributionAccount().get(), script.monthlyContribution());
        flow = flow.add(script.monthlyContribution().amount());
      }
      for (int i = 0; i < script.events().size(); i++) {
        LiquidityEvent e = script.events().get(i).event();
        if (processed.get(i) || e.date().isAfter(d)) {
          continue;
        }
        processed.set(i, true);
        if (e.kind() == LiquidityKind.INFLOW) {
          deposit(e.account().filter(a -> isManaged(h, a)).orElse(script.contributionAccount()
              .orElse(firstManaged())), e.amount());
          flow = flow.add(e.amount().amount());
        } else {
          Money paid = payOut(m, d, e.amount(), e.account(), e.kind());
          flow = flow.subtract(paid.amount());
        }
      }
      updatePlan(d);
      h = h.withTransactions(recent(h.transactions(), d));
      BigDecimal beforeTrades = wealth(h, m);
      rebalance(t, m, d);
      BigDecimal after = wealth(h, m);
      out.tradeResidual(after.subtract(beforeTrades).abs());
      out.step(t, after, flow);
      previous = after;
      HouseholdValuation valuation = HouseholdValuation.of(h, m);
      TargetAllocation own = policy.goalAware() ? PLANNER.plan(h, valuation, d).target()
          : h.target();
      ownActive = active(valuation, own);
      staticActive = active(valuation, staticTarget);
    }
    int last = steps - 1;
    MarketData m = market.market(last);
    BigDecimal w = wealth(h, m);
    Money accrued = TaxCalculator.standard().summarize(h.taxProfile(), Money.ZERO_USD,
        Money.ZERO_USD).tax();
    out.end(w.subtract(pendingTax.amount()).subtract(accrued.amount())
        .subtract(ordinaryTax.amount()), afterLiquidation(m, market.date(last)),
        pendingTax.plus(accrued).plus(ordinaryTax));
    return out.build();
  }

  /** Managed wealth less every tax due if everything were sold today (see the class doc). */
  private BigDecimal afterLiquidation(MarketData m, LocalDate d) {
    Money st = Money.ZERO_USD;
    Money lt = Money.ZERO_USD;
    BigDecimal deferred = BigDecimal.ZERO;
    for (TaxLot l : h.lots()) {
      Account a = h.findAccount(l.account()).orElseThrow();
      if (!managed(a)) {
        continue;
      }
      Money value = m.prices().lookup(l.security()).perUnit().times(l.quantity());
      if (a.treatment() == TaxTreatment.TAXABLE) {
        Money gain = value.minus(l.costBasis());
        if (HoldingPeriod.termOf(l, d) == Term.SHORT) {
          st = st.plus(gain);
        } else {
          lt = lt.plus(gain);
        }
      } else if (a.treatment() == TaxTreatment.TAX_DEFERRED) {
        deferred = deferred.add(value.amount());
      }
    }
    for (Account a : h.accounts()) {
      if (managed(a) && a.treatment() == TaxTreatment.TAX_DEFERRED) {
        deferred = deferred.add(a.cash().amount());
      }
    }
    TaxProfile p = h.taxProfile();
    BigDecimal ordinary = p.shortTermRate().value().add(p.stateRate().value());
    Money capital = TaxCalculator.standard().summarize(p, st, lt).tax();
    return wealth(h, m).subtract(pendingTax.amount()).subtract(ordinaryTax.amount())
        .subtract(capital.amount())
        .subtract(deferred.multiply(ordinary, MC));
  }

  private void closeTaxYear() {
    TaxProfile p = h.taxProfile();
    TaxYearSummary s = TaxCalculator.standard().summarize(p, Money.ZERO_USD, Money.ZERO_USD);
    pendingTax = pendingTax.plus(s.tax()).plus(ordinaryTax);
    ordinaryTax = Money.ZERO_USD;
    out.deducted(s.deductedLoss());
    replaceProfile(Households.withGains(p, Money.ZERO_USD, Money.ZERO_USD,
        s.shortTermCarryforward(), s.longTermCarryforward(), true));
  }

  private void settleTax(MarketData m, LocalDate d) {
    Money due = pendingTax;
    pendingTax = Money.ZERO_USD;
    if (due.isPositive()) {
      payOut(m, d, due, Optional.empty(), null);
      out.taxPaid(due);
    } else {
      deposit(firstTaxableOr(), due.negated());
      out.taxSaved(due.negated());
    }
  }

  private AccountId firstTaxableOr() {
    for (Account a : h.accounts()) {
      if (managed(a) && a.treatment() == TaxTreatment.TAXABLE) {
        return a.id();
      }
    }
    return firstManaged();
  }

  private AccountId firstManaged() {
    for (Account a : h.accounts()) {
      if (managed(a)) {
        return a.id();
      }
    }
    return h.accounts().get(0).id();
  }

  private void deposit(AccountId id, Money amount) {
    List<Account> accounts = new ArrayList<>();
    for (Account a : h.accounts()) {
      accounts.add(a.id().equals(id) ? a.withCash(a.cash().plus(amount)) : a);
    }
    h = h.withAccounts(accounts);
  }

  /**
   * Pays {@code amount} out of the managed accounts and returns the amount paid. Order: the event's
   * account, then taxable accounts, then tax-exempt, then tax-deferred ones (a withdrawal from those
   * adds ordinary income tax at the profile's short-term plus state rate to the tax due next April);
   * a donor-advised fund pays only gifts, and first. Cash above each account's floor is used first
   * (a need it covers was met in time); what it does not cover is raised by a forced FIFO sale,
   * and only then is cash below the floors used.
   */
  private Money payOut(MarketData m, LocalDate d, Money amount, Optional<AccountId> preferred,
      LiquidityKind kind) {
    List<AccountId> order = new ArrayList<>();
    if (kind == LiquidityKind.GIFT) {
      h.accounts().stream().filter(a -> managed(a)
          && a.type() == dev.rebal.core.household.AccountType.DONOR_ADVISED_FUND)
          .forEach(a -> order.add(a.id()));
    }
    preferred.filter(a -> isManaged(h, a)).filter(a -> !order.contains(a)).ifPresent(order::add);
    for (TaxTreatment treatment : List.of(TaxTreatment.TAXABLE, TaxTreatment.TAX_EXEMPT,
        TaxTreatment.TAX_DEFERRED)) {
      for (Account a : h.accounts()) {
        if (managed(a) && a.treatment() == treatment && !order.contains(a.id())
            && a.type() != dev.rebal.core.household.AccountType.DONOR_ADVISED_FUND) {
          order.add(a.id());
        }
      }
    }
    Money spare = Money.ZERO_USD;
    for (AccountId id : order) {
      Account a = h.findAccount(id).orElseThrow();
      spare = spare.plus(a.cash().minus(a.cashFloor()).max(Money.ZERO_USD));
    }
    if (kind != null) {
      out.need(amount, amount.minus(spare).max(Money.ZERO_USD));
    }
    if (spare.compareTo(amount) < 0) {
      forcedSale(m, d, amount.minus(spare), order);
    }
    Money left = amount;
    for (int pass = 0; pass < 2; pass++) {
      List<Account> accounts = new ArrayList<>(h.accounts());
      for (AccountId id : order) {
        for (int i = 0; i < accounts.size() && left.isPositive(); i++) {
          Account a = accounts.get(i);
          Money usable = pass == 0 ? a.cash().minus(a.cashFloor()) : a.cash();
          if (a.id().equals(id) && usable.isPositive()) {
            Money take = usable.min(left);
            accounts.set(i, a.withCash(a.cash().minus(take)));
            left = left.minus(take);
            if (a.treatment() == TaxTreatment.TAX_DEFERRED) {
              TaxProfile p = h.taxProfile();
              ordinaryTax = ordinaryTax.plus(take.multipliedBy(p.shortTermRate().value()
                  .add(p.stateRate().value())));
            }
          }
        }
      }
      h = h.withAccounts(accounts);
    }
    if (left.isPositive()) {
      out.unpaid(left);
    }
    return amount.minus(left);
  }

  /** Sells lots FIFO, account by account in {@code order}, until {@code needed} is raised. */
  private void forcedSale(MarketData m, LocalDate d, Money needed, List<AccountId> order) {
    BigDecimal left = needed.amount();
    List<Trade> trades = new ArrayList<>();
    for (AccountId id : order) {
      Account account = h.findAccount(id).orElseThrow();
      List<TaxLot> lots = new ArrayList<>();
      for (TaxLot l : h.lots()) {
        if (l.account().equals(id)) {
          lots.add(l);
        }
      }
      lots.sort(Comparator.comparing(TaxLot::acquired).thenComparing(l -> l.id().value()));
      for (TaxLot l : lots) {
        if (left.signum() <= 0) {
          break;
        }
        UnitPrice price = m.prices().lookup(l.security()).perUnit();
        BigDecimal shares = left.divide(price.amount(), Quantity.SCALE, RoundingMode.UP);
        if (!account.fractionalShares() && l.quantity().isWhole()) {
          shares = shares.setScale(0, RoundingMode.UP);
        }
        Quantity q = Quantity.ofComputed(shares).min(l.quantity());
        if (!q.isPositive()) {
          continue;
        }
        trades.add(Trade.builder().account(id).security(l.security()).side(Side.SELL).quantity(q)
            .estimatedPrice(price).addLots(new LotPick(l.id(), q))
            .addReasonCodes("sim.forced-sale").build());
        left = left.subtract(price.times(q).amount());
      }
    }
    if (trades.isEmpty()) {
      return;
    }
    Proposal p = Proposal.builder().household(h.id()).asOf(d).addAllTrades(trades).build();
    Optional<LocalDate> last = h.lastRebalanced();
    int known = h.transactions().size();
    recordGains(p, d);
    Household next = ProposalExecutor.apply(h, p);
    // the executor numbers transactions per date, as the engine's proposal later today will:
    // give the forced sale's their own ids, and keep the calendar's last rebalance
    List<Transaction> txs = new ArrayList<>(next.transactions().subList(0, known));
    for (Transaction tx : next.transactions().subList(known, next.transactions().size())) {
      Transaction.Builder b = Transaction.builder()
          .id(TransactionId.of(tx.id().value() + "-F" + (++forcedSales)))
          .account(tx.account()).security(tx.security()).side(tx.side())
          .tradeDate(tx.tradeDate()).quantity(tx.quantity()).amount(tx.amount());
      tx.realizedGain().ifPresent(b::realizedGain);
      tx.lot().ifPresent(b::lot);
      txs.add(b.build());
    }
    Households.Copy c = Households.copy(next.withTransactions(txs));
    c.lastRebalanced = last;
    h = c.build();
    Money sold = Money.ZERO_USD;
    for (Trade t : trades) {
      sold = sold.plus(t.estimatedValue());
    }
    out.forced(sold);
  }

  /** Adds the sales' gains in taxable accounts to the profile's year-to-date, by term. */
  private void recordGains(Proposal p, LocalDate d) {
    Money st = Money.ZERO_USD;
    Money lt = Money.ZERO_USD;
    Money losses = Money.ZERO_USD;
    for (Trade t : p.trades()) {
      if (t.side() != Side.SELL
          || h.findAccount(t.account()).orElseThrow().treatment() != TaxTreatment.TAXABLE) {
        continue;
      }
      Money proceedsLeft = t.estimatedValue();
      for (int i = 0; i < t.lots().size(); i++) {
        LotPick pick = t.lots().get(i);
        TaxLot lot = h.lots().stream().filter(l -> l.id().equals(pick.lot())).findFirst()
            .orElseThrow();
        Money proceeds = i == t.lots().size() - 1 ? proceedsLeft
            : t.estimatedPrice().times(pick.quantity());
        proceedsLeft = proceedsLeft.minus(proceeds);
        Money gain = proceeds.minus(LotSplit.of(lot, pick.quantity()).takenBasis());
        losses = losses.plus(gain.min(Money.ZERO_USD).negated());
        if (HoldingPeriod.termOf(lot, d) == Term.SHORT) {
          st = st.plus(gain);
        } else {
          lt = lt.plus(gain);
        }
      }
    }
    if (st.isZero() && lt.isZero()) {
      return;
    }
    out.realized(st, lt, losses);
    TaxProfile pr = h.taxProfile();
    replaceProfile(Households.withGains(pr, pr.realizedShortTermYtd().plus(st),
        pr.realizedLongTermYtd().plus(lt), pr.shortTermCarryforward(),
        pr.longTermCarryforward(), true));
  }

  private void replaceProfile(TaxProfile p) {
    Households.Copy c = Households.copy(h);
    c.taxProfile = p;
    h = c.build();
  }

  /**
   * The engine's household keeps its goals (a past emergency reserve rolls a year, other past goals
   * are dropped) and sees every event announced and not yet due. Other policies see neither.
   */
  private void updatePlan(LocalDate d) {
    if (!policy.goalAware()) {
      return;
    }
    Households.Copy c = Households.copy(h);
    List<Goal> goals = new ArrayList<>();
    for (Goal g : h.goals()) {
      if (!g.targetDate().isBefore(d)) {
        goals.add(g);
      } else if (g.kind() == GoalKind.EMERGENCY_RESERVE) {
        LocalDate next = g.targetDate();
        while (next.isBefore(d)) {
          next = next.plusYears(1);
        }
        goals.add(Goal.builder().id(g.id()).name(g.name()).kind(g.kind())
            .targetAmount(g.targetAmount()).targetDate(next).priority(g.priority())
            .addAllFundingAccounts(g.fundingAccounts()).fundingShare(g.fundingShare())
            .glidePath(g.glidePath()).build());
      }
    }
    List<LiquidityEvent> events = new ArrayList<>();
    for (int i = 0; i < script.events().size(); i++) {
      HouseholdScript.Scheduled s = script.events().get(i);
      if (!processed.get(i) && !s.announced().isAfter(d)) {
        events.add(s.event());
      }
    }
    c.goals = goals;
    c.events = events;
    h = c.build();
  }

  private void rebalance(int t, MarketData m, LocalDate d) {
    Decision decision;
    try {
      decision = rebalancer.rebalance(h, m, d);
    } catch (RuntimeException e) {
      out.problem(t, "exception " + e);
      return;
    }
    out.outcome(decision.outcome());
    decision.triggers().forEach(f -> out.trigger(f.code()));
    for (var f : decision.routing()) {
      if ((f.code().equals("review.infeasible") || f.code().equals("review.conflict"))
          && out.firstInfeasible()) {
        out.problem(t, "first infeasible decision: triggers " + decision.triggers() + "; "
            + decision.routing());
        break;
      }
    }
    if (decision.outcome() == DecisionOutcome.REVIEW) {
      decision.routing().forEach(f -> out.trigger("review:" + f.code()));
    }
    if (decision.outcome() == DecisionOutcome.ON_HOLD) {
      out.problem(t, "on hold: " + decision.problems());
      return;
    }
    Proposal p = decision.proposal();
    if (p.isEmpty()) {
      return;
    }
    if (decision.routing().stream().anyMatch(f -> f.code().equals("review.verifier"))) {
      // a proposal the independent verifier rejected is never executed, review or not
      out.vetoed();
      if (out.vetoes() <= 3) {
        out.problem(t, "verifier rejected a proposal of " + p.trades().size() + " trade(s): "
            + decision.impact().violations());
      }
      return;
    }
    Money traded = Money.ZERO_USD;
    for (Trade tr : p.trades()) {
      traded = traded.plus(tr.estimatedValue());
    }
    try {
      recordGains(p, d);
      h = ProposalExecutor.apply(h, p);
    } catch (RuntimeException e) {
      out.problem(t, "apply failed " + e);
      return;
    }
    out.traded(traded, decision.outcome() == DecisionOutcome.REVIEW,
        decision.impact().harvestedLoss());
  }

  private static List<Transaction> recent(List<Transaction> txs, LocalDate d) {
    LocalDate cutoff = d.minusDays(70);
    List<Transaction> keep = new ArrayList<>();
    for (Transaction tx : txs) {
      if (!tx.tradeDate().isBefore(cutoff)) {
        keep.add(tx);
      }
    }
    return keep.size() == txs.size() ? txs : keep;
  }

  /** Returns the active weight (actual minus target) of each class of {@link MarketModel}. */
  private static double[] active(HouseholdValuation v, TargetAllocation target) {
    double[] a = new double[MarketModel.CLASSES.size()];
    for (int c = 0; c < a.length; c++) {
      AssetClass ac = MarketModel.CLASSES.get(c).assetClass();
      double w = v.total().isPositive() ? v.weight(ac).value().doubleValue() : 0;
      var t = target.classes().get(ac);
      a[c] = w - (t == null ? 0 : t.weight().value().doubleValue());
    }
    return a;
  }

  int index() {
    return index;
  }
}
