package dev.rebal.tax.washsale;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;

/**
 * One wash-sale match: part of a loss sale's loss disallowed because of one replacement.
 *
 * <p>The disallowed loss is the sale's loss times the matched quantity over the quantity sold,
 * rounded so that the matches of one sale add up exactly to its loss when it is fully matched. The
 * basis increase equals the disallowed loss when the {@link #rule()} adjusts basis, and is zero
 * when the loss is lost (IRA). The matched replacement shares' holding period starts at {@link
 * #tackedHoldingPeriodStart()}: the replacement's acquired date moved back by the days the sold
 * shares were held. This record is immutable and thread-safe.
 *
 * @param saleLot the lot sold at a loss
 * @param saleAccount the account of the sale
 * @param soldSecurity the security sold
 * @param saleDate the trade date of the sale
 * @param replacement the replacement acquisition
 * @param quantity the matched quantity (positive)
 * @param disallowedLoss the loss disallowed (positive)
 * @param basisIncrease the amount added to the replacement's basis (zero if lost)
 * @param tackedHoldingPeriodStart the holding-period start of the matched replacement shares
 * @param rule the rule applied
 * @since 0.1
 */
public record Disallowance(
    LotId saleLot,
    AccountId saleAccount,
    SecurityId soldSecurity,
    LocalDate saleDate,
    Replacement replacement,
    Quantity quantity,
    Money disallowedLoss,
    Money basisIncrease,
    LocalDate tackedHoldingPeriodStart,
    WashSaleRule rule) {
  /**
   * Checks that no component is null.
   *
   * @param saleLot the lot sold at a loss
   * @param saleAccount the account of the sale
   * @param soldSecurity the security sold
   * @param saleDate the trade date of the sale
   * @param replacement the replacement acquisition
   * @param quantity the matched quantity (positive)
   * @param disallowedLoss the loss disallowed (positive)
   * @param basisIncrease the amount added to the replacement's basis (zero if lost)
   * @param tackedHoldingPeriodStart the holding-period start of the matched replacement shares
   * @param rule the rule applied
   */
  public Disallowance {
    Checks.notNull(saleLot, "saleLot");
    Checks.notNull(saleAccount, "saleAccount");
    Checks.notNull(soldSecurity, "soldSecurity");
    Checks.notNull(saleDate, "saleDate");
    Checks.notNull(replacement, "replacement");
    Checks.notNull(quantity, "quantity");
    Checks.notNull(disallowedLoss, "disallowedLoss");
    Checks.notNull(basisIncrease, "basisIncrease");
    Checks.notNull(tackedHoldingPeriodStart, "tackedHoldingPeriodStart");
    Checks.notNull(rule, "rule");
  }
}
