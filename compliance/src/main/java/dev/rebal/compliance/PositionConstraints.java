package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pre-trade constraints on one security in one account: whether it may be bought or sold, and
 * the bounds on how much.
 *
 * <p>Blocks of the account (held away, frozen) are repeated here, so an optimizer can read one
 * position without consulting the account. The bounds are per position and necessary, not
 * sufficient: household-level limits (concentration caps, Rule 144 sale limits) that aggregate
 * several positions are in {@link TradeConstraints#caps()} and {@link
 * TradeConstraints#saleLimits()} and must also be honoured.
 *
 * <ul>
 *   <li>{@link #sellLimits()}: the total quantity that may be sold over the whole proposal: the
 *       unprotected quantity held (no short sales; lots kept by a lot preference excluded) and the
 *       issuer's remaining Rule 144 volume.
 *   <li>{@link #buyValueLimits()}: the headroom of each concentration cap covering the security,
 *       never below zero.
 *   <li>{@link #minTradeValue()} and {@link #quantityStep()}: best-execution hygiene; a sale of the
 *       whole holding ({@link #held()}) is exempt from both.
 * </ul>
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param account the account
 * @param security the security
 * @param held the quantity held before trading
 * @param buyBlocks why it may not be bought; empty when it may
 * @param sellBlocks why it may not be sold; empty when it may
 * @param sellLimits upper bounds on the quantity sold, at least the no-short bound
 * @param buyValueLimits upper bounds on the value bought
 * @param minTradeValue the smallest estimated value of one trade
 * @param quantityStep the step a trade's quantity must be a multiple of
 * @since 0.1
 */
public record PositionConstraints(
    AccountId account,
    SecurityId security,
    Quantity held,
    List<Provenance> buyBlocks,
    List<Provenance> sellBlocks,
    List<QuantityBound> sellLimits,
    List<ValueBound> buyValueLimits,
    ValueBound minTradeValue,
    QuantityBound quantityStep) {
  /**
   * Checks that no component is null and that there is a sell limit.
   *
   * @param account the account
   * @param security the security
   * @param held the quantity held before trading
   * @param buyBlocks why it may not be bought; empty when it may
   * @param sellBlocks why it may not be sold; empty when it may
   * @param sellLimits upper bounds on the quantity sold, at least the no-short bound
   * @param buyValueLimits upper bounds on the value bought
   * @param minTradeValue the smallest estimated value of one trade
   * @param quantityStep the step a trade's quantity must be a multiple of
   */
  public PositionConstraints {
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(held, "held");
    Checks.noNulls(buyBlocks, "buyBlocks");
    buyBlocks = ImmutableList.copyOf(buyBlocks);
    Checks.noNulls(sellBlocks, "sellBlocks");
    sellBlocks = ImmutableList.copyOf(sellBlocks);
    Checks.noNulls(sellLimits, "sellLimits");
    Checks.isTrue(!sellLimits.isEmpty(), "sellLimits", sellLimits, "must not be empty");
    sellLimits = ImmutableList.copyOf(sellLimits);
    Checks.noNulls(buyValueLimits, "buyValueLimits");
    buyValueLimits = ImmutableList.copyOf(buyValueLimits);
    Checks.notNull(minTradeValue, "minTradeValue");
    Checks.notNull(quantityStep, "quantityStep");
  }

  /** {@return whether the security may be bought in the account} */
  public boolean mayBuy() {
    return buyBlocks.isEmpty();
  }

  /** {@return whether the security may be sold in the account} */
  public boolean maySell() {
    return sellBlocks.isEmpty();
  }

  /**
   * {@return the tightest sell limit (the first of the tightest, in {@link #sellLimits()} order)}
   */
  public QuantityBound maxSellQuantity() {
    QuantityBound tightest = sellLimits.get(0);
    for (int i = 1; i < sellLimits.size(); i++) {
      if (sellLimits.get(i).limit().compareTo(tightest.limit()) < 0) {
        tightest = sellLimits.get(i);
      }
    }
    return tightest;
  }

  /** {@return the tightest buy value limit, if any cap covers the security} */
  public Optional<ValueBound> maxBuyValue() {
    return buyValueLimits.stream().min(Comparator.comparing(ValueBound::limit));
  }
}
