package dev.rebal.core.validation;

import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import java.time.LocalDate;

/**
 * Checks a whole household against the market data on an as-of date and reports every problem it
 * finds, never only the first.
 *
 * <pre>{@code
 * ValidationReport report = HouseholdValidator.standard().validate(household, market, asOf);
 * if (report.isOnHold()) {
 *   // report.errors(): each with code, path, value and message
 * }
 * }</pre>
 *
 * <p>Each problem has a stable code (listed with its severity in {@code docs/validation.md}), the
 * path of the bad field built from ids (e.g. {@code lots[L-17].acquired}), and the value seen. An
 * {@link Severity#ERROR} puts the household on hold; a {@link Severity#WARNING} does not (cash
 * below its floor is a warning, because the rebalance itself must raise the cash).
 *
 * <p>Range rules (quantity positive, basis not negative, weights summing to 1, ...) live here
 * rather than in the model types' constructors, so that a bad household can still be built, read
 * and reported in full, and held untouched. The validator only reads: it never alters or drops
 * data. Problems come in a fixed order (household, accounts, lots, transactions, goals, target and
 * model, market data, restrictions, tax profile, liquidity events; each in input order), so the
 * same input gives the same report. This class is stateless, immutable and thread-safe.
 */
public final class HouseholdValidator {
  private static final HouseholdValidator STANDARD = new HouseholdValidator();

  private HouseholdValidator() {}

  /** {@return the standard validator, with every rule of {@code docs/validation.md}} */
  public static HouseholdValidator standard() {
    return STANDARD;
  }

  /**
   * Returns every problem found in {@code household} as of {@code asOf}.
   *
   * @param household the household to check; not altered
   * @param marketData the security master, prices and trading volumes to check it against
   * @param asOf the as-of date: nothing may be dated after it, goals and events not before it
   * @return the report, empty if the household is clean
   * @throws IllegalArgumentException if an argument is null
   */
  public ValidationReport validate(Household household, MarketData marketData, LocalDate asOf) {
    Checks.notNull(household, "household");
    Checks.notNull(marketData, "marketData");
    Checks.notNull(asOf, "asOf");
    Problems problems = new Problems();
    Context c = new Context(household, marketData, asOf, problems);
    HouseholdChecker.check(c);
    MagnitudeChecker.check(c);
    AccountChecker.check(c);
    LotChecker.check(c);
    TransactionChecker.check(c);
    GoalChecker.check(c);
    TargetChecker.check(c);
    MarketChecker.check(c);
    RestrictionChecker.check(c);
    TaxProfileChecker.check(c);
    LiquidityChecker.check(c);
    return ValidationReport.of(household.id(), problems.list());
  }
}
