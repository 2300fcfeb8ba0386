package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.internal.GiftStage;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.Term;
import dev.rebal.tax.lots.LotSplit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a proposal to a household as if every trade filled at its estimated price on the as-of
 * date: what a simulation or a backtest needs, and what the idempotence check rebalances again.
 *
 * <p>A sale relieves the lots it names (split pro rata, basis conserved exactly) and adds its
 * proceeds to the account's cash; a buy pays from cash and opens a new lot {@code
 * <household>-<asOf>-<n>} at its cost, acquired on the as-of date. Every trade is recorded as a
 * {@link Transaction} (a sale with its realized gain), so the wash-sale rule sees it on later
 * dates, and the household's last rebalance becomes the as-of date. A gift in kind ({@link
 * Side#GIFT}) relieves its lots like a sale but adds no cash and realizes no gain; the gift event
 * it names (reason code {@code gift:<event id>}) is reduced by the value given, to the cash part
 * still to give, or removed when nothing is left, so the gift is not made twice. A sale in a
 * taxable account adds its gain or loss, lot by lot and by term on the as-of date, to the tax
 * profile's realized gains of the year, as the next day's data would show them (budgets, the short-
 * term cap and the harvest gate read them). No fees. Wash-sale basis adjustments of replacement
 * lots are not applied here (the engine never proposes a wash sale). This class is stateless and
 * thread-safe.
 */
public final class ProposalExecutor {
  private ProposalExecutor() {}

  /**
   * {@return {@code household} after {@code proposal} filled}
   *
   * @param household the household before the trades
   * @param proposal the proposal, every trade filled at its estimated price
   * @throws IllegalArgumentException if a sale names a lot the household does not hold or takes
   *     more than the lot holds
   */
  public static Household apply(Household household, Proposal proposal) {
    Checks.notNull(household, "household");
    Checks.notNull(proposal, "proposal");
    Map<LotId, TaxLot> lots = new LinkedHashMap<>();
    household.lots().forEach(l -> lots.put(l.id(), l));
    Map<AccountId, Money> cash = new TreeMap<>();
    household.accounts().forEach(a -> cash.put(a.id(), a.cash()));
    List<Transaction> transactions = new ArrayList<>(household.transactions());
    String prefix = household.id().value() + "-" + proposal.asOf();
    int n = 0;
    Map<String, Money> given = new TreeMap<>();
    RealizedGains realized = new RealizedGains(proposal.asOf());
    for (Trade t : proposal.trades()) {
      n++;
      Money value = t.estimatedValue();
      Transaction.Builder tx =
          Transaction.builder()
              .id(TransactionId.of(prefix + "-T" + n))
              .account(t.account())
              .security(t.security())
              .side(t.side())
              .tradeDate(proposal.asOf())
              .quantity(t.quantity())
              .amount(value);
      if (t.side() != Side.BUY) {
        Money basis = Money.ZERO_USD;
        boolean taxed =
            t.side() == Side.SELL
                && household
                    .findAccount(t.account())
                    .map(a -> a.treatment() == TaxTreatment.TAXABLE)
                    .orElse(false);
        Money proceedsLeft = value;
        for (int k = 0; k < t.lots().size(); k++) {
          LotPick pick = t.lots().get(k);
          TaxLot lot = lots.get(pick.lot());
          Checks.isTrue(lot != null, "trades[" + n + "].lots", pick.lot(), "must be held");
          LotSplit split = LotSplit.of(lot, pick.quantity());
          basis = basis.plus(split.takenBasis());
          if (taxed) {
            // each lot's proceeds at the trade's price, the last one the rest of the value
            Money proceeds =
                k == t.lots().size() - 1 ? proceedsLeft : t.estimatedPrice().times(pick.quantity());
            proceedsLeft = proceedsLeft.minus(proceeds);
            realized.add(lot, proceeds.minus(split.takenBasis()));
          }
          if (split.kept().isPresent()) {
            lots.put(lot.id(), split.kept().get());
          } else {
            lots.remove(lot.id());
          }
        }
        if (t.side() == Side.SELL) {
          cash.merge(t.account(), value, Money::plus);
          transactions.add(tx.realizedGain(value.minus(basis)).build());
        } else {
          // a gift in kind: the shares leave, no cash comes in, no gain is realized
          transactions.add(tx.build());
          GiftStage.eventOf(t).ifPresent(id -> given.merge(id, value, Money::plus));
        }
      } else {
        LotId id = LotId.of(prefix + "-" + n);
        lots.put(
            id,
            TaxLot.builder()
                .id(id)
                .account(t.account())
                .security(t.security())
                .quantity(t.quantity())
                .costBasis(value)
                .acquired(proposal.asOf())
                .build());
        cash.merge(t.account(), value.negated(), Money::plus);
        transactions.add(tx.lot(id).build());
      }
    }
    List<Account> accounts = new ArrayList<>();
    for (Account a : household.accounts()) {
      accounts.add(a.withCash(cash.get(a.id())));
    }
    Household after =
        household
            .withAccounts(accounts)
            .withLots(ImmutableList.copyOf(lots.values()))
            .withTransactions(transactions)
            .withLastRebalanced(proposal.asOf())
            .withTaxProfile(realized.addedTo(household.taxProfile()));
    return given.isEmpty() ? after : after.withLiquidityEvents(giftsMade(household, given));
  }

  /** The gains a proposal's taxable sales realize, by term on the trade date. */
  private static final class RealizedGains {
    private final LocalDate asOf;
    private Money shortTerm = Money.ZERO_USD;
    private Money longTerm = Money.ZERO_USD;

    RealizedGains(LocalDate asOf) {
      this.asOf = asOf;
    }

    void add(TaxLot lot, Money gain) {
      if (HoldingPeriod.termOf(lot, asOf) == Term.SHORT) {
        shortTerm = shortTerm.plus(gain);
      } else {
        longTerm = longTerm.plus(gain);
      }
    }

    /** {@return {@code profile} with these gains added to its realized gains of the year} */
    TaxProfile addedTo(TaxProfile profile) {
      if (shortTerm.isZero() && longTerm.isZero()) {
        return profile;
      }
      return profile
          .withRealizedShortTermYtd(profile.realizedShortTermYtd().plus(shortTerm))
          .withRealizedLongTermYtd(profile.realizedLongTermYtd().plus(longTerm));
    }
  }

  /**
   * Returns the household's events with each gift given in kind reduced by the value given: to its
   * cash part, or gone when nothing is left to give.
   */
  private static List<LiquidityEvent> giftsMade(Household household, Map<String, Money> given) {
    List<LiquidityEvent> events = new ArrayList<>();
    for (LiquidityEvent e : household.liquidityEvents()) {
      Money inKind = given.get(e.id().value());
      if (inKind == null || e.kind() != LiquidityKind.GIFT) {
        events.add(e);
        continue;
      }
      Money left = e.amount().minus(inKind);
      if (left.isPositive()) {
        events.add(
            LiquidityEvent.builder()
                .id(e.id())
                .kind(e.kind())
                .amount(left)
                .date(e.date())
                .account(e.account())
                .firmness(e.firmness())
                .description(e.description())
                .build());
      }
    }
    return events;
  }
}
