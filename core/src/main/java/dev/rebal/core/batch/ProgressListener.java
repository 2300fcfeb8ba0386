package dev.rebal.core.batch;

/**
 * Receives progress reports from a {@link BatchRunner}, from the thread that emits results, at most
 * once per reporting interval and once at the end. It must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * Receives one report.
   *
   * @param progress the report
   */
  void onProgress(Progress progress);

  /** {@return a listener that ignores every report} */
  static ProgressListener none() {
    return p -> {};
  }
}
