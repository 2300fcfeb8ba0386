package dev.rebal.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.testing.Copies;
import dev.rebal.core.testing.HouseholdFixture;
import dev.rebal.core.testing.RebalArbitraries;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of {@link HouseholdValidator} over generated households. */
class HouseholdValidatorProperties {
  private static final List<String> KINDS =
      List.of(
          "security-exclusion",
          "do-not-sell",
          "insider-blackout",
          "control-person-volume",
          "concentration-cap",
          "account-freeze",
          "lot-preference",
          "asset-location");
  private static final Set<String> CODES =
      Arrays.stream(Code.values()).map(Code::code).collect(Collectors.toSet());

  @Provide
  Arbitrary<HouseholdFixture> validHouseholds() {
    return RebalArbitraries.validHouseholds();
  }

  @Provide
  Arbitrary<HouseholdFixture> anyFixtures() {
    return RebalArbitraries.anyFixtures();
  }

  @Property(tries = 200)
  void validate_validGeneratedHousehold_reportsNothing(
      @ForAll("validHouseholds") HouseholdFixture fixture) {
    // given
    Household h = fixture.household();
    Statistics.label("held-away").collect(h.accounts().stream().anyMatch(a -> a.heldAway()));
    Set<String> kinds =
        h.restrictions().stream().map(Restriction::kind).collect(Collectors.toSet());
    for (String kind : KINDS) {
      Statistics.label(kind).collect(kinds.contains(kind));
    }
    // when
    ValidationReport report = fixture.validate();
    // then
    assertThat(report.problems()).as(report.toString()).isEmpty();
    Statistics.label("held-away").coverage(c -> c.check(true).percentage(p -> p > 20));
    for (String kind : KINDS) {
      Statistics.label(kind).coverage(c -> c.check(true).percentage(p -> p > 8));
    }
  }

  @Property(tries = 200)
  void validate_oneLotQuantityZero_reportsNonpositiveAtThatLot(
      @ForAll("validHouseholds") HouseholdFixture fixture, @ForAll int which) {
    // given
    Household h = fixture.household();
    TaxLot target = h.lots().get(Math.floorMod(which, h.lots().size()));
    Household broken =
        h.withLots(Copies.replace(h.lots(), l -> l == target, l -> l.withQuantity(Quantity.ZERO)));
    // when
    ValidationReport report = fixture.withHousehold(broken).validate();
    // then
    assertThat(report.problems())
        .as(report.toString())
        .extracting(Problem::code, Problem::severity, Problem::path, Problem::value)
        .containsExactly(
            tuple(
                "lot.quantity.nonpositive",
                Severity.ERROR,
                "lots[" + target.id() + "].quantity",
                "0.000000"));
  }

  @Property(tries = 200)
  void validate_anyHousehold_neverThrowsAndUsesOnlyDocumentedCodes(
      @ForAll("anyFixtures") HouseholdFixture fixture) {
    // when
    ValidationReport report = fixture.validate();
    // then
    Statistics.collect(report.isOnHold() ? "on hold" : "not on hold");
    assertThat(report.problems())
        .allSatisfy(
            p -> {
              assertThat(CODES).contains(p.code());
              assertThat(p.severity()).isEqualTo(Code.values()[indexOf(p.code())].severity());
            });
    assertThat(report).isEqualTo(fixture.validate());
  }

  private static int indexOf(String code) {
    for (Code c : Code.values()) {
      if (c.code().equals(code)) {
        return c.ordinal();
      }
    }
    return -1;
  }
}
