package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.ComplianceArbitraries.Scenario;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.security.SecurityId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link TradePermissions} answers every question exactly as the full compile does: every position
 * of every account over the whole universe, and every lot, on households with random restrictions
 * of every kind (exclusions, do-not-sell, blackouts, freezes, lot preferences, Rule 144 limits with
 * and without volume data), and unknown accounts, securities and lots are refused.
 */
class TradePermissionsProperties {
  private static final ConstraintCompiler COMPILER = ConstraintCompiler.standard();

  @Provide
  Arbitrary<Scenario> anyScenario() {
    return Arbitraries.oneOf(
        ComplianceArbitraries.scenarios(), ComplianceArbitraries.rule144Scenarios());
  }

  @Property(tries = 300)
  void permissions_everyPositionAndLot_equalTheFullCompile(@ForAll("anyScenario") Scenario s) {
    // given
    TradeConstraints full = COMPILER.compile(s.household(), s.marketData(), AS_OF);

    // when
    TradePermissions permissions = COMPILER.permissions(s.household(), s.marketData(), AS_OF);

    // then
    for (PositionConstraints p : full.positions()) {
      assertThat(permissions.mayBuy(p.account(), p.security()))
          .as("mayBuy %s %s", p.account(), p.security())
          .isEqualTo(p.mayBuy());
      assertThat(permissions.maySell(p.account(), p.security()))
          .as("maySell %s %s", p.account(), p.security())
          .isEqualTo(p.maySell());
    }
    for (LotConstraints l : full.lots()) {
      assertThat(permissions.maySellLot(l.lot()))
          .as("maySellLot %s", l.lot())
          .isEqualTo(l.maySell());
    }
    assertThat(full.lots()).hasSize(s.household().lots().size());
  }

  @Property(tries = 50)
  void permissions_unknownAccountSecurityOrLot_areRefused(@ForAll("anyScenario") Scenario s) {
    // given
    TradePermissions permissions = COMPILER.permissions(s.household(), s.marketData(), AS_OF);
    AccountId someAccount = s.household().accounts().get(0).id();
    SecurityId someSecurity = s.marketData().securities().firstKey();

    // when / then
    assertThat(permissions.mayBuy(AccountId.of("NO-SUCH-ACCOUNT"), someSecurity)).isFalse();
    assertThat(permissions.maySell(AccountId.of("NO-SUCH-ACCOUNT"), someSecurity)).isFalse();
    assertThat(permissions.mayBuy(someAccount, SecurityId.of("NO-SUCH-SECURITY"))).isFalse();
    assertThat(permissions.maySell(someAccount, SecurityId.of("NO-SUCH-SECURITY"))).isFalse();
    assertThat(permissions.maySellLot(LotId.of("NO-SUCH-LOT"))).isFalse();
    for (TaxLot lot : s.household().lots()) {
      assertThat(lot.id()).isNotEqualTo(LotId.of("NO-SUCH-LOT"));
    }
  }
}
