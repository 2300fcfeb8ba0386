package dev.rebal.core.validation;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import java.time.LocalDate;
import java.util.List;

/**
 * Checks a whole household against the market data on an as-of date and reports every problem.
 * PLACEHOLDER: replaced by the full validator (issue 3).
 */
public final class HouseholdValidator {
  private static final HouseholdValidator STANDARD = new HouseholdValidator();

  private HouseholdValidator() {}

  /** Returns the standard validator. */
  public static HouseholdValidator standard() {
    return STANDARD;
  }

  /** Returns every problem found in {@code household} as of {@code asOf}. */
  public ValidationReport validate(Household household, MarketData marketData, LocalDate asOf) {
    return ValidationReport.of(household.id(), List.of());
  }
}
