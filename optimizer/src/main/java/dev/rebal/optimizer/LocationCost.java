package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.security.AssetClass;
import java.math.BigDecimal;

/**
 * What holding a dollar of an asset class in one account costs, against the household's best
 * account for that class, as a one-time amount per dollar (the yearly tax drag of its income in
 * that account times the years it is expected to stay; docs/optimizer.md, "Asset location"). It
 * applies to the net flow of the class in the account: a net increase pays it, a net decrease pays
 * the class's worst cost less it (what the holding saves), so a class is bought where it is best
 * placed and sold where it is worst, a sale and a buy of the class in one account (a harvest and
 * its replacement) cost nothing, and over time the class moves to where it costs least through the
 * trades made anyway. No trade is made for location alone: a net decrease never earns a credit.
 * This record is immutable and thread-safe.
 *
 * @param account the account
 * @param assetClass the class
 * @param perDollar the cost per dollar, zero or more (0.0148: a bond fund yielding 4% taxed at 37%,
 *     for one year)
 */
public record LocationCost(AccountId account, AssetClass assetClass, BigDecimal perDollar) {
  /**
   * Checks that no component is null and the cost is not negative.
   *
   * @param account the account
   * @param assetClass the class
   * @param perDollar the cost per dollar, zero or more (0.0148: a bond fund yielding 4% taxed at
   *     37%, for one year)
   */
  public LocationCost {
    Checks.notNull(account, "account");
    Checks.notNull(assetClass, "assetClass");
    Checks.isTrue(
        Checks.notNull(perDollar, "perDollar").signum() >= 0,
        "perDollar",
        perDollar.toPlainString(),
        "must not be negative");
  }
}
