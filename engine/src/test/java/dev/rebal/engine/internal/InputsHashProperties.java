package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import dev.rebal.core.testing.HouseholdFixture;
import dev.rebal.core.testing.RebalArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The inputs hash writes the household's text itself (for speed); it must be exactly the
 * household's {@code toString()}, which defines the hash in every audit record.
 */
class InputsHashProperties {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));

  @Provide
  Arbitrary<Household> anyHouseholds() {
    return RebalArbitraries.households();
  }

  @Provide
  Arbitrary<HouseholdFixture> validHouseholds() {
    return RebalArbitraries.validHouseholds();
  }

  @Provide
  Arbitrary<Integer> bookIndices() {
    return Arbitraries.integers().between(0, 99_999);
  }

  @Property(tries = 300)
  void text_ofAnyHousehold_isItsToString(@ForAll("anyHouseholds") Household h) {
    Statistics.collect(h.lastRebalanced().isPresent() ? "last rebalanced" : "never",
        h.lots().isEmpty() ? "no lots" : "lots");
    Statistics.coverage(c -> {
      c.check("never", "lots").count(n -> n > 0);
      c.check("last rebalanced", "lots").count(n -> n > 0);
    });
    assertThat(InputsHash.text(h)).isEqualTo(h.toString());
  }

  @Property(tries = 100)
  void text_ofValidHousehold_isItsToString(@ForAll("validHouseholds") HouseholdFixture f) {
    assertThat(InputsHash.text(f.household())).isEqualTo(f.household().toString());
  }

  @Property(tries = 100)
  void text_ofBookHousehold_isItsToString(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    assertThat(InputsHash.text(h)).isEqualTo(h.toString());
  }
}
