package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.ACME;
import static dev.rebal.compliance.Fixtures.AS_OF;
import static dev.rebal.compliance.Fixtures.FUND;
import static dev.rebal.compliance.Fixtures.ITOT;
import static dev.rebal.compliance.Fixtures.TAXABLE;
import static dev.rebal.compliance.Fixtures.VTI;
import static dev.rebal.compliance.Fixtures.marketData;
import static dev.rebal.compliance.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Shape and lookups of the compiled constraints. */
class ConstraintCompilerTest {
  private static final ConstraintCompiler COMPILER = ConstraintCompiler.standard();

  @Test
  void compile_simpleHousehold_hasAPositionForEverySecurityInOrder() {
    // when
    TradeConstraints c = COMPILER.compile(simple(), marketData(), AS_OF);

    // then
    assertThat(c.positions())
        .extracting(p -> p.security().value())
        .containsExactly("ACME", "FUND", "ITOT", "MUNI", "VTI");
    assertThat(c.lots()).extracting(l -> l.lot().value()).containsExactly("L1", "L2");
    assertThat(c.asOf()).isEqualTo(AS_OF);
    assertThat(c.hasConflicts()).isFalse();
  }

  @Test
  void compile_heldPosition_boundsSaleByQuantityHeld() {
    // when
    PositionConstraints p =
        COMPILER.compile(simple(), marketData(), AS_OF).lookupPosition(TAXABLE, ACME);

    // then
    assertThat(p.held()).isEqualTo(Quantity.of(100));
    assertThat(p.maxSellQuantity().limit()).isEqualTo(Quantity.of(100));
    assertThat(p.maxSellQuantity().provenance().id()).isEqualTo("builtin.no-short");
    assertThat(p.maxBuyValue()).isEmpty();
    assertThat(p.mayBuy()).isTrue();
    assertThat(p.maySell()).isTrue();
  }

  @Test
  void compile_hygieneParameters_appearOnEveryPosition() {
    // given
    ComplianceParameters params = new ComplianceParameters(Money.usd("250"), Quantity.of(10));

    // when
    TradeConstraints c = COMPILER.compile(simple(), marketData(), AS_OF, params);

    // then
    assertThat(c.parameters()).isEqualTo(params);
    assertThat(c.lookupPosition(TAXABLE, VTI).minTradeValue().limit()).isEqualTo(Money.usd("250"));
    assertThat(c.lookupPosition(TAXABLE, VTI).quantityStep().limit()).isEqualTo(Quantity.of(10));
    assertThat(c.lookupPosition(TAXABLE, FUND).quantityStep().limit())
        .isEqualTo(Quantity.of("0.000001"));
    assertThat(c.lookupPosition(TAXABLE, FUND).quantityStep().provenance().id())
        .isEqualTo("builtin.fractional");
  }

  @Test
  void compile_washSaleGroups_collectSubstantiallyIdenticalSecurities() {
    // when
    TradeConstraints c = COMPILER.compile(simple(), marketData(), AS_OF);

    // then
    assertThat(c.washSaleGroups().get("US_TOTAL")).containsExactly(ITOT, VTI);
    assertThat(c.findWashSaleGroup(VTI)).contains("US_TOTAL");
  }

  @Test
  void compile_doNotSellOnOtherAccount_leavesThisAccountFree() {
    // given
    TradeConstraints c =
        COMPILER.compile(
            simple(
                new DoNotSell(
                    RestrictionId.of("R-DNS"),
                    SecurityScope.security("ACME"),
                    ImmutableSortedSet.of(AccountId.of("A-OTHER")),
                    DateWindow.always(),
                    "Trust holding")),
            marketData(),
            AS_OF);

    // then
    assertThat(c.lookupPosition(TAXABLE, ACME).maySell()).isTrue();
    assertThat(c.lookupLot(LotId.of("L1")).maySell()).isTrue();
  }

