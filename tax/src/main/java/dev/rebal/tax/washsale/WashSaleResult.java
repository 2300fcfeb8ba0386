package dev.rebal.tax.washsale;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;
import dev.rebal.tax.Term;
import dev.rebal.tax.lots.RealizedLot;
import java.util.List;
import java.util.SortedSet;

/**
 * The wash-sale analysis of a set of sales: every disallowed amount with its sale, replacement and
 * rule; the sales as costed after earlier wash sales of the same analysis; the replacement lots
 * after basis adjustment and tacking; and the household's lots and transaction history after the
 * analysis, ready for the next one.
 *
 * <p>When {@link #incompleteCoverage()} is not empty, some account's recent transactions are not
 * fully known, so a loss reported as allowed may still be washed by a purchase Rebal cannot see;
 * callers must say so rather than claim safety.
 *
 * <p>Carrying the history forward. To analyze the next day (or trade) correctly, replace the
 * household's lots with {@link #lotsAfter()} and its transactions with {@link
 * #transactionsAfter()}, and add one sell transaction per sale piece, made by {@link
 * #saleTransaction(RealizedLot, TransactionId)}, plus the new buys. A later analysis then sees
 * which replacement shares were used and which losses were washed, and finds the replacements of a
 * loss bought after it. This record is immutable and thread-safe.
 *
 * @param sales the sales analyzed, as given
 * @param disallowances the disallowed amounts, in the order they were found; a loss of the history
 *     (a sell transaction) washed by a purchase of this analysis is reported here too
 * @param adjustedLots replacement lots whose basis, holding period or replacement use changed,
 *     after the analyzed sales, sorted by id; a lot matched in part is split, the matched part
 *     taking the id {@code <purchase>#w<from>-<to>} and the rest keeping the lot's id
 * @param incompleteCoverage accounts whose recent transactions are not fully known
 * @param adjustedSales the sales as sold: a sale of a lot that an earlier loss of the same analysis
 *     split or adjusted is costed piece by piece, with the adjusted basis and holding period (a
 *     chained wash sale); other sales as given
 * @param lotsAfter every lot of the household after the analyzed sales and wash-sale adjustments
 * @param transactionsAfter the household's transactions with the replacement use of its buys and
 *     the washed shares of its sells brought up to date
 * @since 0.1
 */
