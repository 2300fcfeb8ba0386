package dev.rebal.core.household;

import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The household's tax position for the current tax year: marginal rates, loss carryforwards, gains
 * realized so far, and the limits the advisor has agreed on.
 *
 * <p>Rates are fractions ({@link Weight}): a 37% rate is 0.37. Carryforwards are stated as positive
 * amounts of loss. Realized gains so far are signed (a net loss is negative). The gain budget and
 * short-term cap, when present, bound the gains a proposal may realize this year. This class is
 * immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class TaxProfile implements WithTaxProfile {
  /** {@return the filing status} */
  public abstract FilingStatus filingStatus();

  /** {@return the federal rate on short-term gains (ordinary income)} */
  public abstract Weight shortTermRate();

  /** {@return the federal rate on long-term gains} */
  public abstract Weight longTermRate();

  /** {@return the flat state rate on all gains; zero unless set} */
  @Value.Default
  public Weight stateRate() {
    return Weight.ZERO;
  }

  /** {@return the net investment income tax rate that applies (0 or 0.038); zero unless set} */
  @Value.Default
  public Weight niitRate() {
    return Weight.ZERO;
  }

  /** {@return the short-term capital-loss carryforward (a positive amount of loss)} */
  public abstract Money shortTermCarryforward();

  /** {@return the long-term capital-loss carryforward (a positive amount of loss)} */
  public abstract Money longTermCarryforward();

  /** {@return net short-term gains realized so far this year (negative for a net loss)} */
  public abstract Money realizedShortTermYtd();

  /** {@return net long-term gains realized so far this year (negative for a net loss)} */
  public abstract Money realizedLongTermYtd();

  /** {@return the annual budget of net realized gains, if the advisor set one} */
  public abstract Optional<Money> annualGainBudget();

  /** {@return the cap on net short-term gains realized this year, if set} */
  public abstract Optional<Money> shortTermGainCap();

  /**
   * {@return whether the unsold shares of a purchase count as replacement shares when part of that
   * purchase, bought within 30 days before, is sold at a loss; false unless set}
   *
   * <p>Sources differ. Some read IRC 1091 literally: the shares kept were acquired within 30 days
   * before the sale, so they wash the loss (e.g. 200 shares bought, 100 sold at a loss 19 days
   * later: the loss on the 100 is disallowed and added to the 100 kept). That is the conservative
   * reading (it never allows a loss the other reading disallows), chosen by setting this to true.
   * Others, among them the open wash-sale calculators adlr/wash-sale-calculator and bbreslauer's,
   * never treat shares of the purchase being sold as its replacement; that is the default, and
   * Rebal's behaviour before this option existed.
   *
   * @since 0.2
   */
  @Value.Default
  public boolean samePurchaseWashes() {
    return false;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaxProfile}. */
  public static final class Builder extends ImmutableTaxProfile.Builder {}
}
