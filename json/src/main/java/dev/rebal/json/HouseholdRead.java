package dev.rebal.json;

import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import java.util.Optional;

/**
 * The result of reading one household of a book: the household, or a {@link ReadFailure} saying why
 * it could not be built. This class is immutable and thread-safe.
 */
public final class HouseholdRead {
  private final long index;
  private final String householdId;
  private final Household household;
  private final ReadFailure failure;

  private HouseholdRead(long index, String householdId, Household household, ReadFailure failure) {
    this.index = index;
    this.householdId = householdId;
    this.household = household;
    this.failure = failure;
  }

  /**
   * {@return a successful read of {@code household} at {@code index}}
   *
   * @param index the household's 0-based position in the book
   * @param household the household read
   */
  public static HouseholdRead of(long index, Household household) {
    Checks.notNull(household, "household");
    return new HouseholdRead(index, household.id().value(), household, null);
  }

  /**
   * {@return a failed read}
   *
   * @param failure which household could not be built, and why
   */
  public static HouseholdRead failed(ReadFailure failure) {
    Checks.notNull(failure, "failure");
    return new HouseholdRead(failure.index(), failure.householdId(), null, failure);
  }

  /** {@return the household's 0-based position in the book} */
  public long index() {
    return index;
  }

  /** {@return the household's id as written, or {@code #index} if it had none} */
  public String householdId() {
    return householdId;
  }

  /** {@return whether the household was built} */
  public boolean isOk() {
    return household != null;
  }

  /** {@return the household, if it could be built} */
  public Optional<Household> household() {
    return Optional.ofNullable(household);
  }

  /** {@return why the household could not be built, if it could not} */
  public Optional<ReadFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /** Returns e.g. {@code HouseholdRead{0, HH-000000, ok}}. */
  @Override
  public String toString() {
    return "HouseholdRead{"
        + index
        + ", "
        + householdId
        + ", "
        + (failure == null ? "ok" : failure.toString())
        + "}";
  }
}
