package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.MemberRole;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Relocation on purpose through the whole engine: a balanced 60/40 household whose bonds sit in its
 * taxable account and whose stocks fill its IRA, every price $100, the calendar due. With the
 * default capital market assumptions a bond fund (4.5% yield, ordinary) costs 0.045 x 0.37 = 1.665
 * cents a dollar a year in the taxable account and a large-cap fund (1.5%, qualified) 0.3 cents; in
 * the IRA nothing.
 */
class AssetLocationDecisionsTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final LocalDate OLD = LocalDate.of(2018, 3, 1);
  private static final AssetClass STOCKS = AssetClass.of("US_LARGE_CAP");
  private static final AssetClass BONDS = AssetClass.of("US_BONDS");
  private static final SecurityId LC1 = SecurityId.of("LC1");
  private static final SecurityId LC2 = SecurityId.of("LC2");
  private static final SecurityId BD1 = SecurityId.of("BD1");
  private static final SecurityId BD2 = SecurityId.of("BD2");
  private static final AccountId TAX = AccountId.of("TAX-1");
  private static final AccountId IRA = AccountId.of("IRA-1");
  private static final MarketData MARKET =
      MarketData.builder()
          .putSecurities(LC1, fund(LC1, STOCKS, TaxCharacter.QUALIFIED))
          .putSecurities(LC2, fund(LC2, STOCKS, TaxCharacter.QUALIFIED))
          .putSecurities(BD1, fund(BD1, BONDS, TaxCharacter.ORDINARY))
          .putSecurities(BD2, fund(BD2, BONDS, TaxCharacter.ORDINARY))
          .prices(PriceTable.of(List.of(price(LC1), price(LC2), price(BD1), price(BD2))))
          .build();

  @Test
  void bondsWithoutGain_moveToTheIra_stocksToTheTaxableAccount_noGainRealized() {
    // given: TAX-1 holds 400 BD1 at cost and 200 LC1; IRA-1 holds 400 LC1. Moving the bonds
    // saves (1.665 - 0.28) cents a dollar a year on $40,000, $554, against four trades of $40,000
    Household h = household(100);

    // when
    Decision d = rebalance(h, Map.of());

    // then: the swap, the buying side in the other wash-sale group, every trade saying why
    assertThat(d.proposal().trades())
        .as(d.canonicalText())
        .extracting(AssetLocationDecisionsTest::describe)
        .containsExactlyInAnyOrder(
            "TAX-1 SELL BD1 400", "IRA-1 SELL LC1 400", "IRA-1 BUY BD2 400", "TAX-1 BUY LC2 400");
    assertThat(d.proposal().trades()).allMatch(t -> t.reasonCodes().contains("location.relocate"));
    assertThat(d.impact().realizedGain()).isEqualTo(Money.ZERO_USD);

    // and the relocated household is left alone the next time
    Household after = ProposalExecutor.apply(h, d.proposal());
    assertThat(rebalance(after, Map.of()).proposal().trades()).isEmpty();
  }

  @Test
  void bondsAtASmallLongTermGain_stay() {
    // given: the bonds bought at $98: selling them would pay 0.02 x 0.20 x (1 - 0.6139) = 0.15
    // cents a dollar of tax early, less than the 1.385 cents a year of location saved, but no gain
    // is realized to relocate
    Household h = household(98);

    // when
    Decision d = rebalance(h, Map.of());

    // then
    assertThat(d.proposal().trades()).as(d.canonicalText()).isEmpty();
  }

  @Test
  void locationTurnedOff_nothingMoves() {
    // given: the first household under optimizer.location-years 0
    Household h = household(100);

    // when
    Decision d = rebalance(h, Map.of("optimizer.location-years", "0"));

    // then
    assertThat(d.proposal().trades()).as(d.canonicalText()).isEmpty();
  }

  private static Decision rebalance(Household h, Map<String, String> params) {
    RuleSet defaults = RuleSet.defaults();
    Map<String, String> p = new TreeMap<>(defaults.parameters());
    p.putAll(params);
    return Rebalancer.of(RuleSet.of(defaults.name(), defaults.version(), defaults.rules(), p))
        .rebalance(h, MARKET, AS_OF);
  }

  private static String describe(Trade t) {
    return t.account().value()
        + " "
        + t.side()
        + " "
        + t.security().value()
        + " "
        + t.quantity().value().intValue();
  }

  private static Household household(long bondBasisPerShare) {
    MemberId client = MemberId.of("M-1");
    return Household.builder()
        .id(HouseholdId.of("HH-LOC"))
        .addMembers(Member.builder().id(client).name("Client").role(MemberRole.PRIMARY).build())
        .addAccounts(Scenario.account(TAX, AccountType.TAXABLE, client))
        .addAccounts(Scenario.account(IRA, AccountType.TRADITIONAL_IRA, client))
        .addLots(lot("L-BD", TAX, BD1, 400, bondBasisPerShare))
        .addLots(lot("L-LC-T", TAX, LC1, 200, 100))
        .addLots(lot("L-LC-I", IRA, LC1, 400, 100))
        .taxProfile(Scenario.taxProfile())
        .target(
            TargetAllocation.builder()
                .putClasses(STOCKS, ClassTarget.of("0.6", "0.05"))
                .putClasses(BONDS, ClassTarget.of("0.4", "0.05"))
                .build())
        .model(
            Model.builder()
                .id(ModelId.of("M-60-40"))
                .putSecurities(STOCKS, ImmutableList.of(LC1, LC2))
                .putSecurities(BONDS, ImmutableList.of(BD1, BD2))
                .build())
        .rebalanceFrequency(RebalanceFrequency.QUARTERLY)
        .lastRebalanced(AS_OF.minusMonths(4))
        .build();
  }

  private static TaxLot lot(
      String id, AccountId account, SecurityId security, long shares, long basisPerShare) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(account)
        .security(security)
        .quantity(Quantity.of(shares))
        .costBasis(Money.usd(String.valueOf(shares * basisPerShare)))
        .acquired(OLD)
        .build();
  }

  private static Security fund(SecurityId id, AssetClass c, TaxCharacter income) {
    return Security.builder()
        .id(id)
        .symbol(id.value())
        .assetClass(c)
        .kind(SecurityKind.ETF)
        .taxCharacter(income)
        .build();
  }

  private static Price price(SecurityId id) {
    return Price.of(id, UnitPrice.usd("100"), AS_OF);
  }
}
