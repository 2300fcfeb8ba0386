package dev.rebal.compliance;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.security.SecurityId;

/**
 * Whether single positions may be bought or sold and single lots sold on the as-of date, decided
 * one question at a time: what a caller needs when it asks about a few positions (the daily
 * screen's loss-harvest check asks about the sold security, its replacement and the sold lots) and
 * should not pay for compiling the whole household.
 *
 * <p>Every answer equals the one of {@link ConstraintCompiler#compile}'s {@link TradeConstraints}
 * for the same household, market data and date: both read the same block rules (a property test
 * checks every position and lot of generated households). Bounds (sale limits, caps, minimum trade
 * size) are not answered here: they need the whole compile. Obtain one from {@link
 * ConstraintCompiler#permissions}; implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface TradePermissions {
  /**
   * {@return whether {@code security} may be bought in {@code account}: as {@link
   * PositionConstraints#mayBuy()}; false for an unknown account or security}
   *
   * @param account the account
   * @param security the security
   */
  boolean mayBuy(AccountId account, SecurityId security);

  /**
   * {@return whether {@code security} may be sold in {@code account}: as {@link
   * PositionConstraints#maySell()}; false for an unknown account or security}
   *
   * @param account the account
   * @param security the security
   */
  boolean maySell(AccountId account, SecurityId security);

  /**
   * {@return whether shares may be picked from {@code lot}: as {@link LotConstraints#maySell()};
   * false for a lot the household does not hold}
   *
   * @param lot the lot
   */
  boolean maySellLot(LotId lot);
}
