package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.ComplianceParameters;
import dev.rebal.compliance.TradeVerifier;
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
import dev.rebal.core.money.Weight;
import dev.rebal.core.plan.GoalBucket;
import dev.rebal.core.plan.GoalPlanner;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A goal bucket out of band in a household that is in band, end to end: screen, rebalance, verify,
 * execute, rebalance again.
 *
 * <p>The household (every price $100, no cash, lots at cost): a tuition goal due in two years is
 * funded by a 529-like account {@code ED-1} holding $100,000 of equity fund EQ1; retirement is
 * funded by all the rest, TAX-1 (EQ2 $100,000, bond fund BD2 $100,000) and IRA-1 (EQ2 $60,000, BD2
 * $140,000), at 60/40 +-5. Tuition's glide-path step at 2 years is 20/80 +-3.
 *
 * <ul>
 *   <li>Household target: equity (100,000 x 0.2 + 400,000 x 0.6) / 500,000 = 0.52, band (100,000 x
 *       0.03 + 400,000 x 0.05) / 500,000 = 0.046. Equity held: 100,000 + 100,000 + 60,000 = 260,000
 *       = 0.52: in band, {@code trigger.threshold} does not fire.
 *   <li>Tuition bucket: equity 100,000 / 100,000 = 1.00 vs 0.20 +-0.03: out of band, {@code
 *       trigger.goal-bucket} fires.
 *   <li>To fix it ED-1 sells EQ1 and buys bonds; the household would then be short of equity, so
 *       the pool (TAX-1, IRA-1: 40/60 vs its 60/40) sells BD2 and buys EQ2.
 * </ul>
 */
class GoalBucketRebalanceTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final AssetClass EQUITY = AssetClass.of("US_EQUITY");
  static final AssetClass BONDS = AssetClass.of("US_BOND");
  static final SecurityId EQ1 = SecurityId.of("EQ1");
  static final SecurityId EQ2 = SecurityId.of("EQ2");
  static final SecurityId BD1 = SecurityId.of("BD1");
  static final SecurityId BD2 = SecurityId.of("BD2");
  static final AccountId ED = AccountId.of("ED-1");
  static final AccountId TAX = AccountId.of("TAX-1");
  static final AccountId IRA = AccountId.of("IRA-1");
  static final MarketData MARKET =
      MarketData.builder()
          .putSecurities(EQ1, security(EQ1, EQUITY))
          .putSecurities(EQ2, security(EQ2, EQUITY))
          .putSecurities(BD1, security(BD1, BONDS))
          .putSecurities(BD2, security(BD2, BONDS))
          .prices(PriceTable.of(List.of(price(EQ1), price(EQ2), price(BD1), price(BD2))))
          .build();

  /** The default rule set with {@code trigger.goal-bucket} enabled (it is opt-in). */
  static final RuleSet BUCKET_RULES = withBucketTrigger();

  private final Rebalancer rebalancer = Rebalancer.of(BUCKET_RULES);

  static RuleSet withBucketTrigger() {
    RuleSet d = RuleSet.defaults();
    List<String> rules = new ArrayList<>(d.rules());
    rules.add("trigger.goal-bucket");
    java.util.Map<String, String> params = new java.util.TreeMap<>(d.parameters());
    params.put("trigger.goal-bucket.min-value", "25000");
    return RuleSet.of("default-with-buckets", SemanticVersion.parse("1.1.0"), rules, params);
  }

  private static Security security(SecurityId id, AssetClass c) {
    return Security.builder()
        .id(id)
        .symbol(id.value())
        .assetClass(c)
        .kind(SecurityKind.ETF)
        .build();
  }

  private static Price price(SecurityId id) {
    return Price.of(id, UnitPrice.usd("100"), AS_OF);
  }

  private static TargetAllocation alloc(String eq, String bd, String band) {
    return TargetAllocation.builder()
        .putClasses(EQUITY, ClassTarget.of(eq, band))
        .putClasses(BONDS, ClassTarget.of(bd, band))
        .build();
  }

  private static TaxLot lot(AccountId account, SecurityId security, long shares) {
    return TaxLot.builder()
        .id(LotId.of(account.value() + "-" + security.value()))
        .account(account)
        .security(security)
        .quantity(Quantity.of(shares))
        .costBasis(Money.usd(String.valueOf(shares * 100)))
        .acquired(LocalDate.of(2020, 1, 2))
        .build();
  }

  /** The household of the class comment, with {@code goals}. */
  static Household household(List<Goal> goals) {
    return household(goals, false);
  }

  /** The household of the class comment, with {@code goals}, ED-1 held away if asked. */
  static Household household(List<Goal> goals, boolean edHeldAway) {
    return household(goals, edHeldAway, ImmutableList.of(BD1, BD2));
  }

  /** The household of the class comment, with the model's bond funds in {@code bonds}' order. */
  static Household household(
      List<Goal> goals, boolean edHeldAway, ImmutableList<SecurityId> bonds) {
    MemberId client = MemberId.of("M-1");
    return Household.builder()
        .id(HouseholdId.of("HH-B"))
        .addMembers(Member.builder().id(client).name("Client").role(MemberRole.PRIMARY).build())
        .addAccounts(
            edHeldAway
                ? Account.builder()
                    .id(ED)
                    .type(AccountType.ROTH_IRA)
                    .custodian("OTHER")
                    .addOwners(client)
                    .cash(Money.ZERO_USD)
                    .heldAway(true)
                    .tradable(false)
                    .build()
                : Scenario.account(ED, AccountType.ROTH_IRA, client))
        .addAccounts(Scenario.account(TAX, AccountType.TAXABLE, client))
        .addAccounts(Scenario.account(IRA, AccountType.TRADITIONAL_IRA, client))
        .addLots(
            lot(ED, EQ1, 1000),
            lot(TAX, EQ2, 1000),
            lot(TAX, BD2, 1000),
            lot(IRA, EQ2, 600),
            lot(IRA, BD2, 1400))
        .addAllGoals(goals)
        .taxProfile(Scenario.taxProfile())
        .target(alloc("0.6", "0.4", "0.05"))
        .model(
            Model.builder()
                .id(ModelId.of("M-60-40"))
                .putSecurities(EQUITY, ImmutableList.of(EQ2, EQ1))
                .putSecurities(BONDS, bonds)
                .build())
        .rebalanceFrequency(RebalanceFrequency.QUARTERLY)
        .lastRebalanced(AS_OF.minusDays(10))
        .build();
  }

  static Goal tuition(String... accounts) {
    return tuitionDue(AS_OF.plusYears(2), accounts);
  }

  static Goal tuitionDue(java.time.LocalDate date, String... accounts) {
    Goal.Builder b =
        Goal.builder()
            .id(GoalId.of("G-EDU"))
            .name("Tuition")
            .kind(GoalKind.EDUCATION)
            .targetAmount(Money.usd("120000"))
            .targetDate(date)
            .priority(1)
            .glidePath(
                GlidePath.builder()
                    .putSteps(0, alloc("0.2", "0.8", "0.03"))
                    .putSteps(5, alloc("0.6", "0.4", "0.03"))
                    .build());
    for (String a : accounts) {
      b.addFundingAccounts(AccountId.of(a));
    }
    return b.build();
  }

  static Goal retirement() {
    return Goal.builder()
        .id(GoalId.of("G-RET"))
        .name("Retirement")
        .kind(GoalKind.RETIREMENT)
        .targetAmount(Money.usd("3000000"))
        .targetDate(AS_OF.plusYears(20))
        .priority(2)
        .fundingShare(Weight.ONE)
        .glidePath(GlidePath.builder().putSteps(0, alloc("0.6", "0.4", "0.05")).build())
        .build();
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static GoalBucket tuitionBucket(Household h) {
    return GoalPlanner.withDiscountRate(new BigDecimal("0.04"))
        .plan(h, HouseholdValuation.of(h, MARKET), AS_OF)
        .accountFundedBuckets()
        .get(0);
  }

  @Test
  void screen_bucketOutOfBandHouseholdInBand_firesTheBucketTriggerOnly() {
    // given
    Household h = household(List.of(tuition("ED-1"), retirement()));

    // when
    List<Finding> fired = rebalancer.screen(h, MARKET, AS_OF);

    // then
    assertThat(codes(fired)).containsExactly("trigger.goal-bucket");
    assertThat(fired.get(0).message()).contains("bucket G-EDU").contains("US_EQUITY 1");
  }

  @Test
  void rebalance_bucketOutOfBand_tradesTheBucketBackAndIsIdempotent() {
    // given
    Household h = household(List.of(tuition("ED-1"), retirement()));

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);
    Household after = ProposalExecutor.apply(h, d.proposal());
    Decision again = rebalancer.rebalance(after, MARKET, AS_OF);

    // then: ED-1 sells EQ1 and buys bonds; the bucket ends inside its 0.20 +-0.03 band
    assertThat(codes(d.triggers())).containsExactly("trigger.goal-bucket");
    List<Trade> inBucket =
        d.proposal().trades().stream().filter(t -> t.account().equals(ED)).toList();
    assertThat(inBucket)
        .anySatisfy(
            t -> {
              assertThat(t.side()).isEqualTo(Side.SELL);
              assertThat(t.security()).isEqualTo(EQ1);
            });
    assertThat(inBucket)
        .anySatisfy(
            t -> {
              assertThat(t.side()).isEqualTo(Side.BUY);
              assertThat(MARKET.lookupSecurity(t.security()).assetClass()).isEqualTo(BONDS);
            });
    assertThat(d.proposal().trades())
        .allSatisfy(t -> assertThat(t.reasonCodes()).contains("goal.bucket"));
    assertThat(tuitionBucket(after).outOfBand()).isEmpty();
    assertThat(
            TradeVerifier.standard()
                .verify(h, MARKET, AS_OF, d.proposal().trades(), ComplianceParameters.defaults())
                .violations())
        .isEmpty();
    assertThat(codes(d.routing()))
        .doesNotContain(
            "review.residual", "review.verifier", "review.infeasible", "review.numerical");
    assertThat(d.canonicalText()).contains("trigger.goal-bucket").contains("bucket G-EDU");
    // idempotence: the executed result triggers nothing
    assertThat(again.outcome()).isEqualTo(DecisionOutcome.NO_TRIGGER);
    assertThat(again.proposal().trades()).isEmpty();
  }

  @Test
  void rebalance_firstModelBondIsOneThePoolSells_bucketBuysTheNextAndEndsInBand() {
    // given: the model's first bond fund is BD2, which the pool (TAX-1, IRA-1) must sell to make
    // room for equity; ED-1 buying BD2 at the same time would be a sale and a buy in one wash-sale
    // group, which the problem forbids, so the bucket needs the model's next bond fund
    Household h =
        household(List.of(tuition("ED-1"), retirement()), false, ImmutableList.of(BD2, BD1));

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);
    Household after = ProposalExecutor.apply(h, d.proposal());

    // then: ED-1 buys BD1, the pool sells BD2, and the bucket ends inside its band
    assertThat(d.proposal().trades())
        .anySatisfy(
            t -> {
              assertThat(t.account()).isEqualTo(ED);
              assertThat(t.side()).isEqualTo(Side.BUY);
              assertThat(t.security()).isEqualTo(BD1);
            });
    assertThat(d.proposal().trades())
        .anySatisfy(
            t -> {
              assertThat(t.account()).isNotEqualTo(ED);
              assertThat(t.side()).isEqualTo(Side.SELL);
              assertThat(t.security()).isEqualTo(BD2);
            });
    assertThat(d.proposal().trades())
        .noneSatisfy(
            t -> {
              assertThat(t.security()).isEqualTo(BD2);
              assertThat(t.side()).isEqualTo(Side.BUY);
            });
    assertThat(tuitionBucket(after).outOfBand()).isEmpty();
    assertThat(codes(d.routing()))
        .doesNotContain("review.residual", "review.verifier", "review.infeasible");
    assertThat(rebalancer.rebalance(after, MARKET, AS_OF).outcome())
        .isEqualTo(DecisionOutcome.NO_TRIGGER);
  }

  @Test
  void rebalance_defaultRuleSet_watchesTheBucketOfAGoalDueWithinFiveYears() {
    // given: the default rule set (since 1.3.0) watches buckets of goals due within 1,826 days
    Household near = household(List.of(tuition("ED-1"), retirement()));
    Household distant = household(List.of(tuitionDue(AS_OF.plusYears(6), "ED-1"), retirement()));

    // when
    Decision nearDecision = Rebalancer.standard().rebalance(near, MARKET, AS_OF);
    Decision distantDecision = Rebalancer.standard().rebalance(distant, MARKET, AS_OF);

    // then: tuition in two years follows its glide path; in six years the household's
    // allocation serves it: no bucket trigger, no bucket trade
    assertThat(codes(nearDecision.triggers())).containsExactly("trigger.goal-bucket");
    assertThat(nearDecision.proposal().trades()).isNotEmpty();
    assertThat(codes(distantDecision.triggers())).doesNotContain("trigger.goal-bucket");
    assertThat(distantDecision.proposal().trades())
        .noneMatch(t -> t.reasonCodes().contains("goal.bucket"));
  }

  @Test
  void rebalance_bucketOnlyInANonTradableAccount_doesNotFire() {
    // given: ED-1 is held away
    Household h = household(List.of(tuition("ED-1"), retirement()), true);

    // when / then
    assertThat(rebalancer.screen(h, MARKET, AS_OF)).isEmpty();
  }

  @Test
  void rebalance_sameHoldingsShareFundedGoals_noTrigger() {
    // given: the same holdings, tuition funded by a share instead of by ED-1: one bucket, the
    // household, in band
    Goal byShare =
        Goal.builder()
            .id(GoalId.of("G-EDU"))
            .name("Tuition")
            .kind(GoalKind.EDUCATION)
            .targetAmount(Money.usd("120000"))
            .targetDate(AS_OF.plusYears(2))
            .priority(1)
            .fundingShare(Weight.of("0.2"))
            .glidePath(GlidePath.builder().putSteps(0, alloc("0.2", "0.8", "0.03")).build())
            .build();
    Goal rest =
        Goal.builder()
            .id(GoalId.of("G-RET"))
            .name("Retirement")
            .kind(GoalKind.RETIREMENT)
            .targetAmount(Money.usd("3000000"))
            .targetDate(AS_OF.plusYears(20))
            .priority(2)
            .fundingShare(Weight.of("0.8"))
            .glidePath(GlidePath.builder().putSteps(0, alloc("0.6", "0.4", "0.05")).build())
            .build();
    Household h = household(new ArrayList<>(List.of(byShare, rest)));

    // when
    Decision d = rebalancer.rebalance(h, MARKET, AS_OF);

    // then
    assertThat(d.outcome()).isEqualTo(DecisionOutcome.NO_TRIGGER);
  }
}