  @Test
  void compile_restrictionsInAnyOrder_giveEqualConstraints() {
    // given
    Restriction a =
        new SecurityExclusion(
            RestrictionId.of("R-A"), SecurityScope.issuer("ACME"), DateWindow.always(), "a");
    Restriction b =
        new ConcentrationCap(
            RestrictionId.of("R-B"),
            SecurityScope.assetClass("US_EQUITY"),
            Weight.percent("70"),
            DateWindow.always(),
            "b");

    // when
    TradeConstraints ab = COMPILER.compile(simple(a, b), marketData(), AS_OF);
    TradeConstraints ba = COMPILER.compile(simple(b, a), marketData(), AS_OF);

    // then
    assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
    assertThat(ab.toString()).isEqualTo(ba.toString());
  }

  @Test
  void lookupPosition_unknownSecurity_throwsNamingIt() {
    // given
    TradeConstraints c = COMPILER.compile(simple(), marketData(), AS_OF);

    // then
    assertThatThrownBy(
            () -> c.lookupPosition(TAXABLE, dev.rebal.core.security.SecurityId.of("ZZZ")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("A-TAX/ZZZ");
    assertThatThrownBy(() -> c.lookupAccount(AccountId.of("NOPE")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("accounts[NOPE]");
    assertThatThrownBy(() -> c.lookupLot(LotId.of("NOPE")))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("lots[NOPE]");
  }

  @Test
  void complianceParameters_negativeMinimum_throws() {
    assertThatThrownBy(() -> new ComplianceParameters(Money.usd("-1"), Quantity.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minTradeValue");
  }

  @Test
  void provenance_builtIn_isMarkedBuiltIn() {
    // when
    Provenance p = Provenance.builtIn("held-away", "held-away account");

    // then
    assertThat(p.id()).isEqualTo("builtin.held-away");
    assertThat(p.isBuiltIn()).isTrue();
    assertThat(p.toString()).isEqualTo("builtin.held-away (held-away: \"held-away account\")");
  }

  private static TradeConstraints rebuilt(
      TradeConstraints c, List<PositionConstraints> positions, List<LotConstraints> lots) {
    return TradeConstraints.of(
        c.asOf(),
        c.parameters(),
        c.accounts(),
        positions,
        lots,
        c.caps(),
        c.saleLimits(),
        c.washSaleGroups(),
        c.penalties(),
        c.conflicts());
  }

  @Test
  void of_positionsAndLotsOutOfOrder_areSortedByKey() {
    // given
    TradeConstraints c = COMPILER.compile(simple(), marketData(), AS_OF);
    List<PositionConstraints> positions = new ArrayList<>(c.positions());
    List<LotConstraints> lots = new ArrayList<>(c.lots());
    Collections.reverse(positions);
    Collections.reverse(lots);

    // when
    TradeConstraints again = rebuilt(c, positions, lots);

    // then
    assertThat(again.positions()).containsExactlyElementsOf(c.positions());
    assertThat(again.lots()).containsExactlyElementsOf(c.lots());
    assertThat(again.lookupPosition(TAXABLE, ACME)).isEqualTo(c.lookupPosition(TAXABLE, ACME));
  }

  @Test
  void of_repeatedPositionOrLot_isRejectedInOrderOrNot() {
    // given
    TradeConstraints c = COMPILER.compile(simple(), marketData(), AS_OF);
    List<PositionConstraints> positions = new ArrayList<>(c.positions());
    positions.add(1, positions.get(0));
    List<LotConstraints> lots = new ArrayList<>(c.lots());
    lots.add(lots.get(0));

    // then: in order (adjacent) and out of order
    assertThatThrownBy(() -> rebuilt(c, positions, c.lots()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys must be unique");
    assertThatThrownBy(() -> rebuilt(c, c.positions(), lots))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys must be unique");
    Collections.reverse(positions);
    assertThatThrownBy(() -> rebuilt(c, positions, c.lots()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys must be unique");
  }
}
