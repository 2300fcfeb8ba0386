package dev.rebal.engine;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One household's line of the summary table of a run: what it is worth, what was decided and why,
 * how far it drifted before and after, what the proposal trades, and what it costs in tax. It is
 * made by {@link HouseholdSummaries} from a {@link Decision} (and, for the value and the drift, the
 * household and the market data); every amount comes from the decision's proposal and impact, so
 * the rows of a run add up to the run's totals.
 *
 * <p>Trades are buys and sales; gifts in kind ({@code Side.GIFT}) are counted apart, because they
 * bring in no cash and realize no gain. The value and the drift are empty for a household on hold
 * (its data cannot be trusted) or one that could not be valued. This class is immutable and
 * thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class HouseholdSummary {
  /** {@return the household} */
  public abstract HouseholdId household();

  /** {@return the as-of date of the decision} */
  public abstract LocalDate asOf();

  /** {@return the decision's outcome} */
  public abstract DecisionOutcome outcome();

  /** {@return whether the proposal may execute now ({@link Decision#isReleasable()})} */
  public abstract boolean releasable();

  /** {@return the household's market value before the proposal; empty if it was not valued} */
  public abstract Optional<Money> value();

  /** {@return the reason codes of the triggers that fired, in the decision's order} */
  public abstract ImmutableList<String> triggers();

  /**
   * {@return the largest absolute drift of an asset class from the household's goal-aware target
   * (the target the engine rebalances to), before the proposal; empty if not valued}
   */
  public abstract Optional<Weight> driftBefore();

  /**
   * {@return the same drift after the proposal as proposed (for a proposal in review: as if it were
   * approved); equal to {@link #driftBefore()} without trades; empty if not valued}
   */
  public abstract Optional<Weight> driftAfter();

  /** {@return the number of buys and sales (gifts in kind not counted)} */
  public abstract int trades();

  /** {@return the value of the buys} */
  public abstract Money bought();

  /** {@return the value of the sales} */
  public abstract Money sold();

  /** {@return the number of gifts in kind} */
  public abstract int gifts();

  /** {@return the market value given in kind} */
  public abstract Money gifted();

  /** {@return the estimated tax on the gains the sales realize, at the household's rates} */
  public abstract Money estimatedTax();

  /** {@return the net realized gain of the sales (negative for a net loss)} */
  public abstract Money netRealizedGain();

  /** {@return the net short-term gain realized (zero if a loss)} */
  public abstract Money shortTermGain();

  /** {@return the losses harvested (a positive amount)} */
  public abstract Money lossHarvested();

  /** {@return the reason codes that send the proposal to review, in the decision's order} */
  public abstract ImmutableList<String> reviewReasons();

  /** {@return the value of the buys and the sales together (gifts not counted)} */
  public Money traded() {
    return bought().plus(sold());
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link HouseholdSummary}; every attribute that is not optional is required. */
  public static final class Builder extends ImmutableHouseholdSummary.Builder {}

  @Value.Check
  void check() {
    Checks.isTrue(trades() >= 0, "trades", trades(), "must not be negative");
    Checks.isTrue(gifts() >= 0, "gifts", gifts(), "must not be negative");
    Checks.isTrue(!bought().isNegative(), "bought", bought(), "must not be negative");
    Checks.isTrue(!sold().isNegative(), "sold", sold(), "must not be negative");
    Checks.isTrue(!gifted().isNegative(), "gifted", gifted(), "must not be negative");
  }
}
