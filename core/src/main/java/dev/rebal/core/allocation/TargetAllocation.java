package dev.rebal.core.allocation;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import org.immutables.value.Value;

/**
 * A target allocation: a weight and tolerance band per asset class. Weights should sum to 1; the
 * validator reports a target that does not, with the sum seen. This class is immutable and
 * thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class TargetAllocation implements WithTargetAllocation {
  /** {@return the target of each asset class, sorted by class} */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<AssetClass, ClassTarget> classes();

  /** {@return the sum of the weights} */
  public Weight totalWeight() {
    Weight sum = Weight.ZERO;
    for (ClassTarget t : classes().values()) {
      sum = sum.plus(t.weight());
    }
    return sum;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TargetAllocation}. */
  public static final class Builder extends ImmutableTargetAllocation.Builder {}
}
