package dev.rebal.compliance.internal.verify;

import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.Provenance;
import dev.rebal.compliance.VerificationResult;
import dev.rebal.compliance.ViolationKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Verifies a proposed list of trades by reading the household's restrictions directly and applying
 * the trades to a {@link Ledger}. It deliberately repeats, in its own words, what the compiler
 * computes; it must never call the compiler. Public only so that {@link
 * dev.rebal.compliance.TradeVerifier} can call it; not API.
 */
public final class Verifier {
  private static final String SHARES = "shares";
  private static final String USD = "USD";
  private static final String WEIGHT = "weight";
  private static final BigDecimal RULE_144_SHARE = new BigDecimal("0.01");
  private static final int RULE_144_WEEKS = 4;

  /**
   * A cap's weight may grow by this share of itself when no holding in its scope grows: the trades'
   * values are rounded to cents, so the household's total after them can differ by a few cents from
   * the total before.
   */
  private static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("1e-6");

  private final Household household;
  private final MarketData marketData;
  private final LocalDate asOf;
  private final List<Trade> trades;
  private final ComplianceParameters parameters;
  private final Findings findings = new Findings();
  private final Ledger ledger;
  private final List<Restriction> inEffect = new ArrayList<>();
  private final Map<AccountId, Account> accounts = new TreeMap<>();
  private final Map<LotId, TaxLot> lots; // looked up only, never iterated

  /** Indexes of the trades whose account and security are both known. */
  private final List<Integer> known = new ArrayList<>();

  private Verifier(
      Household household,
      MarketData marketData,
      LocalDate asOf,
      List<Trade> trades,
      ComplianceParameters parameters) {
    this.household = household;
    this.marketData = marketData;
    this.asOf = asOf;
    this.trades = List.copyOf(trades);
    this.parameters = parameters;
    this.ledger = new Ledger(household);
    for (Restriction r : household.restrictions()) {
      if (r.window().contains(asOf)) {
        inEffect.add(r);
      }
    }
    for (Account a : household.accounts()) {
      accounts.put(a.id(), a);
    }
    this.lots = new HashMap<>(household.lots().size() * 4 / 3 + 1);
    for (TaxLot l : household.lots()) {
      lots.put(l.id(), l);
    }
  }

  /** Verifies; see {@link dev.rebal.compliance.TradeVerifier#verify}. */
  public static VerificationResult verify(
      Household household,
      MarketData marketData,
      LocalDate asOf,
      List<Trade> trades,
      ComplianceParameters parameters) {
    return new Verifier(household, marketData, asOf, trades, parameters).run();
  }

  private VerificationResult run() {
    for (int i = 0; i < trades.size(); i++) {
      checkTrade(i, trades.get(i));
    }
    checkLotsNotOverdrawn();
    checkProtectedQuantities();
    checkVolumeLimits();
    checkNoShorts();
    checkCashFloors();
    checkCaps();
    checkWashSaleGroups();
    return new VerificationResult(findings.sorted(), findings.sortedPreExisting());
  }

  // ---- one trade at a time ----

