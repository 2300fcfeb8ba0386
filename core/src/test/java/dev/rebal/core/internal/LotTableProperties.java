package dev.rebal.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** The lot table answers as a hash map of the lots filled in list order does. */
class LotTableProperties {
  @Provide
  Arbitrary<String> ids() {
    // few ids, so that lists repeat some; "Aa" and "BB" share a hash code
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(2),
        Arbitraries.of("Aa", "BB", "AaAa", "BBBB", "AaBB"));
  }

  @Property(tries = 1000)
  void lot_isMapLookUp(@ForAll @Size(max = 60) List<@net.jqwik.api.From("ids") String> ids) {
    List<TaxLot> lots = new ArrayList<>();
    Map<LotId, TaxLot> first = new HashMap<>();
    Map<LotId, TaxLot> last = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      TaxLot lot = lot(ids.get(i), i + 1);
      lots.add(lot);
      first.putIfAbsent(lot.id(), lot);
      last.put(lot.id(), lot);
    }
    Statistics.label("repeats").collect(lots.size() > first.size());
    LotTable firsts = LotTable.of(lots);
    LotTable lasts = LotTable.lastOf(lots);
    assertThat(firsts.distinct()).isEqualTo(first.size());
    assertThat(lasts.distinct()).isEqualTo(first.size());
    for (String id : List.of("a", "b", "ab", "ee", "Aa", "BB", "AaAa", "BBBB", "AaBB", "z")) {
      LotId key = LotId.of(id); // a new instance: found by equals, not identity
      assertThat(firsts.lot(key)).isSameAs(first.get(key));
      assertThat(lasts.lot(key)).isSameAs(last.get(key));
    }
  }

  private static TaxLot lot(String id, int quantity) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(AccountId.of("A"))
        .security(SecurityId.of("S"))
        .quantity(Quantity.of((long) quantity))
        .costBasis(Money.usd("100"))
        .acquired(LocalDate.of(2020, 1, 2))
        .build();
  }
}
