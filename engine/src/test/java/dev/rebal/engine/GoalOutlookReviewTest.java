package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.MemberRole;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The retirement worked example of docs/goals.md end to end: $1,800,000 wanted in 15 years from an
 * IRA of 7,000 shares of a US large-cap fund and 3,000 of a US bond fund at $100, at 70/30 +-10
 * (gliding to 50/50 at 10 years and 30/70 at 5). Its probability is 78% (above the 70% floor);
 * after equities fall 30% the IRA is worth $790,000 (62% equity, still inside the wide band, so no
 * other trigger fires) and the probability 55%: with the outlook rules the engine sends the
 * household to review with the figures; the default rule set does not look.
 */
class GoalOutlookReviewTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final AssetClass LARGE = AssetClass.of("US_LARGE_CAP");
  private static final AssetClass BONDS = AssetClass.of("US_BONDS");
  private static final SecurityId EQF = SecurityId.of("EQF");
  private static final SecurityId BDF = SecurityId.of("BDF");
  private static final AccountId IRA = AccountId.of("IRA-1");

  private static MarketData market(String equityPrice) {
    return MarketData.builder()
        .putSecurities(
            EQF,
            Security.builder()
                .id(EQF)
                .symbol("EQF")
                .assetClass(LARGE)
                .kind(SecurityKind.ETF)
                .build())
        .putSecurities(
            BDF,
            Security.builder()
                .id(BDF)
                .symbol("BDF")
                .assetClass(BONDS)
                .kind(SecurityKind.ETF)
                .build())
        .prices(
            PriceTable.of(
                List.of(
                    Price.of(EQF, UnitPrice.usd(equityPrice), AS_OF),
                    Price.of(BDF, UnitPrice.usd("100"), AS_OF))))
        .build();
  }

  private static TargetAllocation mix(String equity) {
    BigDecimal e = new BigDecimal(equity);
    return TargetAllocation.builder()
        .putClasses(LARGE, new ClassTarget(Weight.of(e), Weight.of("0.10"), Weight.ZERO))
        .putClasses(
            BONDS,
            new ClassTarget(Weight.of(BigDecimal.ONE.subtract(e)), Weight.of("0.10"), Weight.ZERO))
        .build();
  }

  private static Household household() {
    MemberId client = MemberId.of("M-1");
    return Household.builder()
        .id(HouseholdId.of("HH-R"))
        .addMembers(Member.builder().id(client).name("Client").role(MemberRole.PRIMARY).build())
        .addAccounts(
            Account.builder()
                .id(IRA)
                .type(AccountType.TRADITIONAL_IRA)
                .custodian("C")
                .addOwners(client)
                .cash(Money.ZERO_USD)
                .build())
        .addLots(lot("L-1", EQF, 7_000), lot("L-2", BDF, 3_000))
        .addGoals(
            Goal.builder()
                .id(GoalId.of("G-1"))
                .name("Retirement")
                .kind(GoalKind.RETIREMENT)
                .targetAmount(Money.usd("1800000"))
                .targetDate(LocalDate.of(2041, 6, 30))
                .priority(1)
                .addFundingAccounts(IRA)
                .glidePath(
                    GlidePath.builder()
                        .putSteps(0, mix("0.3"))
                        .putSteps(5, mix("0.5"))
                        .putSteps(10, mix("0.7"))
                        .build())
                .build())
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.MARRIED_JOINT)
                .shortTermRate(Weight.of("0.35"))
                .longTermRate(Weight.of("0.15"))
                .shortTermCarryforward(Money.ZERO_USD)
                .longTermCarryforward(Money.ZERO_USD)
                .realizedShortTermYtd(Money.ZERO_USD)
                .realizedLongTermYtd(Money.ZERO_USD)
                .build())
        .target(mix("0.7"))
        .model(
            Model.builder()
                .id(ModelId.of("M"))
                .putSecurities(LARGE, ImmutableList.of(EQF))
                .putSecurities(BONDS, ImmutableList.of(BDF))
                .build())
        .rebalanceFrequency(RebalanceFrequency.QUARTERLY)
        .lastRebalanced(AS_OF.minusDays(10))
        .build();
  }

  private static TaxLot lot(String id, SecurityId security, long shares) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(IRA)
        .security(security)
        .quantity(Quantity.of(shares))
        .costBasis(Money.usd(String.valueOf(shares * 100)))
        .acquired(LocalDate.of(2020, 1, 2))
        .build();
  }

  private static RuleSet withOutlookRules() {
    RuleSet d = RuleSet.defaults();
    List<String> rules = new ArrayList<>(d.rules());
    rules.add("trigger.goal-outlook");
    rules.add("route.goal-outlook");
    Map<String, String> params = new TreeMap<>(d.parameters());
    params.put("outlook.floor", "0.70");
    return RuleSet.of("default-with-outlook", SemanticVersion.parse("1.1.0"), rules, params);
  }

  @Test
  void marketDrop_goalBelowTheFloor_reviewWithTheFigures() {
    // given
    Rebalancer withOutlook = Rebalancer.of(withOutlookRules());

    // when
    Decision before = withOutlook.rebalance(household(), market("100"), AS_OF);
    Decision after = withOutlook.rebalance(household(), market("70"), AS_OF);
    Decision afterDefault = Rebalancer.standard().rebalance(household(), market("70"), AS_OF);

    // then: 78% before, nothing fires; 55% after: trigger and review reason with the figures
    assertThat(before.outcome())
        .as(before.problems().toString())
        .isEqualTo(DecisionOutcome.NO_TRIGGER);
    assertThat(afterDefault.outcome()).isEqualTo(DecisionOutcome.NO_TRIGGER);
    assertThat(after.outcome()).isEqualTo(DecisionOutcome.REVIEW);
    assertThat(after.triggers())
        .extracting(Finding::code)
        .containsExactly("trigger.goal-outlook.floor");
    assertThat(after.routing()).extracting(Finding::code).contains("review.goal-outlook.floor");
    Finding reason =
        after.routing().stream()
            .filter(f -> f.code().equals("review.goal-outlook.floor"))
            .findFirst()
            .orElseThrow();
    assertThat(reason.message())
        .startsWith("goal G-1 (1800000.00 by 2041-06-30): 5")
        .contains("below the floor 70%")
        .contains("rebal-default 2026.1");
    assertThat(after.proposal().explanation())
        .anyMatch(e -> e.startsWith("trigger trigger.goal-outlook.floor: goal G-1"));
    assertThat(after.isReleasable()).isFalse();
  }
}
