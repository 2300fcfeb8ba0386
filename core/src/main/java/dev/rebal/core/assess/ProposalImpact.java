package dev.rebal.core.assess;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import org.immutables.value.Value;

/**
 * What a proposal would change, as routing rules see it: turnover, the largest trade, taxes
 * realized, the value given in kind, restricted securities touched or reduced, the largest shift in
 * concentration, verifier violations and overrides applied. Amounts default to zero. This class is
 * immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class ProposalImpact implements WithProposalImpact {
  /** {@return traded value (buys plus sells) over household value} */
  @Value.Default
  public Weight turnover() {
    return Weight.ZERO;
  }

  /** {@return the value of the largest single trade} */
  @Value.Default
  public Money largestTrade() {
    return Money.ZERO_USD;
  }

  /** {@return the net realized gain (negative for a net loss)} */
  @Value.Default
  public Money realizedGain() {
    return Money.ZERO_USD;
  }

  /** {@return the net short-term gain realized (zero if a loss)} */
  @Value.Default
  public Money shortTermGain() {
    return Money.ZERO_USD;
  }

  /** {@return the tax the proposal's sales cost at the household's rates (zero or more)} */
  @Value.Default
  public Money taxCost() {
    return Money.ZERO_USD;
  }

  /** {@return the losses harvested (positive amount)} */
  @Value.Default
  public Money harvestedLoss() {
    return Money.ZERO_USD;
  }

  /**
   * {@return the market value given to charity in kind ({@code Side.GIFT} trades); gifts count in
   * neither turnover, the largest trade nor realized gains}
   */
  @Value.Default
  public Money giftedValue() {
    return Money.ZERO_USD;
  }

  /**
   * {@return the restricted securities the proposal trades in a way compliance looks at: any trade
   * in an issuer under a control-person volume limit (a sale needs its filing) or a blackout
   * window, and a buy of a security under a concentration cap} Sales that only move a security
   * toward what its exclusion or cap asks are in {@link #restrictedReduced()} instead.
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> restrictedTouched();

  /**
   * {@return the restricted securities the proposal only sells toward what their restrictions ask:
   * a security the household may not buy (an exclusion) or whose holding is capped, with no
   * control-person limit or blackout on its issuer} Reported on the decision; routed to review only
   * when the rule set's {@code review.restricted.reductions} is {@code REVIEW}.
   */
  @Value.NaturalOrder
  public abstract ImmutableSortedSet<String> restrictedReduced();

  /**
   * {@return the largest change in one stock issuer's share of household value, not counting the
   * sales of issuers in {@link #restrictedReduced()} (a move the household's own exclusion or cap
   * asks for is not a discretionary concentration shift)}
   */
  @Value.Default
  public Weight concentrationShift() {
    return Weight.ZERO;
  }

  /** {@return the independent verifier's violations, one line each} */
  public abstract ImmutableList<String> violations();

  /**
   * {@return the breaches the verifier found that predate the proposal and that it neither causes
   * nor worsens (a concentration cap already exceeded by a stock that may not be sold), one line
   * each: warnings on the decision, not violations}
   */
  public abstract ImmutableList<String> preExisting();

  /**
   * {@return the goals the proposal leaves unmet (partial progress), highest priority first: a
   * committed need short, a cash floor missed, a gain budget or cap exceeded, a concentration
   * breach still open, a class still outside its band; each with its dollar amount}
   */
  public abstract ImmutableList<UnmetGoal> unmetGoals();

  /** {@return the overrides applied, one line each} */
  public abstract ImmutableList<String> overrides();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProposalImpact}. */
  public static final class Builder extends ImmutableProposalImpact.Builder {}
}
