package dev.rebal.tax.cost;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The marginal tax of selling a position in one account, as a function of the dollars sold.
 *
 * <p>Definition: with segments {@code s1..sn} in order, selling {@code x} dollars costs {@code
 * tax(x) = sum_k costPerDollar_k * min(max(x - V_(k-1), 0), value_k)}, where {@code V_k} is the
 * value of the first {@code k} segments. The segments are the sellable lots (lot preferences
 * excluded) in tax-optimal relief order, so {@code costPerDollar} never decreases and {@code tax}
 * is convex, as a linear program needs. Selling more than {@link #capacity()} is not possible. In a
 * tax-deferred or tax-exempt account every rate, and so every cost, is zero. Costs are marginal:
 * they ignore netting with the rest of the year and the $3,000 loss limit, which the gains
 * calculator applies to the finished proposal. This record is immutable and thread-safe.
 *
 * @param account the account
 * @param security the security
 * @param price the price the curve was built at
 * @param segments the segments in relief order
 * @since 0.1
 */
public record TaxCostCurve(
    AccountId account, SecurityId security, UnitPrice price, List<TaxCostSegment> segments) {
  /** The scale of per-dollar figures. */
  public static final int SCALE = 10;

  /**
   * Checks that no component is null.
   *
   * @param account the account
   * @param security the security
   * @param price the price the curve was built at
   * @param segments the segments in relief order
   */
  public TaxCostCurve {
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(price, "price");
    Checks.noNulls(segments, "segments");
    segments = ImmutableList.copyOf(segments);
  }

  /** {@return the dollars that can be sold: the sum of the segments' values} */
  public Money capacity() {
    Money m = Money.zero(price.currency());
    for (TaxCostSegment s : segments) {
      m = m.plus(s.value());
    }
    return m;
  }

  /**
   * {@return the tax of selling {@code dollars}, by the definition above, rounded once to cents}
   *
   * @param dollars the amount sold, between zero and {@link #capacity()}
   * @throws IllegalArgumentException if {@code dollars} is negative or above the capacity
   */
  public Money taxOf(Money dollars) {
    Checks.notNull(dollars, "dollars");
    Checks.isTrue(
        !dollars.isNegative() && dollars.compareTo(capacity()) <= 0,
        "dollars",
        dollars,
        "must lie between zero and the capacity " + capacity());
    BigDecimal left = dollars.amount();
    BigDecimal tax = BigDecimal.ZERO;
    for (TaxCostSegment s : segments) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal take = left.min(s.value().amount());
      tax = tax.add(take.multiply(s.costPerDollar(), MathContext.DECIMAL128));
      left = left.subtract(take);
    }
    return Money.ofComputed(dollars.currency(), tax);
  }
}
