package dev.rebal.optimizer;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.math.BigDecimal;
import java.util.List;

/**
 * One (account, security) pair: what is held, what may be traded, and the tax-cost curve of a sale.
 *
 * <p>The segments are in the tax module's relief order and their quantities sum to the held
 * quantity, so a sale can never exceed the holding. A pair with nothing held exists only to make
 * the security buyable in the account. This record is immutable and thread-safe.
 *
 * @param account the account
 * @param security the security
 * @param held the shares held now, not negative
 * @param buyEligible whether compliance allows buying it in this account
 * @param maxBuy the most that may be bought, in USD, not negative
 * @param sellEligible whether compliance allows selling it
 * @param locationPenalty the asset-location penalty per dollar bought (e.g. 0.002 for taxable bonds
 *     in a taxable account), not negative
 * @param segments the sell segments in relief order
 */
public record ProblemPosition(
    AccountId account,
    SecurityId security,
    Quantity held,
    boolean buyEligible,
    Money maxBuy,
    boolean sellEligible,
    BigDecimal locationPenalty,
    List<SellSegment> segments) {
  /**
   * Checks components and that the segments sum to the held quantity.
   *
   * @param account the account
   * @param security the security
   * @param held the shares held now, not negative
   * @param buyEligible whether compliance allows buying it in this account
   * @param maxBuy the most that may be bought, in USD, not negative
   * @param sellEligible whether compliance allows selling it
   * @param locationPenalty the asset-location penalty per dollar bought (e.g. 0.002 for taxable
   *     bonds in a taxable account), not negative
   * @param segments the sell segments in relief order
   */
  public ProblemPosition {
    Checks.notNull(account, "account");
    Checks.notNull(security, "security");
    Checks.isTrue(!Checks.notNull(held, "held").isNegative(), "held", held, "must not be negative");
    Checks.isTrue(
        !Checks.notNull(maxBuy, "maxBuy").isNegative() && maxBuy.isUsd(),
        "maxBuy",
        maxBuy,
        "must be a non-negative USD amount");
    Checks.isTrue(
        Checks.notNull(locationPenalty, "locationPenalty").signum() >= 0,
        "locationPenalty",
        locationPenalty,
        "must not be negative");
    segments = List.copyOf(Checks.noNulls(segments, "segments"));
    Quantity sum = Quantity.ZERO;
    for (SellSegment s : segments) {
      sum = sum.plus(s.quantity());
    }
    if (!sum.equals(held)) {
      // the message is built only on failure: positions are built by the hundred per problem
      Checks.isTrue(false, "segments", sum, "must sum to the held quantity " + held);
    }
  }
}
