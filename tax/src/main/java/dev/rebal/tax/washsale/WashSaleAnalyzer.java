package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.tax.internal.Groups;
import dev.rebal.tax.lots.RealizedLot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds wash sales (IRC 1091) for a set of sales across a whole household, and derives the
 * pre-trade constraints that keep a proposal from creating one.
 *
 * <p>Method. A sale at a loss in a taxable account is washed, share for share, by acquisitions of a
 * security of the same wash-sale group ({@code Security.washSaleGroup()}) within 30 days before or
 * after the sale date (a 61-day window, ends included), anywhere in the household:
 *
 * <ul>
 *   <li>lots held in any household account, IRAs, Roth IRAs and held-away accounts included;
 *   <li>buys in {@code Household.transactions()}, including those of declared external accounts (a
 *       spouse's account elsewhere), counted through their lot while it is held;
 *   <li>buys planned in the same proposal, on the proposal's trade date after its sales.
 * </ul>
 *
 * Trades are replayed in time order (trade date, then sequence within the date): the sales given
 * and the loss sells of the history whose shares are not all washed yet. A purchase counts for a
 * loss only with shares not yet used as replacements ({@code usedAsReplacement}) and, if made
 * before the sale, still held at the sale. Shares of the purchase being sold count only when the
 * tax profile's {@code samePurchaseWashes} says so. Losses take replacements in the order they were
 * acquired (Treas. Reg. 1.1091-1(b), (c)); a replacement share absorbs at most one sold share. When
 * fewer shares are acquired than sold, only the matched shares' loss is disallowed (Reg.
 * 1.1091-1(c)). A disallowed loss is added to the replacement's basis and the sold shares' holding
 * period is tacked onto it (IRC 1091(d), 1223(3)), except when the replacement sits in an IRA or
 * Roth IRA: then the loss is lost for good and the IRA's basis is not increased (Rev. Rul. 2008-5).
 * Other tax-advantaged accounts are treated like IRAs. Tacking moves the replacement's
 * holding-period start back by the number of days the sold shares were held. A replacement sold
 * later in the same analysis is sold with its adjusted basis, so its own loss carries the deferred
 * one (a chained wash sale). Analyzing a history in one call, one call per day or one call per
 * trade, carrying the household forward with the result ({@link WashSaleResult}), gives the same
 * disallowances, bases and holding periods. Accounts with incomplete transaction coverage are
 * reported on every result. Results do not depend on the order of the household's lists. This class
 * is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class WashSaleAnalyzer {
  /** The days before and after a sale in which an acquisition washes it. */
  public static final int WINDOW_DAYS = 30;

  private static final WashSaleAnalyzer STANDARD = new WashSaleAnalyzer();

  private WashSaleAnalyzer() {}

  /** {@return the standard analyzer} */
  public static WashSaleAnalyzer standard() {
    return STANDARD;
  }

  /**
   * Analyzes {@code sales} for wash sales.
   *
   * @param household the household: its accounts, lots and recent transactions
   * @param market the security master, for wash-sale groups
   * @param sales the sales to analyze (proposed or just made), not yet in the household's
   *     transactions; each lot at most once per date and sequence; a sale names a household lot,
   *     and takes the pieces an earlier loss of the same analysis split from it
   * @param plannedBuys buys planned in the same proposal; sells in the list are ignored
   * @param tradeDate the trade date of the planned buys
   * @return the sales with their disallowed losses, and the replacement lots adjusted
   * @throws IllegalArgumentException if a lot is sold twice at one date and sequence, or a sale
   *     takes more shares than its lot holds
   */
  public WashSaleResult analyze(
      Household household,
      MarketData market,
      List<RealizedLot> sales,
      List<Trade> plannedBuys,
      LocalDate tradeDate) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.noNulls(sales, "sales");
    Checks.noNulls(plannedBuys, "plannedBuys");
    Checks.notNull(tradeDate, "tradeDate");
    return new WashSaleRun(household, market).run(sales, plannedBuys, tradeDate);
  }

  /**
   * {@return the wash-sale constraints on a proposal for {@code household} on {@code asOf}}
   *
   * <p>Buy blocks: for each group with a sale at a loss (or of unknown gain, treated as a loss) in
   * a taxable or external account within the last 30 days, every household account may not buy it.
   * Loss-sale blocks: each lot in a taxable account whose group was acquired anywhere in the
   * household within the last 30 days (other than by that lot itself), or is bought in {@code
   * plannedBuys}, may not be sold at a loss.
   *
   * @param household the household
   * @param market the security master, for wash-sale groups
   * @param asOf the proposal's trade date
   * @param plannedBuys buys already planned in the proposal; sells in the list are ignored
   */
  public TaxConstraints constraints(
      Household household, MarketData market, LocalDate asOf, List<Trade> plannedBuys) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(asOf, "asOf");
    Checks.noNulls(plannedBuys, "plannedBuys");
    LocalDate from = asOf.minusDays(WINDOW_DAYS);
    TreeMap<String, LocalDate> until = new TreeMap<>();
    TreeMap<String, ImmutableSortedSet.Builder<String>> why = new TreeMap<>();
    for (Transaction t : household.transactions()) {
      boolean possibleLoss =
          t.realizedGain().map(Money::isNegative).orElse(true)
              && t.washedQuantity().compareTo(t.quantity())
                  < 0; // a fully washed loss washes no more
      if (t.side() != Side.SELL
          || !possibleLoss
          || t.tradeDate().isBefore(from)
          || t.tradeDate().isAfter(asOf)
          || Groups.treatmentOf(household, t.account()) != TaxTreatment.TAXABLE) {
        continue;
      }
      String group = Groups.groupOf(market, t.security());
      until.merge(group, t.tradeDate().plusDays(WINDOW_DAYS), (x, y) -> x.isAfter(y) ? x : y);
      why.computeIfAbsent(group, g -> ImmutableSortedSet.naturalOrder())
          .add("transaction:" + t.id());
    }
    ImmutableList.Builder<BuyBlock> buyBlocks = ImmutableList.builder();
    ImmutableSortedSet<AccountId> allAccounts =
        until.isEmpty()
            ? ImmutableSortedSet.of()
            : household.accounts().stream()
                .map(Account::id)
                .collect(ImmutableSortedSet.toImmutableSortedSet(Comparator.naturalOrder()));
    for (Map.Entry<String, LocalDate> e : until.entrySet()) {
      buyBlocks.add(
          new BuyBlock(e.getKey(), allAccounts, e.getValue(), why.get(e.getKey()).build()));
    }
    // the acquisitions inside the window (only those are built and sorted), indexed by group once
    List<Acquisition> acquisitions = acquisitions(household, market, plannedBuys, asOf, from, asOf);
    Map<String, List<Acquisition>> recentByGroup = new HashMap<>();
    for (Acquisition a : acquisitions) {
      recentByGroup.computeIfAbsent(a.group, g -> new ArrayList<>()).add(a);
    }
    // only the taxable lots of a recently acquired group can be blocked: those few are sorted by
    // id, not every lot (each lot's block depends on that lot alone)
    List<TaxLot> lots = new ArrayList<>();
    if (!recentByGroup.isEmpty()) {
      Map<AccountId, TaxTreatment> treatments = new HashMap<>();
      // a position's lots usually come in one run: its answer is computed once per run
      AccountId runAccount = null;
      SecurityId runSecurity = null;
      boolean runBlocked = false;
      for (TaxLot lot : household.lots()) {
        if (!lot.account().equals(runAccount) || !lot.security().equals(runSecurity)) {
          runAccount = lot.account();
          runSecurity = lot.security();
          runBlocked =
              treatments.computeIfAbsent(runAccount, id -> Groups.treatmentOf(household, id))
                      == TaxTreatment.TAXABLE
                  && recentByGroup.containsKey(Groups.groupOf(market, runSecurity));
        }
        if (runBlocked) {
          lots.add(lot);
        }
      }
      lots.sort(Comparator.comparing(TaxLot::id));
    }
    ImmutableList.Builder<LossSaleBlock> lossBlocks = ImmutableList.builder();
    for (TaxLot lot : lots) {
      String group = Groups.groupOf(market, lot.security());
      List<Acquisition> recent = recentByGroup.get(group);
      ImmutableSortedSet.Builder<String> reasons = ImmutableSortedSet.naturalOrder();
      boolean any = false;
      for (Acquisition a : recent) {
        if (!a.isLot(lot.id())) {
          reasons.add(a.reference());
          any = true;
        }
      }
      if (any) {
        lossBlocks.add(new LossSaleBlock(lot.id(), lot.account(), group, reasons.build()));
      }
    }
    return new TaxConstraints(buyBlocks.build(), lossBlocks.build(), incompleteCoverage(household));
  }

  static ImmutableSortedSet<AccountId> incompleteCoverage(Household household) {
    ImmutableSortedSet.Builder<AccountId> out = ImmutableSortedSet.naturalOrder();
    for (Account a : household.accounts()) {
      if (a.transactionCoverage() == TransactionCoverage.INCOMPLETE) {
        out.add(a.id());
      }
    }
    return out.build();
  }

  /**
   * Every acquisition dated from {@code from} to {@code to} (both included) that could replace a
   * sale, sorted by date, source and reference.
   */
  private static List<Acquisition> acquisitions(
      Household household,
      MarketData market,
      List<Trade> plannedBuys,
      LocalDate tradeDate,
      LocalDate from,
      LocalDate to) {
    List<Acquisition> out = new ArrayList<>();
    for (TaxLot lot : household.lots()) {
      if (lot.acquired().isBefore(from) || lot.acquired().isAfter(to)) {
        continue;
      }
      // shares already used as replacements replace nothing more
      Quantity capacity = lot.quantity().minus(lot.usedAsReplacement());
      if (!lot.quantity().isPositive() || !capacity.isPositive()) {
        continue;
      }
      out.add(
          new Acquisition(
              ReplacementSource.LOT,
              lot.id().value(),
              new Replacement(
                  ReplacementSource.LOT,
                  lot.id().value(),
                  lot.account(),
                  lot.security(),
                  lot.acquired()),
              Groups.groupOf(market, lot.security()),
              lot,
              capacity));
    }
    for (Transaction t : household.transactions()) {
      if (t.side() != Side.BUY
          || !t.quantity().minus(t.usedAsReplacement()).isPositive()
          || t.tradeDate().isBefore(from)
          || t.tradeDate().isAfter(to)) {
        continue;
      }
      // a buy naming its lot is counted through that lot while held; once the lot is sold, the
      // purchase (made before any sale still to come) replaces nothing
      if (t.lot().isPresent()) {
        continue;
      }
      out.add(
          new Acquisition(
              ReplacementSource.TRANSACTION,
              t.id().value(),
              new Replacement(
                  ReplacementSource.TRANSACTION,
                  t.id().value(),
                  t.account(),
                  t.security(),
                  t.tradeDate()),
              Groups.groupOf(market, t.security()),
              null,
              t.quantity().minus(t.usedAsReplacement())));
    }
    for (Trade t : plannedBuys) {
      if (t.side() != Side.BUY || tradeDate.isBefore(from) || tradeDate.isAfter(to)) {
        continue;
      }
      String ref = t.account() + "/" + t.security();
      out.add(
          new Acquisition(
              ReplacementSource.PLANNED_BUY,
              ref,
              new Replacement(
                  ReplacementSource.PLANNED_BUY, ref, t.account(), t.security(), tradeDate),
              Groups.groupOf(market, t.security()),
              null,
              t.quantity()));
    }
    out.sort(
        Comparator.comparing((Acquisition a) -> a.date)
            .thenComparing(a -> a.source)
            .thenComparing(a -> a.ref)
            .thenComparing(a -> a.replacement.account()));
    return out;
  }

  /** A mutable work record: one acquisition and how much of it is still free to absorb a sale. */
  private static final class Acquisition {
    final ReplacementSource source;
    final String ref;
    final Replacement replacement;
    final String group;
    final LocalDate date;
    final TaxLot lot; // null unless source == LOT
    final Quantity capacity;

    Acquisition(
        ReplacementSource source,
        String ref,
        Replacement replacement,
        String group,
        TaxLot lot,
        Quantity capacity) {
      this.source = source;
      this.ref = ref;
      this.replacement = replacement;
      this.group = group;
      this.date = replacement.acquired();
      this.lot = lot;
      this.capacity = capacity;
    }

    boolean isLot(LotId id) {
      return lot != null && lot.id().equals(id);
    }

    String reference() {
      switch (source) {
        case LOT:
          return "lot:" + ref;
        case TRANSACTION:
          return "transaction:" + ref;
        default:
          return "planned-buy:" + ref;
      }
    }
  }
}
