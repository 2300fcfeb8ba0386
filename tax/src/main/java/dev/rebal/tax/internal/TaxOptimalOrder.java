package dev.rebal.tax.internal;

import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tax-optimal relief order ({@code ReliefMethod.TAX_OPTIMAL}): lowest marginal tax per share
 * first, then long-term before short-term, then oldest, then by lot id. Each lot's keys are
 * computed once, and kept with it, so that the lot selector and the tax-cost curves sort the same
 * way and the curves reuse the keys instead of computing them again.
 */
public final class TaxOptimalOrder {
  /** Tax per share, long-term first, oldest first, lot id: one comparison, no boxing. */
  private static final Comparator<Keyed> ORDER =
      (a, b) -> {
        int c = a.taxPerShare().compareTo(b.taxPerShare());
        if (c != 0) {
          return c;
        }
        c = Boolean.compare(a.term() == Term.SHORT, b.term() == Term.SHORT);
        if (c != 0) {
          return c;
        }
        c = a.lot().acquired().compareTo(b.lot().acquired());
        return c != 0 ? c : a.lot().id().compareTo(b.lot().id());
      };

  private TaxOptimalOrder() {}

  /**
   * A lot with its sort keys.
   *
   * @param lot the lot
   * @param term the term of its sale on the sale date
   * @param gainPerShare the price minus the basis per share (zero when the basis is unknown), at
   *     {@code DECIMAL128}
   * @param taxPerShare the gain per share times the term's rate, at {@code DECIMAL128}
   */
  public record Keyed(TaxLot lot, Term term, BigDecimal gainPerShare, BigDecimal taxPerShare) {}

  /** Returns {@code lots} with their keys, sorted; a stable sort of the lots in their order. */
  public static List<Keyed> sort(
      List<TaxLot> lots, UnitPrice price, LocalDate saleDate, TaxRates rates) {
    List<Keyed> keyed = new ArrayList<>(lots.size());
    for (TaxLot lot : lots) {
      Term term = HoldingPeriod.termOf(lot, saleDate);
      BigDecimal basis = lot.basisKnown() ? lot.basisPerShare() : BigDecimal.ZERO;
      BigDecimal gainPerShare = price.amount().subtract(basis, MathContext.DECIMAL128);
      keyed.add(
          new Keyed(
              lot,
              term,
              gainPerShare,
              gainPerShare.multiply(rates.rateOf(term).value(), MathContext.DECIMAL128)));
    }
    keyed.sort(ORDER);
    return keyed;
  }
}