public record WashSaleResult(
    List<RealizedLot> sales,
    List<Disallowance> disallowances,
    List<TaxLot> adjustedLots,
    SortedSet<AccountId> incompleteCoverage,
    List<RealizedLot> adjustedSales,
    List<TaxLot> lotsAfter,
    List<Transaction> transactionsAfter) {
  /**
   * Checks that no list contains null.
   *
   * @param sales the sales analyzed, as given
   * @param disallowances the disallowed amounts, in the order they were found; a loss of the
   *     history (a sell transaction) washed by a purchase of this analysis is reported here too
   * @param adjustedLots replacement lots whose basis, holding period or replacement use changed,
   *     after the analyzed sales, sorted by id; a lot matched in part is split, the matched part
   *     taking the id {@code <purchase>#w<from>-<to>} and the rest keeping the lot's id
   * @param incompleteCoverage accounts whose recent transactions are not fully known
   * @param adjustedSales the sales as sold: a sale of a lot that an earlier loss of the same
   *     analysis split or adjusted is costed piece by piece, with the adjusted basis and holding
   *     period (a chained wash sale); other sales as given
   * @param lotsAfter every lot of the household after the analyzed sales and wash-sale adjustments
   * @param transactionsAfter the household's transactions with the replacement use of its buys and
   *     the washed shares of its sells brought up to date
   */
  public WashSaleResult {
    Checks.noNulls(sales, "sales");
    sales = ImmutableList.copyOf(sales);
    Checks.noNulls(disallowances, "disallowances");
    disallowances = ImmutableList.copyOf(disallowances);
    Checks.noNulls(adjustedLots, "adjustedLots");
    adjustedLots = ImmutableList.copyOf(adjustedLots);
    Checks.noNulls(incompleteCoverage, "incompleteCoverage");
    incompleteCoverage = ImmutableSortedSet.copyOf(incompleteCoverage);
    Checks.noNulls(adjustedSales, "adjustedSales");
    adjustedSales = ImmutableList.copyOf(adjustedSales);
    Checks.noNulls(lotsAfter, "lotsAfter");
    lotsAfter = ImmutableList.copyOf(lotsAfter);
    Checks.noNulls(transactionsAfter, "transactionsAfter");
    transactionsAfter = ImmutableList.copyOf(transactionsAfter);
  }

  /** {@return whether every account's recent transactions are known} */
  public boolean isCoverageComplete() {
    return incompleteCoverage.isEmpty();
  }

  /** {@return whether any loss was disallowed} */
  public boolean hasWashSale() {
    return !disallowances.isEmpty();
  }

  /**
   * {@return the loss disallowed on the sales of lot (or piece) {@code saleLot} (zero if none)}
   *
   * @param saleLot the lot, or piece of a lot, sold
   */
  public Money disallowedLoss(LotId saleLot) {
    Money m = Money.ZERO_USD;
    for (Disallowance d : disallowances) {
      if (d.saleLot().equals(saleLot)) {
        m = m.plus(d.disallowedLoss());
      }
    }
    return m;
  }

  /** {@return the total loss disallowed} */
  public Money totalDisallowed() {
    Money m = Money.ZERO_USD;
    for (Disallowance d : disallowances) {
      m = m.plus(d.disallowedLoss());
    }
    return m;
  }

  /** {@return the total loss lost for good (IRA and other tax-advantaged replacements)} */
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
   * {@return how many shares of sale piece {@code sale} (one of {@link #adjustedSales()}) had their
   * loss disallowed}
   *
   * @param sale the sale piece
   */
  public Quantity washedQuantity(RealizedLot sale) {
    Quantity q = Quantity.ZERO;
    for (Disallowance d : disallowances) {
      if (isOf(d, sale)) {
        q = q.plus(d.quantity());
      }
    }
    return q;
  }

  /**
   * {@return the sell transaction that records sale piece {@code sale} in the household's history:
   * its lot, date, sequence, proceeds as amount, gain, holding-period start and washed shares}
   *
   * @param sale one of {@link #adjustedSales()}
   * @param id the transaction's id
   */
  public Transaction saleTransaction(RealizedLot sale, TransactionId id) {
    Checks.notNull(sale, "sale");
    Checks.notNull(id, "id");
    return Transaction.builder()
        .id(id)
        .account(sale.account())
        .security(sale.security())
        .side(Side.SELL)
        .tradeDate(sale.saleDate())
        .sequence(sale.sequence())
        .quantity(sale.quantity())
        .amount(sale.proceeds())
        .realizedGain(sale.gain())
        .lot(sale.lot())
        .holdingPeriodStart(sale.holdingPeriodStart())
        .washedQuantity(washedQuantity(sale))
        .build();
  }

  /**
   * {@return the net gain of the sales of {@code term} that is recognized this year: their gains,
   * as sold ({@link #adjustedSales()}), with the disallowed losses added back}
   *
   * @param term short or long term
   */
  public Money recognizedGain(Term term) {
    Money m = Money.ZERO_USD;
    for (RealizedLot s : adjustedSales) {
      if (s.term() == term) {
        m = m.plus(s.gain());
        for (Disallowance d : disallowances) {
          if (isOf(d, s)) {
            m = m.plus(d.disallowedLoss());
          }
        }
      }
    }
    return m;
  }

  private static boolean isOf(Disallowance d, RealizedLot s) {
    return d.saleLot().equals(s.lot())
        && d.saleDate().equals(s.saleDate())
        && d.saleAccount().equals(s.account());
  }
}
