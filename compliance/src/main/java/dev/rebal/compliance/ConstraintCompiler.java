package dev.rebal.compliance;

import dev.rebal.compliance.internal.compile.BlockPermissions;
import dev.rebal.compliance.internal.compile.Compiler;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import java.time.LocalDate;
import java.util.NoSuchElementException;

/**
 * Compiles a household's restrictions, on an as-of date, into the {@link TradeConstraints} an
 * optimizer consumes: restrictions are evaluated before trades are generated, not after.
 *
 * <pre>{@code
 * TradeConstraints constraints =
 *     ConstraintCompiler.standard().compile(household, marketData, asOf);
 * if (constraints.hasConflicts()) { ... send the household to review ... }
 * PositionConstraints p = constraints.lookupPosition(account, security);
 * }</pre>
 *
 * <p>It expects a household the validator has passed: every held security known to the market data
 * and priced. It is stateless, deterministic and thread-safe.
 *
 * @since 0.1
 */
public final class ConstraintCompiler {
  private static final ConstraintCompiler STANDARD = new ConstraintCompiler();

  private ConstraintCompiler() {}

  /** {@return the standard compiler} */
  public static ConstraintCompiler standard() {
    return STANDARD;
  }

  /**
   * Compiles with {@link ComplianceParameters#defaults()}.
   *
   * @param household the household
   * @param marketData the market data it is valued with
   * @param asOf the as-of date
   * @return the household's trade constraints
   * @see #compile(Household, MarketData, LocalDate, ComplianceParameters)
   */
  public TradeConstraints compile(Household household, MarketData marketData, LocalDate asOf) {
    return compile(household, marketData, asOf, ComplianceParameters.defaults());
  }

  /**
   * Compiles the restrictions in effect on {@code asOf} into constraints.
   *
   * @param household the household, validated
   * @param marketData the security master, prices and trading volumes
   * @param asOf the date the restrictions are evaluated on and trades are placed
   * @param parameters minimum trade size and round lot
   * @return the constraints, with every conflict found
   * @throws NoSuchElementException if a held or in-scope security is unknown or has no price
   */
  public TradeConstraints compile(
      Household household, MarketData marketData, LocalDate asOf, ComplianceParameters parameters) {
    return compileChecked(household, marketData, asOf, parameters);
  }

  /**
   * {@return the buy and sell permissions of single positions and lots on {@code asOf}, decided one
   * question at a time with the same rules as {@link #compile}: for a caller that asks about a few
   * positions only (the screen's loss-harvest check)}
   *
   * @param household the household, validated
   * @param marketData the security master, prices and trading volumes
   * @param asOf the date the restrictions are evaluated on
   */
  public TradePermissions permissions(Household household, MarketData marketData, LocalDate asOf) {
    return BlockPermissions.of(
        Checks.notNull(household, "household"),
        Checks.notNull(marketData, "marketData"),
        Checks.notNull(asOf, "asOf"));
  }

  private static TradeConstraints compileChecked(
      Household household, MarketData marketData, LocalDate asOf, ComplianceParameters parameters) {
    return Compiler.compile(
        Checks.notNull(household, "household"),
        Checks.notNull(marketData, "marketData"),
        Checks.notNull(asOf, "asOf"),
        Checks.notNull(parameters, "parameters"));
  }
}
