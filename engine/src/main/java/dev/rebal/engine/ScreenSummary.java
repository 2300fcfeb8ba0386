package dev.rebal.engine;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.internal.Checks;
import java.util.Locale;
import java.util.SortedMap;

/**
 * What a book screen found: households screened, triggered (to rebalance today) and failed, and the
 * triggered households by trigger code (a household with several triggers counts under each). This
 * record is immutable and thread-safe.
 *
 * @param households households screened, failures included
 * @param triggered households with at least one trigger
 * @param failed households whose record could not be read or whose screen threw
 * @param byTrigger triggered households by trigger code
 * @param cancelled whether the screen stopped early
 */
public record ScreenSummary(
    long households,
    long triggered,
    long failed,
    SortedMap<String, Long> byTrigger,
    boolean cancelled) {
  /**
   * Checks the counts and that no component is null.
   *
   * @param households households screened, failures included
   * @param triggered households with at least one trigger
   * @param failed households whose record could not be read or whose screen threw
   * @param byTrigger triggered households by trigger code
   * @param cancelled whether the screen stopped early
   */
  public ScreenSummary {
    Checks.isTrue(households >= 0, "households", households, "must not be negative");
    Checks.isTrue(
        triggered >= 0 && triggered + failed <= households,
        "triggered",
        triggered,
        "must be between 0 and the households not failed");
    Checks.isTrue(failed >= 0, "failed", failed, "must not be negative");
    Checks.notNull(byTrigger, "byTrigger");
    byTrigger = ImmutableSortedMap.copyOf(byTrigger);
  }

  /** Returns two lines a person reads at the end of a screen. */
  @Override
  public String toString() {
    String s =
        String.format(
            Locale.ROOT,
            "screened %d: %d triggered (%.1f%%), %d failed%n" + "triggers %s",
            households,
            triggered,
            households == 0 ? 0.0 : 100.0 * triggered / households,
            failed,
            byTrigger);
    return cancelled ? s + String.format(Locale.ROOT, "%ncancelled") : s;
  }
}