  private void checkTrade(int i, Trade t) {
    List<Integer> me = List.of(i);
    BigDecimal qty = t.quantity().value();
    Account account = accounts.get(t.account());
    String subject = t.account() + "/" + t.security();
    if (account == null) {
      findings.add(
          ViolationKind.UNKNOWN_ACCOUNT,
          Findings.check("unknown-account", "the account is not the household's"),
          me,
          subject,
          SHARES,
          BigDecimal.ZERO,
          qty);
      return;
    }
    Security security = marketData.securities().get(t.security());
    if (security == null) {
      findings.add(
          ViolationKind.UNKNOWN_SECURITY,
          Findings.check("unknown-security", "the security is not in the market data"),
          me,
          subject,
          SHARES,
          BigDecimal.ZERO,
          qty);
      return;
    }
    known.add(i);
    // a gift in kind leaves the account like a sale (sell blocks apply) but brings no cash
    boolean sell = t.side() != Side.BUY;
    boolean gift = t.side() == Side.GIFT;
    BigDecimal heldBefore = ledger.heldBefore(account.id(), security.id());
    BigDecimal cash = t.estimatedValue().amount();
    ledger.apply(
        i,
        account.id(),
        security.id(),
        sell ? qty.negate() : qty,
        gift ? BigDecimal.ZERO : sell ? cash : cash.negate());

    if (account.heldAway()) {
      findings.add(
          ViolationKind.ACCOUNT_NOT_TRADABLE,
          Findings.check("held-away", "held-away account"),
          me,
          subject,
          SHARES,
          BigDecimal.ZERO,
          qty);
    } else if (!account.tradable()) {
      findings.add(
          ViolationKind.ACCOUNT_NOT_TRADABLE,
          Findings.check("not-tradable", "account not tradable by the firm"),
          me,
          subject,
          SHARES,
          BigDecimal.ZERO,
          qty);
    }
    for (Restriction r : inEffect) {
      if (r instanceof AccountFreeze) {
        if (((AccountFreeze) r).account().equals(account.id())) {
          findings.add(
              ViolationKind.ACCOUNT_FROZEN,
              Findings.cite(r),
              me,
              subject,
              SHARES,
              BigDecimal.ZERO,
              qty);
        }
      } else if (r instanceof SecurityExclusion) {
        if (!sell && ((SecurityExclusion) r).scope().matches(security)) {
          findings.add(
              ViolationKind.EXCLUDED_BUY,
              Findings.cite(r),
              me,
              subject,
              SHARES,
              BigDecimal.ZERO,
              qty);
        }
      } else if (r instanceof DoNotSell) {
        DoNotSell d = (DoNotSell) r;
        if (sell
            && d.scope().matches(security)
            && (d.accounts().isEmpty() || d.accounts().contains(account.id()))) {
          findings.add(
              ViolationKind.DO_NOT_SELL,
              Findings.cite(r),
              me,
              subject,
              SHARES,
              BigDecimal.ZERO,
              qty);
        }
      } else if (r instanceof BlackoutWindow) {
        if (((BlackoutWindow) r).issuer().equals(security.issuer())) {
          findings.add(
              ViolationKind.BLACKOUT, Findings.cite(r), me, subject, SHARES, BigDecimal.ZERO, qty);
        }
      }
    }
    // a gift is a transfer, not a market order: best-execution size and round lots do not apply
    boolean wholeHolding = gift || sell && qty.compareTo(heldBefore) == 0;
    BigDecimal min = parameters.minTradeValue().amount();
    if (!wholeHolding && cash.compareTo(min) < 0) {
      findings.add(
          ViolationKind.BELOW_MIN_TRADE_SIZE,
          Findings.check("min-trade-size", "best execution: no trade below the minimum size"),
          me,
          subject,
          USD,
          min,
          cash);
    }
    boolean anyQuantity = account.fractionalShares() || security.kind() == SecurityKind.MUTUAL_FUND;
    BigDecimal lot = parameters.roundLot().value();
    if (!anyQuantity && !wholeHolding && !isMultiple(qty, lot)) {
      BigDecimal roundedDown = qty.subtract(qty.remainder(lot));
      findings.add(
          ViolationKind.NOT_ROUND_LOT,
          Findings.check("round-lot", "whole multiples of the round lot"),
          me,
          subject,
          SHARES,
          roundedDown,
          qty);
    }
    if (sell) {
      checkPicks(i, t, security);
    }
  }

  /** Whether {@code qty} is a whole multiple of {@code lot}; a whole number is one of 1 at once. */
  private static boolean isMultiple(BigDecimal qty, BigDecimal lot) {
    if (qty.scale() <= 0 && lot.compareTo(BigDecimal.ONE) == 0) {
      return true;
    }
    return qty.remainder(lot).signum() == 0;
  }

  private final SortedMap<LotId, BigDecimal> picked = new TreeMap<>();
  private final SortedMap<LotId, List<Integer>> pickedBy = new TreeMap<>();

  private void checkPicks(int i, Trade t, Security security) {
    List<Integer> me = List.of(i);
    for (LotPick pick : t.lots()) {
      TaxLot lot = lots.get(pick.lot());
      String subject = "lot " + pick.lot();
      BigDecimal q = pick.quantity().value();
      if (lot == null) {
        findings.add(
            ViolationKind.LOT_NOT_FOUND,
            Findings.check("lot-exists", "a picked lot must be held"),
            me,
            subject,
            SHARES,
            BigDecimal.ZERO,
            q);
        continue;
      }
      if (!lot.account().equals(t.account()) || !lot.security().equals(t.security())) {
        findings.add(
            ViolationKind.LOT_MISMATCH,
            Findings.check(
                "lot-matches", "a picked lot must be of the trade's account and security"),
            me,
            subject,
            SHARES,
            BigDecimal.ZERO,
            q);
        continue;
      }
      picked.merge(lot.id(), q, BigDecimal::add);
      pickedBy.computeIfAbsent(lot.id(), k -> new ArrayList<>()).add(i);
      for (Restriction r : inEffect) {
        if (r instanceof LotPreference) {
          LotPreference p = (LotPreference) r;
          if (p.scope().matches(security) && lot.acquired().isBefore(p.protectAcquiredBefore())) {
            findings.add(
                ViolationKind.PROTECTED_LOT,
                Findings.cite(r),
                me,
                subject,
                SHARES,
                BigDecimal.ZERO,
                q);
          }
        }
      }
    }
  }

