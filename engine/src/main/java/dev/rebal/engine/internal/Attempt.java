package dev.rebal.engine.internal;

import dev.rebal.core.batch.BatchItem;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import java.util.Optional;
import java.util.function.Function;

/**
 * One household's work in a batch whose records are read on the worker threads: the household the
 * record was read into, and either the work's result or the failure it threw. The batch runner
 * records a failure of the reader itself (no household yet); this class keeps the household of a
 * failure that came after the read, so the run can name it and hash its inputs.
 *
 * @param <T> the work's result type
 */
public final class Attempt<T> {
  private final Household household;
  private final T result;
  private final String failure;

  private Attempt(Household household, T result, String failure) {
    this.household = household;
    this.result = result;
    this.failure = failure;
  }

  /**
   * Applies {@code work} to {@code household}; a runtime exception becomes a failure described as
   * the batch runner describes one ({@link BatchItem#describe}).
   */
  public static <T> Attempt<T> of(Household household, Function<Household, T> work) {
    try {
      return new Attempt<>(household, work.apply(household), null);
    } catch (RuntimeException e) {
      return new Attempt<>(household, null, BatchItem.describe(e));
    }
  }

  /**
   * Returns the work a book runner hands its workers: read the record into its household (a reader
   * that throws, or returns null, fails the record itself), then {@link #of} the work on it.
   */
  public static <S, T> Function<S, Attempt<T>> reading(
      Function<? super S, Household> reader, Function<Household, T> work) {
    return s -> of(Checks.notNull(reader.apply(s), "household read"), work);
  }

  /** Returns the household the work ran on. */
  public Household household() {
    return household;
  }

  /** Returns the result, if the work succeeded. */
  public Optional<T> result() {
    return Optional.ofNullable(result);
  }

  /** Returns the failure, if the work threw. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }
}
