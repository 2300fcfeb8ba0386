package dev.rebal.core.household;

import dev.rebal.core.RebalStyle;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A recent buy or sell in a household account or a declared external account: the history the
 * wash-sale rule looks back on (at least the last 61 days).
 *
 * <p>For a sell, {@link #realizedGain()} is the gain (negative for a loss) if known. For a buy,
 * {@link #lot()} names the lot it created, so the wash-sale check can tell a purchase of the very
 * lot being sold from a replacement.
 *
 * <p>The wash-sale history: {@link #sequence()} orders the trades of one date as they happened; a
 * buy's {@link #usedAsReplacement()} says how many of its shares already absorbed a disallowed
 * loss; a sell's {@link #washedQuantity()} says how many of its shares' losses were already
 * disallowed, and {@link #holdingPeriodStart()} when the sold shares' holding period began (for
 * tacking it onto a replacement found later). A custodian feed can state them; the tax module's
 * {@code WashSaleResult} produces them. All default to "none", so a history without them reads as
 * before. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Transaction implements WithTransaction {
  /** {@return the transaction's id} */
  public abstract TransactionId id();

  /** {@return the account it happened in} */
  public abstract AccountId account();

  /** {@return the security traded} */
  public abstract SecurityId security();

  /** {@return buy, sell or gift (shares given in kind: no proceeds, no realized gain)} */
  public abstract Side side();

  /** {@return the trade date} */
  public abstract LocalDate tradeDate();

  /** {@return the quantity traded (positive)} */
  public abstract Quantity quantity();

  /** {@return the gross amount (quantity times price)} */
  public abstract Money amount();

  /** {@return a sell's realized gain, negative for a loss, where known} */
  public abstract Optional<Money> realizedGain();

  /** {@return the lot a buy created or a sell relieved, where known} */
  public abstract Optional<LotId> lot();

  /**
   * {@return the order of this trade among the household's trades of the same trade date (a time of
   * day or an order number; larger is later); zero unless set}
   *
   * @since 0.2
   */
  @Value.Default
  public long sequence() {
    return 0L;
  }

  /**
   * Returns, for a buy, how many of the shares bought already served as replacement shares for a
   * disallowed loss (each share replaces at most one sold share); zero unless set, and always zero
   * on a sell.
   *
   * @return the shares bought that already served as replacement shares
   * @since 0.2
   */
  @Value.Default
  public Quantity usedAsReplacement() {
    return Quantity.ZERO;
  }

  /**
   * Returns, for a sell at a loss, how many of the shares sold already had their loss disallowed by
   * a replacement; zero unless set, and always zero on a buy. The rest can still be washed by a
   * purchase within 30 days after the sale.
   *
   * @return the shares sold whose loss was already disallowed
   * @since 0.2
   */
  @Value.Default
  public Quantity washedQuantity() {
    return Quantity.ZERO;
  }

  /**
   * Returns, for a sell, the holding-period start of the shares sold, where known; a replacement
   * found later takes on their holding period (IRC 1223(3)).
   *
   * @return the holding-period start of the shares sold, if known
   * @since 0.2
   */
  public abstract Optional<LocalDate> holdingPeriodStart();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Transaction}. */
  public static final class Builder extends ImmutableTransaction.Builder {}
}
