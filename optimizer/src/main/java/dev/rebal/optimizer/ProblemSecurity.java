package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;

/**
 * One security the household holds or may buy.
 *
 * <p>Securities in the same wash-sale group are substantially identical: the optimizer never buys
 * and sells one group in the same proposal. This record is immutable and thread-safe.
 *
 * @param id the security id
 * @param price the price per share, in USD, positive
 * @param assetClass the asset class whose target the security counts toward
 * @param washSaleGroup the name of its substantially-identical group (often its own id)
 */
public record ProblemSecurity(
    SecurityId id, UnitPrice price, AssetClass assetClass, String washSaleGroup) {
  /**
   * Checks that no component is null, the price is positive and the group is not blank.
   *
   * @param id the security id
   * @param price the price per share, in USD, positive
   * @param assetClass the asset class whose target the security counts toward
   * @param washSaleGroup the name of its substantially-identical group (often its own id)
   */
  public ProblemSecurity {
    Checks.notNull(id, "id");
    Checks.isTrue(Checks.notNull(price, "price").isPositive(), "price", price, "must be positive");
    Checks.notNull(assetClass, "assetClass");
    Checks.notBlank(washSaleGroup, "washSaleGroup");
  }
}
