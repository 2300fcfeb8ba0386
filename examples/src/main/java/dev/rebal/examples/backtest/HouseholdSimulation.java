package dev.rebal.examples.backtest;

import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.core.allocation.TargetAllocation;
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
 * <p>Each monthly step, in order: reprice (the new step's market data); pay each managed account
 * its income in cash (dividends, coupons, REIT distributions and municipal interest on the lots
 * held at the last step, and the sweep rate on the account's cash), accruing its tax in taxable
 * accounts by character ({@link IncomeTax}); add a twelfth of the household's recurring outside
 * gains to the year's realized gains; close the tax year in January (netting, the $3,000
 * ordinary-income offset and carryforwards by the tax module's {@link TaxCalculator}) and pay the
 * year's tax, or receive the offset's saving, at the April step, from the managed taxable accounts'
 * cash (after the needs and inflows due before April 15, the tax date); pay the monthly
 * contribution; pay out the needs and receive the inflows that fell due (a need not covered by cash
 * is a goal shortfall, and the cash is raised by a forced FIFO sale); update the household's goals
 * and announced events (engine only); rebalance with the policy's {@link Rebalancer} and apply the
 * proposal with {@link ProposalExecutor} (review items are assumed approved and executed on the
 * same day) and charge the trading cost on every traded dollar to the trade's account; record the
 * step.
 *
 * <p><b>Tax charged to the portfolio.</b> The household's outside realized gains recur every year
 * (the generated profile's year-to-date gains, if positive, at most {@link #OUTSIDE_CAP} of the
 * starting managed wealth each, times {@link Assumptions#outsideGains()}); a shadow profile with
 * the outside gains only is netted alongside, and the managed accounts pay the difference: the
 * capital-gains tax the portfolio adds (negative when its losses offset outside gains or ordinary
 * income). So harvested losses have gains to offset, and no policy is charged the tax on gains it
 * did not make.
 *
 * <p><b>Attribution.</b> Each step also records, exactly, what moved wealth: the asset-class return
 * on the last step's holdings and cash (allocation), the securities' own deviation from their class
 * (selection: price move plus income less allocation), capital-gains tax, income tax, trading cost
 * and the script's flows; the remainder (cent rounding of trades) is recorded too. {@link
 * Attribution} turns two policies' records into a decomposition of their difference.
 *
 * <p>Wealth is the managed wealth: cash and positions of tradable, not held-away accounts, summed
 * exactly (quantity times price, unrounded). The simulation checks its own books every step: the
 * wealth before trading equals last step's wealth plus the market move on the held quantities, and
 * trading changes wealth only by the cent-rounding of the trades. A broken identity, an engine
 * exception or a household put on hold is recorded with the household index and step, not hidden.
 */
final class HouseholdSimulation {
  private static final MathContext MC = MathContext.DECIMAL128;

  /** Outside gains of each kind are capped at this share of the starting managed wealth a year. */
  static final BigDecimal OUTSIDE_CAP = new BigDecimal("0.05");

  private static final GoalPlanner PLANNER = GoalPlanner.withDiscountRate(new BigDecimal("0.04"));

  private final int index;
  private final Policy policy;
  private final Rebalancer rebalancer;
  private final MarketModel market;
  private final HouseholdScript script;
  private final TargetAllocation staticTarget;
  private final HouseholdOutcome.Builder out;
  private final Assumptions assumptions;

  /** The recurring outside gains per month, short- and long-term. */
  private final Money outsideShortMonthly;

  private final Money outsideLongMonthly;

  private Household h;

  /** The household's outside gains only: netted alongside, to charge the portfolio its own tax. */
  private TaxProfile shadow;

  /** Last year's capital-gains tax the portfolio added, due in April. */
  private Money pendingTax = Money.ZERO_USD;

  /** Last year's income tax, due in April. */
  private Money pendingIncomeTax = Money.ZERO_USD;

  /** This year's income tax so far, unrounded. */
  private BigDecimal incomeTaxYtd = BigDecimal.ZERO;

  /** Income tax on this year's withdrawals from tax-deferred accounts, due with the year's tax. */
  private Money ordinaryTax = Money.ZERO_USD;

  private int taxYear;
  private int forcedSales;
  private final List<Boolean> processed = new ArrayList<>();

  HouseholdSimulation(
      int index,
      Policy policy,
      Rebalancer rebalancer,
      MarketModel market,
      Household generated,
      HouseholdScript script) {
    this(index, policy, rebalancer, market, generated, script, Assumptions.DEFAULT);
  }

  HouseholdSimulation(
      int index,
      Policy policy,
      Rebalancer rebalancer,
      MarketModel market,
      Household generated,
      HouseholdScript script,
      Assumptions assumptions) {
    this.assumptions = assumptions;
    TaxProfile g = generated.taxProfile();
    BigDecimal scale = BigDecimal.valueOf(assumptions.outsideGains());
    // the generator's year-to-date gains do not scale with the household: cap each kind at
    // OUTSIDE_CAP of the starting managed wealth a year
    BigDecimal cap = wealth(generated, market.market(0)).multiply(OUTSIDE_CAP);
    this.outsideShortMonthly =
        Money.ofComputed(
            Money.USD,
            g.realizedShortTermYtd()
                .amount()
                .max(BigDecimal.ZERO)
                .min(cap)
                .multiply(scale)
                .divide(BigDecimal.valueOf(12), MC));
    this.outsideLongMonthly =
        Money.ofComputed(
            Money.USD,
            g.realizedLongTermYtd()
                .amount()
                .max(BigDecimal.ZERO)
                .min(cap)
                .multiply(scale)
                .divide(BigDecimal.valueOf(12), MC));
    this.index = index;
    this.policy = policy;
    this.rebalancer = rebalancer;
    this.market = market;
    this.script = script;
    this.staticTarget = generated.target();
    this.h = policy.adapt(generated);
    this.shadow = h.taxProfile();
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
        w =
            w.add(
                l.quantity().value().multiply(m.prices().lookup(l.security()).perUnit().amount()));
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
      step = t;
      forcedSales = 0;
      stepTaxCapital = BigDecimal.ZERO;
      stepTaxIncome = BigDecimal.ZERO;
      stepCost = BigDecimal.ZERO;
      BigDecimal flow = BigDecimal.ZERO;
      if (t > 0) {
        BigDecimal move = BigDecimal.ZERO;
        double allocation = 0;
        MarketData before = market.market(t - 1);
        for (TaxLot l : h.lots()) {
          if (isManaged(h, l.account())) {
            BigDecimal p0 = before.prices().lookup(l.security()).perUnit().amount();
            move =
                move.add(
                    l.quantity()
                        .value()
                        .multiply(m.prices().lookup(l.security()).perUnit().amount().subtract(p0)));
            int c = classOf(m, l);
            if (c >= 0) {
              allocation +=
                  l.quantity().value().multiply(p0).doubleValue() * market.classReturn(t, c);
            }
          }
        }
        BigDecimal now = wealth(h, m);
        out.identity(now.subtract(previous.add(move)).abs());
        out.active(t, ownActive, staticActive, market);
        BigDecimal income = payIncome(t, before);
        for (Account a : h.accounts()) {
          if (managed(a)) {
            // account cash before this step's income earned the cash class's return
            allocation +=
                a.cash()
                        .amount()
                        .subtract(lastIncome.getOrDefault(a.id(), BigDecimal.ZERO))
                        .doubleValue()
                    * market.classReturn(t, MarketModel.CASH_CLASS);
          }
        }
        out.market(t, allocation, move.add(income).doubleValue() - allocation);
        addOutsideGains();
      } else {
        out.start(wealth(h, m), afterLiquidation(m, d, true), afterLiquidation(m, d, false));
      }
      if (d.getYear() > taxYear) {
        closeTaxYear();
        taxYear = d.getYear();
      }
      if (d.getMonthValue() == 4
          && !(pendingTax.isZero() && pendingIncomeTax.isZero() && ordinaryDue.isZero())) {
        // the needs and inflows due before the tax date come first
        flow = flow.add(settleEvents(m, d, d.withDayOfMonth(TAX_DAY - 1)));
        settleTax(m, d);
      }
      if (t > 0
          && script.contributionAccount().isPresent()
          && script.monthlyContribution().isPositive()) {
        deposit(script.contributionAccount().get(), script.monthlyContribution());
        flow = flow.add(script.monthlyContribution().amount());
      }
      flow = flow.add(settleEvents(m, d, d));
      updatePlan(d);
      h = h.withTransactions(recent(h.transactions(), d));
      BigDecimal beforeTrades = wealth(h, m);
      rebalance(t, m, d);
      BigDecimal after = wealth(h, m);
      out.tradeResidual(after.subtract(beforeTrades).add(stepCostOfRebalance).abs());
      stepCostOfRebalance = BigDecimal.ZERO;
      out.step(t, after, flow, stepTaxCapital.negate(), stepTaxIncome.negate(), stepCost.negate());
      if (t > 0) {
        out.checkIdentity(t);
      }
      previous = after;
      if (assumptions.isCheckpoint(t) || t == steps - 1) {
        out.checkpoint(
            t, afterLiquidation(m, d, true), afterLiquidation(m, d, false), incomeTaxDue());
      }
      HouseholdValuation valuation = HouseholdValuation.of(h, m);
      TargetAllocation own =
          policy.goalAware() ? PLANNER.plan(h, valuation, d).target() : h.target();
      ownActive = active(valuation, own);
      staticActive = active(valuation, staticTarget);
    }
    int last = steps - 1;
    MarketData m = market.market(last);
    BigDecimal w = wealth(h, m);
    BigDecimal accrued =
        capitalTaxYtd()
            .add(incomeTaxDue())
            .add(pendingTax.amount())
            .add(ordinaryTax.amount())
            .add(ordinaryDue.amount());
    out.end(
        w.subtract(accrued),
        afterLiquidation(m, market.date(last), true),
        Money.ofComputed(Money.USD, accrued));
    return out.build();
  }

  /** Income tax not yet paid: last year's (if April has not come) and this year's so far. */
  private BigDecimal incomeTaxDue() {
    return pendingIncomeTax.amount().add(incomeTaxYtd);
  }

  /** This year's capital-gains tax that the portfolio adds so far (negative: it saves tax). */
  private BigDecimal capitalTaxYtd() {
    return TaxCalculator.standard()
        .summarize(h.taxProfile(), Money.ZERO_USD, Money.ZERO_USD)
        .tax()
        .minus(TaxCalculator.standard().summarize(shadow, Money.ZERO_USD, Money.ZERO_USD).tax())
        .amount();
  }

  private static int classOf(MarketData m, TaxLot l) {
    return MarketModel.classIndex(m.securities().get(l.security()).assetClass());
  }

  /** This step's income credited per account (its own cash before it earned nothing new). */
  private final java.util.Map<AccountId, BigDecimal> lastIncome = new java.util.HashMap<>();

  /**
   * Pays each managed account its income for step {@code t}: every lot held since the last step
   * earns its class's income rate on its value at the last step's price, and the account's cash
   * earns the sweep rate (the cash class's return); rounded once per account to cents. Income in a
   * taxable account accrues tax by character (see {@link IncomeTax}). Returns the total paid.
   */
  private BigDecimal payIncome(int t, MarketData before) {
    lastIncome.clear();
    java.util.Map<AccountId, BigDecimal[]> byAccount =
        new java.util.TreeMap<>(Comparator.comparing(AccountId::value));
    for (TaxLot l : h.lots()) {
      if (!isManaged(h, l.account())) {
        continue;
      }
      int c = classOf(before, l);
      if (c < 0) {
        continue;
      }
      BigDecimal value =
          l.quantity().value().multiply(before.prices().lookup(l.security()).perUnit().amount());
      BigDecimal[] sums = byAccount.computeIfAbsent(l.account(), k -> IncomeTax.zeros());
      IncomeTax.add(
          sums,
          MarketModel.CLASSES.get(c).income(),
          value.multiply(BigDecimal.valueOf(market.incomeRate(t, c)), MC));
    }
    BigDecimal sweep = BigDecimal.valueOf(market.incomeRate(t, MarketModel.CASH_CLASS));
    List<Account> accounts = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Account a : h.accounts()) {
      if (!managed(a)) {
        accounts.add(a);
        continue;
      }
      BigDecimal[] sums = byAccount.computeIfAbsent(a.id(), k -> IncomeTax.zeros());
      IncomeTax.add(
          sums,
          dev.rebal.core.security.TaxCharacter.ORDINARY,
          a.cash().amount().max(BigDecimal.ZERO).multiply(sweep, MC));
      Money paid = Money.ofComputed(Money.USD, IncomeTax.total(sums));
      if (a.treatment() == TaxTreatment.TAXABLE) {
        incomeTaxYtd = incomeTaxYtd.add(IncomeTax.of(h.taxProfile()).tax(sums));
      }
      lastIncome.put(a.id(), paid.amount());
      total = total.add(paid.amount());
      accounts.add(paid.isZero() ? a : a.withCash(a.cash().plus(paid)));
      out.income(paid);
    }
    h = h.withAccounts(accounts);
    return total;
  }

  /** Adds a month of the recurring outside gains to both the household's and the shadow profile. */
  private void addOutsideGains() {
    if (outsideShortMonthly.isZero() && outsideLongMonthly.isZero()) {
      return;
    }
    TaxProfile p = h.taxProfile();
    replaceProfile(
        Households.withGains(
            p,
            p.realizedShortTermYtd().plus(outsideShortMonthly),
            p.realizedLongTermYtd().plus(outsideLongMonthly),
            p.shortTermCarryforward(),
            p.longTermCarryforward(),
            true));
    shadow =
        Households.withGains(
            shadow,
            shadow.realizedShortTermYtd().plus(outsideShortMonthly),
            shadow.realizedLongTermYtd().plus(outsideLongMonthly),
            shadow.shortTermCarryforward(),
            shadow.longTermCarryforward(),
            true);
  }

  /**
   * Managed wealth less every tax due: taxes of past and current years not yet paid, the income tax
   * on the tax-deferred balances, and, with {@code liquidate}, the capital-gains tax of selling
   * every taxable lot today (without: the step-up view, where positions pass at death or to charity
   * and unrealized gains are never taxed).
   */
  private BigDecimal afterLiquidation(MarketData m, LocalDate d, boolean liquidate) {
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
    Money capital =
        liquidate
            ? TaxCalculator.standard().summarize(p, st, lt).tax()
            : TaxCalculator.standard().summarize(p, Money.ZERO_USD, Money.ZERO_USD).tax();
    BigDecimal outside =
        TaxCalculator.standard().summarize(shadow, Money.ZERO_USD, Money.ZERO_USD).tax().amount();
    return wealth(h, m)
        .subtract(pendingTax.amount())
        .subtract(ordinaryTax.amount())
        .subtract(ordinaryDue.amount())
        .subtract(incomeTaxDue())
        .subtract(capital.amount().subtract(outside))
        .subtract(deferred.multiply(ordinary, MC));
  }

  private void closeTaxYear() {
    TaxProfile p = h.taxProfile();
    TaxYearSummary s = TaxCalculator.standard().summarize(p, Money.ZERO_USD, Money.ZERO_USD);
    TaxYearSummary o = TaxCalculator.standard().summarize(shadow, Money.ZERO_USD, Money.ZERO_USD);
    pendingTax = pendingTax.plus(s.tax().minus(o.tax()));
    ordinaryDue = ordinaryDue.plus(ordinaryTax);
    ordinaryTax = Money.ZERO_USD;
    pendingIncomeTax = pendingIncomeTax.plus(Money.ofComputed(Money.USD, incomeTaxYtd));
    incomeTaxYtd = BigDecimal.ZERO;
    out.deducted(s.deductedLoss());
    replaceProfile(
        Households.withGains(
            p,
            Money.ZERO_USD,
            Money.ZERO_USD,
            s.shortTermCarryforward(),
            s.longTermCarryforward(),
            true));
    shadow =
        Households.withGains(
            shadow,
            Money.ZERO_USD,
            Money.ZERO_USD,
            o.shortTermCarryforward(),
            o.longTermCarryforward(),
            true);
  }

  /** Last year's income tax on withdrawals from tax-deferred accounts, due in April. */
  private Money ordinaryDue = Money.ZERO_USD;

  private BigDecimal stepTaxCapital = BigDecimal.ZERO;
  private BigDecimal stepTaxIncome = BigDecimal.ZERO;
  private BigDecimal stepCost = BigDecimal.ZERO;

  /** Trading cost charged inside {@link #rebalance}: not a trade residual. */
  private BigDecimal stepCostOfRebalance = BigDecimal.ZERO;

  /**
   * Pays last year's taxes (capital gains the portfolio added, income tax, tax on withdrawals from
   * tax-deferred accounts), or receives a saving, as one net amount from the managed accounts.
   */
  private void settleTax(MarketData m, LocalDate d) {
    Money capital = pendingTax.plus(ordinaryDue);
    Money income = pendingIncomeTax;
    Money due = capital.plus(income);
    pendingTax = Money.ZERO_USD;
    pendingIncomeTax = Money.ZERO_USD;
    ordinaryDue = Money.ZERO_USD;
    stepTaxCapital = stepTaxCapital.add(capital.amount());
    stepTaxIncome = stepTaxIncome.add(income.amount());
    out.incomeTaxPaid(income);
    if (due.isPositive()) {
      Money paid = payOut(m, d, due, Optional.empty(), null);
      out.taxPaid(due);
      if (paid.compareTo(due) < 0) {
        // what could not be paid stays unpaid: the books show only what left the accounts
        stepTaxCapital = stepTaxCapital.subtract(due.minus(paid).amount());
      }
    } else if (due.isNegative()) {
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

  /** The step being simulated, for the problems {@link #payOut} reports. */
  private int step;

  private void deposit(AccountId id, Money amount) {
    List<Account> accounts = new ArrayList<>();
    for (Account a : h.accounts()) {
      accounts.add(a.id().equals(id) ? a.withCash(a.cash().plus(amount)) : a);
    }
    h = h.withAccounts(accounts);
  }

  /**
   * Pays {@code amount} out of the managed accounts and returns the amount paid. Order: the event's
   * account, then taxable accounts, then tax-exempt, then tax-deferred ones (a withdrawal from
   * those adds ordinary income tax at the profile's short-term plus state rate to the tax due next
   * April); a donor-advised fund pays only gifts, and first. Cash above each account's floor is
   * used first (a need it covers was met in time); what it does not cover is raised by a forced
   * FIFO sale, and only then is cash below the floors used. A need is fundable if the accounts of
   * that order hold at least its amount in cash above the floors plus the market value of their
   * positions.
   */
  private Money payOut(
      MarketData m, LocalDate d, Money amount, Optional<AccountId> preferred, LiquidityKind kind) {
    List<AccountId> order = new ArrayList<>();
    if (kind == LiquidityKind.GIFT) {
      h.accounts().stream()
          .filter(
              a ->
                  managed(a) && a.type() == dev.rebal.core.household.AccountType.DONOR_ADVISED_FUND)
          .forEach(a -> order.add(a.id()));
    }
    preferred.filter(a -> isManaged(h, a)).filter(a -> !order.contains(a)).ifPresent(order::add);
    for (TaxTreatment treatment :
        List.of(TaxTreatment.TAXABLE, TaxTreatment.TAX_EXEMPT, TaxTreatment.TAX_DEFERRED)) {
      for (Account a : h.accounts()) {
        if (managed(a)
            && a.treatment() == treatment
            && !order.contains(a.id())
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
      Money shortfall = amount.minus(spare).max(Money.ZERO_USD);
      boolean fundable = fundable(m, order, spare).compareTo(amount.amount()) >= 0;
      out.need(amount, shortfall, fundable);
      if (policy.goalAware() && fundable && shortfall.isPositive()) {
        // a need the household could have funded and the engine, which saw it coming, did not
        out.problem(
            step,
            "need " + kind + " of " + amount + " on " + d + " not met in time: " + cashText(order));
      }
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
              ordinaryTax =
                  ordinaryTax.plus(
                      take.multipliedBy(p.shortTermRate().value().add(p.stateRate().value())));
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

  /** Each account of {@code order} with its cash and cash floor, for a problem's text. */
  private String cashText(List<AccountId> order) {
    StringBuilder sb = new StringBuilder();
    for (AccountId id : order) {
      Account a = h.findAccount(id).orElseThrow();
      sb.append(sb.length() == 0 ? "" : "; ")
          .append(id)
          .append(" cash ")
          .append(a.cash())
          .append(" floor ")
          .append(a.cashFloor());
    }
    return sb.toString();
  }

  /**
   * What the accounts that may pay a need could raise on its date: {@code spare} (their cash above
   * the floors) plus the market value of every position in them, exact and unrounded, before the
   * tax and the trading cost of selling.
   */
  private BigDecimal fundable(MarketData m, List<AccountId> order, Money spare) {
    BigDecimal value = spare.amount();
    for (TaxLot l : h.lots()) {
      if (order.contains(l.account())) {
        value =
            value.add(
                l.quantity().value().multiply(m.prices().lookup(l.security()).perUnit().amount()));
      }
    }
    return value;
  }

  /** A lot's remainder worth less than this (one cent) is sold with the rest of the lot. */
  private static final BigDecimal DUST = new BigDecimal("0.01");

  /** A basis under this rounds to zero cents. */
  private static final BigDecimal HALF_CENT = new BigDecimal("0.005");

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
        if (price.times(q).amount().compareTo(DUST) < 0) {
          break; // less than a cent left to raise: no sale of a sliver
        }
        Quantity rest = l.quantity().minus(q);
        BigDecimal restBasis =
            l.costBasis()
                .amount()
                .multiply(rest.value())
                .divide(l.quantity().value(), java.math.MathContext.DECIMAL64);
        if (price.amount().multiply(rest.value()).compareTo(DUST) < 0
            || restBasis.compareTo(HALF_CENT) < 0) {
          // never leave a sliver worth under a cent, or whose basis rounds to zero (both
          // unrounded: $0.006 rounds to a cent)
          q = l.quantity();
        }
        trades.add(
            Trade.builder()
                .account(id)
                .security(l.security())
                .side(Side.SELL)
                .quantity(q)
                .estimatedPrice(price)
                .addLots(new LotPick(l.id(), q))
                .addReasonCodes("sim.forced-sale")
                .build());
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
      Transaction.Builder b =
          Transaction.builder()
              .id(TransactionId.of(tx.id().value() + "-F" + (++forcedSales)))
              .account(tx.account())
              .security(tx.security())
              .side(tx.side())
              .tradeDate(tx.tradeDate())
              .quantity(tx.quantity())
              .amount(tx.amount());
      tx.realizedGain().ifPresent(b::realizedGain);
      tx.lot().ifPresent(b::lot);
      txs.add(b.build());
    }
    Households.Copy c = Households.copy(next.withTransactions(txs));
    c.lastRebalanced = last;
    h = c.build();
    stepCost = stepCost.add(chargeCost(trades));
    Money sold = Money.ZERO_USD;
    for (Trade t : trades) {
      sold = sold.plus(t.estimatedValue());
    }
    out.forced(sold);
  }

  /**
   * Charges {@link Assumptions#tradingCostBps()} per traded dollar to each trade's account cash
   * (rounded once per account to cents) and returns the total charged.
   */
  private BigDecimal chargeCost(List<Trade> trades) {
    if (assumptions.tradingCostBps() == 0 || trades.isEmpty()) {
      return BigDecimal.ZERO;
    }
    BigDecimal rate = BigDecimal.valueOf(assumptions.tradingCostBps()).movePointLeft(4);
    java.util.Map<AccountId, BigDecimal> byAccount =
        new java.util.TreeMap<>(Comparator.comparing(AccountId::value));
    for (Trade tr : trades) {
      byAccount.merge(
          tr.account(), tr.estimatedValue().amount().multiply(rate, MC), BigDecimal::add);
    }
    BigDecimal total = BigDecimal.ZERO;
    for (var e : byAccount.entrySet()) {
      Money cost = Money.ofComputed(Money.USD, e.getValue());
      deposit(e.getKey(), cost.negated());
      total = total.add(cost.amount());
    }
    out.cost(total);
    return total;
  }

  /**
   * Records the sales' gains and losses in taxable accounts, by term, in the run's outcome ({@link
   * ProposalExecutor#apply} adds them to the profile's year-to-date).
   */
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
        TaxLot lot =
            h.lots().stream().filter(l -> l.id().equals(pick.lot())).findFirst().orElseThrow();
        Money proceeds =
            i == t.lots().size() - 1 ? proceedsLeft : t.estimatedPrice().times(pick.quantity());
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
        goals.add(
            Goal.builder()
                .id(g.id())
                .name(g.name())
                .kind(g.kind())
                .targetAmount(g.targetAmount())
                .targetDate(next)
                .priority(g.priority())
                .addAllFundingAccounts(g.fundingAccounts())
                .fundingShare(g.fundingShare())
                .glidePath(g.glidePath())
                .build());
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
        out.problem(
            t,
            "first infeasible decision: triggers "
                + decision.triggers()
                + "; "
                + decision.routing());
        break;
      }
    }
    if (decision.outcome() == DecisionOutcome.REVIEW) {
      decision.routing().forEach(f -> out.trigger("review:" + f.code()));
      java.util.Set<String> codes = new java.util.TreeSet<>();
      decision.routing().forEach(f -> codes.add(f.code()));
      out.review(t, codes);
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
        out.problem(
            t,
            "verifier rejected a proposal of "
                + p.trades().size()
                + " trade(s): "
                + decision.impact().violations());
      }
      return;
    }
    if (!policy.taxAware()) {
      // a tax-blind rebalancer names no lots: the custodian relieves them first in, first out
      p = FirstInFirstOut.relieve(h, p, ConstraintCompiler.standard().permissions(h, m, d));
    }
    try {
      recordGains(p, d);
      h = ProposalExecutor.apply(h, p);
    } catch (RuntimeException e) {
      out.problem(t, "apply failed " + e);
      return;
    }
    BigDecimal cost = chargeCost(p.trades());
    stepCost = stepCost.add(cost);
    stepCostOfRebalance = stepCostOfRebalance.add(cost);
    out.traded(
        p.trades(),
        decision.outcome() == DecisionOutcome.REVIEW,
        decision.impact().harvestedLoss());
  }

  /** The day of April on which last year's tax is paid. */
  private static final int TAX_DAY = 15;

  /**
   * Pays the needs and receives the inflows of the script that fell due by {@code through} and were
   * not yet settled, on step date {@code d}; returns the net flow into the managed accounts.
   */
  private BigDecimal settleEvents(MarketData m, LocalDate d, LocalDate through) {
    BigDecimal flow = BigDecimal.ZERO;
    for (int i = 0; i < script.events().size(); i++) {
      LiquidityEvent e = script.events().get(i).event();
      if (processed.get(i) || e.date().isAfter(through)) {
        continue;
      }
      processed.set(i, true);
      if (e.kind() == LiquidityKind.INFLOW) {
        deposit(
            e.account()
                .filter(a -> isManaged(h, a))
                .orElse(script.contributionAccount().orElse(firstManaged())),
            e.amount());
        flow = flow.add(e.amount().amount());
      } else {
        Money paid = payOut(m, d, e.amount(), e.account(), e.kind());
        flow = flow.subtract(paid.amount());
      }
    }
    return flow;
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
