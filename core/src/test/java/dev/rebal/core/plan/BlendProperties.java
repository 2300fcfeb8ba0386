package dev.rebal.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/** The blend's averages are the value-weighted sums divided, as computed afresh. */
class BlendProperties {
  private static final List<AssetClass> CLASSES =
      List.of(AssetClass.of("US"), AssetClass.of("INTL"), AssetClass.of("BONDS"));

  @Provide
  Arbitrary<List<Tuple2<TargetAllocation, BigDecimal>>> additions() {
    // few band values, so that most classes see one band; values from cents to 40 digits, so
    // that some products are rounded
    Arbitrary<Weight> band =
        Arbitraries.of("0", "0.03", "0.0250000000", "0.25", "0.1234567891").map(Weight::of);
    Arbitrary<Weight> weight =
        Arbitraries.integers().between(0, 10_000).map(bp -> Weight.of(BigDecimal.valueOf(bp, 4)));
    Arbitrary<ClassTarget> target = Combinators.combine(weight, band, band).as(ClassTarget::new);
    Arbitrary<TargetAllocation> allocation =
        target
            .list()
            .ofSize(CLASSES.size())
            .map(
                ts -> {
                  TargetAllocation.Builder b = TargetAllocation.builder();
                  for (int i = 0; i < ts.size(); i++) {
                    if (ts.get(i).weight().value().signum() > 0 || i == 0) {
                      b.putClasses(CLASSES.get(i), ts.get(i));
                    }
                  }
                  return b.build();
                });
    Arbitrary<BigDecimal> value =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-100, 10_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)),
            Arbitraries.bigIntegers()
                .between(BigInteger.ONE, BigInteger.TEN.pow(40))
                .map(u -> new BigDecimal(u, 12)));
    return Combinators.combine(allocation, value).as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 1000)
  void result_isDividedSums(@ForAll("additions") List<Tuple2<TargetAllocation, BigDecimal>> adds) {
    Blend blend = new Blend();
    for (Tuple2<TargetAllocation, BigDecimal> a : adds) {
      blend.add(a.get1(), a.get2());
    }
    Statistics.label("empty").collect(blend.isEmpty());
    if (blend.isEmpty()) {
      return;
    }
    assertThat(blend.result()).isEqualTo(reference(adds));
  }

  /** The blend as computed before its shortcut: every product, every division. */
  private static TargetAllocation reference(List<Tuple2<TargetAllocation, BigDecimal>> adds) {
    MathContext mc = MathContext.DECIMAL128;
    Map<AssetClass, BigDecimal[]> sums = new TreeMap<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Tuple2<TargetAllocation, BigDecimal> a : adds) {
      BigDecimal value = a.get2();
      if (value.signum() <= 0) {
        continue;
      }
      total = total.add(value);
      for (Map.Entry<AssetClass, ClassTarget> e : a.get1().classes().entrySet()) {
        BigDecimal[] s =
            sums.computeIfAbsent(
                e.getKey(),
                k ->
                    new BigDecimal[] {
                      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
                    });
        ClassTarget t = e.getValue();
        s[0] = s[0].add(value.multiply(t.weight().value(), mc));
        s[1] = s[1].add(value.multiply(t.absoluteBand().value(), mc));
        s[2] = s[2].add(value.multiply(t.relativeBand().value(), mc));
        s[3] = s[3].add(value);
      }
    }
    Map<AssetClass, Weight> weights = new TreeMap<>();
    AssetClass largest = null;
    Weight sum = Weight.ZERO;
    for (Map.Entry<AssetClass, BigDecimal[]> e : sums.entrySet()) {
      Weight w = average(e.getValue()[0], total);
      weights.put(e.getKey(), w);
      sum = sum.plus(w);
      if (largest == null || w.compareTo(weights.get(largest)) > 0) {
        largest = e.getKey();
      }
    }
    weights.put(largest, weights.get(largest).plus(Weight.ONE.minus(sum)));
    TargetAllocation.Builder b = TargetAllocation.builder();
    for (Map.Entry<AssetClass, BigDecimal[]> e : sums.entrySet()) {
      BigDecimal[] s = e.getValue();
      b.putClasses(
          e.getKey(),
          new ClassTarget(weights.get(e.getKey()), average(s[1], s[3]), average(s[2], s[3])));
    }
    return b.build();
  }

  private static Weight average(BigDecimal sum, BigDecimal values) {
    return Weight.ofComputed(sum.divide(values, Weight.SCALE, Money.ROUNDING));
  }
}
