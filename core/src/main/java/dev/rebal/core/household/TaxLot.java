package dev.rebal.core.household;

import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * One acquisition of a security in one account: the unit of cost basis and holding period.
 *
 * <p>{@link #costBasis()} is the total adjusted basis of the lot, already including any loss
 * disallowed by an earlier wash sale; {@link #washSaleAdjustment()} says how much of it came from
 * there. {@link #holdingPeriodStart()} is the acquired date unless an earlier wash sale tacked the
 * sold shares' holding period onto this lot. A lot whose basis is unknown (e.g. a transfer in
 * without records) says so with {@link #basisKnown()}; the tax module treats it cautiously.
 * Quantities and bases are not range-checked here: the validator reports bad values with their
 * path.
 *
 * <p>Ids: a lot split off by a wash sale is named {@code <purchase>#w<from>-<to>}, the range of the
 * purchase's shares it took (in the order they were used as replacements), so ids stay unique for
 * the household's whole history and lead back to the purchase; the unused rest keeps the purchase's
 * id. Lot ids containing {@code #w} are reserved for these pieces. This class is immutable and
 * thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class TaxLot implements WithTaxLot {
  /** {@return the lot's id, unique within the household} */
  public abstract LotId id();

  /** {@return the account holding it} */
  public abstract AccountId account();

  /** {@return the security} */
  public abstract SecurityId security();

  /** {@return the quantity held} */
  public abstract Quantity quantity();

  /** {@return the total adjusted cost basis} */
  public abstract Money costBasis();

  /** {@return the trade date of the acquisition} */
  public abstract LocalDate acquired();

  /** {@return the date the holding period counts from; {@link #acquired()} unless tacked} */
  @Value.Default
  public LocalDate holdingPeriodStart() {
    return acquired();
  }

  /** {@return the part of the basis added by earlier wash sales; zero unless set} */
  @Value.Default
  public Money washSaleAdjustment() {
    return Money.zero(costBasis().currency());
  }

  /**
   * {@return how many of this lot's shares have already served as replacement shares for a loss
   * disallowed by the wash-sale rule; zero unless set} Each acquired share replaces at most one
   * sold share (Treas. Reg. 1.1091-1), so these shares cannot absorb another loss. A lot split off
   * by a wash sale in a taxable account has all its shares used; an IRA lot that washed a loss
   * keeps its basis and counts the shares here. When part of a lot is sold, the used shares are
   * taken first. Between zero and {@link #quantity()} (checked by the validator).
   *
   * @since 0.2
   */
  @Value.Default
  public Quantity usedAsReplacement() {
    return Quantity.ZERO;
  }

  /** {@return whether the basis is known} True unless set. */
  @Value.Default
  public boolean basisKnown() {
    return true;
  }

  /**
   * {@return the cost basis per share: {@link #costBasis()} over {@link #quantity()}, to 34
   * significant digits ({@link MathContext#DECIMAL128}), computed once per lot on first use (the
   * relief order and the tax-cost curves read it for every lot of every position they cost)} Not
   * part of equality, hashing or the text form.
   *
   * @throws ArithmeticException if the quantity is zero
   */
  @Value.Lazy
  public BigDecimal basisPerShare() {
    return costBasis().amount().divide(quantity().value(), MathContext.DECIMAL128);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TaxLot}. */
  public static final class Builder extends ImmutableTaxLot.Builder {}
}
