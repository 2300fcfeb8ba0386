package dev.rebal.core.trade;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.household.HouseholdId;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * The trades proposed for one household on one as-of date, with the explanation of why: the lines a
 * reviewer reads and the audit record keeps. An empty proposal (no trades) is the normal result for
 * a balanced household. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Proposal implements WithProposal {
  /** {@return the household the proposal is for} */
  public abstract HouseholdId household();

  /** {@return the as-of date} */
  public abstract LocalDate asOf();

  /** {@return the trades, sells before buys, then by account and security} */
  public abstract ImmutableList<Trade> trades();

  /** {@return the explanation, one line per decision} */
  public abstract ImmutableList<String> explanation();

  /** {@return whether the proposal has no trades} */
  public boolean isEmpty() {
    return trades().isEmpty();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Proposal}. */
  public static final class Builder extends ImmutableProposal.Builder {}
}
