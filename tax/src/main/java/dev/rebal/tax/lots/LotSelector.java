package dev.rebal.tax.lots;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.LotPick;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.internal.TaxOptimalOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the lots a sale relieves and computes the sale's result lot by lot.
 *
 * <pre>{@code
 * Sale sale = LotSelector.standard().select(
 *     SaleRequest.of(lots, Quantity.of(150), UnitPrice.usd("42.10"), asOf, TaxRates.of(profile)),
 *     ReliefMethod.TAX_OPTIMAL);
 * }</pre>
 *
 * <p>Lots are taken whole in the method's order and the last one in part; a partial lot is split
 * with {@link LotSplit} so basis is conserved exactly. Proceeds are allocated cumulatively: the
 * {@code k}-th lot gets {@code price * (q1 + .. + qk)} minus {@code price * (q1 + .. + q(k-1))},
 * each rounded once to cents, so the lots' proceeds add up to the sale's proceeds exactly.
 * Protected lots are never sold. No method sells more than the unprotected quantity held. This
 * class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class LotSelector {
  private static final LotSelector STANDARD = new LotSelector();

  private LotSelector() {}

  /** {@return the standard selector} */
  public static LotSelector standard() {
    return STANDARD;
  }

  /**
   * Selects lots by {@code method} and returns the sale's result.
   *
   * @param request the sale
   * @param method any method but {@link ReliefMethod#SPECIFIC_ID}
   * @return the lots relieved, with their gains
   * @throws IllegalArgumentException if the method is {@code SPECIFIC_ID}, or the quantity exceeds
   *     the unprotected quantity held
   */
  public Sale select(SaleRequest request, ReliefMethod method) {
    Checks.notNull(request, "request");
    Checks.notNull(method, "method");
    Checks.isTrue(
        method != ReliefMethod.SPECIFIC_ID,
        "method",
        method,
        "must not be SPECIFIC_ID here; use selectSpecific with the named lots");
    List<TaxLot> candidates = new ArrayList<>();
    Quantity available = Quantity.ZERO;
    for (TaxLot lot : request.lots()) {
      if (lot.quantity().isPositive() && !request.protectedLots().contains(lot.id())) {
        candidates.add(lot);
        available = available.plus(lot.quantity());
      }
    }
    if (request.quantity().compareTo(available) > 0) {
      // the message is built only on failure: this runs for every curve of every build
      Checks.isTrue(
          false,
          "quantity",
          request.quantity(),
          "must not exceed the unprotected quantity held, " + available);
    }
    sort(candidates, method, request);
    Map<TaxLot, Quantity> picks = new LinkedHashMap<>();
    Quantity remaining = request.quantity();
    for (TaxLot lot : candidates) {
      if (!remaining.isPositive()) {
        break;
      }
      Quantity take = remaining.min(lot.quantity());
      picks.put(lot, take);
      remaining = remaining.minus(take);
    }
    return realize(picks, request);
  }

  /**
   * Relieves exactly the named lots (specific identification) and returns the sale's result.
   *
   * @param request the sale; its quantity must equal the sum of the picks
   * @param picks the lots and quantities named at the time of sale, each lot at most once
   * @return the lots relieved, with their gains
   * @throws IllegalArgumentException if a pick names an unknown or protected lot, a lot twice, more
   *     than a lot holds, or the picks do not add up to the request's quantity
   */
  public Sale selectSpecific(SaleRequest request, List<LotPick> picks) {
    Checks.notNull(request, "request");
    Checks.noNulls(picks, "picks");
    Map<LotId, TaxLot> byId = new LinkedHashMap<>();
    for (TaxLot lot : request.lots()) {
      byId.put(lot.id(), lot);
    }
    Map<TaxLot, Quantity> chosen = new LinkedHashMap<>();
    Set<LotId> seen = new HashSet<>();
    Quantity total = Quantity.ZERO;
    for (int i = 0; i < picks.size(); i++) {
      LotPick pick = picks.get(i);
      TaxLot lot = byId.get(pick.lot());
      // the checks in order; paths and messages are built only on failure
      if (lot == null) {
        Checks.isTrue(false, lotPath(i), pick.lot(), "must name one of the request's lots");
      }
      if (request.protectedLots().contains(pick.lot())) {
        Checks.isTrue(false, lotPath(i), pick.lot(), "must not be a protected lot");
      }
      if (!seen.add(pick.lot())) {
        Checks.isTrue(false, lotPath(i), pick.lot(), "must not be named twice");
      }
      if (pick.quantity().compareTo(lot.quantity()) > 0) {
        Checks.isTrue(
            false,
            "picks[" + i + "].quantity",
            pick.quantity(),
            "must not exceed the lot's quantity " + lot.quantity());
      }
      chosen.put(lot, pick.quantity());
      total = total.plus(pick.quantity());
    }
    if (!total.equals(request.quantity())) {
      Checks.isTrue(false, "picks", total, "must add up to the quantity " + request.quantity());
    }
    return realize(chosen, request);
  }

  private static String lotPath(int i) {
    return "picks[" + i + "].lot";
  }

  private static Sale realize(Map<TaxLot, Quantity> picks, SaleRequest request) {
    ImmutableList.Builder<RealizedLot> out = ImmutableList.builder();
    Quantity cumulative = Quantity.ZERO;
    Money proceedsBefore = Money.zero(request.price().currency());
    for (Map.Entry<TaxLot, Quantity> e : picks.entrySet()) {
      TaxLot lot = e.getKey();
      cumulative = cumulative.plus(e.getValue());
      Money proceedsTo = request.price().times(cumulative);
      LotSplit split = LotSplit.of(lot, e.getValue());
      out.add(
          new RealizedLot(
              lot.id(),
              lot.account(),
              lot.security(),
              e.getValue(),
              proceedsTo.minus(proceedsBefore),
              split.takenBasis(),
              HoldingPeriod.termOf(lot, request.saleDate()),
              lot.holdingPeriodStart(),
              request.saleDate(),
              lot.basisKnown()));
      proceedsBefore = proceedsTo;
    }
    return new Sale(out.build());
  }

  /**
   * Sorts {@code lots} in {@code method}'s order. The price-dependent keys (HIFO, tax-optimal) are
   * computed once per lot and sorted with their lot (each key is a DECIMAL128 computation), in the
   * same order as comparing the lots by the keys would give.
   */
  private static void sort(List<TaxLot> lots, ReliefMethod method, SaleRequest request) {
    Comparator<TaxLot> byAcquired = Comparator.comparing(TaxLot::acquired);
    Comparator<TaxLot> byId = Comparator.comparing(TaxLot::id);
    switch (method) {
      case FIFO:
        lots.sort(byAcquired.thenComparing(byId));
        return;
      case LIFO:
        lots.sort(byAcquired.reversed().thenComparing(byId));
        return;
      case HIFO:
        {
          List<Keyed> keyed = new ArrayList<>(lots.size());
          lots.forEach(l -> keyed.add(new Keyed(l, basisPerShare(l))));
          keyed.sort(
              Comparator.comparing(Keyed::key)
                  .reversed()
                  .thenComparing(Keyed::lot, byAcquired.thenComparing(byId)));
          unkey(keyed, lots);
          return;
        }
      case TAX_OPTIMAL:
        {
          List<TaxOptimalOrder.Keyed> keyed =
              TaxOptimalOrder.sort(lots, request.price(), request.saleDate(), request.rates());
          for (int i = 0; i < keyed.size(); i++) {
            lots.set(i, keyed.get(i).lot());
          }
          return;
        }
      default:
        throw new IllegalStateException("unhandled relief method " + method);
    }
  }

  private static void unkey(List<Keyed> keyed, List<TaxLot> lots) {
    for (int i = 0; i < keyed.size(); i++) {
      lots.set(i, keyed.get(i).lot());
    }
  }

  /** A lot with its sort key. */
  private record Keyed(TaxLot lot, BigDecimal key) {}

  static BigDecimal basisPerShare(TaxLot lot) {
    return lot.basisPerShare();
  }
}
