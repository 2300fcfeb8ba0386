package dev.rebal.core.batch;

import dev.rebal.core.internal.Checks;
import java.util.Optional;

/**
 * The outcome of one item of a batch: its position in the input, and either the work's result or
 * the failure it threw. A failure is recorded, never propagated: one bad household does not stop a
 * batch. This class is immutable and thread-safe if the result is.
 *
 * @param <I> the input type
 * @param <O> the result type
 */
public final class BatchItem<I, O> {
  private final long index;
  private final I input;
  private final O result;
  private final String failure;

  private BatchItem(long index, I input, O result, String failure) {
    this.index = index;
    this.input = input;
    this.result = result;
    this.failure = failure;
  }

  static <I, O> BatchItem<I, O> success(long index, I input, O result) {
    return new BatchItem<>(index, input, Checks.notNull(result, "result"), null);
  }

  static <I, O> BatchItem<I, O> failure(long index, I input, Throwable error) {
    return new BatchItem<>(index, input, null, describe(error));
  }

  /**
   * Describes a failure as a batch records it: the exception's class name, then a colon and its
   * message if it has one. For runners that catch failures inside their work, so that theirs read
   * the same.
   *
   * @param error the failure
   * @return its description, e.g. {@code IllegalStateException: no price for X}
   */
  public static String describe(Throwable error) {
    return error.getClass().getName()
        + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }

  /** {@return the item's zero-based position in the input} */
  public long index() {
    return index;
  }

  /** {@return the input} */
  public I input() {
    return input;
  }

  /** {@return the result, if the work succeeded} */
  public Optional<O> result() {
    return Optional.ofNullable(result);
  }

  /** {@return the failure (exception class and message), if the work threw} */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** {@return whether the work threw} */
  public boolean isFailure() {
    return failure != null;
  }
}
