package dev.rebal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.core.valuation.HouseholdDrift;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator's realistic start ({@link BookConfig#realisticStart()}). */
class RealisticStartTest {
  static final BookGenerator REALISTIC =
      BookGenerator.of(BookConfig.of(42).withRealisticStart(true));
  static final BookGenerator DEFAULT = BookGenerator.of(BookConfig.of(42));
  static final List<Household> BOOK = REALISTIC.households(120).collect(Collectors.toList());
  static final List<Household> OLD = DEFAULT.households(120).collect(Collectors.toList());

  @Test
  void config_default_isOffAndTheOldConstructorKeepsIt() {
    assertThat(BookConfig.of(42).realisticStart()).isFalse();
    assertThat(new BookConfig(42, BookConfig.DEFAULT_AS_OF, 10, 3)).isEqualTo(BookConfig.of(42));
    assertThat(
            BookConfig.of(42)
                .withRealisticStart(true)
                .withAsOf(BookConfig.DEFAULT_AS_OF)
                .realisticStart())
        .isTrue();
  }

  @Test
  void household_sameSeed_isEqual() {
    // given a second generator with the same settings
    BookGenerator other = BookGenerator.of(BookConfig.of(42).withRealisticStart(true));

    // then it builds the same households and prices
    assertThat(other.household(17)).isEqualTo(BOOK.get(17));
    assertThat(other.marketData()).isEqualTo(REALISTIC.marketData());
  }

  @Test
  void book_singleStocks_areASmallShareAndLessThanWithoutTheOption() {
    // when
    double realistic = singleStockShare(BOOK, REALISTIC.marketData());
    double old = singleStockShare(OLD, DEFAULT.marketData());

    // then mostly funds: single stocks (with employer stock) are under 15% of the value
    assertThat(realistic).isLessThan(0.15);
    assertThat(realistic).isLessThan(old / 2);
  }

  @Test
  void book_losses_areFewAndSmallerThanWithoutTheOption() {
    // when
    double[] realistic = losses(BOOK, REALISTIC.marketData());
    double[] old = losses(OLD, DEFAULT.marketData());

    // then under a fifth of the lots are below cost (some are: funds swing within a year), and
    // the dollars below cost are less than a third of the default book's
    assertThat(realistic[0]).isGreaterThan(0).isLessThan(0.20);
    assertThat(realistic[1]).isLessThan(old[1] / 3);
  }

  @Test
  void book_cleanHouseholds_validateAndInBalanceOnesAreWithinBands() {
    for (int i = 0; i < BOOK.size(); i++) {
      if (REALISTIC.isFaulty(i)) {
        continue;
      }
      assertThat(
              HouseholdValidator.standard()
                  .validate(BOOK.get(i), REALISTIC.marketData(), REALISTIC.asOf())
                  .errors())
          .as(BOOK.get(i).id().value())
          .isEmpty();
      if (!REALISTIC.isOutOfBalance(i)) {
        assertThat(HouseholdDrift.of(BOOK.get(i), REALISTIC.marketData()).isOutOfBalance())
            .as(BOOK.get(i).id().value())
            .isFalse();
      }
    }
  }

  @Test
  void book_lots_areBoughtOverYearsAtThePathsPrices() {
    for (Household h : BOOK.subList(0, 20)) {
      for (TaxLot lot : h.lots()) {
        // every lot is at least two months old and at most ten years
        assertThat(lot.acquired())
            .isBeforeOrEqualTo(REALISTIC.asOf().minusDays(62 - 14))
            .isAfterOrEqualTo(REALISTIC.asOf().minusYears(10).minusDays(1));
      }
    }
  }

  private static double singleStockShare(List<Household> book, MarketData m) {
    BigDecimal stocks = BigDecimal.ZERO;
    BigDecimal all = BigDecimal.ZERO;
    for (Household h : book) {
      for (TaxLot l : h.lots()) {
        var price = m.prices().find(l.security());
        if (price.isEmpty()) {
          continue;
        }
        BigDecimal v = price.get().perUnit().times(l.quantity()).amount();
        all = all.add(v);
        if (m.securities().get(l.security()).kind() == SecurityKind.EQUITY) {
          stocks = stocks.add(v);
        }
      }
    }
    return stocks.doubleValue() / all.doubleValue();
  }

  /** Returns {share of lots below cost, dollars below cost}. */
  private static double[] losses(List<Household> book, MarketData m) {
    int below = 0;
    int n = 0;
    BigDecimal dollars = BigDecimal.ZERO;
    for (Household h : book) {
      for (TaxLot l : h.lots()) {
        var price = m.prices().find(l.security());
        if (price.isEmpty() || !l.quantity().isPositive()) {
          continue;
        }
        n++;
        BigDecimal gain =
            price.get().perUnit().times(l.quantity()).amount().subtract(l.costBasis().amount());
        if (gain.signum() < 0) {
          below++;
          dollars = dollars.subtract(gain);
        }
      }
    }
    return new double[] {below / (double) n, dollars.doubleValue()};
  }
}
