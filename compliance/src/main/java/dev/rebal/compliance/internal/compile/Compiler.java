package dev.rebal.compliance.internal.compile;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.compliance.AccountConstraints;
import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.ConcentrationLimit;
import dev.rebal.compliance.Conflict;
import dev.rebal.compliance.ConflictKind;
import dev.rebal.compliance.IssuerSaleLimit;
import dev.rebal.compliance.LocationPenalty;
import dev.rebal.compliance.LotConstraints;
import dev.rebal.compliance.PositionConstraints;
import dev.rebal.compliance.Provenance;
import dev.rebal.compliance.QuantityBound;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.compliance.ValueBound;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compiles the restrictions in effect on the as-of date into {@link TradeConstraints}. Public only
 * so that {@link dev.rebal.compliance.ConstraintCompiler} can call it; not API.
 */
public final class Compiler {
  static final Provenance HELD_AWAY = Provenance.builtIn("held-away", "held-away account");
  static final Provenance NOT_TRADABLE =
      Provenance.builtIn("not-tradable", "account not tradable by the firm");
  static final Provenance NO_SHORT =
      Provenance.builtIn("no-short", "no short sales: at most the quantity held");
  static final Provenance MIN_TRADE =
      Provenance.builtIn("min-trade-size", "best execution: no trade below the minimum size");
  static final Provenance ROUND_LOT =
      Provenance.builtIn("round-lot", "whole multiples of the round lot");
  static final Provenance FRACTIONAL =
      Provenance.builtIn("fractional", "fractional shares allowed");
  private static final Quantity SMALLEST_STEP = Quantity.of("0.000001");

  private final Household household;
  private final MarketData marketData;
  private final LocalDate asOf;
  private final ComplianceParameters parameters;
  private final Holdings holdings;
  private final Blocks blocks;
  private final List<Restriction> active;
  private final List<SecurityId> universe;

  /** The security of each id of {@link #universe}, at the same index: looked up once. */
  private final List<Security> universeSecurities;

  private final SortedMap<AccountId, Account> accounts;
  private final List<IssuerSaleLimit> saleLimits = new ArrayList<>();
  private final List<ConcentrationLimit> caps = new ArrayList<>();
  private final List<Conflict> conflicts = new ArrayList<>();

  private Compiler(
      Household household, MarketData marketData, LocalDate asOf, ComplianceParameters parameters) {
    this.household = household;
    this.marketData = marketData;
    this.asOf = asOf;
    this.parameters = parameters;
    this.holdings = Holdings.of(household, marketData);
    this.blocks = new Blocks(household, marketData, asOf);
    this.active = blocks.active();
    this.accounts = blocks.accounts();
    SortedSet<SecurityId> u = new TreeSet<>(marketData.securities().keySet());
    SecurityId previous = null; // a position's lots usually come in one run: added once
    for (TaxLot lot : household.lots()) {
      if (!lot.security().equals(previous)) {
        u.add(lot.security());
        previous = lot.security();
      }
    }
    this.universe = List.copyOf(u);
    List<Security> securities = new ArrayList<>(universe.size());
    for (SecurityId id : universe) {
      securities.add(marketData.lookupSecurity(id));
    }
    this.universeSecurities = securities;
  }

  /** Compiles; see {@link dev.rebal.compliance.ConstraintCompiler#compile}. */
  public static TradeConstraints compile(
      Household household, MarketData marketData, LocalDate asOf, ComplianceParameters parameters) {
    return new Compiler(household, marketData, asOf, parameters).run();
  }

  private TradeConstraints run() {
    List<AccountConstraints> accountConstraints = compileAccounts();
    compileVolumeLimits();
    compileCaps();
    List<PositionConstraints> positions = compilePositions();
    List<LotConstraints> lots = compileLots();
    Map<String, ImmutableSortedSet<SecurityId>> groups = compileWashSaleGroups();
    List<LocationPenalty> penalties = compilePenalties();
    ConflictFinder finder = new ConflictFinder(accounts, marketData, positions, saleLimits);
    conflicts.addAll(finder.capConflicts(caps));
    conflicts.addAll(finder.cashConflicts(accountConstraints));
    return TradeConstraints.of(
        asOf,
        parameters,
        accountConstraints,
        positions,
        lots,
        caps,
        saleLimits,
        groups,
        penalties,
        conflicts);
  }

