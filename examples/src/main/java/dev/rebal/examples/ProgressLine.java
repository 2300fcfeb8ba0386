package dev.rebal.examples;

import dev.rebal.core.batch.Progress;
import dev.rebal.core.batch.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The main job's progress lines on standard error: households done of the book's total, the
 * percentage, the rate, the time elapsed and the estimated time left, e.g. {@code progress:
 * 1200/10000 households (12.0%), 850.2/s, 1.4 s elapsed, eta 10 s}. The estimate is the time left
 * at the rate so far, from the elapsed time the run measures. An operations display only: nothing
 * of it goes into an output file.
 */
final class ProgressLine implements ProgressListener {
  private final long total;
  private final PrintStream err;

  /**
   * Prints to {@code err}; {@code total} is the number of household records in the book (the run
   * may decide fewer: unreadable records are listed, not decided), or -1 if unknown.
   */
  ProgressLine(long total, PrintStream err) {
    this.total = total;
    this.err = err;
  }

  @Override
  public void onProgress(Progress p) {
    err.println("  progress: " + format(p, total));
  }

  /** Returns the line for {@code p} against the book's {@code total} (or -1 if unknown). */
  static String format(Progress p, long total) {
    StringBuilder sb = new StringBuilder();
    sb.append(p.done());
    if (total >= 0) {
      sb.append('/').append(total).append(" households");
      if (total > 0) {
        sb.append(
            String.format(Locale.ROOT, " (%.1f%%)", 100.0 * Math.min(p.done(), total) / total));
      }
    } else {
      sb.append(" households");
    }
    if (p.failed() > 0) {
      sb.append(", ").append(p.failed()).append(" failed");
    }
    double seconds = p.elapsedNanos() / 1e9;
    sb.append(String.format(Locale.ROOT, ", %.1f/s, %s elapsed", p.perSecond(), duration(seconds)));
    if (total > p.done() && p.done() > 0 && p.perSecond() > 0) {
      sb.append(", eta ").append(duration((total - p.done()) / p.perSecond()));
    } else if (total >= 0 && p.done() >= total) {
      sb.append(", done");
    }
    return sb.toString();
  }

  /** Returns e.g. {@code 4.2 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
  static String duration(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
