package dev.rebal.core.outlook;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One goal's outlook: the probability that the value assigned to it today, following its glide path
 * with the household's dated cash flows, reaches the target amount by the target date, and the
 * range of outcomes.
 *
 * <p>{@link #probability()} is the share of simulated paths that end at or above the target amount
 * (4 decimal places), {@link #standardError()} its Monte Carlo standard error, {@code sqrt(p (1 -
 * p) / paths)}. The outcome percentiles are in {@link #outcome()}; the shortfall distribution is
 * summarised by the mean shortfall over all paths ({@link #expectedShortfall()}), the mean over the
 * paths that fall short ({@link #shortfallWhenShort()}), and the shortfall at the 10th percentile
 * outcome ({@link #shortfallAt10th()}: 1 path in 10 falls short by more). {@link #fan()} has a
 * point per year to the goal date when the outlook was asked for one. This record is immutable and
 * thread-safe.
 *
 * @param goal the goal's id
 * @param targetAmount the amount wanted at the target date
 * @param targetDate the target date
 * @param assignedValue the value assigned to the goal today
 * @param probability the share of paths that meet the target, in [0, 1], 4 decimal places
 * @param standardError the Monte Carlo standard error of the probability, 4 decimal places
 * @param outcome the percentiles of the value at the target date
 * @param expectedShortfall the mean of {@code max(0, target - outcome)} over all paths
 * @param shortfallWhenShort the mean shortfall over the paths that fall short (zero if none)
 * @param fan the percentiles today and at each anniversary of the as-of date before the target
 *     date, then at the target date; empty unless asked for
 */
public record GoalOdds(
    GoalId goal,
    Money targetAmount,
    LocalDate targetDate,
    Money assignedValue,
    BigDecimal probability,
    BigDecimal standardError,
    FanPoint outcome,
    Money expectedShortfall,
    Money shortfallWhenShort,
    List<FanPoint> fan) {
  /**
   * Checks that no component is null and the probability is in [0, 1].
   *
   * @param goal the goal's id
   * @param targetAmount the amount wanted at the target date
   * @param targetDate the target date
   * @param assignedValue the value assigned to the goal today
   * @param probability the share of paths that meet the target, in [0, 1], 4 decimal places
   * @param standardError the Monte Carlo standard error of the probability, 4 decimal places
   * @param outcome the percentiles of the value at the target date
   * @param expectedShortfall the mean of {@code max(0, target - outcome)} over all paths
   * @param shortfallWhenShort the mean shortfall over the paths that fall short (zero if none)
   * @param fan the percentiles today and at each anniversary of the as-of date before the target
   *     date, then at the target date; empty unless asked for
   */
  public GoalOdds {
    Checks.notNull(goal, "goal");
    Checks.notNull(targetAmount, "targetAmount");
    Checks.notNull(targetDate, "targetDate");
    Checks.notNull(assignedValue, "assignedValue");
    Checks.notNull(probability, "probability");
    Checks.isTrue(
        probability.signum() >= 0 && probability.compareTo(BigDecimal.ONE) <= 0,
        "probability",
        probability,
        "must be in [0, 1]");
    Checks.notNull(standardError, "standardError");
    Checks.notNull(outcome, "outcome");
    Checks.notNull(expectedShortfall, "expectedShortfall");
    Checks.notNull(shortfallWhenShort, "shortfallWhenShort");
    Checks.noNulls(fan, "fan");
    fan = ImmutableList.copyOf(fan);
  }

  /**
   * {@return how far the 10th-percentile outcome falls short of the target (zero if it does not)}
   */
  public Money shortfallAt10th() {
    return targetAmount.minus(outcome.p10()).max(Money.zero(targetAmount.currency()));
  }

  /** {@return the probability as a whole percentage, e.g. {@code 87%}} */
  public String percent() {
    return probability
            .movePointRight(2)
            .setScale(0, java.math.RoundingMode.HALF_EVEN)
            .toPlainString()
        + "%";
  }

  /**
   * {@return the figures in one line for a reviewer: e.g. {@code goal G-1 (250000.00 by
   * 2046-06-30): 41% (+/- 1.6 pts), median 231000.00, 10th percentile 140000.00}}
   */
  public String summary() {
    return "goal "
        + goal
        + " ("
        + targetAmount.amount().toPlainString()
        + " by "
        + targetDate
        + "): "
        + percent()
        + " (+/- "
        + standardError
            .movePointRight(2)
            .setScale(1, java.math.RoundingMode.HALF_EVEN)
            .toPlainString()
        + " pts), median "
        + outcome.median().amount().toPlainString()
        + ", 10th percentile "
        + outcome.p10().amount().toPlainString();
  }
}
