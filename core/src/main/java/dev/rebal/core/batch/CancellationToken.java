package dev.rebal.core.batch;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to stop a running batch, safe to signal from any thread. After {@link #cancel()} the
 * runner submits no new items, abandons the ones in flight, and returns with the items already
 * emitted; nothing half-done is emitted. This class is thread-safe.
 */
public final class CancellationToken {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** Requests cancellation. */
  public void cancel() {
    cancelled.set(true);
  }

  /** {@return whether cancellation was requested} */
  public boolean isCancelled() {
    return cancelled.get();
  }
}