  // ---- across trades ----

  private void checkLotsNotOverdrawn() {
    for (Map.Entry<LotId, BigDecimal> e : picked.entrySet()) {
      BigDecimal held = lots.get(e.getKey()).quantity().value();
      if (e.getValue().compareTo(held) > 0) {
        findings.add(
            ViolationKind.LOT_OVERDRAWN,
            Findings.check("lot-quantity", "picks must not exceed the lot"),
            pickedBy.get(e.getKey()),
            "lot " + e.getKey(),
            SHARES,
            held,
            e.getValue());
      }
    }
  }

  /** Sales of a position beyond its unprotected shares, whether or not they name their lots. */
  private void checkProtectedQuantities() {
    SortedMap<String, BigDecimal> soldByPosition = new TreeMap<>();
    SortedMap<String, Trade> sample = new TreeMap<>();
    for (int i : known) {
      Trade t = trades.get(i);
      if (t.side() != Side.BUY) {
        String key = t.account() + "/" + t.security();
        soldByPosition.merge(key, t.quantity().value(), BigDecimal::add);
        sample.putIfAbsent(key, t);
      }
    }
    for (Map.Entry<String, Trade> e : sample.entrySet()) {
      Trade t = e.getValue();
      Security s = marketData.securities().get(t.security());
      LotPreference strongest = null;
      for (Restriction r : inEffect) {
        if (r instanceof LotPreference && ((LotPreference) r).scope().matches(s)) {
          LotPreference p = (LotPreference) r;
          if (strongest == null
              || p.protectAcquiredBefore().isAfter(strongest.protectAcquiredBefore())) {
            strongest = p;
          }
        }
      }
      if (strongest == null) {
        continue;
      }
      BigDecimal protectedQty = BigDecimal.ZERO;
      for (TaxLot l : household.lots()) {
        if (l.account().equals(t.account())
            && l.security().equals(t.security())
            && l.acquired().isBefore(strongest.protectAcquiredBefore())) {
          protectedQty = protectedQty.add(l.quantity().value());
        }
      }
      if (protectedQty.signum() <= 0) {
        continue;
      }
      BigDecimal free =
          ledger.heldBefore(t.account(), t.security()).subtract(protectedQty).max(BigDecimal.ZERO);
      BigDecimal sold = soldByPosition.get(e.getKey());
      if (sold.compareTo(free) > 0) {
        findings.add(
            ViolationKind.PROTECTED_LOT,
            Findings.cite(strongest),
            ledger.tradesOn(t.account(), t.security()),
            e.getKey(),
            SHARES,
            free,
            sold);
      }
    }
  }

