package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.LocationPenalty;
import dev.rebal.compliance.LotConstraints;
import dev.rebal.compliance.PositionConstraints;
import dev.rebal.compliance.Provenance;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.assess.Assessment;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.plan.GoalBucket;
import dev.rebal.core.rule.ConstraintAdjustment;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.valuation.ClassDrift;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.optimizer.BucketGoal;
import dev.rebal.optimizer.CashReserve;
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
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.TaxTiming;
import dev.rebal.tax.cost.TaxCostCurve;
import dev.rebal.tax.cost.TaxCostModel;
import dev.rebal.tax.cost.TaxCostSegment;
import dev.rebal.tax.gains.GainBudget;
import dev.rebal.tax.harvest.HarvestAppraisal;
import dev.rebal.tax.internal.TaxCostCache;
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
 *       account's floor is its cash floor plus a dollar of margin for the cents each trade's value
 *       rounds to; the floor is a goal of the optimizer, not a hard row.
 *   <li>Cash the constraint rules ask to hold (committed liquidity needs, the cash part of
 *       committed gifts) becomes a {@link CashReserve} in the account that can pay it: the
 *       highest-priority goal, outside the drift base.
 *   <li>A position's sellable lots are the tax-cost curve's segments (tax-optimal relief order, lot
 *       preferences excluded) minus lots compliance blocks and loss lots the wash-sale rule blocks,
 *       truncated to compliance's per-position sell limit. The rest of the position is placed in a
 *       non-tradable twin account {@code <account>~locked}, so it still counts toward class values
 *       but is never sold. Each issuer's Rule 144 remainder becomes one household sale limit summed
 *       over every account.
 *   <li>When the tax trigger fired, the lots of the tax module's harvests (above the rule set's
 *       loss thresholds, allowed by compliance) are marked harvestable: their loss is a benefit in
 *       the one problem, and replacements are offered, so harvesting and rebalancing are decided
 *       together.
 *   <li>Buys are offered only in the model's first eligible security of each targeted class per
 *       account (compliance may buy, no wash-sale buy block, no rule forbids it); when harvesting
 *       or watching goal buckets, or when its accounts differ in location cost (a class moves to a
 *       cheaper account: docs/optimizer.md), also the first eligible one of another wash-sale
 *       group.
 *   <li>Account cash is the {@code CASH} class of the target (a target of zero when the plan has
 *       none): idle cash above its goal and the floors is invested in every mode, cash below it
 *       raised where it costs least. Cash equivalents (money-market funds) count toward it; they
 *       are never bought, and sold only to raise account cash (a sale changes no class). Announced
 *       inflows within the horizon count as cash that will be invested where the classes need it.
 *   <li>Compliance concentration caps become per-security holding caps in dollars.
 *   <li>Goal buckets funded by accounts get their own drift rows (see addBucketGoals).
 * </ul>
 *
 * <p>Parameters: {@code optimizer.drift-weight} (1), {@code optimizer.bucket-drift-weight} (the
 * drift weight), {@code trigger.goal-bucket.min-value} (25000), {@code
 * optimizer.transaction-cost-bps} (5), {@code optimizer.turnover-penalty} (0.0001), {@code
 * optimizer.tax-weight} (1), {@code optimizer.drift-worsening-weight} (1).
 */
public final class ProblemBuilder {
  private static final String LOCKED = "~locked";
  private static final Money ROUNDING_MARGIN = Money.usd("1");

  private ProblemBuilder() {}

  /**
   * {@return the rounding margin the problem adds to {@code a}'s cash floor: up to a dollar for the
   * cents each trade's value rounds to, never more than the account has above its floor}
   */
  public static Money floorMargin(Account a) {
    return ROUNDING_MARGIN.min(a.cash().minus(a.cashFloor()).max(Money.ZERO_USD));
  }

  /** Builds the household's problem. */
  public static ProblemBuild build(ProblemRequest r) {
    return build(r, false);
  }

