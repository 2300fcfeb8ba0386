package dev.rebal.compliance;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;

/**
 * A soft asset-location constraint: holding the security in the account costs {@code penaltyBps}
 * basis points of the value held, a year, in the optimizer's objective. It never forbids a trade
 * and the verifier does not check it. This record is immutable and thread-safe.
 *
 * @param account the account (never a held-away one)
 * @param security the security
 * @param penaltyBps the penalty in basis points of value a year
 * @param provenance the asset-location preference
 * @since 0.1
 */
public record LocationPenalty(
    AccountId account, SecurityId security, BigDecimal penaltyBps, Provenance provenance) {
  /**
   * Checks that no component is null.
   *
   * @param account the account (never a held-away one)
   * @param security the security
   * @param penaltyBps the penalty in basis points of value a year
   * @param provenance the asset-location preference
   */
  public LocationPenalty {
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(penaltyBps, "penaltyBps");
    Checks.notNull(provenance, "provenance");
  }
}
