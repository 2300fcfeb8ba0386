package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.rule.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One household's line of a book screen: its position in the book, its id, and either the triggers
 * that fired (empty: nothing to do today, the household is on hold or ineligible) or the failure
 * that stopped its screen. A household with triggers is one to rebalance today. This class is
 * immutable and thread-safe.
 */
public final class ScreenResult {
  private final long index;
  private final String household;
  private final ImmutableList<Finding> triggers;
  private final String failure;

  private ScreenResult(
      long index, String household, ImmutableList<Finding> triggers, String failure) {
    Checks.isTrue(index >= 0, "index", index, "must not be negative");
    this.index = index;
    this.household = Checks.notBlank(household, "household");
    this.triggers = Checks.notNull(triggers, "triggers");
    this.failure = failure;
  }

  /**
   * {@return the result of a household that was screened, with the triggers that fired}
   *
   * @param index the household's 0-based position in the book
   * @param household the household id
   * @param triggers the triggers that fired, empty when none did
   */
  public static ScreenResult screened(long index, String household, List<Finding> triggers) {
    return new ScreenResult(
        index, household, ImmutableList.copyOf(Checks.noNulls(triggers, "triggers")), null);
  }

  /**
   * {@return the result of a household whose screen (or whose reading) failed}
   *
   * @param index the household's 0-based position in the book
   * @param household the household id, or {@code #} and the position when it could not be read
   * @param failure why it failed
   */
  public static ScreenResult failed(long index, String household, String failure) {
    return new ScreenResult(
        index, household, ImmutableList.of(), Checks.notBlank(failure, "failure"));
  }

  /** {@return the household's zero-based position in the book} */
  public long index() {
    return index;
  }

  /** {@return the household id, or {@code #} and the position when its record could not be read} */
  public String household() {
    return household;
  }

  /** {@return the triggers that fired, in the rule set's order; empty when none did} */
  public ImmutableList<Finding> triggers() {
    return triggers;
  }

  /** {@return whether at least one trigger fired: the household should be rebalanced today} */
  public boolean isTriggered() {
    return !triggers.isEmpty();
  }

  /** {@return the failure (exception class and message), if the screen could not be made} */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Returns one line: position, id, and the trigger codes or the failure. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(index).append(' ').append(household);
    if (failure != null) {
      return sb.append(" FAILED ").append(failure).toString();
    }
    for (Finding f : triggers) {
      sb.append(' ').append(f.code());
    }
    return sb.toString();
  }
}
