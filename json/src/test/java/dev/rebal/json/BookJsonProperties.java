package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

class BookJsonProperties {
  /** Every household a fault (some with non-USD cash), so odd values are round-tripped too. */
  static final BookGenerator FAULTY = BookGenerator.of(BookConfig.of(5).withFaultPercent(100));

  static final BookGenerator CLEAN = BookGenerator.of(BookConfig.of(6).withFaultPercent(0));

  @Property(tries = 150)
  void writeThenRead_generatedHousehold_isEqual(
      @ForAll @LongRange(max = 99_999) long index, @ForAll boolean faulty) throws IOException {
    // given
    BookGenerator generator = faulty ? FAULTY : CLEAN;
    Household household = generator.household(index);
    Statistics.collect(household.restrictions().isEmpty() ? "no restrictions" : "restrictions");
    Statistics.coverage(c -> c.check("restrictions").percentage(p -> p > 5));

    // when
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, generator.asOf(), generator.marketData())) {
      w.write(household);
    }
    List<HouseholdRead> read;
    try (BookReader r = BookReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(r.marketData()).isEqualTo(generator.marketData());
      assertThat(r.asOf()).isEqualTo(generator.asOf());
      read = r.households().toList();
    }

    // then
    assertThat(read).hasSize(1);
    assertThat(read.get(0).household()).contains(household);
  }

  @Property(tries = 30)
  void write_sameHouseholdTwice_givesIdenticalBytes(@ForAll @LongRange(max = 99_999) long index)
      throws IOException {
    // when
    byte[] a = bytes(CLEAN.household(index));
    byte[] b = bytes(BookGenerator.of(BookConfig.of(6).withFaultPercent(0)).household(index));

    // then
    assertThat(a).isEqualTo(b);
  }

  static byte[] bytes(Household household) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, CLEAN.asOf(), CLEAN.marketData())) {
      w.write(household);
    }
    return out.toByteArray();
  }
}
