package dev.rebal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebal.core.goal.Goal;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.testing.SampleHouseholds;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model's copy methods, called from a package other than the models' own, as an embedder's code
 * or JShell calls them: {@code withX} for one attribute and {@code Builder.from} for a copy with
 * several changes, each giving a new value that is checked again.
 */
class ValueCopiesTest {
  private static final Household HOUSEHOLD = SampleHouseholds.household();

  @Test
  void withQuantity_onTaxLot_changesOnlyTheQuantity() {
    // given
    TaxLot lot = HOUSEHOLD.lots().get(0);

    // when
    TaxLot copy = lot.withQuantity(Quantity.of(7));

    // then
    assertThat(copy.quantity()).isEqualTo(Quantity.of(7));
    assertThat(copy.id()).isEqualTo(lot.id());
    assertThat(copy.costBasis()).isEqualTo(lot.costBasis());
    assertThat(lot.quantity()).isNotEqualTo(Quantity.of(7));
  }

  @Test
  void withTaxProfile_onHousehold_replacesTheProfile() {
    // given
    TaxProfile higher = HOUSEHOLD.taxProfile().withShortTermRate(Weight.of("0.5"));

    // when
    Household copy = HOUSEHOLD.withTaxProfile(higher);

    // then
    assertThat(copy.taxProfile().shortTermRate()).isEqualTo(Weight.of("0.5"));
    assertThat(copy.accounts()).isEqualTo(HOUSEHOLD.accounts());
    assertThat(copy).isNotEqualTo(HOUSEHOLD);
  }

  @Test
  void withCashAndWithTradable_onAccount_giveTheChangedAccount() {
    // given
    Account account = HOUSEHOLD.accounts().get(0);

    // when
    Account copy = account.withCash(Money.usd("123.45")).withTradable(!account.tradable());

    // then
    assertThat(copy.cash()).isEqualTo(Money.usd("123.45"));
    assertThat(copy.tradable()).isEqualTo(!account.tradable());
    assertThat(copy.id()).isEqualTo(account.id());
  }

  @Test
  void withTargetDateAndWithPriority_onGoal_giveTheChangedGoal() {
    // given
    Goal goal = HOUSEHOLD.goals().get(0);

    // when
    Goal copy = goal.withTargetDate(LocalDate.of(2040, 1, 1)).withPriority(goal.priority() + 1);

    // then
    assertThat(copy.targetDate()).isEqualTo(LocalDate.of(2040, 1, 1));
    assertThat(copy.priority()).isEqualTo(goal.priority() + 1);
    assertThat(copy.name()).isEqualTo(goal.name());
  }

  @Test
  void withWashedQuantityAndWithLot_onTransaction_giveTheChangedTransaction() {
    // given
    Transaction t = HOUSEHOLD.transactions().get(0);

    // when
    Transaction copy = t.withWashedQuantity(Quantity.of(1)).withLot(Optional.empty());

    // then
    assertThat(copy.washedQuantity()).isEqualTo(Quantity.of(1));
    assertThat(copy.lot()).isEmpty();
    assertThat(copy.id()).isEqualTo(t.id());
  }

  @Test
  void builderFrom_onTaxLot_copiesEveryAttributeAndTakesChanges() {
    // given
    TaxLot lot = HOUSEHOLD.lots().get(0);

    // when
    TaxLot same = TaxLot.builder().from(lot).build();
    TaxLot moved =
        TaxLot.builder().from(lot).account(AccountId.of("IRA-9")).quantity(Quantity.of(3)).build();

    // then
    assertThat(same).isEqualTo(lot);
    assertThat(moved.account()).isEqualTo(AccountId.of("IRA-9"));
    assertThat(moved.quantity()).isEqualTo(Quantity.of(3));
    assertThat(moved.acquired()).isEqualTo(lot.acquired());
  }

  @Test
  void withLots_onHousehold_takesAJavaUtilList() {
    // given
    List<TaxLot> first = List.of(HOUSEHOLD.lots().get(0));

    // when
    Household copy = HOUSEHOLD.withLots(first);

    // then
    assertThat(copy.lots()).containsExactlyElementsOf(first);
  }

  @Test
  void with_null_throwsNamingTheAttribute() {
    // given
    TaxLot lot = HOUSEHOLD.lots().get(0);

    // when / then
    assertThatThrownBy(() -> lot.withQuantity(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("quantity");
    assertThatThrownBy(() -> HOUSEHOLD.withTaxProfile(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("taxProfile");
  }

  @Test
  void withQuantity_breakingTheTradeCheck_throwsNamingTheAttribute() {
    // given
    Trade buy =
        Trade.builder()
            .account(AccountId.of("TAX-1"))
            .security(SecurityId.of("VTI"))
            .side(Side.BUY)
            .quantity(Quantity.of(10))
            .estimatedPrice(UnitPrice.usd("100"))
            .addReasonCodes("drift.rebalance")
            .build();

    // when / then: the copy is checked as a built value is
    assertThat(buy.withQuantity(Quantity.of(4)).quantity()).isEqualTo(Quantity.of(4));
    assertThatThrownBy(() -> buy.withQuantity(Quantity.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantity")
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> buy.withReasonCodes(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reasonCodes");
  }
}
