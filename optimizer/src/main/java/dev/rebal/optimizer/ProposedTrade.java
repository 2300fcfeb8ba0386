package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import java.util.List;

/**
 * One rounded trade of the proposal.
 *
 * <p>{@code amount} is quantity times price rounded half-even to cents, for display; hard
 * constraints hold on the exact product. For a sale, {@code segmentQuantities} gives the shares
 * taken from each of the position's sell segments, by index into {@link
 * ProblemPosition#segments()}; for a buy it is empty. This record is immutable and thread-safe.
 *
 * @param account the account
 * @param security the security
 * @param side buy or sell
 * @param quantity the shares, positive
 * @param amount the value at the problem's price
 * @param segmentQuantities per segment index, the shares sold from it (sells only)
 */
public record ProposedTrade(
    AccountId account,
    SecurityId security,
    Side side,
    Quantity quantity,
    Money amount,
    List<Quantity> segmentQuantities) {
  /**
   * Checks that no component is null.
   *
   * @param account the account
   * @param security the security
   * @param side buy or sell
   * @param quantity the shares, positive
   * @param amount the value at the problem's price
   * @param segmentQuantities per segment index, the shares sold from it (sells only)
   */
  public ProposedTrade {
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(side, "side");
    Checks.notNull(quantity, "quantity");
    Checks.notNull(amount, "amount");
    segmentQuantities = List.copyOf(Checks.noNulls(segmentQuantities, "segmentQuantities"));
  }
}
