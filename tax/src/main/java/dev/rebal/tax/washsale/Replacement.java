package dev.rebal.tax.washsale;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;

/**
 * An acquisition of a substantially identical security that makes a loss sale a wash sale.
 *
 * <p>The reference names it: a lot id for {@link ReplacementSource#LOT}, a transaction id for
 * {@link ReplacementSource#TRANSACTION}, and {@code account/security} for a planned buy. This
 * record is immutable and thread-safe.
 *
 * @param source where it was found
 * @param reference the lot id, transaction id, or {@code account/security} of a planned buy
 * @param account the account that acquired it
 * @param security the security acquired
 * @param acquired the trade date of the acquisition
 * @since 0.1
 */
public record Replacement(
    ReplacementSource source,
    String reference,
    AccountId account,
    SecurityId security,
    LocalDate acquired) {
  /**
   * Checks that no component is null.
   *
   * @param source where it was found
   * @param reference the lot id, transaction id, or {@code account/security} of a planned buy
   * @param account the account that acquired it
   * @param security the security acquired
   * @param acquired the trade date of the acquisition
   */
  public Replacement {
    Checks.notNull(source, "source");
    Checks.notBlank(reference, "reference");
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.notNull(acquired, "acquired");
  }
}
