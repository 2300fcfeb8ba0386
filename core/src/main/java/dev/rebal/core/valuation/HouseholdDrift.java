package dev.rebal.core.valuation;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A household's drift from its target allocation, one {@link ClassDrift} per asset class, sorted by
 * class: every class of the target, plus any class held but not targeted.
 *
 * <p>It is what the drift screen reads to decide whether a household needs a rebalance. This class
 * is immutable and thread-safe.
 */
public final class HouseholdDrift {
  private final Money total;
  private final ImmutableList<ClassDrift> classes;

  private HouseholdDrift(Money total, ImmutableList<ClassDrift> classes) {
    this.total = total;
    this.classes = classes;
  }

  /**
   * {@return the drift of {@code household} from its own {@link Household#target()}, valued at the
   * prices of {@code marketData}}
   *
   * @param household the household
   * @param marketData the security master and prices
   * @throws java.util.NoSuchElementException if a held security is unknown or unpriced
   */
  public static HouseholdDrift of(Household household, MarketData marketData) {
    return HouseholdValuation.of(household, marketData).driftFrom(household.target());
  }

  static HouseholdDrift of(HouseholdValuation valuation, TargetAllocation target) {
    TreeSet<AssetClass> all = new TreeSet<>(target.classes().keySet());
    all.addAll(valuation.classValues().keySet());
    ImmutableList.Builder<ClassDrift> out = ImmutableList.builder();
    for (AssetClass c : all) {
      ClassTarget t = target.classes().get(c);
      Weight weight = t == null ? Weight.ZERO : t.weight();
      Weight band = t == null ? Weight.ZERO : t.halfWidth();
      out.add(new ClassDrift(c, valuation.classValue(c), valuation.weight(c), weight, band));
    }
    return new HouseholdDrift(valuation.total(), out.build());
  }

  /**
   * {@return the drift from {@code target} once {@code inflow} arrives and is invested at target:
   * each class's value grows by {@code inflow} times its target weight, and the total by {@code
   * inflow}} The engine's threshold trigger reads it, so that a class an expected inflow will bring
   * back into band is not sold now.
   *
   * @param valuation the household's valuation now
   * @param target the target the inflow is invested at
   * @param inflow the expected inflow, zero or positive
   */
  public static HouseholdDrift projected(
      HouseholdValuation valuation, TargetAllocation target, Money inflow) {
    Checks.notNull(valuation, "valuation");
    Checks.notNull(target, "target");
    Checks.isTrue(
        !Checks.notNull(inflow, "inflow").isNegative(), "inflow", inflow, "must not be negative");
    if (inflow.isZero()) {
      return of(valuation, target);
    }
    Money total = valuation.total().plus(inflow);
    TreeSet<AssetClass> all = new TreeSet<>(target.classes().keySet());
    all.addAll(valuation.classValues().keySet());
    ImmutableList.Builder<ClassDrift> out = ImmutableList.builder();
    for (AssetClass c : all) {
      ClassTarget t = target.classes().get(c);
      Weight weight = t == null ? Weight.ZERO : t.weight();
      Weight band = t == null ? Weight.ZERO : t.halfWidth();
      Money value = valuation.classValue(c).plus(inflow.multipliedBy(weight.value()));
      Weight actual =
          total.isPositive()
              ? Weight.ofComputed(
                  value
                      .amount()
                      .divide(total.amount(), Weight.SCALE, java.math.RoundingMode.HALF_EVEN))
              : Weight.ZERO;
      out.add(new ClassDrift(c, value, actual, weight, band));
    }
    return new HouseholdDrift(total, out.build());
  }

