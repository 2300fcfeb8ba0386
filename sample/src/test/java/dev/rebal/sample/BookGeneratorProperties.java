package dev.rebal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.valuation.HouseholdDrift;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

class BookGeneratorProperties {
  @Property(tries = 100)
  void household_anySeedAndIndex_isDeterministicAndConsistent(
      @ForAll long seed, @ForAll @LongRange(max = 1_000_000) long index) {
    // given
    BookGenerator generator = BookGenerator.of(BookConfig.of(seed));

    // when
    Household household = generator.household(index);

    // then: the same household again, and, unless deliberately broken, clean and in band
    assertThat(BookGenerator.of(BookConfig.of(seed)).household(index)).isEqualTo(household);
    Statistics.collect(
        generator.isFaulty(index)
            ? "faulty"
            : generator.isOutOfBalance(index) ? "out of balance" : "clean");
    Statistics.coverage(c -> c.check("clean").percentage(p -> p > 70));
    if (!generator.isFaulty(index)) {
      assertThat(
              HouseholdValidator.standard()
                  .validate(household, generator.marketData(), generator.asOf())
                  .errors())
          .isEmpty();
      assertThat(HouseholdDrift.of(household, generator.marketData()).isOutOfBalance())
          .isEqualTo(generator.isOutOfBalance(index));
    }
  }
}
