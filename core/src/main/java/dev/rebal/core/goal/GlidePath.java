package dev.rebal.core.goal;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.allocation.TargetAllocation;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A goal's allocation as a function of whole years to the goal date: more equity far from the date,
 * less near it.
 *
 * <p>Each entry applies from its number of years to goal down to the next smaller entry: with
 * entries at 0, 5 and 10 years, 7 years to go uses the 5-year allocation, and 12 years the 10-year
 * one. The validator requires an entry at 0. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class GlidePath implements WithGlidePath {
  /** {@return the allocation from each number of whole years to goal} */
  @Value.NaturalOrder
  public abstract ImmutableSortedMap<Integer, TargetAllocation> steps();

  /**
   * {@return the allocation at {@code yearsToGoal}: the entry with the largest key not above it, or
   * the smallest entry when every key is above it}
   *
   * @param yearsToGoal whole years to the goal date, clamped at 0
   * @throws IllegalStateException if the path has no steps
   */
  public TargetAllocation allocationAt(int yearsToGoal) {
    Map.Entry<Integer, TargetAllocation> e = steps().floorEntry(Math.max(0, yearsToGoal));
    if (e == null) {
      e = steps().firstEntry();
    }
    if (e == null) {
      throw new IllegalStateException("glidePath: has no steps");
    }
    return e.getValue();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GlidePath}. */
  public static final class Builder extends ImmutableGlidePath.Builder {}
}
