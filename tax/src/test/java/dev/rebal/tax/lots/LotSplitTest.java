package dev.rebal.tax.lots;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.X;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import org.junit.jupiter.api.Test;

class LotSplitTest {

  @Test
  void of_oneThird_roundsTheTakenPartAndKeepsTheRemainder() {
    // given: 3 shares with basis $100.00
    TaxLot lot = lot("L1", TAXABLE, X, 3, "100", date("2024-01-02"));

    // when: 1 share is taken
    LotSplit split = LotSplit.of(lot, Quantity.of(1));

    // then: 100 / 3 = 33.333.. -> 33.33 taken, 66.67 kept; 33.33 + 66.67 = 100.00
    assertThat(split.takenBasis()).isEqualTo(Money.usd("33.33"));
    assertThat(split.keptBasis()).isEqualTo(Money.usd("66.67"));
    assertThat(split.kept())
        .get()
        .satisfies(
            k -> {
              assertThat(k.id()).isEqualTo(lot.id());
              assertThat(k.quantity()).isEqualTo(Quantity.of(2));
              assertThat(k.costBasis()).isEqualTo(Money.usd("66.67"));
              assertThat(k.acquired()).isEqualTo(lot.acquired());
            });
  }

  @Test
  void of_wholeLot_takesEverythingAndKeepsNothing() {
    TaxLot lot = lot("L1", TAXABLE, X, 3, "100", date("2024-01-02"));

    LotSplit split = LotSplit.of(lot, Quantity.of(3));

    assertThat(split.takenBasis()).isEqualTo(Money.usd("100"));
    assertThat(split.kept()).isEmpty();
  }

  @Test
  void of_moreThanHeld_throwsNamingTheLot() {
    TaxLot lot = lot("L1", TAXABLE, X, 3, "100", date("2024-01-02"));

    assertThatThrownBy(() -> LotSplit.of(lot, Quantity.of(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity: must not exceed lot L1's quantity 3.000000");
  }
}
