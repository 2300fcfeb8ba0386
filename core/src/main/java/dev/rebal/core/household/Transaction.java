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
 * {@link #lot()} names the lot it created, so the wash-sale check can tell a purchase of the very lot
 * being sold from a replacement. This class is immutable and thread-safe.
 */
@Value.Immutable
@RebalStyle
public abstract class Transaction {
  /** Returns the transaction's id. */
  public abstract TransactionId id();

  /** Returns the account it happened in. */
  public abstract AccountId account();

  /** Returns the security traded. */
  public abstract SecurityId security();

  /** Returns buy, sell or gift (shares given in kind: no proceeds, no realized gain). */
  public abstract Side side();

  /** Returns the trade date. */
  public abstract LocalDate tradeDate();

  /** Returns the quantity traded (positive). */
  public abstract Quantity quantity();

  /** Returns the gross amount (quantity times price). */
  public abstract Money amount();

  /** Returns a sell's realized gain, negative for a loss, where known. */
  public abstract Optional<Money> realizedGain();

  /** Returns the lot a buy created or a sell relieved, where known. */
  public abstract Optional<LotId> lot();

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Transaction}. */
  public static final class Builder extends ImmutableTransaction.Builder {}
}