  private List<AccountConstraints> compileAccounts() {
    List<AccountConstraints> out = new ArrayList<>();
    for (Account a : accounts.values()) {
      out.add(
          new AccountConstraints(a.id(), blocks.account(a.id()), a.cash().minus(a.cashFloor())));
    }
    return out;
  }

  private void compileVolumeLimits() {
    for (Restriction r : active) {
      if (r instanceof VolumeLimit) {
        VolumeLimit v = (VolumeLimit) r;
        var limit = VolumeLimits.compile(v, household, marketData, asOf, universe);
        if (limit.isPresent()) {
          saleLimits.add(limit.get());
        } else {
          // the sale block itself is decided in Blocks
          conflicts.add(
              new Conflict(
                  ConflictKind.VOLUME_DATA_MISSING,
                  "issuer " + v.issuer(),
                  BigDecimal.ZERO,
                  ImmutableList.of(Provenance.of(v))));
        }
      }
    }
  }

  private void compileCaps() {
    Money total = holdings.householdValue();
    for (Restriction r : active) {
      if (!(r instanceof ConcentrationCap)) {
        continue;
      }
      ConcentrationCap cap = (ConcentrationCap) r;
      ImmutableSortedSet.Builder<SecurityId> inScope = ImmutableSortedSet.naturalOrder();
      Money current = Money.ZERO_USD;
      Money heldAway = Money.ZERO_USD;
      for (int i = 0; i < universe.size(); i++) {
        SecurityId s = universe.get(i);
        if (!cap.scope().matches(universeSecurities.get(i))) {
          continue;
        }
        inScope.add(s);
        for (AccountId a : holdings.accountsWithLots()) {
          Money v = holdings.value(a, s);
          current = current.plus(v);
          Account account = accounts.get(a);
          if (account != null && account.heldAway()) {
            heldAway = heldAway.plus(v);
          }
        }
      }
      BigDecimal max =
          cap.maxWeight()
              .value()
              .multiply(total.amount(), MathContext.DECIMAL128)
              .setScale(total.amount().scale(), RoundingMode.DOWN);
      caps.add(
          new ConcentrationLimit(
              Provenance.of(cap),
              cap.scope(),
              cap.maxWeight(),
              inScope.build(),
              total,
              heldAway,
              current,
              Money.of(total.currency(), max)));
    }
  }

  private List<PositionConstraints> compilePositions() {
    List<PositionConstraints> out = new ArrayList<>(accounts.size() * universe.size());
    // the bounds every position shares are built once (records: equal either way)
    ValueBound minTrade = new ValueBound(parameters.minTradeValue(), MIN_TRADE);
    QuantityBound fractionalStep = new QuantityBound(SMALLEST_STEP, FRACTIONAL);
    QuantityBound roundLotStep = new QuantityBound(parameters.roundLot(), ROUND_LOT);
    QuantityBound noneHeld = new QuantityBound(Quantity.ZERO.max(Quantity.ZERO), NO_SHORT);
    boolean lotPreferences = active.stream().anyMatch(r -> r instanceof LotPreference);
    for (Account a : accounts.values()) {
      // the universe holds every security the account holds, both in security order: the held
      // quantities are walked alongside it instead of looked up per security
      Iterator<Map.Entry<SecurityId, Quantity>> heldIt =
          holdings.quantities(a.id()).entrySet().iterator();
      Map.Entry<SecurityId, Quantity> nextHeld = heldIt.hasNext() ? heldIt.next() : null;
      for (int i = 0; i < universe.size(); i++) {
        SecurityId id = universe.get(i);
        Security s = universeSecurities.get(i);
        Quantity held = Quantity.ZERO;
        while (nextHeld != null && nextHeld.getKey().compareTo(id) < 0) {
          nextHeld = heldIt.hasNext() ? heldIt.next() : null; // never: the universe has them all
        }
        if (nextHeld != null && nextHeld.getKey().equals(id)) {
          held = nextHeld.getValue();
          nextHeld = heldIt.hasNext() ? heldIt.next() : null;
        }
        QuantityBound noShort =
            held.isZero() ? noneHeld : new QuantityBound(held.max(Quantity.ZERO), NO_SHORT);
        List<QuantityBound> sellLimits = null;
        if (lotPreferences) {
          for (Restriction r : active) {
            if (r instanceof LotPreference && ((LotPreference) r).scope().matches(s)) {
              Quantity protectedQty = protectedQuantity((LotPreference) r, a.id(), id);
              if (protectedQty.isPositive()) {
                sellLimits = bounds(sellLimits, noShort);
                sellLimits.add(
                    new QuantityBound(
                        held.minus(protectedQty).max(Quantity.ZERO), Provenance.of(r)));
              }
            }
          }
        }
        for (IssuerSaleLimit l : saleLimits) {
          if (l.issuer().equals(s.issuer())) {
            sellLimits = bounds(sellLimits, noShort);
            sellLimits.add(new QuantityBound(l.remaining(), l.provenance()));
          }
        }
        ImmutableList.Builder<ValueBound> buyLimits = null;
        for (ConcentrationLimit c : caps) {
          if (c.securities().contains(id)) {
            if (buyLimits == null) {
              buyLimits = ImmutableList.builder();
            }
            buyLimits.add(new ValueBound(c.headroom().max(Money.ZERO_USD), c.provenance()));
          }
        }
        boolean fractional = a.fractionalShares() || s.kind() == SecurityKind.MUTUAL_FUND;
        out.add(
            new PositionConstraints(
                a.id(),
                id,
                held,
                blocks.buy(a.id(), s),
                blocks.sell(a.id(), s),
                sellLimits == null ? ImmutableList.of(noShort) : ImmutableList.copyOf(sellLimits),
                buyLimits == null ? ImmutableList.of() : buyLimits.build(),
                minTrade,
                fractional ? fractionalStep : roundLotStep));
      }
    }
    return out;
  }

