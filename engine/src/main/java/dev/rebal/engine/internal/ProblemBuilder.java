package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.LocationPenalty;
import dev.rebal.compliance.LotConstraints;
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
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.plan.GoalBucket;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.optimizer.BucketGoal;
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
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.gains.GainBudget;
import dev.rebal.tax.washsale.TaxConstraints;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 *       account's floor is its cash floor plus cash raised by rules (liquidity reserves) plus up to
 *       a dollar of margin for the cents each trade's value rounds to (when the account has the
 *       cash today, never more than it has above the floor, so the margin alone never makes a
 *       household infeasible).
 *   <li>A position's sellable lots are the tax-cost curve's segments (tax-optimal relief order,
 *       lot preferences excluded) minus lots compliance blocks and loss lots the wash-sale rule
 *       blocks, truncated to compliance's sell limit (Rule 144). The rest of the position is placed
 *       in a non-tradable twin account {@code <account>~locked}, so it still counts toward class
 *       values but is never sold.
 *   <li>Buys are offered only in the model's first eligible security of each targeted class per
 *       account (compliance may buy, no wash-sale buy block, no rule forbids it); in harvest mode
 *       also the first eligible one of another wash-sale group, the replacement.
 *   <li>Account cash is not an asset class for the optimizer: the target's {@code CASH} weight is
 *       simply not invested, because the other classes' targets are shares of the whole value;
 *       cash below its goal becomes a higher floor in one account (see raiseCashToTarget). Cash
 *       equivalents (money-market funds) count toward that goal and are neither sold nor bought.
 *   <li>Compliance concentration caps become per-security holding caps in dollars.
 *   <li>Goal buckets funded by accounts get their own drift rows (see addBucketGoals).
 * </ul>
 *
 * <p>Parameters: {@code optimizer.drift-weight} (1), {@code optimizer.bucket-drift-weight} (the
 * drift weight), {@code trigger.goal-bucket.min-value} (25000), {@code
 * optimizer.transaction-cost-bps} (5),
 * {@code optimizer.turnover-penalty} (0.0001), {@code optimizer.tax-weight} (1).
 */
public final class ProblemBuilder {
  private static final String LOCKED = "~locked";
  private static final Money ROUNDING_MARGIN = Money.usd("1");

  private ProblemBuilder() {}

  /** Builds the problem, keeping cash at the goal of {@code mode}. */
  public static ProblemBuild build(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      Assessment assessment, TradeConstraints tc, List<ConstraintAdjustment> adjustments,
      RebalanceMode mode) {
    return build(h, m, asOf, rs, assessment, tc, adjustments, mode, mode, false);
  }

  /**
   * Builds the problem for {@code mode}, keeping cash at the goal of {@code cashGoalMode} (a
   * cash-only pass after a halfway one keeps the halfway cash goal, so it does not sell what the
   * first pass just bought). With {@code investOnly}, no account is asked to raise cash it does
   * not have: a floor above today's cash is lowered to it (a pass that only invests idle cash).
   */
  public static ProblemBuild build(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      Assessment assessment, TradeConstraints tc, List<ConstraintAdjustment> adjustments,
      RebalanceMode mode, RebalanceMode cashGoalMode, boolean investOnly) {
    return build(h, m, asOf, rs, assessment, tc, adjustments, mode, cashGoalMode, investOnly,
        TaxMemo.of(h, m, asOf), null);
  }

  /**
   * Builds the problem as {@link #build(Household, MarketData, LocalDate, RuleSet, Assessment,
   * TradeConstraints, List, RebalanceMode, RebalanceMode, boolean)} does, taking the wash-sale
   * constraints from {@code memo} when it is {@code h}'s on {@code asOf}, and the tax-cost curves
   * of positions whose inputs did not change from {@code curveCache} (when not null), which one
   * decision shares between its builds.
   */
  public static ProblemBuild build(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      Assessment assessment, TradeConstraints tc, List<ConstraintAdjustment> adjustments,
      RebalanceMode mode, RebalanceMode cashGoalMode, boolean investOnly, TaxMemo memo,
      TaxCostModel.Cache curveCache) {
    return build(h, m, asOf, rs, assessment, tc, adjustments, mode, cashGoalMode, investOnly, memo,
        curveCache, false);
  }

