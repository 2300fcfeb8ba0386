package dev.rebal.core.testing;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.validation.ValidationReport;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A household with the market data and as-of date it is consistent with: the unit that tests and
 * properties hand to the validator and, later, the engine.
 *
 * @param household the household
 * @param market the security master, prices and volumes it refers to
 * @param asOf the as-of date its dates are consistent with
 */
public record HouseholdFixture(Household household, MarketData market, LocalDate asOf) {
  /** Checks that no component is null. */
  public HouseholdFixture {
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(asOf, "asOf");
  }

  /** Returns a copy with another household and the same market data and as-of date. */
  public HouseholdFixture withHousehold(Household other) {
    return new HouseholdFixture(other, market, asOf);
  }

  /** Returns a copy with other market data. */
  public HouseholdFixture withMarket(MarketData other) {
    return new HouseholdFixture(household, other, asOf);
  }

  /** Returns the standard validator's report on this fixture. */
  public ValidationReport validate() {
    return HouseholdValidator.standard().validate(household, market, asOf);
  }

  /** Returns the household id and as-of date; the household itself is too large to print. */
  @Override
  public String toString() {
    return "HouseholdFixture["
        + household.id()
        + " as of "
        + asOf
        + ", "
        + household.accounts().size()
        + " accounts, "
        + household.lots().size()
        + " lots, "
        + household.restrictions().size()
        + " restrictions]";
  }
}
