package dev.rebal.core.testing;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Test helpers for changing one item of a model value's list, so that a test can break exactly one
 * thing in a valid household (with the model's own {@code withX} copy methods).
 */
public final class Copies {
  private Copies() {}

  /**
   * Returns {@code items} with each item matching {@code which} replaced by {@code change(item)}.
   */
  public static <T> ImmutableList<T> replace(
      List<T> items, Predicate<? super T> which, UnaryOperator<T> change) {
    ImmutableList.Builder<T> out = ImmutableList.builder();
    for (T item : items) {
      out.add(which.test(item) ? change.apply(item) : item);
    }
    return out.build();
  }
}
