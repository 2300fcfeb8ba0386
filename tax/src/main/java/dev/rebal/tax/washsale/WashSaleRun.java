package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.internal.Groups;
import dev.rebal.tax.internal.PieceIds;
import dev.rebal.tax.lots.LotSplit;
import dev.rebal.tax.lots.RealizedLot;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One wash-sale analysis: the household's lots, purchases and loss sales replayed in time order.
 *
 * <p>Method. Every trade has a time, (trade date, sequence). The sales of the call and the loss
 * sales of the history whose shares are not all washed are taken time by time. At each time, the
 * shares the call's sales take leave their lots first (a sale of a lot split earlier in the call
 * takes its pieces in the order they were split, the unused rest last); then each loss of that
 * time, in order of holding-period start, purchase and share range, takes replacement shares in
 * order of acquisition: shares of a purchase in the same wash-sale group within 30 days before or
 * after, not yet used as a replacement and held at that time (a purchase before the sale whose
 * shares were sold before it replaces nothing), never shares of the purchase being sold unless the
 * tax profile says so. A match splits the replacement lot, adds the disallowed loss to the piece's
 * basis and tacks the sold shares' holding period on, so a piece sold later at a loss carries the
 * deferred loss into its own loss (a chained wash sale). Because a lot's basis is final once it is
 * sold and every match takes the earliest shares still free, replaying one call with the whole
 * history, one call per day or one call per trade gives the same matches.
 *
 * <p>Not thread-safe: one instance per call.
 */
final class WashSaleRun {
  private static final int WINDOW = WashSaleAnalyzer.WINDOW_DAYS;

  private final Household household;
  private final MarketData market;
  private final boolean samePurchaseWashes;
  private final Map<LotId, List<Block>> blocksOf = new LinkedHashMap<>();
  private final Map<String, Purchase> byOrigin = new HashMap<>();
  private final Map<String, List<Purchase>> byGroup = new HashMap<>();
  private final Set<LotId> touched = new HashSet<>();
  private final Map<Transaction, Quantity> washedNow = new LinkedHashMap<>();
  private final List<Disallowance> disallowances = new ArrayList<>();
  private final List<RealizedLot> adjustedSales = new ArrayList<>();

  WashSaleRun(Household household, MarketData market) {
    this.household = household;
    this.market = market;
    this.samePurchaseWashes = household.taxProfile().samePurchaseWashes();
  }

  WashSaleResult run(List<RealizedLot> sales, List<Trade> plannedBuys, LocalDate tradeDate) {
    purchases(plannedBuys, tradeDate);
    TreeMap<Time, List<Object>> events = new TreeMap<>();
    Set<String> callSales = new HashSet<>();
    for (RealizedLot s : sales) {
      Checks.isTrue(
          callSales.add(s.lot() + "@" + s.saleDate() + "#" + s.sequence()),
          "sales",
          s.lot(),
          "must sell each lot at most once per date and sequence");
      events.computeIfAbsent(new Time(s.saleDate(), s.sequence()), k -> new ArrayList<>()).add(s);
    }
    for (Transaction t : household.transactions()) {
      if (t.side() == Side.SELL
          && t.realizedGain().isPresent()
          && t.realizedGain().get().isNegative()
          && t.washedQuantity().compareTo(t.quantity()) < 0
          && isTaxable(t.account())
          && !(t.lot().isPresent()
              && callSales.contains(t.lot().get() + "@" + t.tradeDate() + "#" + t.sequence()))) {
        events
            .computeIfAbsent(new Time(t.tradeDate(), t.sequence()), k -> new ArrayList<>())
            .add(t);
      }
    }
    for (Map.Entry<Time, List<Object>> e : events.entrySet()) {
      List<Loss> losses = new ArrayList<>();
      List<RealizedLot> given = new ArrayList<>();
      for (Object o : e.getValue()) {
        if (o instanceof RealizedLot) {
          given.add((RealizedLot) o);
        } else {
          losses.add(Loss.of((Transaction) o));
        }
      }
      given.sort(SALE_ORDER);
      for (RealizedLot s : given) {
        for (RealizedLot piece : take(s)) {
          adjustedSales.add(piece);
          if (piece.isLoss() && isTaxable(piece.account())) {
            losses.add(Loss.of(piece));
          }
        }
      }
      losses.sort(LOSS_ORDER);
      for (Loss loss : losses) {
        match(loss);
      }
    }
    return result(sales);
  }

  // ---------------------------------------------------------------- purchases

