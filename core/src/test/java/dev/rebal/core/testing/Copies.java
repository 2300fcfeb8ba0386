package dev.rebal.core.testing;

import com.google.common.collect.ImmutableList;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Test helpers that copy model values with one attribute changed, so that a test can break exactly
 * one thing in a valid household.
 *
 * <p>The model's Immutables implementations are package-private and its builders strict, so the
 * generated {@code withX} copy methods are not reachable from other packages. {@link #with} calls
 * them reflectively by attribute name; it is for tests only, where a misspelt name fails loudly.
 */
public final class Copies {
  private Copies() {}

  /**
   * Returns a copy of {@code value} (an Immutables model value) with {@code attribute} set to
   * {@code newValue}.
   *
   * @param value the value to copy, e.g. a {@code TaxLot}
   * @param attribute the attribute's name, e.g. {@code "quantity"}
   * @param newValue the new value: the attribute's type, an {@code Optional} or element {@code
   *     Iterable} for optional and collection attributes, or a boxed primitive
   * @throws IllegalArgumentException if there is no such attribute taking {@code newValue}
   */
  public static <T> T with(T value, String attribute, Object newValue) {
    String name = "with" + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    for (Method m : value.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1
          && accepts(m.getParameterTypes()[0], newValue)) {
        try {
          m.setAccessible(true);
          @SuppressWarnings("unchecked")
          T copy = (T) m.invoke(value, newValue);
          return copy;
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalArgumentException(name + " failed on " + value.getClass(), e);
        }
      }
    }
    throw new IllegalArgumentException(
        value.getClass().getSimpleName() + " has no " + name + " taking " + newValue);
  }

  private static boolean accepts(Class<?> type, Object v) {
    if (type == boolean.class) {
      return v instanceof Boolean;
    }
    if (type == int.class) {
      return v instanceof Integer;
    }
    return !type.isArray() && type.isInstance(v);
  }

  /** Returns {@code items} with each item matching {@code which} replaced by {@code change(item)}. */
  public static <T> ImmutableList<T> replace(List<T> items, Predicate<? super T> which,
      UnaryOperator<T> change) {
    ImmutableList.Builder<T> out = ImmutableList.builder();
    for (T item : items) {
      out.add(which.test(item) ? change.apply(item) : item);
    }
    return out.build();
  }
}