  /** {@code limits}, or a new list of the no-short bound when null. */
  private static List<QuantityBound> bounds(List<QuantityBound> limits, QuantityBound noShort) {
    if (limits != null) {
      return limits;
    }
    List<QuantityBound> out = new ArrayList<>();
    out.add(noShort);
    return out;
  }

  private List<LotConstraints> compileLots() {
    List<LotConstraints> out = new ArrayList<>();
    for (TaxLot lot : household.lots()) {
      Security s = marketData.lookupSecurity(lot.security());
      out.add(
          new LotConstraints(
              lot.id(), lot.account(), lot.security(), lot.quantity(), blocks.lot(lot, s)));
    }
    return out;
  }

  private Map<String, ImmutableSortedSet<SecurityId>> compileWashSaleGroups() {
    if (universe.size() == marketData.securities().size()) {
      // the universe is the security master: its groups, built once per market data
      return marketData.washSaleGroups();
    }
    SortedMap<String, SortedSet<SecurityId>> groups = new TreeMap<>();
    for (int i = 0; i < universe.size(); i++) {
      groups
          .computeIfAbsent(universeSecurities.get(i).washSaleGroup(), g -> new TreeSet<>())
          .add(universe.get(i));
    }
    SortedMap<String, ImmutableSortedSet<SecurityId>> out = new TreeMap<>();
    groups.forEach((g, ids) -> out.put(g, ImmutableSortedSet.copyOf(ids)));
    return out;
  }

  private List<LocationPenalty> compilePenalties() {
    List<LocationPenalty> out = new ArrayList<>();
    for (Restriction r : active) {
      if (!(r instanceof AssetLocationPreference)) {
        continue;
      }
      AssetLocationPreference p = (AssetLocationPreference) r;
      for (Account a : accounts.values()) {
        if (a.heldAway() || !p.avoidIn().contains(a.treatment())) {
          continue;
        }
        for (int i = 0; i < universe.size(); i++) {
          SecurityId id = universe.get(i);
          if (p.scope().matches(universeSecurities.get(i))) {
            out.add(new LocationPenalty(a.id(), id, p.penaltyBps(), Provenance.of(p)));
          }
        }
      }
    }
    return out;
  }

  /** Quantity of the position's lots that {@code r} protects. */
  private Quantity protectedQuantity(LotPreference r, AccountId account, SecurityId security) {
    Quantity q = Quantity.ZERO;
    for (TaxLot lot : household.lots()) {
      if (lot.account().equals(account)
          && lot.security().equals(security)
          && lot.acquired().isBefore(r.protectAcquiredBefore())) {
        q = q.plus(lot.quantity());
      }
    }
    return q;
  }
}