  private void checkVolumeLimits() {
    for (Restriction r : inEffect) {
      if (!(r instanceof VolumeLimit)) {
        continue;
      }
      String issuer = ((VolumeLimit) r).issuer();
      BigDecimal proposed = BigDecimal.ZERO;
      List<Integer> involved = new ArrayList<>();
      for (int i : known) {
        Trade t = trades.get(i);
        if (t.side() == Side.SELL && issuerOf(t.security()).equals(issuer)) {
          proposed = proposed.add(t.quantity().value());
          involved.add(i);
        }
      }
      if (involved.isEmpty()) {
        continue;
      }
      TradingVolume volume = marketData.volumes().get(issuer);
      if (volume == null) {
        findings.add(
            ViolationKind.VOLUME_LIMIT,
            Findings.cite(r),
            involved,
            "issuer " + issuer,
            SHARES,
            BigDecimal.ZERO,
            proposed);
        continue;
      }
      BigDecimal onePercent = volume.sharesOutstanding().value().multiply(RULE_144_SHARE);
      BigDecimal weeks = BigDecimal.ZERO;
      for (int w = 0; w < volume.weeklyVolumes().size() && w < RULE_144_WEEKS; w++) {
        weeks = weeks.add(volume.weeklyVolumes().get(w).value());
      }
      BigDecimal average = weeks.divide(BigDecimal.valueOf(RULE_144_WEEKS), 6, RoundingMode.DOWN);
      BigDecimal limit = onePercent.setScale(6, RoundingMode.DOWN).max(average);
      LocalDate from = asOf.minusMonths(3);
      BigDecimal alreadySold = BigDecimal.ZERO;
      for (Transaction tx : household.transactions()) {
        if (tx.side() == Side.SELL
            && !tx.tradeDate().isBefore(from)
            && !tx.tradeDate().isAfter(asOf)
            && issuerOf(tx.security()).equals(issuer)) {
          alreadySold = alreadySold.add(tx.quantity().value());
        }
      }
      BigDecimal left = limit.subtract(alreadySold).max(BigDecimal.ZERO);
      if (proposed.compareTo(left) > 0) {
        findings.add(
            ViolationKind.VOLUME_LIMIT,
            Findings.cite(r),
            involved,
            "issuer " + issuer,
            SHARES,
            left,
            proposed);
      }
    }
  }

  private void checkNoShorts() {
    for (Map.Entry<AccountId, SortedMap<SecurityId, BigDecimal>> a :
        ledger.positionsAfter().entrySet()) {
      for (Map.Entry<SecurityId, BigDecimal> p : a.getValue().entrySet()) {
        if (p.getValue().signum() < 0) {
          findings.add(
              ViolationKind.SHORT_POSITION,
              Findings.check("no-short", "no short sales: at most the quantity held"),
              ledger.tradesOn(a.getKey(), p.getKey()),
              a.getKey() + "/" + p.getKey(),
              SHARES,
              BigDecimal.ZERO,
              p.getValue());
        }
      }
    }
  }

  private void checkCashFloors() {
    for (Account a : accounts.values()) {
      if (a.heldAway() || !a.tradable()) {
        continue;
      }
      BigDecimal cash = ledger.cashAfter(a.id());
      BigDecimal floor = a.cashFloor().amount();
      if (cash.compareTo(floor) < 0) {
        // below the floor before and not lower now: the proposal did not cause it
        boolean preExisting =
            a.cash().amount().compareTo(floor) < 0 && cash.compareTo(a.cash().amount()) >= 0;
        if (preExisting) {
          findings.addPreExisting(
              ViolationKind.CASH_BELOW_FLOOR,
              Findings.check("cash-floor", "cash must not end below the floor"),
              ledger.tradesIn(a.id()),
              "account " + a.id(),
              USD,
              floor,
              cash);
        } else {
          findings.add(
              ViolationKind.CASH_BELOW_FLOOR,
              Findings.check("cash-floor", "cash must not end below the floor"),
              ledger.tradesIn(a.id()),
              "account " + a.id(),
              USD,
              floor,
              cash);
        }
      }
    }
  }