  /**
   * Returns the {@link ProblemBuild#constraints() constraint notes} of {@link
   * #build(ProblemRequest)} without the problem, for a decision that does not optimise (only the
   * gift or tax trigger fired and nothing is left to do). The tax-cost curves are computed and the
   * sell segments walked only for positions holding a loss lot the wash-sale rule blocks (the only
   * segments that give notes); when a check of the skipped parts could fail, the whole problem is
   * built (and dropped), so a household whose build throws still throws.
   */
  public static ImmutableList<String> notes(ProblemRequest r) {
    return build(r, skippedChecksHold(r.household(), r.constraints())).constraints();
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
  private static ProblemBuild build(ProblemRequest r, boolean notesOnly) {
    Household h = r.household();
    MarketData m = r.market();
    LocalDate asOf = r.asOf();
    RuleSet rs = r.ruleSet();
    Assessment assessment = r.assessment();
    TradeConstraints tc = r.constraints();
    RebalanceMode mode = r.mode();
    TaxMemo memo = r.memo();
    TaxCostCache curveCache = r.curves();
    List<String> notes = new ArrayList<>();
    Set<SecurityId> forbidBuy = new TreeSet<>();
    Set<SecurityId> forbidSell = new TreeSet<>();
    List<CashReserve> needs = new ArrayList<>();
    for (ConstraintAdjustment a : r.adjustments()) {
      if (a instanceof ConstraintAdjustment.ForbidBuy fb) {
        forbidBuy.add(fb.security());
      } else if (a instanceof ConstraintAdjustment.ForbidSell fs) {
        forbidSell.add(fs.security());
      } else if (a instanceof ConstraintAdjustment.RaiseCash rc) {
        needs.add(new CashReserve(rc.reason(), rc.account(), rc.amount()));
      }
      notes.add("rule: " + a.reason());
    }
    TaxConstraints taxc = (memo.isFor(h, m, asOf) ? memo : TaxMemo.of(h, m, asOf)).washSale();
    if (!taxc.isCoverageComplete()) {
      notes.add(
          "wash-sale: coverage incomplete for an external account; recent trades there are "
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
    // the lots the tax module found worth harvesting (above the rule set's thresholds) and
    // compliance allows: their losses are a benefit in the problem when the tax trigger fired
    // (the objective counts a harvested loss at what it is worth: the rate it saves when the
    // household can use it, less the later tax on the replacement's lower basis)
    TaxRates rates = TaxRates.of(h.taxProfile());
    TaxTiming timing = Params.taxTiming(rs);
    BigDecimal later = timing.laterRate(rates);
    Map<LotId, BigDecimal> harvestable = new HashMap<>();
    if (r.harvest()) {
      for (HarvestAppraisal a : memo.appraisals(rs)) {
        if (!a.worthIt()) {
          notes.add(a.describe() + ": not harvested");
        } else if (!notesOnly && HarvestStage.isAllowed(a.harvest(), tc)) {
          a.harvest()
              .sale()
              .lots()
              .forEach(l -> harvestable.put(l.lot(), a.creditRate(rates.rateOf(l.term()), later)));
        }
      }
      memo.givenUp(rs).forEach(skip -> notes.add(givenUpNote(h, m, skip, memo.harvests(rs))));
    }
    SaleUrgency urgency = SaleUrgency.of(h, assessment, needs, tc, rs);
    LongTermWait wait = LongTermWait.of(rs, asOf, urgency);
    RecentTradeHold recent = RecentTradeHold.of(rs, asOf, urgency, h);
    Map<String, TaxCostCurve> curves = new TreeMap<>();
    // notes only: the curves of the positions with a blocked loss lot, taken one by one below
    for (TaxCostCurve c :
        notesOnly
            ? List.<TaxCostCurve>of()
            : curveCache == null
                ? TaxCostModel.standard().curves(h, m, asOf)
                : curveCache.curves(h, m, asOf)) {
      curves.put(ProblemBuild.key(c.account(), c.security()), c);
    }

    HouseholdProblem.Builder p = HouseholdProblem.builder();
    Set<SecurityId> securities = new TreeSet<>();
    Map<String, ImmutableList<LotId>> segmentLots = new TreeMap<>();
    Map<AccountId, Boolean> tradable = new TreeMap<>();
    for (Account a : h.accounts()) {
      boolean mayTrade =
          a.tradable()
              && !a.heldAway()
              && tc.findAccount(a.id()).map(x -> x.mayTrade()).orElse(false);
      tradable.put(a.id(), mayTrade);
      tc.findAccount(a.id())
          .ifPresent(
              x ->
                  x.blocks()
                      .forEach(
                          b ->
                              notes.add(
                                  "account " + a.id() + ": no trades (" + describe(b) + ")")));
      // up to a dollar of margin: the verifier rounds each trade's value to cents before adding
      // them up (never more than the account has above its floor, so the margin alone is never
      // a shortfall; an account already below its floor gets none: the verifier reports that
      // breach as pre-existing while the proposal does not lower its cash)
      Money floor = a.cashFloor().plus(floorMargin(a));
      p.addAccount(
          new ProblemAccount(
              a.id(), a.cash(), mayTrade ? floor : Money.ZERO_USD, mayTrade, a.fractionalShares()));
      if (a.type().isCharitable()) {
        // the fund's holdings are the charity's: no class moves in or out of it to save the
        // household's tax (docs/optimizer.md, "Asset location"), and its cash is not the
        // household's to spend, so it raises none for the household's cash goal
        p.outsideRelocation(a.id());
        p.cashApart(a.id());
      }
    }

    // buys: the model's first eligible security per targeted class and tradable account
    Money total = assessment.valuation().total();
    Money bigBuy = total.plus(total).max(Money.usd("1"));
    Map<String, Money> buys = new TreeMap<>();
    List<GoalBucket> watched = watchedBuckets(h, rs, assessment);
    BigDecimal locationYears = Params.decimal(rs, "optimizer.location-years", "1");
    boolean relocates = AssetLocation.applies(h, locationYears);
    for (AssetClass c : assessment.plan().target().classes().keySet()) {
      if (c.equals(HouseholdValuation.CASH)) {
        continue;
      }
      List<SecurityId> classSecurities = h.model().securities().getOrDefault(c, ImmutableList.of());
      for (Account a : h.accounts()) {
        if (!tradable.get(a.id())) {
          continue;
        }
        // a security sold from the account within the holding days is bought back only when no
        // other of the class may be, and never offered as the second security
        List<SecurityId> candidates = recent.notSoldFrom(classSecurities, a.id());
        Optional<SecurityId> first =
            firstBuyable(classSecurities, a.id(), m, tc, taxc, forbidBuy, Set.of());
        Optional<SecurityId> chosen =
            candidates == classSecurities
                ? first
                : firstBuyable(candidates, a.id(), m, tc, taxc, forbidBuy, Set.of())
                    .or(() -> first);
        if (!chosen.equals(first)) {
          notes.add(
              first.get() + " in " + a.id() + ": not bought back (sold within the holding days)");
        }
        if (chosen.isEmpty()) {
          notes.add("class " + c + " in " + a.id() + ": no model security may be bought");
          continue;
        }
        List<SecurityId> offered = new ArrayList<>(List.of(chosen.get()));
        if (mode == RebalanceMode.TAX_LOSS_HARVEST
            || r.harvest()
            || !watched.isEmpty()
            || relocates) {
          // a replacement from another wash-sale group, so a loss in the first can be harvested,
          // or, with goal buckets watched or location costs, a class can move between accounts
          // without a sale and a buy in one group (which the direction rows forbid)
          firstBuyable(
                  candidates,
                  a.id(),
                  m,
                  tc,
                  taxc,
                  forbidBuy,
                  Set.of(m.lookupSecurity(chosen.get()).washSaleGroup()))
              .ifPresent(offered::add);
        }
        for (SecurityId s : offered) {
          PositionConstraints pc = tc.lookupPosition(a.id(), s);
          buys.put(
              ProblemBuild.key(a.id(), s),
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
        p.addPosition(
            new ProblemPosition(
                account,
                security,
                held,
                false,
                Money.ZERO_USD,
                false,
                BigDecimal.ZERO,
                List.of(lockedSegment(held))));
        continue;
      }
      PositionConstraints pc = tc.lookupPosition(account, security);
      // cash equivalents count toward the cash class with account cash: a sale changes no class and
      // costs trading, so the problem sells one only to raise cash a floor or a need reserve asks
      // for
      boolean sellEligible = pc.maySell() && !forbidSell.contains(security);
      pc.sellBlocks()
          .forEach(b -> notes.add(security + " in " + account + ": no sale (" + describe(b) + ")"));
      Quantity sellLimit = pc.maxSellQuantity().limit();
      if (sellLimit.compareTo(held) < 0 && sellEligible) {
        notes.add(
            security
                + " in "
                + account
                + ": sale limited to "
                + sellLimit
                + " ("
                + describe(pc.maxSellQuantity().provenance())
                + ")");
      }
      TaxCostCurve curve = curves.get(e.getKey());
      Map<LotId, TaxLot> nearLongTerm = wait.nearLongTerm(e.getValue());
      Map<LotId, TaxLot> boughtInto = recent.boughtInto(e.getValue());
      if (notesOnly) {
        if (!anyLot(e.getValue(), lossBlocked) && nearLongTerm.isEmpty() && boughtInto.isEmpty()) {
          continue; // no blocked loss lot, none near long term or recent: the loop adds no note
        }
        // the same curve as the household's curves give this position (same lots, same order)
        curve = TaxCostModel.standard().curve(h, m, account, security, asOf);
      }
      List<SellSegment> segments = new ArrayList<>();
      ImmutableList.Builder<LotId> lots = ImmutableList.builder();
      Quantity sellable = Quantity.ZERO;
      for (TaxCostSegment s : curve == null ? List.<TaxCostSegment>of() : curve.segments()) {
        boolean washBlocked = s.gainPerDollar().signum() < 0 && lossBlocked.contains(s.lot());
        if (washBlocked
            && urgency.mustRaiseCash(account)
            && mode != RebalanceMode.TAX_LOSS_HARVEST
            && !lotBlocked.contains(s.lot())) {
          // a need or a floor outranks the loss: the wash sale disallows it and adds it to the
          // replacement's basis, so it is deferred, not lost (the loss is no benefit here, since
          // only harvest mode counts a loss that the tax module did not find worth harvesting)
          notes.add("lot " + s.lot() + ": loss sale in the wash-sale window, to raise cash");
        } else if (washBlocked || !lotBlocked.isEmpty() && lotBlocked.contains(s.lot())) {
          if (washBlocked) {
            notes.add("lot " + s.lot() + ": no loss sale (wash-sale window)");
          }
          continue;
        }
        if (wait.holdsBack(s, nearLongTerm, account, security, m)) {
          notes.add(
              "lot "
                  + s.lot()
                  + ": held back, long term in "
                  + wait.daysLeft(nearLongTerm.get(s.lot()))
                  + " days");
          continue;
        }
        TaxLot lot = boughtInto.get(s.lot());
        // a harvest pays by itself, however recent the purchase
        if (lot != null
            && !harvestable.containsKey(s.lot())
            && recent.holdsBack(lot, account, security, m)) {
          long since = recent.daysSince(lot.acquired());
          notes.add(
              "lot "
                  + s.lot()
                  + (since < recent.days()
                      ? ": held back, bought " + since + " days ago"
                      : ": held back, more of it bought within " + recent.days() + " days"));
          continue;
        }
        Quantity q = s.quantity().min(sellLimit.minus(sellable));
        if (!q.isPositive()) {
          break;
        }
        BigDecimal harvestRate = harvestable.get(s.lot());
        segments.add(
            new SellSegment(
                q,
                s.gainPerDollar().min(BigDecimal.ONE),
                term(s),
                harvestRate != null
                    ? harvestRate
                    : TaxTiming.costOfRealizing(s.rate().value(), later),
                harvestRate != null));
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
      p.addPosition(
          new ProblemPosition(
              account,
              security,
              sellable,
              maxBuy != null,
              maxBuy == null ? Money.ZERO_USD : maxBuy,
              sellEligible && sellable.isPositive(),
              penalty(penalties, account, security),
              segments));
    }
    buys.forEach(
        (key, maxBuy) -> {
          String[] parts = key.split("\\|", 2);
          AccountId a = AccountId.of(parts[0]);
          SecurityId s = SecurityId.of(parts[1]);
          p.addPosition(
              new ProblemPosition(
                  a, s, Quantity.ZERO, true, maxBuy, false, penalty(penalties, a, s), List.of()));
        });
    for (AccountId twin : lockedAccounts) {
      p.addAccount(new ProblemAccount(twin, Money.ZERO_USD, Money.ZERO_USD, false, true));
    }
    lockedQuantities.forEach(
        (key, q) -> {
          String[] parts = key.split("\\|", 2);
          p.addPosition(
              new ProblemPosition(
                  AccountId.of(parts[0]),
                  SecurityId.of(parts[1]),
                  q,
                  false,
                  Money.ZERO_USD,
                  false,
                  BigDecimal.ZERO,
                  List.of(lockedSegment(q))));
        });

    for (SecurityId s : securities) {
      Security sec = m.lookupSecurity(s);
      p.addSecurity(
          new ProblemSecurity(
              s, m.prices().lookup(s).perUnit(), sec.assetClass(), sec.washSaleGroup()));
    }
    BigDecimal driftWeight = Params.decimal(rs, "optimizer.drift-weight", "1");
    BandTier tier = BandTier.of(rs, asOf, h, m);
    Set<AssetClass> targeted = new TreeSet<>();
    assessment
        .plan()
        .target()
        .classes()
        .forEach(
            (c, t) -> {
              Optional<ClassDrift> drift = assessment.drift().find(c);
              BigDecimal share = drift.map(tier::shareOf).orElse(BigDecimal.ONE);
              drift.flatMap(tier::note).ifPresent(notes::add);
              p.addClassGoal(new ClassGoal(c, t, driftWeight, share));
              targeted.add(c);
            });
    if (targeted.add(HouseholdValuation.CASH)) {
      // a target without cash wants none above the floors
      p.addClassGoal(
          new ClassGoal(
              HouseholdValuation.CASH,
              new ClassTarget(
                  dev.rebal.core.money.Weight.ZERO,
                  dev.rebal.core.money.Weight.ZERO,
                  dev.rebal.core.money.Weight.ZERO),
              driftWeight));
    }
    // account cash is the cash class: idle cash above its goal is invested, cash below raised
    p.cashClass(HouseholdValuation.CASH);
    needs.forEach(p::addCashReserve);
    Money inflow = Money.ZERO_USD;
    for (dev.rebal.core.goal.LiquidityEvent e : assessment.upcomingInflows()) {
      inflow = inflow.plus(e.amount());
    }
    if (inflow.isPositive()) {
      p.expectedInflow(inflow);
      notes.add("expected inflow " + inflow + " within the horizon counted as cash to invest");
    }
    p.harvestLosses(r.harvest());
    for (dev.rebal.compliance.IssuerSaleLimit limit : tc.saleLimits()) {
      Set<SecurityId> inProblem = new TreeSet<>(limit.securities());
      inProblem.retainAll(securities);
      if (!inProblem.isEmpty()) {
        p.addSaleLimit(
            dev.rebal.optimizer.SaleLimit.of(
                limit.provenance().id(), inProblem, limit.remaining()));
        notes.add(
            "issuer "
                + limit.issuer()
                + ": sales over all accounts limited to "
                + limit.remaining()
                + " ("
                + describe(limit.provenance())
                + ")");
      }
    }
    for (SecurityId s : securities) {
      AssetClass c = m.lookupSecurity(s).assetClass();
      if (!c.equals(HouseholdValuation.CASH) && targeted.add(c)) {
        p.addClassGoal(
            new ClassGoal(
                c,
                new ClassTarget(
                    dev.rebal.core.money.Weight.ZERO,
                    dev.rebal.core.money.Weight.ZERO,
                    dev.rebal.core.money.Weight.ZERO),
                driftWeight));
      }
    }
    addBucketGoals(watched, p, rs, lockedAccounts, driftWeight);
    AssetLocation.costs(
            h, targeted, dev.rebal.core.outlook.CapitalMarketAssumptions.from(rs), locationYears)
        .forEach(p::addLocationCost);
    for (ConcentrationLimit cap : tc.caps()) {
      for (SecurityId s : cap.securities()) {
        if (securities.contains(s)) {
          Money others =
              cap.currentValue()
                  .minus(
                      assessment.valuation().positionValues().values().stream()
                          .map(pv -> pv.getOrDefault(s, Money.ZERO_USD))
                          .reduce(Money.ZERO_USD, Money::plus));
          p.addHoldingCap(new HoldingCap(s, cap.maxValue().minus(others).max(Money.ZERO_USD)));
          notes.add(
              s
                  + ": holding capped at "
                  + cap.maxValue()
                  + " ("
                  + describe(cap.provenance())
                  + ")");
        }
      }
    }
    GainBudget budget = GainBudget.of(h.taxProfile());
    budget.remaining().ifPresent(b -> p.gainBudget(b.max(Money.ZERO_USD)));
    budget.remainingShortTerm().ifPresent(b -> p.shortTermGainCap(b.max(Money.ZERO_USD)));
    rs.find("optimizer.turnover-cap")
        .ifPresent(x -> p.turnoverCap(total.multipliedBy(new BigDecimal(x))));
    p.minTradeSize(tc.parameters().minTradeValue());
    p.mode(mode);
    p.weights(
        new ObjectiveWeights(
            Params.decimal(rs, "optimizer.transaction-cost-bps", "5"),
            Params.decimal(rs, "optimizer.turnover-penalty", "0.0001"),
            Params.decimal(rs, "optimizer.tax-weight", "1"),
            Params.decimal(rs, "optimizer.drift-worsening-weight", "1")));
    if (notesOnly) {
      p.build(); // the checks of what was added (accounts, securities, goals, caps, buys)
      return new ProblemBuild(null, ImmutableMap.of(), ImmutableList.copyOf(new TreeSet<>(notes)));
    }
    return new ProblemBuild(
        p.build(), ImmutableMap.copyOf(segmentLots), ImmutableList.copyOf(new TreeSet<>(notes)));
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
   * trigger.goal-bucket}: those {@link dev.rebal.core.plan.WatchedBuckets} selects with {@code
   * trigger.goal-bucket.min-value} (25000) and {@code trigger.goal-bucket.horizon-days} (1826);
   * none otherwise.
   */
  private static List<GoalBucket> watchedBuckets(Household h, RuleSet rs, Assessment assessment) {
    if (!rs.isEnabled("trigger.goal-bucket")) {
      return List.of();
    }
    return dev.rebal.core.plan.WatchedBuckets.of(
        h,
        assessment.plan(),
        assessment.asOf(),
        Params.decimal(rs, "trigger.goal-bucket.min-value", "25000"),
        Params.decimal(rs, "trigger.goal-bucket.horizon-days", "1826").longValue());
  }

  /**
   * Adds drift rows for each watched goal bucket ({@link #watchedBuckets}): one {@link BucketGoal}
   * per class of the bucket but cash (targeted or held), over the bucket's accounts at their shares
   * and their locked twins, weighted by {@code optimizer.bucket-drift-weight} (default: {@code
   * optimizer.drift-weight}). Nothing is added for a household without such a bucket, so its
   * problem is unchanged.
   */
  private static void addBucketGoals(
      List<GoalBucket> watched,
      HouseholdProblem.Builder p,
      RuleSet rs,
      Set<AccountId> lockedAccounts,
      BigDecimal driftWeight) {
    BigDecimal weight =
        Params.decimal(rs, "optimizer.bucket-drift-weight", driftWeight.toPlainString());
    for (GoalBucket b : watched) {
      TreeMap<AccountId, BigDecimal> shares = new TreeMap<>();
      b.accountShares()
          .forEach(
              (a, share) -> {
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
        ClassTarget t =
            b.target()
                .classes()
                .getOrDefault(
                    d.assetClass(),
                    new ClassTarget(
                        dev.rebal.core.money.Weight.ZERO,
                        dev.rebal.core.money.Weight.ZERO,
                        dev.rebal.core.money.Weight.ZERO));
        p.addBucketGoal(new BucketGoal(b.id(), shares, d.assetClass(), t, weight));
      }
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

  private static Optional<SecurityId> firstBuyable(
      List<SecurityId> candidates,
      AccountId account,
      MarketData m,
      TradeConstraints tc,
      TaxConstraints taxc,
      Set<SecurityId> forbidBuy,
      Set<String> otherThanGroups) {
    for (SecurityId s : candidates) {
      Optional<Security> sec = m.findSecurity(s);
      Optional<PositionConstraints> pc = tc.findPosition(account, s);
      if (sec.isPresent()
          && !otherThanGroups.contains(sec.get().washSaleGroup())
          && m.prices().find(s).isPresent()
          && pc.isPresent()
          && pc.get().mayBuy()
          && !forbidBuy.contains(s)
          && taxc.mayBuy(account, sec.get().washSaleGroup())) {
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
  private static BigDecimal penalty(
      Map<Position, BigDecimal> penalties, AccountId account, SecurityId security) {
    BigDecimal bps = penalties.get(new Position(account, security));
    return (bps == null ? BigDecimal.ZERO : BigDecimal.ZERO.add(bps)).movePointLeft(4);
  }

  static String describe(Provenance p) {
    return p.id() + " " + p.kind() + ": " + p.source();
  }

  /**
   * Why a lot at a loss was not harvested although its loss was large enough: its wash-sale group
   * is the replacement a larger harvest buys, and selling it at a loss would wash that purchase.
   */
  private static String givenUpNote(
      Household h,
      MarketData m,
      dev.rebal.tax.harvest.HarvestSkip skip,
      List<dev.rebal.tax.harvest.Harvest> harvests) {
    SecurityId security =
        h.lots().stream()
            .filter(l -> l.id().equals(skip.lot()))
            .findFirst()
            .orElseThrow()
            .security();
    String group = m.lookupSecurity(security).washSaleGroup();
    String by =
        harvests.stream()
            .filter(hv -> m.lookupSecurity(hv.replacement()).washSaleGroup().equals(group))
            .findFirst()
            .map(hv -> " of the " + hv.sold() + " harvest in " + hv.account())
            .orElse(" of a larger harvest");
    return "lot "
        + skip.lot()
        + ": not harvested: "
        + security
        + " is in the group bought as the replacement"
        + by
        + " (a loss sale would wash the purchase)";
  }
}
