package dev.rebal.tax.harvest;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.lots.Sale;
import java.time.LocalDate;

/**
 * One proposed harvest: sell the losing lots of a security in an account, buy the replacement with
 * the proceeds, and do not buy the sold group back before {@link #repurchaseAllowedFrom()}.
 *
 * <p>The tax value is the tax the realized losses save at the household's marginal rates (each
 * lot's loss times the rate of its term), before netting; it is what the harvest is worth if the
 * household has gains of the same character to absorb the losses. This record is immutable and
 * thread-safe.
 *
 * @param account the account
 * @param sold the security sold
 * @param sale the lots sold, whole, at the current price
 * @param replacement the model substitute to buy, not substantially identical to the sold security
 * @param loss the total loss realized (positive)
 * @param taxValue the tax saved at marginal rates (positive)
 * @param repurchaseAllowedFrom the first day the sold group may be bought again (31 days later)
 * @since 0.1
 */
public record Harvest(
    AccountId account,
    SecurityId sold,
    Sale sale,
    SecurityId replacement,
    Money loss,
    Money taxValue,
    LocalDate repurchaseAllowedFrom) {
  /**
   * Checks that no component is null.
   *
   * @param account the account
   * @param sold the security sold
   * @param sale the lots sold, whole, at the current price
   * @param replacement the model substitute to buy, not substantially identical to the sold
   *     security
   * @param loss the total loss realized (positive)
   * @param taxValue the tax saved at marginal rates (positive)
   * @param repurchaseAllowedFrom the first day the sold group may be bought again (31 days later)
   */
  public Harvest {
    Checks.notNull(account, "account");
    Checks.notNull(sold, "sold");
    Checks.notNull(sale, "sale");
    Checks.notNull(replacement, "replacement");
    Checks.notNull(loss, "loss");
    Checks.notNull(taxValue, "taxValue");
    Checks.notNull(repurchaseAllowedFrom, "repurchaseAllowedFrom");
  }
}
