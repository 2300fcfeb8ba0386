package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.tax.Term;
import dev.rebal.tax.lots.RealizedLot;

/**
 * The wash-sale analysis of a set of sales: every disallowed amount with its sale, replacement and
 * rule; the replacement lots after basis adjustment and tacking; and whether the household's
 * transaction coverage lets the analysis claim completeness.
 *
 * <p>When {@link #incompleteCoverage()} is not empty, some account's recent transactions are not
 * fully known, so a loss reported as allowed may still be washed by a purchase Rebal cannot see;
 * callers must say so rather than claim safety. Lists are sorted (disallowances by sale date, sale
 * lot and replacement; lots by id). This record is immutable and thread-safe.
 *
 * @param sales the sales analyzed, as given
 * @param disallowances the disallowed amounts
 * @param adjustedLots replacement lots whose basis or holding period changed; a lot matched in part
 *     is split, the matched part taking the id {@code <lot>#w<n>} and the rest keeping the lot's id
 * @param incompleteCoverage accounts whose recent transactions are not fully known
 * @since 0.1
 */
public record WashSaleResult(ImmutableList<RealizedLot> sales,
    ImmutableList<Disallowance> disallowances, ImmutableList<TaxLot> adjustedLots,
    ImmutableSortedSet<AccountId> incompleteCoverage) {
  /** Checks that no list contains null. */
  public WashSaleResult {
    Checks.noNulls(sales, "sales");
    Checks.noNulls(disallowances, "disallowances");
    Checks.noNulls(adjustedLots, "adjustedLots");
    Checks.noNulls(incompleteCoverage, "incompleteCoverage");
  }

  /** Returns whether every account's recent transactions are known. */
  public boolean isCoverageComplete() {
    return incompleteCoverage.isEmpty();
  }

  /** Returns whether any loss was disallowed. */
  public boolean hasWashSale() {
    return !disallowances.isEmpty();
  }

  /** Returns the loss disallowed on the sale of {@code saleLot} (zero if none). */
  public Money disallowedLoss(LotId saleLot) {
    Money m = Money.ZERO_USD;
    for (Disallowance d : disallowances) {
      if (d.saleLot().equals(saleLot)) {
        m = m.plus(d.disallowedLoss());
      }
    }
    return m;
  }

  /** Returns the total loss disallowed. */
  public Money totalDisallowed() {
    Money m = Money.ZERO_USD;
    for (Disallowance d : disallowances) {
      m = m.plus(d.disallowedLoss());
    }
    return m;
  }

  /** Returns the total loss lost for good (IRA and other tax-advantaged replacements). */
  public Money totalLost() {
    Money m = Money.ZERO_USD;
    for (Disallowance d : disallowances) {
      if (!d.rule().adjustsBasis()) {
        m = m.plus(d.disallowedLoss());
      }
    }
    return m;
  }

  /**
   * Returns the net gain of the sales of {@code term} that is recognized this year: their gains
   * with the disallowed losses added back.
   */
  public Money recognizedGain(Term term) {
    Money m = Money.ZERO_USD;
    for (RealizedLot s : sales) {
      if (s.term() == term) {
        m = m.plus(s.gain());
      }
    }
    for (Disallowance d : disallowances) {
      for (RealizedLot s : sales) {
        if (s.term() == term && s.lot().equals(d.saleLot()) && s.saleDate().equals(d.saleDate())
            && s.account().equals(d.saleAccount())) {
          m = m.plus(d.disallowedLoss());
          break;
        }
      }
    }
    return m;
  }
}
