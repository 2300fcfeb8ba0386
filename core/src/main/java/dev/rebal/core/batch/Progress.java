package dev.rebal.core.batch;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A snapshot of a running batch: items done and failed so far, elapsed time, and the rate and ETA
 * derived from them. This record is immutable and thread-safe.
 *
 * @param done items finished (successfully or not)
 * @param failed items whose work threw
 * @param total the number of items, or -1 when the input's size is unknown (streamed)
 * @param elapsedNanos time since the batch started
 */
public record Progress(long done, long failed, long total, long elapsedNanos) {
  /** {@return items finished per second, or 0 before any time has elapsed} */
  public double perSecond() {
    return elapsedNanos <= 0 ? 0.0 : done * 1e9 / elapsedNanos;
  }

  /** {@return the estimated seconds left, if the total is known and some progress was made} */
  public OptionalDouble etaSeconds() {
    if (total < 0 || done == 0 || perSecond() == 0.0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((total - done) / perSecond());
  }

  /** Returns e.g. {@code 1200/10000 done (3 failed), 850.2/s, eta 10.4 s}. */
  @Override
  public String toString() {
    String eta =
        etaSeconds().isPresent()
            ? String.format(Locale.ROOT, ", eta %.1f s", etaSeconds().getAsDouble())
            : "";
    return done
        + (total >= 0 ? "/" + total : "")
        + " done ("
        + failed
        + " failed), "
        + String.format(Locale.ROOT, "%.1f/s", perSecond())
        + eta;
  }
}
