package dev.rebal.tax.gifting;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import dev.rebal.tax.lots.LotPreferences;
import dev.rebal.tax.lots.LotSplit;
import dev.rebal.tax.lots.RealizedLot;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the lots to give to charity in kind instead of cash.
 *
 * <p>Giving appreciated long-term shares avoids their gain, and the deduction is their market value
 * just as for cash (IRS Pub. 526, "Giving Property That Has Increased in Value"); short-term lots
 * would deduct only their basis, so they are never chosen. Method: the candidates are lots of known
 * basis in tradable taxable accounts, long term on the gift date, priced, with a gain, and not
 * protected by a lot preference. They are taken by gain per dollar of market value, highest first
 * (ties by lot id), whole while the gift has room and the last in part; a partial quantity is
 * rounded down (to whole shares unless the account allows fractional ones), so the value given
 * never exceeds the gift and the rest is given in cash. This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class GiftSelector {
  private static final GiftSelector STANDARD = new GiftSelector();

  private GiftSelector() {}

  /** {@return the standard selector} */
  public static GiftSelector standard() {
    return STANDARD;
  }

  /**
   * Plans a gift of {@code amount} on {@code giftDate}.
   *
   * @param household the household
   * @param market prices and the security master
   * @param giftDate the date the gift is made (the as-of date or later)
   * @param amount the gift's amount (positive)
   * @return the lots to give and the cash, with the gain and tax the gift avoids
   */
  public GiftPlan plan(Household household, MarketData market, LocalDate giftDate, Money amount) {
    return plan(household, market, giftDate, amount, new HashMap<>());
  }

  /**
   * Plans every gift event of the household dated on or after {@code asOf}, in date order (then
   * id), each using lots the earlier ones left.
   *
   * @param household the household
   * @param market prices and the security master
   * @param asOf the as-of date
   * @return the plan of each gift event, by event id
   */
  public ImmutableSortedMap<LiquidityEventId, GiftPlan> planEvents(
      Household household, MarketData market, LocalDate asOf) {
    Checks.notNull(household, "household");
    Checks.notNull(asOf, "asOf");
    List<LiquidityEvent> gifts = new ArrayList<>();
    for (LiquidityEvent e : household.liquidityEvents()) {
      if (e.kind() == LiquidityKind.GIFT && !e.date().isBefore(asOf)) {
        gifts.add(e);
      }
    }
    gifts.sort(Comparator.comparing(LiquidityEvent::date).thenComparing(LiquidityEvent::id));
    Map<LotId, Quantity> used = new HashMap<>();
    ImmutableSortedMap.Builder<LiquidityEventId, GiftPlan> out = ImmutableSortedMap.naturalOrder();
    for (LiquidityEvent e : gifts) {
      out.put(e.id(), plan(household, market, e.date(), e.amount(), used));
    }
    return out.build();
  }

  private static GiftPlan plan(
      Household household,
      MarketData market,
      LocalDate giftDate,
      Money amount,
      Map<LotId, Quantity> used) {
    Checks.notNull(household, "household");
    Checks.notNull(market, "market");
    Checks.notNull(giftDate, "giftDate");
    Checks.notNull(amount, "amount");
    Checks.isTrue(amount.isPositive(), "amount", amount, "must be positive");
    Set<LotId> protectedLots = LotPreferences.protectedLots(household, market, giftDate);
    List<Candidate> candidates = new ArrayList<>();
    for (TaxLot lot : household.lots()) {
      Optional<Account> account = household.findAccount(lot.account());
      Optional<Price> price = market.prices().find(lot.security());
      if (account.isEmpty()
          || !account.get().tradable()
          || account.get().heldAway()
          || account.get().treatment() != TaxTreatment.TAXABLE
          || price.isEmpty()
          || !lot.basisKnown()
          || protectedLots.contains(lot.id())
          || HoldingPeriod.termOf(lot, giftDate) != Term.LONG) {
        continue;
      }
      Quantity free = lot.quantity().minus(used.getOrDefault(lot.id(), Quantity.ZERO));
      if (!free.isPositive()) {
        continue;
      }
      TaxLot available =
          free.equals(lot.quantity())
              ? lot
              : LotSplit.of(lot, lot.quantity().minus(free)).kept().orElseThrow();
      Money value = price.get().perUnit().times(available.quantity());
      Money gain = value.minus(available.costBasis());
      if (gain.isPositive()) {
        candidates.add(
            new Candidate(
                available,
                price.get().perUnit(),
                account.get(),
                gain.amount().divide(value.amount(), MathContext.DECIMAL128)));
      }
    }
    candidates.sort(
        Comparator.comparing((Candidate c) -> c.gainPerDollar)
            .reversed()
            .thenComparing(c -> c.lot.id()));
    TaxRates rates = TaxRates.of(household.taxProfile());
    ImmutableList.Builder<RealizedLot> given = ImmutableList.builder();
    Money remaining = amount;
    Money gainAvoided = Money.zero(amount.currency());
    for (Candidate c : candidates) {
      if (!remaining.isPositive()) {
        break;
      }
      Quantity q = c.lot.quantity();
      if (c.price.times(q).compareTo(remaining) > 0) {
        BigDecimal shares = remaining.amount().divide(c.price.amount(), MathContext.DECIMAL128);
        q =
            c.account.fractionalShares()
                ? Quantity.ofComputed(shares)
                : Quantity.of(shares.setScale(0, RoundingMode.DOWN));
        while (q.isPositive() && c.price.times(q).compareTo(remaining) > 0) {
          q = q.minus(c.account.fractionalShares() ? Quantity.of("0.000001") : Quantity.of(1));
        }
      }
      if (!q.isPositive()) {
        continue;
      }
      LotSplit split = LotSplit.of(c.lot, q);
      Money value = c.price.times(q);
      given.add(
          new RealizedLot(
              c.lot.id(),
              c.lot.account(),
              c.lot.security(),
              q,
              value,
              split.takenBasis(),
              Term.LONG,
              c.lot.holdingPeriodStart(),
              giftDate,
              true));
      gainAvoided = gainAvoided.plus(value.minus(split.takenBasis()));
      remaining = remaining.minus(value);
      used.merge(c.lot.id(), q, Quantity::plus);
    }
    return new GiftPlan(
        amount,
        given.build(),
        remaining,
        gainAvoided,
        gainAvoided.multipliedBy(rates.longTerm().value()));
  }

  private static final class Candidate {
    final TaxLot lot;
    final UnitPrice price;
    final Account account;
    final BigDecimal gainPerDollar;

    Candidate(TaxLot lot, UnitPrice price, Account account, BigDecimal gainPerDollar) {
      this.lot = lot;
      this.price = price;
      this.account = account;
      this.gainPerDollar = gainPerDollar;
    }
  }
}
