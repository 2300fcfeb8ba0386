package dev.rebal.compliance;

import dev.rebal.compliance.internal.verify.Verifier;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Checks a proposed list of trades against a household's restrictions and the resulting positions:
 * the second, independent line of defence run on every proposal.
 *
 * <pre>{@code
 * VerificationResult result =
 *     TradeVerifier.standard().verify(household, marketData, asOf, trades);
 * if (!result.isCompliant()) { ... reject, citing result.violations() ... }
 * }</pre>
 *
 * <p>It reads the restrictions directly and shares no code with {@link ConstraintCompiler}, so that
 * a bug in one is caught by the other. Trades are applied to the positions and cash of the
 * household: a sale adds quantity times estimated price ({@link Trade#estimatedValue()}) to its
 * account's cash and a buy subtracts it; there are no fees. Resulting positions are valued at
 * market price. Checks on the result: no short position, every tradable account at or above its
 * cash floor, every concentration cap in effect met on the household's value after trading (held
 * away included). Asset-location preferences are soft and not checked. It is stateless,
 * deterministic and thread-safe.
 *
 * @since 0.1
 */
public final class TradeVerifier {
  private static final TradeVerifier STANDARD = new TradeVerifier();

  private TradeVerifier() {}

  /** {@return the standard verifier} */
  public static TradeVerifier standard() {
    return STANDARD;
  }

  /**
   * Verifies with {@link ComplianceParameters#defaults()}.
   *
   * @param household the household before the trades
   * @param marketData the market data the trades are valued with
   * @param asOf the as-of date
   * @param trades the proposed trades, in order
   * @return the violations found, none when the trades comply
   * @see #verify(Household, MarketData, LocalDate, List, ComplianceParameters)
   */
  public VerificationResult verify(
      Household household, MarketData marketData, LocalDate asOf, List<Trade> trades) {
    return verify(household, marketData, asOf, trades, ComplianceParameters.defaults());
  }

  /**
   * Returns every violation of {@code trades}, placed on {@code asOf}, in {@code household}.
   *
   * @param household the household, validated
   * @param marketData the security master, prices and trading volumes
   * @param asOf the trade date; restrictions in effect on it apply
   * @param trades the proposed trades, in proposal order (indexes in violations refer to it)
   * @param parameters minimum trade size and round lot
   * @return the violations, empty when the proposal is compliant
   * @throws NoSuchElementException if a held security has no price
   */
  public VerificationResult verify(
      Household household,
      MarketData marketData,
      LocalDate asOf,
      List<Trade> trades,
      ComplianceParameters parameters) {
    return Verifier.verify(
        Checks.notNull(household, "household"),
        Checks.notNull(marketData, "marketData"),
        Checks.notNull(asOf, "asOf"),
        Checks.noNulls(trades, "trades"),
        Checks.notNull(parameters, "parameters"));
  }
}
