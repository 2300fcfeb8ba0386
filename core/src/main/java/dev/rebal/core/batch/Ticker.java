package dev.rebal.core.batch;

/**
 * A source of elapsed time in nanoseconds, used only to report progress (rate and ETA); results
 * never depend on it. Tests pass a fake ticker so that progress reports are deterministic.
 */
@FunctionalInterface
public interface Ticker {
  /** {@return a monotonic reading in nanoseconds} */
  long read();

  /** {@return the JVM's monotonic clock} */
  static Ticker system() {
    return System::nanoTime;
  }
}
