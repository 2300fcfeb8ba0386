package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.util.List;

/**
 * Whether one tax lot may be sold, and how much of it there is.
 *
 * <p>A lot is blocked by everything that blocks sales of its position (account blocks, do-not-sell,
 * blackouts, missing Rule 144 data) and, on its own, by a lot preference that protects lots
 * acquired before a date. This record is immutable and thread-safe.
 *
 * @param lot the lot
 * @param account the account holding it
 * @param security its security
 * @param quantity the quantity in the lot: the most that may be picked from it
 * @param sellBlocks why it may not be sold; empty when it may
 * @since 0.1
 */
public record LotConstraints(
    LotId lot,
    AccountId account,
    SecurityId security,
    Quantity quantity,
    List<Provenance> sellBlocks) {
  /**
   * Checks that no component is null.
   *
   * @param lot the lot
   * @param account the account holding it
   * @param security its security
   * @param quantity the quantity in the lot: the most that may be picked from it
   * @param sellBlocks why it may not be sold; empty when it may
   */
  public LotConstraints {
    Checks.notNull(lot, "lot");
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(quantity, "quantity");
    Checks.noNulls(sellBlocks, "sellBlocks");
    sellBlocks = ImmutableList.copyOf(sellBlocks);
  }

  /** {@return whether shares may be picked from the lot} */
  public boolean maySell() {
    return sellBlocks.isEmpty();
  }
}
