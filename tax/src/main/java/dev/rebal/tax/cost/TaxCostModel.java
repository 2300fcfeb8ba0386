package dev.rebal.tax.cost;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.internal.TaxCurves;
import dev.rebal.tax.lots.ReliefMethod;
import java.time.LocalDate;
import java.util.NoSuchElementException;

/**
 * Builds the optimizer's tax-cost curves; see {@link TaxCostCurve} for the exact definition.
 *
 * <p>A curve sells the whole position by {@link ReliefMethod#TAX_OPTIMAL} and turns each lot into a
 * segment. A lot of unknown basis is costed as if its basis were zero (its whole value is gain),
 * the cautious choice. Rates are the household's combined marginal rates ({@link TaxRates}) in a
 * taxable account and zero elsewhere. This class is stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TaxCostModel {
  private static final TaxCostModel STANDARD = new TaxCostModel();

  private TaxCostModel() {}

  /** {@return the standard model} */
  public static TaxCostModel standard() {
    return STANDARD;
  }

  /**
   * {@return the curve of {@code security} in {@code account} on {@code asOf}; empty segments if
   * nothing sellable is held}
   *
   * @param household the household
   * @param market prices and the security master
   * @param account the account
   * @param security the security
   * @param asOf the as-of date (the sale date)
   * @throws NoSuchElementException if the security has no price
   */
  public TaxCostCurve curve(
      Household household,
      MarketData market,
      AccountId account,
      SecurityId security,
      LocalDate asOf) {
    return TaxCurves.curve(household, market, account, security, asOf);
  }

  /**
   * {@return the curves of every (account, security) the household holds lots of in a tradable
   * account, sorted by account then security}
   *
   * @param household the household
   * @param market prices and the security master
   * @param asOf the as-of date
   * @throws NoSuchElementException if a held security has no price
   */
  public ImmutableList<TaxCostCurve> curves(
      Household household, MarketData market, LocalDate asOf) {
    Checks.notNull(household, "household");
    return TaxCurves.curves(household, market, asOf);
  }
}