  /**
   * {@return the drift of the household's invested part from {@code target}: the cash held for
   * committed needs ({@code reserved}, at most the cash the household has) is outside the base, and
   * an expected {@code inflow} counts as cash that will be invested where the classes need it (each
   * class below its target, cash included, gets its shortfall, in proportion when the inflow is
   * smaller, and what is left is spread at the target weights)} So raising cash for a need leaves
   * the rest of the household in band, and a class an inflow will fill is not sold now. Without an
   * inflow or a reserve it is the plain drift.
   *
   * @param valuation the household's valuation now
   * @param target the target
   * @param inflow the expected inflow within the horizon, zero or positive
   * @param reserved the cash held for committed needs, zero or positive
   */
  public static HouseholdDrift invested(
      HouseholdValuation valuation, TargetAllocation target, Money inflow, Money reserved) {
    Checks.notNull(valuation, "valuation");
    Checks.notNull(target, "target");
    Checks.isTrue(
        !Checks.notNull(inflow, "inflow").isNegative(), "inflow", inflow, "must not be negative");
    Checks.isTrue(
        !Checks.notNull(reserved, "reserved").isNegative(),
        "reserved",
        reserved,
        "must not be negative");
    if (inflow.isZero() && reserved.isZero()) {
      return of(valuation, target);
    }
    Money cash = valuation.classValue(HouseholdValuation.CASH);
    Money held = reserved.min(cash.max(Money.ZERO_USD));
    Money total = valuation.total().plus(inflow).minus(held);
    TreeSet<AssetClass> all = new TreeSet<>(target.classes().keySet());
    all.addAll(valuation.classValues().keySet());
    java.util.Map<AssetClass, BigDecimal> value = new java.util.TreeMap<>();
    BigDecimal deficit = BigDecimal.ZERO;
    for (AssetClass c : all) {
      BigDecimal v = valuation.classValue(c).amount();
      if (c.equals(HouseholdValuation.CASH)) {
        v = v.subtract(held.amount());
      }
      value.put(c, v);
      ClassTarget t = target.classes().get(c);
      if (t != null) {
        deficit =
            deficit.add(
                t.weight().value().multiply(total.amount()).subtract(v).max(BigDecimal.ZERO));
      }
    }
    BigDecimal in = inflow.amount();
    BigDecimal toDeficits = in.min(deficit);
    BigDecimal rest = in.subtract(toDeficits);
    for (AssetClass c : all) {
      ClassTarget t = target.classes().get(c);
      if (t == null) {
        continue;
      }
      BigDecimal add = rest.multiply(t.weight().value());
      if (deficit.signum() > 0) {
        BigDecimal d =
            t.weight().value().multiply(total.amount()).subtract(value.get(c)).max(BigDecimal.ZERO);
        add = add.add(toDeficits.multiply(d).divide(deficit, java.math.MathContext.DECIMAL64));
      }
      value.put(c, value.get(c).add(add));
    }
    ImmutableList.Builder<ClassDrift> out = ImmutableList.builder();
    for (AssetClass c : all) {
      ClassTarget t = target.classes().get(c);
      Weight weight = t == null ? Weight.ZERO : t.weight();
      Weight band = t == null ? Weight.ZERO : t.halfWidth();
      Money v = Money.ofComputed(Money.USD, value.get(c));
      Weight actual =
          total.isPositive()
              ? Weight.ofComputed(
                  v.amount().divide(total.amount(), Weight.SCALE, java.math.RoundingMode.HALF_EVEN))
              : Weight.ZERO;
      out.add(new ClassDrift(c, v, actual, weight, band));
    }
    return new HouseholdDrift(total, out.build());
  }

  /** {@return the household's total value the weights are shares of} */
  public Money total() {
    return total;
  }

  /** {@return the drift of each asset class, sorted by class} */
  public ImmutableList<ClassDrift> classes() {
    return classes;
  }

  /**
   * {@return the drift of {@code assetClass}, if it is targeted or held}
   *
   * @param assetClass the asset class
   */
  public Optional<ClassDrift> find(AssetClass assetClass) {
    Checks.notNull(assetClass, "assetClass");
    return classes.stream().filter(d -> d.assetClass().equals(assetClass)).findFirst();
  }

  /** {@return the largest absolute drift of any class; zero if there are no classes} */
  public Weight maxAbsoluteDrift() {
    Weight max = Weight.ZERO;
    for (ClassDrift d : classes) {
      if (d.absoluteDrift().compareTo(max) > 0) {
        max = d.absoluteDrift();
      }
    }
    return max;
  }

  /** {@return whether any class is outside its band} */
  public boolean isOutOfBalance() {
    return classes.stream().anyMatch(ClassDrift::isOutOfBand);
  }

  /** {@return the classes outside their band, sorted by class} */
  public ImmutableList<ClassDrift> outOfBand() {
    return classes.stream()
        .filter(ClassDrift::isOutOfBand)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns e.g. {@code HouseholdDrift{total=USD 1000.00, maxAbsoluteDrift=0.05, outOfBand=[]}}.
   */
  @Override
  public String toString() {
    return "HouseholdDrift{total="
        + total
        + ", maxAbsoluteDrift="
        + maxAbsoluteDrift()
        + ", outOfBand="
        + outOfBand().stream().map(d -> d.assetClass().value()).toList()
        + "}";
  }
}
