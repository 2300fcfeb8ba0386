package dev.rebal.engine.internal;

import dev.rebal.core.batch.BatchItem;
import dev.rebal.core.household.Household;

/**
 * A household of a batch that could not be decided: the id it is recorded under, the text its
 * inputs hash is taken from, and the error. When the record was read, the id is the household's and
 * the text is the household's; when the reader itself failed, the id is {@code #} and the record's
 * zero-based position and the text is the record's.
 *
 * @param household the id the failure is recorded under
 * @param input the text the audit record's inputs hash is taken from
 * @param error the exception class and message
 */
public record Failure(String household, String input, String error) {
  /** Returns the failure of {@code item}, which failed in the reader or in the work. */
  public static Failure of(BatchItem<?, ? extends Attempt<?>> item) {
    if (item.result().isPresent()) {
      Attempt<?> a = item.result().get();
      Household h = a.household();
      return new Failure(h.id().value(), h.toString(), a.failure().orElse("unknown failure"));
    }
    String error = item.failure().orElse("unknown failure");
    if (item.input() instanceof Household h) {
      return new Failure(h.id().value(), h.toString(), error);
    }
    return new Failure("#" + item.index(), String.valueOf(item.input()), error);
  }
}
