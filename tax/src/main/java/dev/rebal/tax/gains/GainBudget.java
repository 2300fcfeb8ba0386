package dev.rebal.tax.gains;

import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * The household's realized-gain budget for the year: the advisor's annual budget of net realized
 * gains and cap on net short-term gains, what has been realized, and what remains.
 *
 * <p>Realized amounts are the year's net gains before carryforwards (short-term and long-term
 * added, so losses this year make room). Remaining amounts may be negative, meaning the budget is
 * already exceeded. This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class GainBudget {
  private final Money annualBudget; // null when not set
  private final Money shortTermCap; // null when not set
  private final Money realizedShortTerm;
  private final Money realizedLongTerm;

  private GainBudget(
      Money annualBudget, Money shortTermCap, Money realizedShortTerm, Money realizedLongTerm) {
    this.annualBudget = annualBudget;
    this.shortTermCap = shortTermCap;
    this.realizedShortTerm = realizedShortTerm;
    this.realizedLongTerm = realizedLongTerm;
  }

  /**
   * {@return the budget of {@code profile} with this year's realizations so far}
   *
   * @param profile the household's tax profile
   */
  public static GainBudget of(TaxProfile profile) {
    Checks.notNull(profile, "profile");
    return new GainBudget(
        profile.annualGainBudget().orElse(null),
        profile.shortTermGainCap().orElse(null),
        profile.realizedShortTermYtd(),
        profile.realizedLongTermYtd());
  }

  /** {@return the annual budget of net realized gains, if set} */
  public Optional<Money> annualBudget() {
    return Optional.ofNullable(annualBudget);
  }

  /** {@return the cap on net short-term gains, if set} */
  public Optional<Money> shortTermCap() {
    return Optional.ofNullable(shortTermCap);
  }

  /** {@return net short-term gains realized this year (negative for a net loss)} */
  public Money realizedShortTerm() {
    return realizedShortTerm;
  }

  /** {@return net long-term gains realized this year (negative for a net loss)} */
  public Money realizedLongTerm() {
    return realizedLongTerm;
  }

  /**
   * {@return the budget after realizing {@code shortTerm} and {@code longTerm} more}
   *
   * @param shortTerm net short-term gain added (negative for a loss)
   * @param longTerm net long-term gain added (negative for a loss)
   */
  public GainBudget after(Money shortTerm, Money longTerm) {
    Checks.notNull(shortTerm, "shortTerm");
    Checks.notNull(longTerm, "longTerm");
    return new GainBudget(
        annualBudget,
        shortTermCap,
        realizedShortTerm.plus(shortTerm),
        realizedLongTerm.plus(longTerm));
  }

  /** {@return the net gain realized this year: short-term plus long-term} */
  public Money realizedNet() {
    return realizedShortTerm.plus(realizedLongTerm);
  }

  /** {@return the budget left: the budget minus the net gain realized (if positive); if set} */
  public Optional<Money> remaining() {
    Money used = realizedNet().max(Money.zero(realizedNet().currency()));
    return annualBudget().map(b -> b.minus(used));
  }

  /** {@return the short-term cap left: the cap minus net short-term gain (if positive); if set} */
  public Optional<Money> remainingShortTerm() {
    Money used = realizedShortTerm.max(Money.zero(realizedShortTerm.currency()));
    return shortTermCap().map(c -> c.minus(used));
  }

  /**
   * {@return whether realizing the given gains keeps both the budget and the cap}
   *
   * @param shortTerm the net short-term gain to realize
   * @param longTerm the net long-term gain to realize
   */
  public boolean allows(Money shortTerm, Money longTerm) {
    GainBudget next = after(shortTerm, longTerm);
    return next.remaining().map(r -> !r.isNegative()).orElse(true)
        && next.remainingShortTerm().map(r -> !r.isNegative()).orElse(true);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GainBudget)) {
      return false;
    }
    GainBudget g = (GainBudget) o;
    return Objects.equals(annualBudget, g.annualBudget)
        && Objects.equals(shortTermCap, g.shortTermCap)
        && realizedShortTerm.equals(g.realizedShortTerm)
        && realizedLongTerm.equals(g.realizedLongTerm);
  }

  @Override
  public int hashCode() {
    return Objects.hash(annualBudget, shortTermCap, realizedShortTerm, realizedLongTerm);
  }

  /** Returns e.g. {@code GainBudget{budget=USD 10000.00, remaining=USD 2500.00, ...}}. */
  @Override
  public String toString() {
    return "GainBudget{budget="
        + annualBudget
        + ", shortTermCap="
        + shortTermCap
        + ", realizedShortTerm="
        + realizedShortTerm
        + ", realizedLongTerm="
        + realizedLongTerm
        + "}";
  }
}
