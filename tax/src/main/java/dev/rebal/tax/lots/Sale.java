package dev.rebal.tax.lots;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A sale's result lot by lot, in relief order, with its totals.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param lots the per-lot results, in relief order; may be empty for a zero sale
 * @since 0.1
 */
public record Sale(List<RealizedLot> lots) {
  /**
   * Checks that the list has no nulls.
   *
   * @param lots the per-lot results, in relief order; may be empty for a zero sale
   */
  public Sale {
    Checks.noNulls(lots, "lots");
    lots = ImmutableList.copyOf(lots);
  }

  /** {@return the quantity sold} */
  public Quantity quantity() {
    Quantity q = Quantity.ZERO;
    for (RealizedLot l : lots) {
      q = q.plus(l.quantity());
    }
    return q;
  }

  /** {@return the total proceeds} */
  public Money proceeds() {
    Money m = Money.ZERO_USD;
    for (RealizedLot l : lots) {
      m = m.plus(l.proceeds());
    }
    return m;
  }

  /** {@return the total basis relieved} */
  public Money basis() {
    Money m = Money.ZERO_USD;
    for (RealizedLot l : lots) {
      m = m.plus(l.basis());
    }
    return m;
  }

  /** {@return the total gain (negative for a net loss)} */
  public Money gain() {
    return proceeds().minus(basis());
  }

  /**
   * {@return the total gain of the lots of {@code term}}
   *
   * @param term short or long term
   */
  public Money gain(Term term) {
    Money m = Money.ZERO_USD;
    for (RealizedLot l : lots) {
      if (l.term() == term) {
        m = m.plus(l.gain());
      }
    }
    return m;
  }

  /**
   * {@return the sale's marginal tax at {@code rates}: each lot's gain times the rate of its term,
   * summed exactly and rounded once to cents (negative when the sale saves tax)} It ignores netting
   * against the rest of the year; {@code gains.TaxCalculator} does the full computation.
   *
   * @param rates the household's combined rates
   */
  public Money marginalTax(TaxRates rates) {
    Checks.notNull(rates, "rates");
    BigDecimal sum = BigDecimal.ZERO;
    for (RealizedLot l : lots) {
      sum =
          sum.add(
              l.gain().amount().multiply(rates.rateOf(l.term()).value(), MathContext.DECIMAL128));
    }
    return Money.ofComputed(Money.USD, sum);
  }
}