  private void checkCaps() {
    BigDecimal totalBefore = BigDecimal.ZERO;
    for (Account a : accounts.values()) {
      totalBefore = totalBefore.add(a.cash().amount());
    }
    for (TaxLot lot : household.lots()) {
      totalBefore = totalBefore.add(marketValue(lot.security(), lot.quantity().value()));
    }
    BigDecimal total = BigDecimal.ZERO;
    for (BigDecimal c : ledger.allCashAfter()) {
      total = total.add(c);
    }
    for (Map.Entry<AccountId, SortedMap<SecurityId, BigDecimal>> a :
        ledger.positionsAfter().entrySet()) {
      for (Map.Entry<SecurityId, BigDecimal> p : a.getValue().entrySet()) {
        total = total.add(marketValue(p.getKey(), p.getValue()));
      }
    }
    if (total.signum() <= 0) {
      return;
    }
    // value given away in kind: a committed gift leaves the household, which raises the weight
    // of what stays without the proposal holding more of it
    BigDecimal gifted = BigDecimal.ZERO;
    for (Trade t : trades) {
      if (t.side() == Side.GIFT && marketData.securities().containsKey(t.security())) {
        gifted = gifted.add(marketValue(t.security(), t.quantity().value()));
      }
    }
    for (Restriction r : inEffect) {
      if (!(r instanceof ConcentrationCap)) {
        continue;
      }
      ConcentrationCap cap = (ConcentrationCap) r;
      BigDecimal inScope = BigDecimal.ZERO;
      List<Integer> involved = new ArrayList<>();
      for (Map.Entry<AccountId, SortedMap<SecurityId, BigDecimal>> a :
          ledger.positionsAfter().entrySet()) {
        for (Map.Entry<SecurityId, BigDecimal> p : a.getValue().entrySet()) {
          Security s = marketData.securities().get(p.getKey());
          if (s != null && cap.scope().matches(s)) {
            inScope = inScope.add(marketValue(p.getKey(), p.getValue()));
            involved.addAll(ledger.tradesOn(a.getKey(), p.getKey()));
          }
        }
      }
      BigDecimal weight = inScope.divide(total, MathContext.DECIMAL128);
      if (weight.compareTo(cap.maxWeight().value()) > 0) {
        BigDecimal inScopeBefore = BigDecimal.ZERO;
        for (TaxLot lot : household.lots()) {
          Security s = marketData.securities().get(lot.security());
          if (s != null && cap.scope().matches(s)) {
            inScopeBefore = inScopeBefore.add(marketValue(lot.security(), lot.quantity().value()));
          }
        }
        // not caused by the trades: no more held in scope, and, counting what was given in kind
        // as still held (a committed gift shrinks the household, raising the weight of what
        // stays), within the cap or no heavier than before
        BigDecimal weightBeforeGifts = inScope.divide(total.add(gifted), MathContext.DECIMAL128);
        BigDecimal weightBefore =
            totalBefore.signum() > 0
                ? inScopeBefore.divide(totalBefore, MathContext.DECIMAL128)
                : BigDecimal.ZERO;
        boolean preExisting =
            totalBefore.signum() > 0
                && inScope.compareTo(inScopeBefore) <= 0
                && (weightBeforeGifts.compareTo(cap.maxWeight().value()) <= 0
                    || weightBefore.compareTo(cap.maxWeight().value()) > 0
                        && weightBeforeGifts.compareTo(
                                weightBefore.multiply(BigDecimal.ONE.add(WEIGHT_TOLERANCE)))
                            <= 0);
        if (preExisting) {
          findings.addPreExisting(
              ViolationKind.CONCENTRATION_CAP,
              Findings.cite(r),
              involved,
              "scope " + cap.scope(),
              WEIGHT,
              cap.maxWeight().value(),
              weight.setScale(10, RoundingMode.HALF_EVEN));
        } else {
          findings.add(
              ViolationKind.CONCENTRATION_CAP,
              Findings.cite(r),
              involved,
              "scope " + cap.scope(),
              WEIGHT,
              cap.maxWeight().value(),
              weight.setScale(10, RoundingMode.HALF_EVEN));
        }
      }
    }
  }

  private void checkWashSaleGroups() {
    SortedMap<String, List<Integer>> buys = new TreeMap<>();
    SortedMap<String, List<Integer>> sells = new TreeMap<>();
    SortedMap<String, BigDecimal> bought = new TreeMap<>();
    for (int i : known) {
      Trade t = trades.get(i);
      String group = marketData.securities().get(t.security()).washSaleGroup();
      if (t.side() == Side.BUY) {
        buys.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
        bought.merge(group, t.quantity().value(), BigDecimal::add);
      } else if (t.side() == Side.SELL) {
        // a gift realizes no loss, so giving and buying one group is no wash sale
        sells.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
      }
    }
    for (Map.Entry<String, List<Integer>> e : buys.entrySet()) {
      List<Integer> sold = sells.get(e.getKey());
      if (sold != null) {
        List<Integer> involved = new ArrayList<>(e.getValue());
        involved.addAll(sold);
        Provenance p =
            Findings.check(
                "wash-sale-group", "no buy and sell of one wash-sale group in a proposal");
        findings.add(
            ViolationKind.WASH_SALE_BOTH_SIDES,
            p,
            involved,
            "group " + e.getKey(),
            SHARES,
            BigDecimal.ZERO,
            bought.get(e.getKey()));
      }
    }
  }

  private BigDecimal marketValue(SecurityId security, BigDecimal quantity) {
    if (quantity.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return marketData.prices().lookup(security).perUnit().amount().multiply(quantity);
  }

  private String issuerOf(SecurityId id) {
    Security s = marketData.securities().get(id);
    return s == null ? "" : s.issuer();
  }
}
