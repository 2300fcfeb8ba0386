package dev.rebal.examples.backtest;

import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.tax.TaxRates;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The tax on a taxable account's income, by character, at the household's marginal rates: qualified
 * dividends at the long-term rate, bond coupons, REIT distributions and interest on cash at the
 * ordinary (short-term) rate, municipal interest not at all. Both rates are the tax module's
 * combined rates ({@link TaxRates#of}: federal plus state, plus the net investment income tax where
 * the profile has it). Income in tax-deferred and tax-exempt accounts is not taxed when paid (a
 * tax-deferred account's withdrawals are taxed instead).
 *
 * <p>Simplifications, stated in {@code docs/backtest.md}: flat marginal rates, state tax on
 * municipal interest ignored (as for in-state bonds), every dividend of an equity class qualified,
 * foreign tax credits ignored.
 *
 * <p>This class is immutable and thread-safe.
 */
final class IncomeTax {
  private static final MathContext MC = MathContext.DECIMAL128;
  private final TaxRates rates;

  private IncomeTax(TaxRates rates) {
    this.rates = rates;
  }

  static IncomeTax of(TaxProfile profile) {
    return new IncomeTax(TaxRates.of(profile));
  }

  /** Returns zeroed income sums, one per {@link TaxCharacter}, in its ordinal order. */
  static BigDecimal[] zeros() {
    BigDecimal[] z = new BigDecimal[TaxCharacter.values().length];
    java.util.Arrays.fill(z, BigDecimal.ZERO);
    return z;
  }

  /** Adds {@code amount} of income of {@code character} to {@code sums}. */
  static void add(BigDecimal[] sums, TaxCharacter character, BigDecimal amount) {
    sums[character.ordinal()] = sums[character.ordinal()].add(amount);
  }

  /** Returns the total income in {@code sums}. */
  static BigDecimal total(BigDecimal[] sums) {
    BigDecimal t = BigDecimal.ZERO;
    for (BigDecimal s : sums) {
      t = t.add(s);
    }
    return t;
  }

  /** Returns the tax on {@code sums} received in a taxable account, unrounded. */
  BigDecimal tax(BigDecimal[] sums) {
    return sums[TaxCharacter.QUALIFIED.ordinal()]
        .multiply(rates.longTerm().value(), MC)
        .add(sums[TaxCharacter.ORDINARY.ordinal()].multiply(rates.shortTerm().value(), MC));
  }
}
