package dev.rebal.tax.lots;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.tax.TaxRates;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a sale needs to choose its lots: the lots of one security in one account, the quantity to
 * sell, the price, the sale date, the household's rates and the lots that must not be sold.
 *
 * <p>The order of {@link #lots()} does not matter: every method sorts with a total order ending in
 * the lot id. This record is immutable and thread-safe.
 *
 * @param lots the candidate lots (one security, one account), positive quantities
 * @param quantity the quantity to sell (positive)
 * @param price the estimated price per share
 * @param saleDate the trade date of the sale
 * @param rates the household's combined marginal rates (zero rates in a tax-advantaged account)
 * @param protectedLots lots that must not be sold, e.g. from lot preferences
 * @since 0.1
 */
public record SaleRequest(
    List<TaxLot> lots,
    Quantity quantity,
    UnitPrice price,
    LocalDate saleDate,
    TaxRates rates,
    Set<LotId> protectedLots) {
  /**
   * Checks the components.
   *
   * @param lots the candidate lots (one security, one account), positive quantities
   * @param quantity the quantity to sell (positive)
   * @param price the estimated price per share
   * @param saleDate the trade date of the sale
   * @param rates the household's combined marginal rates (zero rates in a tax-advantaged account)
   * @param protectedLots lots that must not be sold, e.g. from lot preferences
   */
  public SaleRequest {
    Checks.noNulls(lots, "lots");
    lots = ImmutableList.copyOf(lots);
    Checks.notNull(quantity, "quantity");
    Checks.isTrue(quantity.isPositive(), "quantity", quantity, "must be positive");
    Checks.notNull(price, "price");
    Checks.notNull(saleDate, "saleDate");
    Checks.notNull(rates, "rates");
    Checks.noNulls(protectedLots, "protectedLots");
    protectedLots = ImmutableSet.copyOf(protectedLots);
  }

  /**
   * {@return a request with no protected lots}
   *
   * @param lots the lots of the position sold
   * @param quantity the quantity to sell
   * @param price the sale price per share
   * @param saleDate the trade date of the sale
   * @param rates the household's combined rates, to rank lots by tax
   */
  public static SaleRequest of(
      Iterable<TaxLot> lots,
      Quantity quantity,
      UnitPrice price,
      LocalDate saleDate,
      TaxRates rates) {
    return new SaleRequest(
        ImmutableList.copyOf(lots), quantity, price, saleDate, rates, ImmutableSet.of());
  }

  /**
   * {@return a copy with the given protected lots}
   *
   * @param ids the lots that may not be sold
   */
  public SaleRequest withProtectedLots(Iterable<LotId> ids) {
    return new SaleRequest(lots, quantity, price, saleDate, rates, ImmutableSet.copyOf(ids));
  }
}