  /**
   * Returns the {@link ProblemBuild#constraints() constraint notes} the same arguments give to
   * {@link #build(Household, MarketData, LocalDate, RuleSet, Assessment, TradeConstraints, List,
   * RebalanceMode, RebalanceMode, boolean, TaxMemo, TaxCostModel.Cache)}, without the problem: for
   * a household whose problem is built again after earlier stages' trades, so only its notes are
   * read. The rule set's parameters, the securities and the caps are read as in a build, but the
   * tax-cost curves are computed and the sell segments walked only for positions holding a loss
   * lot the wash-sale rule blocks (the only segments that give notes), and no tradable held
   * position is built; when a check of those could fail, the whole problem is built (and
   * dropped), so a household whose build throws still throws.
   */
  public static ImmutableList<String> notes(Household h, MarketData m, LocalDate asOf,
      RuleSet rs, Assessment assessment, TradeConstraints tc,
      List<ConstraintAdjustment> adjustments, RebalanceMode mode, TaxMemo memo) {
    return build(h, m, asOf, rs, assessment, tc, adjustments, mode, mode, false, memo, null,
        skippedChecksHold(h, tc)).constraints();
  }

  /**
   * Whether the checks of the parts a notes-only build skips (the tradable positions, their sell
   * segments and their locked twins) hold whatever the curves: no account id that a locked twin
   * could repeat, tax rates within [0, 1] and no negative location penalty. Otherwise the whole
   * problem is built, so that a build that fails still fails.
   */
  private static boolean skippedChecksHold(Household h, TradeConstraints tc) {
    for (Account a : h.accounts()) {
      if (a.id().value().endsWith(LOCKED)) {
        return false;
      }
    }
    TaxRates rates = TaxRates.of(h.taxProfile());
    if (!rates.shortTerm().isFraction() || !rates.longTerm().isFraction()) {
      return false;
    }
    for (BigDecimal bps : penalties(tc).values()) {
      if (bps.signum() < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The build; with {@code notesOnly}, only what yields notes (the returned build's problem and
   * segment lots are then null and empty: never returned to a caller outside this class).
   */
  private static ProblemBuild build(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      Assessment assessment, TradeConstraints tc, List<ConstraintAdjustment> adjustments,
      RebalanceMode mode, RebalanceMode cashGoalMode, boolean investOnly, TaxMemo memo,
      TaxCostModel.Cache curveCache, boolean notesOnly) {
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
    raiseCashToTarget(h, assessment, cashGoalMode, raise, notes);
    TaxConstraints taxc = (memo.isFor(h, m, asOf) ? memo : TaxMemo.of(h, m, asOf)).washSale();
    if (!taxc.isCoverageComplete()) {
      notes.add("wash-sale: coverage incomplete for an external account; recent trades there are "
          + "unknown");
    }
    // the loss lots the wash-sale rule blocks, indexed once (asked once per curve segment)
    Set<LotId> lossBlocked = new HashSet<>();
    taxc.lossSaleBlocks().forEach(b -> lossBlocked.add(b.lot()));
    // and the lots compliance blocks (usually none)
    Set<LotId> lotBlocked = new HashSet<>();
    for (LotConstraints lc : tc.lots()) {
      if (!lc.maySell()) {
        lotBlocked.add(lc.lot());
      }
    }
    Map<String, TaxCostCurve> curves = new TreeMap<>();
    // notes only: the curves of the positions with a blocked loss lot, taken one by one below
    for (TaxCostCurve c : notesOnly ? List.<TaxCostCurve>of()
        : curveCache == null ? TaxCostModel.standard().curves(h, m, asOf)
        : TaxCostModel.standard().curves(h, m, asOf, curveCache)) {
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
      // a dollar of margin: the verifier rounds each trade's value to cents before adding them up
      // (never above the cash the account has now, so the margin alone never makes it infeasible)
      Money required = a.cashFloor().plus(raise.getOrDefault(a.id(), Money.ZERO_USD));
      Money floor = required.plus(a.cash().compareTo(required) < 0 ? ROUNDING_MARGIN
          : ROUNDING_MARGIN.min(a.cash().minus(required)));
      if (investOnly) {
        floor = floor.min(a.cash().max(Money.ZERO_USD));
      }
      p.addAccount(new ProblemAccount(a.id(), a.cash(), mayTrade ? floor : Money.ZERO_USD, mayTrade,
          a.fractionalShares()));
    }

    // buys: the model's first eligible security per targeted class and tradable account
    Money total = assessment.valuation().total();
    Money bigBuy = total.plus(total).max(Money.usd("1"));
    Map<String, Money> buys = new TreeMap<>();
    List<GoalBucket> watched = watchedBuckets(h, rs, assessment);
    for (AssetClass c : assessment.plan().target().classes().keySet()) {
      if (c.equals(HouseholdValuation.CASH)) {
        continue;
      }
      List<SecurityId> candidates = h.model().securities().getOrDefault(c, ImmutableList.of());
      for (Account a : h.accounts()) {
        if (!tradable.get(a.id())) {
          continue;
        }
        Optional<SecurityId> chosen = firstBuyable(candidates, a.id(), m, tc, taxc, forbidBuy,
            Set.of());
        if (chosen.isEmpty()) {
          notes.add("class " + c + " in " + a.id() + ": no model security may be bought");
          continue;
        }
        List<SecurityId> offered = new ArrayList<>(List.of(chosen.get()));
        if (mode == RebalanceMode.TAX_LOSS_HARVEST || !watched.isEmpty()) {
          // a replacement from another wash-sale group, so a loss in the first can be harvested,
          // or, with goal buckets watched, a class can move between a bucket's accounts and the
          // others without a sale and a buy in one group (which the direction rows forbid)
          firstBuyable(candidates, a.id(), m, tc, taxc, forbidBuy,
              Set.of(m.lookupSecurity(chosen.get()).washSaleGroup())).ifPresent(offered::add);
        }
        for (SecurityId s : offered) {
          PositionConstraints pc = tc.lookupPosition(a.id(), s);
          buys.put(ProblemBuild.key(a.id(), s),
              pc.maxBuyValue().map(v -> v.limit().max(Money.ZERO_USD)).orElse(bigBuy));
          securities.add(s);
        }
      }
    }

    // holdings: each (account, security) with its lots
    Map<String, List<TaxLot>> lotsByPosition = lotsByPosition(h);
    Map<Position, BigDecimal> penalties = penalties(tc);
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
      // cash equivalents count toward the cash goal kept by floors; selling one raises no cash
      boolean cashClass = m.lookupSecurity(security).assetClass().equals(HouseholdValuation.CASH);
      boolean sellEligible = pc.maySell() && !forbidSell.contains(security) && !cashClass;
      pc.sellBlocks().forEach(b -> notes.add(security + " in " + account + ": no sale ("
          + describe(b) + ")"));
      Quantity sellLimit = pc.maxSellQuantity().limit();
      if (sellLimit.compareTo(held) < 0 && sellEligible) {
        notes.add(security + " in " + account + ": sale limited to " + sellLimit + " ("
            + describe(pc.maxSellQuantity().provenance()) + ")");
      }
      TaxCostCurve curve = curves.get(e.getKey());
      if (notesOnly) {
        if (!anyLot(e.getValue(), lossBlocked)) {
          continue;  // no segment is a blocked loss lot: the segment loop would add no note
        }
        // the same curve as the household's curves give this position (same lots, same order)
        curve = TaxCostModel.standard().curve(h, m, account, security, asOf);
      }
      List<SellSegment> segments = new ArrayList<>();
      ImmutableList.Builder<LotId> lots = ImmutableList.builder();
      Quantity sellable = Quantity.ZERO;
      for (TaxCostSegment s : curve == null ? List.<TaxCostSegment>of() : curve.segments()) {
        boolean washBlocked = s.gainPerDollar().signum() < 0 && lossBlocked.contains(s.lot());
        if (washBlocked || !lotBlocked.isEmpty() && lotBlocked.contains(s.lot())) {
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
      if (notesOnly) {
        continue;
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
          penalty(penalties, account, security), segments));
    }
    buys.forEach((key, maxBuy) -> {
      String[] parts = key.split("\\|", 2);
      AccountId a = AccountId.of(parts[0]);
      SecurityId s = SecurityId.of(parts[1]);
      p.addPosition(new ProblemPosition(a, s, Quantity.ZERO, true, maxBuy, false,
          penalty(penalties, a, s), List.of()));
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
    addBucketGoals(watched, p, rs, lockedAccounts, driftWeight);
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
    if (notesOnly) {
      p.build();  // the checks of what was added (accounts, securities, goals, caps, buys)
      return new ProblemBuild(null, ImmutableMap.of(), ImmutableList.copyOf(new TreeSet<>(notes)));
    }
    return new ProblemBuild(p.build(), ImmutableMap.copyOf(segmentLots),
        ImmutableList.copyOf(new TreeSet<>(notes)));
  }

  /** Whether one of {@code lots} is in {@code blocked}. */
  private static boolean anyLot(List<TaxLot> lots, Set<LotId> blocked) {
    if (blocked.isEmpty()) {
      return false;
    }
    for (TaxLot lot : lots) {
      if (blocked.contains(lot.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the goal buckets the optimizer watches, when the rule set enables {@code
   * trigger.goal-bucket}: funded by accounts, worth at least {@code trigger.goal-bucket.min-value}
   * (25000), with a tradable account; none otherwise.
   */
  private static List<GoalBucket> watchedBuckets(Household h, RuleSet rs, Assessment assessment) {
    if (!rs.isEnabled("trigger.goal-bucket")) {
      return List.of();
    }
    Set<AccountId> tradable = new TreeSet<>();
    for (dev.rebal.core.household.Account a : h.accounts()) {
      if (a.tradable() && !a.heldAway()) {
        tradable.add(a.id());
      }
    }
    BigDecimal minValue = Params.decimal(rs, "trigger.goal-bucket.min-value", "25000");
    List<GoalBucket> watched = new ArrayList<>();
    for (GoalBucket b : assessment.plan().accountFundedBuckets()) {
      if (b.value().amount().compareTo(minValue) >= 0
          && b.accountShares().keySet().stream().anyMatch(tradable::contains)) {
        watched.add(b);
      }
    }
    return watched;
  }

  /**
   * Adds drift rows for each watched goal bucket ({@link #watchedBuckets}): one {@link BucketGoal}
   * per class of the bucket but cash (targeted or held), over the bucket's accounts at their shares
   * and their locked twins, weighted by {@code optimizer.bucket-drift-weight} (default: {@code
   * optimizer.drift-weight}). Nothing is added for a household without such a bucket, so its
   * problem is unchanged.
   */
  private static void addBucketGoals(List<GoalBucket> watched, HouseholdProblem.Builder p,
      RuleSet rs, Set<AccountId> lockedAccounts, BigDecimal driftWeight) {
    BigDecimal weight = Params.decimal(rs, "optimizer.bucket-drift-weight",
        driftWeight.toPlainString());
    for (GoalBucket b : watched) {
      TreeMap<AccountId, BigDecimal> shares = new TreeMap<>();
      b.accountShares().forEach((a, share) -> {
        shares.put(a, share.value());
        AccountId twin = AccountId.of(a.value() + LOCKED);
        if (lockedAccounts.contains(twin)) {
          shares.put(twin, share.value());
        }
      });
      for (ClassDrift d : b.drift()) {
        if (d.assetClass().equals(HouseholdValuation.CASH)) {
          continue;
        }
        ClassTarget t = b.target().classes().getOrDefault(d.assetClass(), new ClassTarget(
            dev.rebal.core.money.Weight.ZERO, dev.rebal.core.money.Weight.ZERO,
            dev.rebal.core.money.Weight.ZERO));
        p.addBucketGoal(new BucketGoal(b.id(), shares, d.assetClass(), t, weight));
      }
    }
  }

  /**
   * Account cash is not a class for the optimizer, so the cash goal of the mode (target, halfway
   * below it, or the band edge) is kept with floors: tradable accounts must together keep the goal
   * less the cash held elsewhere (money-market funds, held-away cash). The extra floor goes first
   * to cash each account already has above its floor, in proportion, so no sale is needed when the
   * cash is there; what is still missing is raised in the tradable account that sells at the least
   * tax (tax-deferred and exempt first), then the one with the most value.
   */
  private static void raiseCashToTarget(Household h, Assessment assessment, RebalanceMode mode,
      Map<AccountId, Money> raise, List<String> notes) {
    ClassTarget cash = assessment.plan().target().classes().get(HouseholdValuation.CASH);
    if (cash == null) {
      return;
    }
    BigDecimal half = cash.halfWidth().value();
    BigDecimal goal = cash.weight().value().subtract(mode == RebalanceMode.HALFWAY
        ? half.divide(BigDecimal.valueOf(2)) : mode == RebalanceMode.TO_BAND_EDGE ? half
        : BigDecimal.ZERO);
    List<Account> tradable = h.accounts().stream().filter(a -> a.tradable() && !a.heldAway())
        .sorted(java.util.Comparator.comparing(Account::id)).toList();
    Money tradableCash = Money.ZERO_USD;
    Money floors = Money.ZERO_USD;
    Money available = Money.ZERO_USD;
    for (Account a : tradable) {
      Money floor = a.cashFloor().plus(raise.getOrDefault(a.id(), Money.ZERO_USD));
      tradableCash = tradableCash.plus(a.cash());
      floors = floors.plus(floor);
      available = available.plus(a.cash().minus(floor).max(Money.ZERO_USD));
    }
    Money elsewhere = assessment.valuation().classValue(HouseholdValuation.CASH).minus(tradableCash);
    Money keep = assessment.valuation().total().multipliedBy(goal.max(BigDecimal.ZERO))
        .minus(elsewhere);
    Money extra = keep.minus(floors);
    if (!extra.isPositive() || tradable.isEmpty()) {
      return;
    }
    Money fromCash = extra.min(available);
    Money assigned = Money.ZERO_USD;
    for (int i = 0; i < tradable.size() && available.isPositive(); i++) {
      Account a = tradable.get(i);
      Money floor = a.cashFloor().plus(raise.getOrDefault(a.id(), Money.ZERO_USD));
      Money spare = a.cash().minus(floor).max(Money.ZERO_USD);
      Money share = fromCash.multipliedBy(spare.amount().divide(available.amount(),
          java.math.MathContext.DECIMAL128)).min(spare).min(fromCash.minus(assigned));
      if (share.isPositive()) {
        raise.merge(a.id(), share, Money::plus);
        assigned = assigned.plus(share);
      }
    }
    Money toRaise = extra.minus(assigned);
    notes.add("cash goal " + keep + " kept in tradable accounts (" + assigned + " from idle cash)");
    if (toRaise.isPositive()) {
      Account chosen = tradable.stream().max(java.util.Comparator.comparing((Account a) ->
          a.treatment() != dev.rebal.core.household.TaxTreatment.TAXABLE)
          .thenComparing(a -> assessment.valuation().accountValues().get(a.id()))
          .thenComparing(Account::id, java.util.Comparator.reverseOrder())).orElseThrow();
      raise.merge(chosen.id(), toRaise, Money::plus);
      notes.add("cash below its goal: raise " + toRaise + " in " + chosen.id());
    }
  }

  /**
   * Returns the household's lots by position key ({@link ProblemBuild#key}), each list in household
   * order. A run of lots of one position (the usual layout) looks its key up once.
   */
  private static Map<String, List<TaxLot>> lotsByPosition(Household h) {
    Map<String, List<TaxLot>> out = new TreeMap<>();
    AccountId account = null;
    SecurityId security = null;
    List<TaxLot> current = null;
    for (TaxLot lot : h.lots()) {
      if (!lot.account().equals(account) || !lot.security().equals(security)) {
        account = lot.account();
        security = lot.security();
        current = out.computeIfAbsent(ProblemBuild.key(account, security), k -> new ArrayList<>());
      }
      current.add(lot);
    }
    return out;
  }

  /** A position's account and security, as a hash key. */
  private record Position(AccountId account, SecurityId security) {}

  private static Optional<SecurityId> firstBuyable(List<SecurityId> candidates, AccountId account,
      MarketData m, TradeConstraints tc, TaxConstraints taxc, Set<SecurityId> forbidBuy,
      Set<String> otherThanGroups) {
    for (SecurityId s : candidates) {
      Optional<Security> sec = m.findSecurity(s);
      Optional<PositionConstraints> pc = tc.findPosition(account, s);
      if (sec.isPresent() && !otherThanGroups.contains(sec.get().washSaleGroup())
          && m.prices().find(s).isPresent() && pc.isPresent() && pc.get().mayBuy()
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

  /** The location penalties' basis points summed by position, in the compiled order. */
  private static Map<Position, BigDecimal> penalties(TradeConstraints tc) {
    Map<Position, BigDecimal> bps = new HashMap<>();
    for (LocationPenalty lp : tc.penalties()) {
      bps.merge(new Position(lp.account(), lp.security()), lp.penaltyBps(), BigDecimal::add);
    }
    return bps;
  }

  /** The position's penalty per dollar: its summed basis points (none: zero) over 10,000. */
  private static BigDecimal penalty(Map<Position, BigDecimal> penalties, AccountId account,
      SecurityId security) {
    BigDecimal bps = penalties.get(new Position(account, security));
    return (bps == null ? BigDecimal.ZERO : BigDecimal.ZERO.add(bps)).movePointLeft(4);
  }

  static String describe(Provenance p) {
    return p.id() + " " + p.kind() + ": " + p.source();
  }
}
