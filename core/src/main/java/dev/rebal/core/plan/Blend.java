package dev.rebal.core.plan;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;

/** Value-weighted sums of weights and bands per class. */
final class Blend {
  private static final MathContext MC = MathContext.DECIMAL128;

  private final Map<AssetClass, BigDecimal[]> sums = new TreeMap<>();
  private BigDecimal totalValue = BigDecimal.ZERO;

  /** Returns whether anything with a positive value was added. */
  boolean isEmpty() {
    return totalValue.signum() == 0;
  }

  void add(TargetAllocation allocation, BigDecimal value) {
    if (value.signum() <= 0) {
      return;
    }
    totalValue = totalValue.add(value);
    for (Map.Entry<AssetClass, ClassTarget> e : allocation.classes().entrySet()) {
      ClassTarget t = e.getValue();
      BigDecimal[] s = sums.get(e.getKey());
      if (s == null) {
        s = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        sums.put(e.getKey(), s);
      }
      s[0] = s[0].add(value.multiply(t.weight().value(), MC));
      s[1] = s[1].add(product(value, t.absoluteBand().value()));
      s[2] = s[2].add(product(value, t.relativeBand().value()));
      s[3] = s[3].add(value);
    }
  }

  /**
   * Returns {@code value * band} at 34 digits; a zero band gives an exact zero without the
   * multiplication (a zero of another scale than the product's: the sums are only ever divided to
   * a fixed scale, which depends on their values, not their scales).
   */
  private static BigDecimal product(BigDecimal value, BigDecimal band) {
    return band.signum() == 0 ? BigDecimal.ZERO : value.multiply(band, MC);
  }

  TargetAllocation result() {
    Map<AssetClass, Weight> weights = new TreeMap<>();
    AssetClass largest = null;
    Weight sum = Weight.ZERO;
    for (Map.Entry<AssetClass, BigDecimal[]> e : sums.entrySet()) {
      Weight w = averageOf(e.getValue()[0], totalValue);
      weights.put(e.getKey(), w);
      sum = sum.plus(w);
      if (largest == null || w.compareTo(weights.get(largest)) > 0) {
        largest = e.getKey();
      }
    }
    if (largest != null) {
      weights.put(largest, weights.get(largest).plus(Weight.ONE.minus(sum)));
    }
    TargetAllocation.Builder b = TargetAllocation.builder();
    for (Map.Entry<AssetClass, BigDecimal[]> e : sums.entrySet()) {
      BigDecimal[] s = e.getValue();
      b.putClasses(e.getKey(), new ClassTarget(weights.get(e.getKey()),
          averageOf(s[1], s[3]), averageOf(s[2], s[3])));
    }
    return b.build();
  }

  /** A value-weighted sum over the sum of values, rounded once, half-even, to a weight. */
  private static Weight averageOf(BigDecimal weightedSum, BigDecimal values) {
    return Weight.ofComputed(weightedSum.divide(values, Weight.SCALE, Money.ROUNDING));
  }
}
