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

/**
 * Value-weighted sums of weights and bands per class.
 *
 * <p>A band is averaged as {@code sum(value * band) / sum(value)}, each product rounded to 34
 * digits. While every allocation added so far gave a class the same band and every product was
 * exact (the digits of value and band fit in 34), that average is the band itself: the sum is the
 * band times the sum of the values, exactly, and divides back to the band, which has the weight's
 * scale. So the products and the division are only computed once the band differs or a product is
 * rounded; the exact sum of the products so far is then the band times the values so far.
 */
final class Blend {
  private static final MathContext MC = MathContext.DECIMAL128;

  private final Map<AssetClass, Sums> sums = new TreeMap<>();
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
      Sums s = sums.get(e.getKey());
      if (s == null) {
        s = new Sums();
        sums.put(e.getKey(), s);
      }
      s.weighted = s.weighted.add(value.multiply(t.weight().value(), MC));
      s.absolute.add(value, t.absoluteBand().value(), s.values);
      s.relative.add(value, t.relativeBand().value(), s.values);
      s.values = s.values.add(value);
    }
  }

  /**
   * Returns {@code value * band} at 34 digits; a zero band gives an exact zero without the
   * multiplication (a zero of another scale than the product's: the sums are only ever divided to a
   * fixed scale, which depends on their values, not their scales).
   */
  private static BigDecimal product(BigDecimal value, BigDecimal band) {
    return band.signum() == 0 ? BigDecimal.ZERO : value.multiply(band, MC);
  }

  TargetAllocation result() {
    Map<AssetClass, Weight> weights = new TreeMap<>();
    AssetClass largest = null;
    Weight sum = Weight.ZERO;
    for (Map.Entry<AssetClass, Sums> e : sums.entrySet()) {
      Weight w = averageOf(e.getValue().weighted, totalValue);
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
    for (Map.Entry<AssetClass, Sums> e : sums.entrySet()) {
      Sums s = e.getValue();
      b.putClasses(
          e.getKey(),
          new ClassTarget(
              weights.get(e.getKey()), s.absolute.average(s.values), s.relative.average(s.values)));
    }
    return b.build();
  }

  /** A value-weighted sum over the sum of values, rounded once, half-even, to a weight. */
  private static Weight averageOf(BigDecimal weightedSum, BigDecimal values) {
    return Weight.ofComputed(weightedSum.divide(values, Weight.SCALE, Money.ROUNDING));
  }

  /** One class's sums. */
  private static final class Sums {
    BigDecimal weighted = BigDecimal.ZERO;
    BigDecimal values = BigDecimal.ZERO;
    final Band absolute = new Band();
    final Band relative = new Band();
  }

  /** One band's value-weighted sum, or the band itself while every addition was the same, exact. */
  private static final class Band {
    /** The band of every addition so far, while {@code sum} is null. */
    private BigDecimal uniform;

    /** The sum of the products, once the band differed or a product was rounded; else null. */
    private BigDecimal sum;

    /** Adds {@code value * band}; {@code valuesBefore} is the sum of the values added before. */
    void add(BigDecimal value, BigDecimal band, BigDecimal valuesBefore) {
      if (sum == null) {
        if (uniform == null) {
          uniform = band;
        }
        if (band.compareTo(uniform) == 0 && isExact(value, band)) {
          return;
        }
        // every earlier product was exact and of the same band: their exact sum
        sum = uniform.signum() == 0 ? BigDecimal.ZERO : valuesBefore.multiply(uniform);
      }
      sum = sum.add(product(value, band));
    }

    /** Returns the average band over {@code values}, the sum of the values added. */
    Weight average(BigDecimal values) {
      return sum == null ? Weight.ofComputed(uniform) : averageOf(sum, values);
    }

    private static boolean isExact(BigDecimal value, BigDecimal band) {
      return band.signum() == 0 || value.precision() + band.precision() <= MC.getPrecision();
    }
  }
}
