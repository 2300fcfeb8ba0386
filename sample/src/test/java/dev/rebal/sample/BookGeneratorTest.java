package dev.rebal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.valuation.HouseholdDrift;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BookGeneratorTest {
  static final BookGenerator GENERATOR = BookGenerator.of(BookConfig.of(42));
  static final List<Household> BOOK = GENERATOR.households(200).toList();

  @Test
  void household_sameSeedAndIndex_isEqual() {
    // given
    BookGenerator other = BookGenerator.of(BookConfig.of(42));

    // when
    Household a = GENERATOR.household(17);
    Household b = other.household(17);

    // then
    assertThat(a).isEqualTo(b);
    assertThat(other.marketData()).isEqualTo(GENERATOR.marketData());
  }

  @Test
  void households_parallel_equalsSequential() {
    // when
    List<Household> parallel = GENERATOR.households(200).parallel().toList();

    // then
    assertThat(parallel).isEqualTo(BOOK);
  }

  @Test
  void household_differentSeed_differs() {
    // when
    Household other = BookGenerator.of(BookConfig.of(43)).household(17);

    // then
    assertThat(other).isNotEqualTo(GENERATOR.household(17));
  }

  @Test
  void marketData_eachClass_hasThreeFundsInDistinctGroupsAndSomeSharedGroups() {
    // given
    MarketData market = GENERATOR.marketData();
    Map<AssetClass, Set<String>> groups = new TreeMap<>();
    Map<String, Integer> groupSizes = new TreeMap<>();
    for (Security s : market.securities().values()) {
      groups.computeIfAbsent(s.assetClass(), c -> new TreeSet<>()).add(s.washSaleGroup());
      groupSizes.merge(s.washSaleGroup(), 1, Integer::sum);
    }

    // then
    assertThat(groups).hasSize(8);
    assertThat(groups.values()).allSatisfy(g -> assertThat(g).hasSizeGreaterThanOrEqualTo(3));
    assertThat(groupSizes.values()).filteredOn(n -> n > 1).hasSizeGreaterThanOrEqualTo(5);
    assertThat(market.securities()).hasSizeGreaterThanOrEqualTo(100);
    assertThat(market.prices().prices().keySet()).isEqualTo(market.securities().keySet());
    assertThat(market.volumes().keySet()).containsExactly("EMP1", "EMP2", "EMP3", "EMP4");
  }

  @Test
  void households_shape_withinTheDocumentedRanges() {
    for (Household h : BOOK) {
      Set<SecurityId> held = h.lots().stream().map(TaxLot::security).collect(Collectors.toSet());
      assertThat(h.accounts()).hasSizeBetween(1, 6);
      assertThat(held).hasSizeBetween(5, 80);
      assertThat(h.goals()).isNotEmpty();
    }
  }

  @Test
  void households_cleanOnes_haveLotsAndTransactionsNoLaterThanAsOfAndOlderLotsUpToTenYears() {
    LocalDate asOf = GENERATOR.asOf();
    for (int i = 0; i < BOOK.size(); i++) {
      if (GENERATOR.isFaulty(i)) {
        continue;
      }
      for (TaxLot lot : BOOK.get(i).lots()) {
        assertThat(lot.acquired()).isBeforeOrEqualTo(asOf).isAfter(asOf.minusYears(10));
        assertThat(lot.quantity().isPositive()).isTrue();
      }
      for (Transaction t : BOOK.get(i).transactions()) {
        assertThat(t.tradeDate()).isBefore(asOf).isAfterOrEqualTo(asOf.minusDays(61));
      }
    }
  }

  @Test
  void households_lotsOverTenYears_showGainsAndLosses() {
    // given
    MarketData market = GENERATOR.marketData();
    int gains = 0;
    int losses = 0;

    // when
    for (Household h : BOOK) {
      for (TaxLot lot : h.lots()) {
        var price = market.prices().find(lot.security());
        if (price.isPresent() && lot.quantity().isPositive()) {
          int c = price.get().perUnit().times(lot.quantity()).compareTo(lot.costBasis());
          gains += c > 0 ? 1 : 0;
          losses += c < 0 ? 1 : 0;
        }
      }
    }

    // then
    assertThat(gains).isGreaterThan(losses);
    assertThat(losses).isGreaterThan(gains / 20);
  }

  @Test
  void households_inBalanceByConstruction_areWithinBands() {
    for (int i = 0; i < BOOK.size(); i++) {
      if (GENERATOR.isFaulty(i) || GENERATOR.isOutOfBalance(i)) {
        continue;
      }
      HouseholdDrift drift = HouseholdDrift.of(BOOK.get(i), GENERATOR.marketData());
      assertThat(drift.isOutOfBalance()).as("%s %s", BOOK.get(i).id(), drift).isFalse();
    }
  }

  @Test
  void households_outOfBalanceByConstruction_areOutOfBand() {
    int count = 0;
    for (int i = 0; i < BOOK.size(); i++) {
      if (GENERATOR.isOutOfBalance(i)) {
        count++;
        HouseholdDrift drift = HouseholdDrift.of(BOOK.get(i), GENERATOR.marketData());
        assertThat(drift.isOutOfBalance()).as("%s %s", BOOK.get(i).id(), drift).isTrue();
      }
    }
    assertThat(count).isBetween(8, 40);
  }

  @Test
  void households_faultShare_isAboutThreePercent() {
    long faulty = java.util.stream.LongStream.range(0, 1000).filter(GENERATOR::isFaulty).count();
    assertThat(faulty).isBetween(15L, 50L);
  }

  @Test
  void households_cleanOnes_validateWithoutErrors() {
    for (int i = 0; i < BOOK.size(); i++) {
      if (!GENERATOR.isFaulty(i)) {
        assertThat(
                HouseholdValidator.standard()
                    .validate(BOOK.get(i), GENERATOR.marketData(), GENERATOR.asOf())
                    .errors())
            .as(BOOK.get(i).id().value())
            .isEmpty();
      }
    }
  }

  @Test
  void households_book_coversRestrictionsHeldAwayEventsAndRecentTrades() {
    // when
    long employer =
        BOOK.stream()
            .filter(h -> h.restrictions().stream().anyMatch(r -> r instanceof SecurityExclusion))
            .count();
    long caps =
        BOOK.stream()
            .filter(h -> h.restrictions().stream().anyMatch(r -> r instanceof ConcentrationCap))
            .count();
    long doNotSell =
        BOOK.stream()
            .filter(h -> h.restrictions().stream().anyMatch(r -> r instanceof DoNotSell))
            .count();
    long blackout =
        BOOK.stream()
            .filter(h -> h.restrictions().stream().anyMatch(r -> r instanceof BlackoutWindow))
            .count();
    long volume =
        BOOK.stream()
            .filter(h -> h.restrictions().stream().anyMatch(r -> r instanceof VolumeLimit))
            .count();
    long heldAway =
        BOOK.stream().filter(h -> h.accounts().stream().anyMatch(Account::heldAway)).count();
    long events = BOOK.stream().filter(h -> !h.liquidityEvents().isEmpty()).count();
    long recent = BOOK.stream().filter(h -> !h.transactions().isEmpty()).count();

    // then
    assertThat(employer).isBetween(25L, 80L);
    assertThat(caps).isEqualTo(employer);
    assertThat(doNotSell).isPositive();
    assertThat(blackout).isPositive();
    assertThat(volume).isPositive();
    assertThat(heldAway).isGreaterThan(20L);
    assertThat(events).isGreaterThan(30L);
    assertThat(recent).isGreaterThan(30L);
  }
}