  private void purchases(List<Trade> plannedBuys, LocalDate tradeDate) {
    Map<String, Transaction> buyOf = new HashMap<>();
    List<Transaction> buys = new ArrayList<>();
    for (Transaction t : household.transactions()) {
      if (t.side() == Side.BUY && t.quantity().isPositive()) {
        buys.add(t);
        t.lot()
            .ifPresent(
                l ->
                    buyOf.merge(
                        PieceIds.origin(l), t, (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b));
      }
    }
    Map<String, BigDecimal> rangeEnd = new HashMap<>();
    for (Transaction t : household.transactions()) {
      t.lot()
          .ifPresent(
              l -> rangeEnd.merge(PieceIds.origin(l), PieceIds.rangeEnd(l), BigDecimal::max));
    }
    List<TaxLot> lots = new ArrayList<>(household.lots());
    lots.sort(Comparator.comparing(TaxLot::id));
    for (TaxLot lot : lots) {
      String origin = PieceIds.origin(lot.id());
      Purchase p = byOrigin.get(origin);
      if (p == null) {
        Transaction buy = buyOf.get(origin);
        p =
            new Purchase(
                ReplacementSource.LOT,
                origin,
                lot.account(),
                lot.security(),
                Groups.groupOf(market, lot.security()),
                lot.acquired(),
                buy == null ? 0L : buy.sequence(),
                origin,
                buy);
        BigDecimal start = rangeEnd.getOrDefault(origin, BigDecimal.ZERO);
        if (buy != null) {
          start = start.max(buy.usedAsReplacement().value());
        }
        p.next = Quantity.of(start);
        byOrigin.put(origin, p);
      }
      p.next = p.next.max(Quantity.of(PieceIds.rangeEnd(lot.id())));
      Block b = new Block(lot, lot.id(), p, false);
      p.blocks.add(b);
      List<Block> list = new ArrayList<>(1);
      list.add(b);
      blocksOf.put(lot.id(), list);
    }
    for (Purchase p : byOrigin.values()) {
      Quantity used = Quantity.ZERO;
      for (Block b : p.blocks) {
        used = used.plus(b.lot.usedAsReplacement());
      }
      p.next = p.next.max(used);
    }
    List<Purchase> all = new ArrayList<>(byOrigin.values());
    for (Transaction t : buys) {
      String origin = t.lot().map(PieceIds::origin).orElse(null);
      if (origin != null && byOrigin.containsKey(origin)) {
        continue;
      }
      Purchase p =
          new Purchase(
              ReplacementSource.TRANSACTION,
              t.id().value(),
              t.account(),
              t.security(),
              Groups.groupOf(market, t.security()),
              t.tradeDate(),
              t.sequence(),
              origin,
              t);
      p.free = t.quantity().minus(t.usedAsReplacement()).max(Quantity.ZERO);
      all.add(p);
    }
    for (Trade t : plannedBuys) {
      if (t.side() != Side.BUY) {
        continue;
      }
      String ref = t.account() + "/" + t.security();
      Purchase p =
          new Purchase(
              ReplacementSource.PLANNED_BUY,
              ref,
              t.account(),
              t.security(),
              Groups.groupOf(market, t.security()),
              tradeDate,
              Long.MAX_VALUE,
              null,
              null);
      p.free = t.quantity();
      all.add(p);
    }
    all.sort(PURCHASE_ORDER);
    for (Purchase p : all) {
      byGroup.computeIfAbsent(p.group, g -> new ArrayList<>()).add(p);
    }
  }

  // ---------------------------------------------------------------- sales

  /** Takes the shares of sale {@code s} from its lot's blocks; returns the pieces sold. */
  private List<RealizedLot> take(RealizedLot s) {
    List<Block> blocks = blocksOf.get(s.lot());
    if (blocks == null || blocks.isEmpty()) {
      return List.of(s);
    }
    Quantity held = Quantity.ZERO;
    for (Block b : blocks) {
      held = held.plus(b.lot.quantity());
    }
    if (s.quantity().compareTo(held) > 0) {
      Checks.isTrue(
          false,
          "sales",
          s.lot(),
          "sells " + s.quantity() + " but the lot holds " + held + " at " + s.saleDate());
    }
    Block first = blocks.get(0);
    if (blocks.size() == 1 && !first.changed) {
      // an untouched lot: the sale as given, so households without wash sales decide as before
      reduce(blocks, first, s.quantity());
      return List.of(s);
    }
    List<RealizedLot> out = new ArrayList<>();
    Quantity left = s.quantity();
    Quantity cumulative = Quantity.ZERO;
    Money proceedsBefore = Money.zero(s.proceeds().currency());
    for (Block b : new ArrayList<>(blocks)) {
      if (!left.isPositive()) {
        break;
      }
      Quantity q = left.min(b.lot.quantity());
      LotSplit split = LotSplit.of(b.lot, q);
      cumulative = cumulative.plus(q);
      Money proceedsTo =
          cumulative.equals(s.quantity())
              ? s.proceeds()
              : proRata(s.proceeds(), cumulative, s.quantity());
      out.add(
          new RealizedLot(
              b.lot.id(),
              b.lot.account(),
              b.lot.security(),
              q,
              proceedsTo.minus(proceedsBefore),
              split.takenBasis(),
              HoldingPeriod.termOf(b.lot, s.saleDate()),
              b.lot.holdingPeriodStart(),
              s.saleDate(),
              b.lot.basisKnown(),
              s.sequence()));
      proceedsBefore = proceedsTo;
      reduce(blocks, b, q);
      left = left.minus(q);
    }
    return out;
  }

  private static void reduce(List<Block> blocks, Block b, Quantity q) {
    LotSplit split = LotSplit.of(b.lot, q);
    if (split.kept().isPresent()) {
      b.lot = split.kept().get();
      b.changed = true; // a later sale of the lot in the same call is costed from what is left
    } else {
      blocks.remove(b);
      b.purchase.blocks.remove(b);
    }
  }

  // ---------------------------------------------------------------- matching

  /** Matches {@code loss} against the free replacement shares of its group, in order. */
  private void match(Loss loss) {
    List<Purchase> candidates = byGroup.get(Groups.groupOf(market, loss.security));
    if (candidates == null) {
      return;
    }
    LocalDate from = loss.time.date.minusDays(WINDOW);
    LocalDate to = loss.time.date.plusDays(WINDOW);
    for (Purchase p : candidates) {
      if (!loss.need().isPositive() || p.date.isAfter(to)) {
        break;
      }
      if (p.date.isBefore(from)
          || (!samePurchaseWashes && p.origin != null && p.origin.equals(loss.origin))) {
        continue;
      }
      if (p.source == ReplacementSource.LOT) {
        for (Block b : new ArrayList<>(p.blocks)) {
          Quantity free = b.lot.quantity().minus(b.lot.usedAsReplacement());
          if (!loss.need().isPositive()) {
            break;
          }
          if (free.isPositive()) {
            matchBlock(loss, p, b, loss.need().min(free));
          }
        }
      } else if (p.free.isPositive()) {
        boolean before = p.time().compareTo(loss.time) <= 0;
        if (p.source == ReplacementSource.TRANSACTION && p.origin != null && before) {
          continue; // its lot was bought before the sale and is no longer held: sold before it
        }
        Quantity q = loss.need().min(p.free);
        p.free = p.free.minus(q);
        p.usedInCall = p.usedInCall.plus(q);
        record(loss, p, p.ref, q);
      }
    }
  }

  private void matchBlock(Loss loss, Purchase p, Block b, Quantity q) {
    Disallowance d = record(loss, p, b.lot.id().value(), q);
    TaxLot lot = b.lot;
    List<Block> family = blocksOf.get(b.householdLot);
    if (d.rule().adjustsBasis()
        && q.equals(lot.quantity())
        && !b.piece
        && lot.usedAsReplacement().isZero()) {
      // the whole (rest of the) lot is matched: adjusted in place, keeping the purchase's id
      b.lot =
          TaxLot.builder()
              .from(lot)
              .quantity(q)
              .costBasis(lot.costBasis().plus(d.basisIncrease()))
              .washSaleAdjustment(lot.washSaleAdjustment().plus(d.basisIncrease()))
              .holdingPeriodStart(d.tackedHoldingPeriodStart())
              .usedAsReplacement(q)
              .build();
      b.changed = true;
    } else if (d.rule().adjustsBasis()) {
      LotSplit split = LotSplit.of(lot, q);
      Quantity end = p.next.plus(q);
      TaxLot piece =
          TaxLot.builder()
              .from(lot)
              .id(PieceIds.piece(p.origin, p.next, end))
              .quantity(q)
              .costBasis(split.takenBasis().plus(d.basisIncrease()))
              .washSaleAdjustment(split.takenWashSaleAdjustment().plus(d.basisIncrease()))
              .holdingPeriodStart(d.tackedHoldingPeriodStart())
              .usedAsReplacement(q)
              .build();
      Block pb = new Block(piece, b.householdLot, p, true);
      int at = 0;
      while (at < family.size() && family.get(at).piece) {
        at++;
      }
      family.add(at, pb);
      p.blocks.add(pb);
      if (q.equals(lot.quantity())) {
        family.remove(b);
        p.blocks.remove(b);
      } else {
        b.lot =
            TaxLot.builder()
                .from(lot)
                .quantity(lot.quantity().minus(q))
                .costBasis(lot.costBasis().minus(split.takenBasis()))
                .washSaleAdjustment(lot.washSaleAdjustment().minus(split.takenWashSaleAdjustment()))
                .build();
        b.changed = true;
      }
    } else {
      b.lot = lot.withUsedAsReplacement(lot.usedAsReplacement().plus(q));
      b.changed = true;
    }
    p.next = p.next.plus(q);
    p.usedInCall = p.usedInCall.plus(q);
    for (Block x : family) {
      x.changed = true;
    }
    touched.add(b.householdLot);
  }

  /** Records the match of {@code q} shares of {@code loss} with {@code p}. */
  private Disallowance record(Loss loss, Purchase p, String reference, Quantity q) {
    Quantity before = loss.washed;
    loss.washed = loss.washed.plus(q);
    Money amount = loss.disallowedTo(loss.washed).minus(loss.disallowedTo(before));
    WashSaleRule rule = ruleFor(p.account);
    long daysHeld = ChronoUnit.DAYS.between(loss.holdingPeriodStart, loss.time.date);
    Disallowance d =
        new Disallowance(
            loss.lot,
            loss.account,
            loss.security,
            loss.time.date,
            new Replacement(p.source, reference, p.account, p.security, p.date),
            q,
            amount,
            rule.adjustsBasis() ? amount : Money.zero(amount.currency()),
            rule.adjustsBasis() ? p.date.minusDays(daysHeld) : p.date,
            rule);
    disallowances.add(d);
    if (loss.transaction != null) {
      washedNow.put(loss.transaction, loss.washed);
    }
    return d;
  }

  private WashSaleRule ruleFor(AccountId account) {
    if (Groups.isIra(household, account)) {
      return WashSaleRule.LOST_IN_IRA;
    }
    return isTaxable(account) ? WashSaleRule.DEFERRED : WashSaleRule.LOST_IN_TAX_ADVANTAGED;
  }

  private boolean isTaxable(AccountId account) {
    return Groups.treatmentOf(household, account) == TaxTreatment.TAXABLE;
  }

  // ---------------------------------------------------------------- result

  private WashSaleResult result(List<RealizedLot> sales) {
    List<TaxLot> adjusted = new ArrayList<>();
    List<TaxLot> after = new ArrayList<>();
    for (TaxLot lot : household.lots()) {
      List<Block> family = blocksOf.get(lot.id());
      for (Block b : family) {
        after.add(b.lot);
        if (touched.contains(lot.id())) {
          adjusted.add(b.lot);
        }
      }
    }
    adjusted.sort(Comparator.comparing(TaxLot::id));
    Map<String, Purchase> usedByRef = new HashMap<>();
    for (List<Purchase> ps : byGroup.values()) {
      for (Purchase p : ps) {
        if (p.buy != null && p.usedInCall.isPositive()) {
          usedByRef.put(p.buy.id().value(), p);
        }
      }
    }
    List<Transaction> transactions = new ArrayList<>();
    for (Transaction t : household.transactions()) {
      Purchase p = usedByRef.get(t.id().value());
      Quantity washed = washedNow.get(t);
      if (p != null && p.buy == t) {
        transactions.add(t.withUsedAsReplacement(t.usedAsReplacement().plus(p.usedInCall)));
      } else if (washed != null) {
        transactions.add(t.withWashedQuantity(washed));
      } else {
        transactions.add(t);
      }
    }
    return new WashSaleResult(
        ImmutableList.copyOf(sales),
        ImmutableList.copyOf(disallowances),
        ImmutableList.copyOf(adjusted),
        WashSaleAnalyzer.incompleteCoverage(household),
        ImmutableList.copyOf(adjustedSales),
        ImmutableList.copyOf(after),
        ImmutableList.copyOf(transactions));
  }

  static Money proRata(Money amount, Quantity part, Quantity whole) {
    return Money.ofComputed(
        amount.currency(),
        amount
            .amount()
            .multiply(part.value(), MathContext.DECIMAL128)
            .divide(whole.value(), MathContext.DECIMAL128));
  }

  // ---------------------------------------------------------------- work records

  private static final Comparator<RealizedLot> SALE_ORDER =
      Comparator.comparing(RealizedLot::holdingPeriodStart)
          .thenComparing(s -> PieceIds.origin(s.lot()))
          .thenComparing(
              s -> PieceIds.rangeStart(s.lot()), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(RealizedLot::account)
          .thenComparing(RealizedLot::lot);

  private static final Comparator<Loss> LOSS_ORDER =
      Comparator.comparing((Loss l) -> l.holdingPeriodStart)
          .thenComparing(l -> l.origin)
          .thenComparing(
              l -> PieceIds.rangeStart(l.lot), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(l -> l.account)
          .thenComparing(l -> l.lot);

  private static final Comparator<Purchase> PURCHASE_ORDER =
      Comparator.comparing(Purchase::time)
          .thenComparing(p -> p.source)
          .thenComparing(p -> p.ref)
          .thenComparing(p -> p.account);

  /** A trade's time: its date, then its sequence within the date. */
  private record Time(LocalDate date, long sequence) implements Comparable<Time> {
    @Override
    public int compareTo(Time o) {
      int c = date.compareTo(o.date);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /** A held piece of a household lot, as the replay changes it. */
  private static final class Block {
    TaxLot lot;
    final LotId householdLot;
    final Purchase purchase;
    final boolean piece;
    boolean changed;

    Block(TaxLot lot, LotId householdLot, Purchase purchase, boolean piece) {
      this.lot = lot;
      this.householdLot = householdLot;
      this.purchase = purchase;
      this.piece = piece;
      this.changed = piece;
    }
  }

  /** One acquisition: a purchase of held lots, a buy transaction, or a planned buy. */
  private static final class Purchase {
    final ReplacementSource source;
    final String ref;
    final AccountId account;
    final SecurityId security;
    final String group;
    final LocalDate date;
    final long sequence;
    final String origin; // the purchase's lot id, or null when no lot is named
    final Transaction buy; // nullable
    final List<Block> blocks = new ArrayList<>();
    Quantity free = Quantity.ZERO; // shares still free, for transactions and planned buys
    Quantity next = Quantity.ZERO; // the purchase's shares used so far: the next piece's start
    Quantity usedInCall = Quantity.ZERO;

    Purchase(
        ReplacementSource source,
        String ref,
        AccountId account,
        SecurityId security,
        String group,
        LocalDate date,
        long sequence,
        String origin,
        Transaction buy) {
      this.source = source;
      this.ref = ref;
      this.account = account;
      this.security = security;
      this.group = group;
      this.date = date;
      this.sequence = sequence;
      this.origin = origin;
      this.buy = buy;
    }

    Time time() {
      return new Time(date, sequence);
    }
  }

  /** A sale at a loss, of the call or of the history, and how many of its shares are washed. */
  private static final class Loss {
    final LotId lot;
    final String origin;
    final AccountId account;
    final SecurityId security;
    final Time time;
    final LocalDate holdingPeriodStart;
    final Money loss;
    final Quantity quantity;
    final Transaction transaction; // null for a sale of the call
    Quantity washed;

    private Loss(
        LotId lot,
        AccountId account,
        SecurityId security,
        Time time,
        LocalDate holdingPeriodStart,
        Money loss,
        Quantity quantity,
        Quantity washed,
        Transaction transaction) {
      this.lot = lot;
      this.origin = PieceIds.origin(lot);
      this.account = account;
      this.security = security;
      this.time = time;
      this.holdingPeriodStart = holdingPeriodStart;
      this.loss = loss;
      this.quantity = quantity;
      this.washed = washed;
      this.transaction = transaction;
    }

    static Loss of(RealizedLot s) {
      return new Loss(
          s.lot(),
          s.account(),
          s.security(),
          new Time(s.saleDate(), s.sequence()),
          s.holdingPeriodStart(),
          s.gain().negated(),
          s.quantity(),
          Quantity.ZERO,
          null);
    }

    static Loss of(Transaction t) {
      LotId lot = t.lot().orElse(LotId.of(t.id().value()));
      LocalDate start = t.holdingPeriodStart().orElse(t.tradeDate());
      return new Loss(
          lot,
          t.account(),
          t.security(),
          new Time(t.tradeDate(), t.sequence()),
          start,
          t.realizedGain().orElseThrow().negated(),
          t.quantity(),
          t.washedQuantity(),
          t);
    }

    Quantity need() {
      return quantity.minus(washed);
    }

    /** The loss disallowed on the first {@code shares} shares: pro rata, exact when all. */
    Money disallowedTo(Quantity shares) {
      return shares.equals(quantity) ? loss : proRata(loss, shares, quantity);
    }
  }
}
