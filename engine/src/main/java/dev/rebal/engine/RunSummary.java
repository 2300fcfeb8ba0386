package dev.rebal.engine;

import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * What a book run did: households by outcome, failures, trades and traded value, taxes realized and
 * losses harvested, review reasons, and the auto/review split. This record is immutable and
 * thread-safe.
 *
 * @param households households read
 * @param outcomes households by outcome name ({@code FAILED} for work that threw)
 * @param reviewReasons proposals in review by reason code (a proposal may have several)
 * @param trades trades proposed in all decisions
 * @param traded the value of all trades proposed
 * @param taxRealized the estimated tax on the gains all proposals realize
 * @param harvestedLosses losses harvested in all proposals
 * @param cancelled whether the run stopped early
 */
public record RunSummary(
    long households,
    SortedMap<String, Long> outcomes,
    SortedMap<String, Long> reviewReasons,
    long trades,
    Money traded,
    Money taxRealized,
    Money harvestedLosses,
    boolean cancelled) {
  /**
   * Checks that no component is null.
   *
   * @param households households read
   * @param outcomes households by outcome name ({@code FAILED} for work that threw)
   * @param reviewReasons proposals in review by reason code (a proposal may have several)
   * @param trades trades proposed in all decisions
   * @param traded the value of all trades proposed
   * @param taxRealized the tax cost of all proposals
   * @param harvestedLosses losses harvested in all proposals
   * @param cancelled whether the run stopped early
   */
  public RunSummary {
    Checks.notNull(outcomes, "outcomes");
    outcomes = ImmutableSortedMap.copyOf(outcomes);
    Checks.notNull(reviewReasons, "reviewReasons");
    reviewReasons = ImmutableSortedMap.copyOf(reviewReasons);
    Checks.notNull(traded, "traded");
    Checks.notNull(taxRealized, "taxRealized");
    Checks.notNull(harvestedLosses, "harvestedLosses");
  }

  /**
   * {@return the number of households with {@code outcome}}
   *
   * @param outcome an outcome name, e.g. {@code AUTO}
   */
  public long count(String outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** {@return the households that were triggered: auto plus review} */
  public long triggered() {
    return count("AUTO") + count("REVIEW");
  }

  /** {@return the share of triggered households that auto-execute, or 0 if none triggered} */
  public double autoShare() {
    return triggered() == 0 ? 0.0 : (double) count("AUTO") / triggered();
  }

  /** Returns a few lines a person reads at the end of a run. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("households ").append(households);
    for (Map.Entry<String, Long> e : outcomes.entrySet()) {
      sb.append(", ")
          .append(e.getKey().toLowerCase(java.util.Locale.ROOT))
          .append(' ')
          .append(e.getValue());
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nauto/review %.1f%% / %.1f%% of %d triggered",
            100 * autoShare(),
            100 * (triggered() == 0 ? 0.0 : 1 - autoShare()),
            triggered()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%ntrades %d worth %s; estimated tax on realized gains %s; losses harvested %s",
            trades,
            traded.amount().toPlainString(),
            taxRealized.amount().toPlainString(),
            harvestedLosses.amount().toPlainString()));
    if (!reviewReasons.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%nreview reasons %s", reviewReasons));
    }
    if (cancelled) {
      sb.append(String.format(Locale.ROOT, "%ncancelled"));
    }
    return sb.toString();
  }
}
