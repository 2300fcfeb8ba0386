package dev.rebal.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the one household problem (docs/optimizer.md, "Goals and their priorities"):
 * every goal but the hard rules is elastic, so a conflict gives partial progress with the rest
 * reported as a {@link GoalShortfall}, never "infeasible, no trades". Prices are $100 a share, so
 * dollars and shares convert by 100; band ±5 points, mode to target unless stated.
 */
class HouseholdGoalsTest {
  private static final AccountId TAX = AccountId.of("TAX");
  private static final AccountId IRA = AccountId.of("IRA");
  private static final AssetClass US = AssetClass.of("US");
  private static final AssetClass BOND = AssetClass.of("BOND");
  private static final AssetClass CASH = AssetClass.of("CASH");

  /**
   * A pre-existing cap breach on a stock that may not be sold: EMP is $30,000 of a $100,000
   * household with a cap of $10,000 and a do-not-sell. Before, the cap row made the LP infeasible
   * and nothing traded. Now the breach is a goal the proposal cannot move (it never buys EMP), and
   * the rest rebalances: VTI $50,000 and BND $20,000 against targets of 40% ($40,000) and 30%
   * ($30,000) for the other classes: sell $10,000 of VTI, buy $10,000 of BND. The breach is
   * reported: $30,000 − $10,000 = $20,000 still above the cap.
   */
  @Test
  void unsellableCapBreach_restOfHouseholdRebalances_breachReported() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addSecurity(security("EMP", AssetClass.of("EMPLOYER")))
            .addPosition(position(TAX, "VTI", 500, "0.10", true))
            .addPosition(position(TAX, "BND", 200, "0.00", true))
            .addPosition(
                new ProblemPosition(
                    TAX,
                    SecurityId.of("EMP"),
                    Quantity.of(300),
                    false,
                    Money.usd("0"),
                    false,
                    BigDecimal.ZERO,
                    List.of(segment(300, "0.50", false))))
            .addClassGoal(goal(US, "0.4"))
            .addClassGoal(goal(BOND, "0.3"))
            .addClassGoal(goal(AssetClass.of("EMPLOYER"), "0.3"))
            .addHoldingCap(new HoldingCap(SecurityId.of("EMP"), Money.usd("10000")))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(
            t -> t.security().value() + " " + t.side() + " " + t.quantity().value().intValue())
        .containsExactly("BND BUY 100", "VTI SELL 100");
    assertThat(optimal.shortfalls())
        .extracting(GoalShortfall::kind, GoalShortfall::subject, GoalShortfall::amount)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                GoalShortfall.Kind.CONCENTRATION, "EMP", Money.usd("20000.00")));
  }

  /**
   * A concentrated position sold down only to the gain budget: EMP is $100,000 of a $150,000
   * household with a cap of $20,000, a gain of 50 cents per dollar sold and a remaining gain budget
   * of $10,000. The budget outranks the cap (docs/optimizer.md), so the proposal sells $20,000 of
   * EMP (200 shares, a $10,000 gain, exactly the budget) and reports the cap still $100,000 −
   * $20,000 − $20,000 = $60,000 above.
   */
  @Test
  void concentratedPosition_soldDownToTheGainBudget_partialAndExplained() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("EMP", US))
            .addSecurity(security("BND", BOND))
            .addPosition(position(TAX, "EMP", 1000, "0.50", true))
            .addPosition(position(TAX, "BND", 500, "0.00", true))
            .addClassGoal(goal(US, "0.5"))
            .addClassGoal(goal(BOND, "0.5"))
            .addHoldingCap(new HoldingCap(SecurityId.of("EMP"), Money.usd("20000")))
            .gainBudget(Money.usd("10000"))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .filteredOn(t -> t.side() == Side.SELL)
        .extracting(t -> t.security().value() + " " + t.quantity().value().intValue())
        .containsExactly("EMP 200");
    assertThat(optimal.shortfalls())
        .extracting(GoalShortfall::kind, GoalShortfall::amount)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                GoalShortfall.Kind.CONCENTRATION, Money.usd("60000.00")))
        .noneMatch(t -> t.toList().get(0) == GoalShortfall.Kind.GAIN_BUDGET);
  }

  /**
   * A control-person limit summed over two accounts: the household holds 1,000 EMP in the taxable
   * account and 1,000 in the IRA ($200,000) and $0 of bonds against a 50/50 target, so the drift
   * alone would sell $100,000 (1,000 shares). The issuer's Rule 144 remainder is 500 shares for the
   * household, so at most 500 are sold over both accounts together.
   */
  @Test
  void controlPersonLimit_heldAcrossTwoAccounts_sumOfSalesWithinTheLimit() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addAccount(new ProblemAccount(IRA, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("EMP", US))
            .addSecurity(security("BND", BOND))
            .addPosition(position(TAX, "EMP", 1000, "0.00", true))
            .addPosition(position(IRA, "EMP", 1000, "0.00", true))
            .addPosition(HouseholdOptimizerProperties.buyOnly(TAX, "BND"))
            .addPosition(HouseholdOptimizerProperties.buyOnly(IRA, "BND"))
            .addClassGoal(goal(US, "0.5"))
            .addClassGoal(goal(BOND, "0.5"))
            .addSaleLimit(SaleLimit.of("R-144", Set.of(SecurityId.of("EMP")), Quantity.of(500)))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    long sold =
        optimal.trades().stream()
            .filter(t -> t.side() == Side.SELL)
            .mapToLong(t -> t.quantity().value().longValue())
            .sum();
    assertThat(sold).isEqualTo(500);
    assertThat(optimal.shortfalls())
        .extracting(GoalShortfall::kind)
        .contains(GoalShortfall.Kind.CLASS_DRIFT);
  }

  /**
   * A large expected inflow removes the sales: US $70,000 and bonds $30,000 against 60/40 would
   * sell $10,000 of US. With $25,000 announced, the drift base is $125,000: US's target is $75,000
   * and bonds' $50,000, so the inflow fills bonds ($20,000) and US ($5,000) and nothing is sold
   * now.
   */
  @Test
  void largeExpectedInflow_removesTheSales() {
    HouseholdProblem without = twoClass(700, 300).build();
    HouseholdProblem with = twoClass(700, 300).expectedInflow(Money.usd("25000")).build();

    assertThat(optimal(without).trades()).anyMatch(t -> t.side() == Side.SELL);
    assertThat(optimal(with).trades()).isEmpty();
  }

  /**
   * A committed need funded from the taxable account, the rest in band: $100,000 at 60/40 in
   * balance, with a $20,000 need to hold in the taxable account. Its cash is outside the drift
   * base, so the LP sells $20,000 in the taxable account and the invested $80,000 stays 60/40: it
   * sells $12,000 of US and $8,000 of bonds, and no goal is left unmet.
   */
  @Test
  void committedNeed_fundedFromTaxableLots_restInBand() {
    HouseholdProblem problem =
        twoClass(600, 400)
            .addCashReserve(new CashReserve("tuition", TAX, Money.usd("20000")))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(
            t -> t.security().value() + " " + t.side() + " " + t.quantity().value().intValue())
        .containsExactly("BND SELL 80", "VTI SELL 120");
    assertThat(optimal.shortfalls()).isEmpty();
  }

  /**
   * A need outranks a buy of the same wash-sale group in another account (backtest parametric path
   * 28: a home purchase missed by $38,077). The taxable account holds $10,000 of BND and must hold
   * $8,000 for a need; the IRA holds $10,000 of VTI and $50,000 of cash. Bonds are far under their
   * 60% target, so the first solve sells $8,000 of BND in the taxable account for the need and buys
   * about $35,000 of BND in the IRA: one group both ways, fixed to the side it trades more, buying,
   * which left the need unmet at $1,000 a dollar. The group is tried the other way once and the
   * better point kept: selling BND pays the need; the IRA, which may buy no other bond, leaves
   * bonds under their band (a shortfall of a lower priority).
   */
  @Test
  void needInOneAccount_groupBoughtMoreInAnother_stillSoldForTheNeed() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addAccount(new ProblemAccount(IRA, Money.usd("50000"), Money.usd("0"), true, false))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addPosition(position(TAX, "BND", 100, "0.00", true))
            .addPosition(position(IRA, "VTI", 100, "0.00", true))
            .addPosition(HouseholdOptimizerProperties.buyOnly(IRA, "BND"))
            .addClassGoal(goal(US, "0.4"))
            .addClassGoal(goal(BOND, "0.6"))
            .addCashReserve(new CashReserve("home", TAX, Money.usd("8000")))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(HouseholdGoalsTest::describe)
        .contains("TAX BND SELL 80");
    assertThat(optimal.trades())
        .noneMatch(t -> t.side() == Side.BUY && t.security().value().equals("BND"));
    assertThat(optimal.shortfalls()).noneMatch(g -> g.kind() == GoalShortfall.Kind.NEED);
  }

  /**
   * A need larger than what may be sold: $20,000 to hold in the taxable account, which holds only
   * $5,000 of bonds that may be sold (US is under a do-not-sell). The proposal sells all the bonds
   * and reports the need $15,000 short.
   */
  @Test
  void needLargerThanWhatCanBeSold_shortfallReported() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addPosition(position(TAX, "VTI", 950, "0.10", false))
            .addPosition(position(TAX, "BND", 50, "0.00", true))
            .addClassGoal(goal(US, "0.95"))
            .addClassGoal(goal(BOND, "0.05"))
            .addCashReserve(new CashReserve("tuition", TAX, Money.usd("20000")))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(
            t -> t.security().value() + " " + t.side() + " " + t.quantity().value().intValue())
        .containsExactly("BND SELL 50");
    // the need comes first; bonds sold out also leave their class below its band (reported too)
    assertThat(optimal.shortfalls().get(0))
        .extracting(GoalShortfall::kind, GoalShortfall::amount)
        .containsExactly(GoalShortfall.Kind.NEED, Money.usd("15000.00"));
  }

  /**
   * Harvest and rebalance in one account without realizing a gain to fund the replacement: US is
   * held as VTI ($30,000, a loss of 20 cents per dollar, harvestable) and as a gain lot of ITOT
   * ($30,000, gain 50 cents per dollar), with SCHB offered as the replacement; bonds $40,000, all
   * in band at 60/40. The harvest sells VTI and buys SCHB with all of its proceeds (300 shares):
   * the harvest creates no drift. (Before rule set 1.9.0 drift inside the halfway interval was
   * free, so SCHB was bought only up to its edge, 57.5%, and $2,500 of the proceeds stayed idle as
   * cash.) ITOT is not sold (a gain sale would only pay tax), and no group is both bought and sold.
   */
  @Test
  void harvestAndRebalanceInOneAccount_noGainRealisedToFundTheReplacement() {
    HouseholdProblem problem = harvestInOneAccount().build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(
            t -> t.security().value() + " " + t.side() + " " + t.quantity().value().intValue())
        .containsExactly("SCHB BUY 300", "VTI SELL 300");
  }

  /**
   * The same harvest when US costs 10 cents a dollar for location in the taxable account: the sale
   * and the replacement are one class in one account, so their location costs net to nothing and
   * the trades are the same (charged on the buy alone, $3,000 would outweigh the harvest's $2,220
   * benefit).
   */
  @Test
  void harvestAndReplacementInOneAccount_locationCostNetsToNothing() {
    HouseholdProblem problem =
        harvestInOneAccount()
            .addLocationCost(new LocationCost(TAX, US, new BigDecimal("0.10")))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(
            t -> t.security().value() + " " + t.side() + " " + t.quantity().value().intValue())
        .containsExactly("SCHB BUY 300", "VTI SELL 300");
  }

  /**
   * A harvest not lost to a buy another security can make: the taxable account holds $10,000 of
   * IDF1 at a loss of 20 cents a dollar (harvestable at 37%: a $740 benefit) and the IRA $30,000 of
   * cash to invest, $20,000 of it in US (target 50/50 of $60,000, bonds $20,000 held). IDF1 is also
   * the IRA's cheapest US buy (IDF3 costs a basis point more there), so the first solve buys IDF1
   * in the IRA and sells it in the taxable account: one wash-sale group both ways, and a wash sale.
   * Kept to its larger side (buying), the harvest was lost; tried the other way, the IRA buys IDF3
   * for $2 more and the $740 harvest is taken, so that is the proposal.
   */
  @Test
  void harvestAndABuyOfTheSameGroupElsewhere_harvestKeptTheBuyMovesToAnotherGroup() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .harvestLosses(true)
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addAccount(new ProblemAccount(IRA, Money.usd("30000"), Money.usd("0"), true, false))
            .addSecurity(security("IDF1", US))
            .addSecurity(security("IDF3", US))
            .addSecurity(security("BND", BOND))
            .addPosition(
                new ProblemPosition(
                    TAX,
                    SecurityId.of("IDF1"),
                    Quantity.of(100),
                    true,
                    Money.usd("1000000"),
                    true,
                    BigDecimal.ZERO,
                    List.of(
                        new SellSegment(
                            Quantity.of(100),
                            new BigDecimal("-0.20"),
                            Term.SHORT,
                            new BigDecimal("0.37"),
                            true))))
            .addPosition(HouseholdOptimizerProperties.buyOnly(TAX, "IDF3"))
            .addPosition(HouseholdOptimizerProperties.buyOnly(IRA, "IDF1"))
            .addPosition(
                new ProblemPosition(
                    IRA,
                    SecurityId.of("IDF3"),
                    Quantity.ZERO,
                    true,
                    Money.usd("1000000"),
                    false,
                    new BigDecimal("0.0001"),
                    List.of()))
            .addPosition(position(IRA, "BND", 200, "0.00", true))
            .addClassGoal(goal(US, "0.5"))
            .addClassGoal(goal(BOND, "0.5"))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(
            t ->
                t.account().value()
                    + " "
                    + t.security().value()
                    + " "
                    + t.side()
                    + " "
                    + t.quantity().value().intValue())
        .containsExactlyInAnyOrder(
            "TAX IDF1 SELL 100", "TAX IDF3 BUY 100", "IRA IDF3 BUY 200", "IRA BND BUY 100");
  }

  private static HouseholdProblem.Builder harvestInOneAccount() {
    return HouseholdProblem.builder()
        .mode(RebalanceMode.HALFWAY)
        .harvestLosses(true)
        .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
        .addSecurity(security("VTI", US))
        .addSecurity(security("ITOT", US))
        .addSecurity(security("SCHB", US))
        .addSecurity(security("BND", BOND))
        .addPosition(
            new ProblemPosition(
                TAX,
                SecurityId.of("VTI"),
                Quantity.of(300),
                false,
                Money.usd("0"),
                true,
                BigDecimal.ZERO,
                List.of(
                    new SellSegment(
                        Quantity.of(300),
                        new BigDecimal("-0.20"),
                        Term.SHORT,
                        new BigDecimal("0.37"),
                        true))))
        .addPosition(
            new ProblemPosition(
                TAX,
                SecurityId.of("ITOT"),
                Quantity.of(300),
                false,
                Money.usd("0"),
                true,
                BigDecimal.ZERO,
                List.of(segment(300, "0.50", true))))
        .addPosition(HouseholdOptimizerProperties.buyOnly(TAX, "SCHB"))
        .addPosition(position(TAX, "BND", 400, "0.00", true))
        .addClassGoal(goal(US, "0.6"))
        .addClassGoal(goal(BOND, "0.4"));
  }

  private static HouseholdProblem.Builder twoClass(long usShares, long bondShares) {
    return HouseholdProblem.builder()
        .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
        .addSecurity(security("VTI", US))
        .addSecurity(security("BND", BOND))
        .addPosition(position(TAX, "VTI", usShares, "0.10", true))
        .addPosition(position(TAX, "BND", bondShares, "0.00", true))
        .addClassGoal(goal(US, "0.6"))
        .addClassGoal(goal(BOND, "0.4"));
  }

  /**
   * Asset location: $10,000 must move from stocks to bonds (target 40/60 against 50/50). Each
   * account holds both, without gains, so only location decides where: bonds cost 2% a year in the
   * taxable account and stocks 0.4%, nothing in the IRA. Buying the bonds in the IRA costs nothing
   * and selling the IRA's stocks gives up 0.4 cents a dollar (the worst account's cost less the
   * IRA's); doing it in the taxable account would cost 2 cents a dollar for the bonds. So the IRA
   * trades, and the taxable account is left alone. Without location costs the problem is
   * indifferent.
   */
  @Test
  void assetLocation_bondsBoughtWhereTheyCostLeast() {
    HouseholdProblem.Builder b =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addAccount(new ProblemAccount(IRA, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addPosition(position(TAX, "VTI", 400, "0.00", true))
            .addPosition(position(TAX, "BND", 100, "0.00", true))
            .addPosition(position(IRA, "VTI", 100, "0.00", true))
            .addPosition(position(IRA, "BND", 400, "0.00", true))
            .addClassGoal(goal(US, "0.4"))
            .addClassGoal(goal(BOND, "0.6"));
    b.addLocationCost(new LocationCost(TAX, BOND, new BigDecimal("0.02")))
        .addLocationCost(new LocationCost(TAX, US, new BigDecimal("0.004")));

    OptimizationResult.Optimal optimal = optimal(b.build());

    assertThat(optimal.trades())
        .extracting(
            t ->
                t.account().value()
                    + " "
                    + t.security().value()
                    + " "
                    + t.side()
                    + " "
                    + t.quantity().value().intValue())
        .containsExactlyInAnyOrder("IRA BND BUY 100", "IRA VTI SELL 100");
  }

  /**
   * Relocation on purpose: a balanced 50/50 household holds $30,000 of bonds in its taxable
   * account, where they cost 2 cents a dollar a year, and $30,000 of stocks in its IRA, where
   * nothing costs anything. Swapping them (the taxable account sells its bonds for stocks, the IRA
   * its stocks for bonds) saves (2 − 0.4) cents a dollar, $480, against four trades of $30,000; the
   * bonds carry no gain. Neither class changes, so no drift is bought. The swap uses the other
   * wash-sale group of each class on the buying side, so no group is bought and sold.
   */
  @Test
  void assetLocation_bondsWithoutGainMoveToTheIra_classesUnchanged() {
    OptimizationResult.Optimal optimal = optimal(relocation("0.00").build());

    assertThat(optimal.trades())
        .extracting(HouseholdGoalsTest::describe)
        .containsExactlyInAnyOrder(
            "TAX BND SELL 300", "TAX VTI2 BUY 300", "IRA VTI SELL 300", "IRA BND2 BUY 300");
  }

  /**
   * The same household when the taxable bonds carry a long-term gain of 2 cents a dollar taxed at
   * 20%: the sale's tax, 0.4 cents a dollar, is less than a year's 1.6 cents of location, but no
   * gain is realized to relocate (a sale at a taxed gain saves no location cost), so nothing is
   * traded.
   */
  @Test
  void assetLocation_bondsAtAGainStay() {
    OptimizationResult.Optimal optimal = optimal(relocation("0.02").build());

    assertThat(optimal.trades()).isEmpty();
  }

  /**
   * A sale alone earns no location credit: with only the taxable account, selling its bonds (2
   * cents a dollar there) for cash or for stocks inside their bands saves nothing, since the
   * household would hold less of the class overall; the balanced household is left alone.
   */
  @Test
  void assetLocation_noCreditForHoldingLessOfAClass() {
    HouseholdProblem.Builder b =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addPosition(position(TAX, "VTI", 500, "0.00", true))
            .addPosition(position(TAX, "BND", 500, "0.00", true))
            .addClassGoal(goal(US, "0.5"))
            .addClassGoal(goal(BOND, "0.5"))
            .addLocationCost(new LocationCost(TAX, BOND, new BigDecimal("0.02")))
            .addLocationCost(new LocationCost(TAX, US, new BigDecimal("0.004")));

    assertThat(optimal(b.build()).trades()).isEmpty();
  }

  /**
   * The short-term cap outranks a concentration breach, whatever the gain per dollar: ACME, $30,000
   * against a $10,000 cap, is all short term at a gain of 10 cents a dollar, and the cap on net
   * short-term gain is $1,000. Removing a dollar of breach is worth 5 and costs 20 x 0.10 = 2 of
   * cap excess, so by the penalties alone the whole $20,000 breach would be sold, $1,000 of gain
   * over the cap (a jqwik seed, 88908, found it). Solved budgets first, $10,000 is sold, the gain
   * is at the cap, and the breach left ($10,000) is reported.
   */
  @Test
  void shortTermCapAndAConcentrationBreach_capFirst_breachReducedWithinIt() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("ACME", US))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addPosition(shortTermLot("ACME", 300, "0.10", false))
            .addPosition(HouseholdOptimizerProperties.buyOnly(TAX, "VTI"))
            .addPosition(position(TAX, "BND", 700, "0.00", true))
            .addClassGoal(goal(US, "0.3"))
            .addClassGoal(goal(BOND, "0.7"))
            .addHoldingCap(new HoldingCap(SecurityId.of("ACME"), Money.usd("10000")))
            .shortTermGainCap(Money.usd("1000"))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(HouseholdGoalsTest::describe)
        .containsExactlyInAnyOrder("TAX ACME SELL 100", "TAX VTI BUY 100");
    assertThat(optimal.shortfalls())
        .extracting(GoalShortfall::kind)
        .containsExactly(GoalShortfall.Kind.CONCENTRATION);
  }

  /**
   * The short-term cap outranks drift too: US is $70,000 against a 50% target of $100,000 (band 5
   * points), all short term at a gain of 5 cents a dollar, under a $500 cap on short-term gain.
   * Bringing US back to its band means selling $15,000 ($750 of gain); a dollar sold relieves 2 of
   * drift (US over, bonds under) and costs 20 x 0.05 = 1 of cap excess, so by the penalties alone
   * the whole $15,000 would be sold. Solved budgets first, $10,000 is sold, the gain is at the cap
   * and the drift left is reported.
   */
  @Test
  void shortTermCapAndDrift_capFirst_driftLeftReported() {
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
            .addSecurity(security("VTI", US))
            .addSecurity(security("BND", BOND))
            .addPosition(shortTermLot("VTI", 700, "0.05", true))
            .addPosition(position(TAX, "BND", 300, "0.00", true))
            .addClassGoal(goal(US, "0.5"))
            .addClassGoal(goal(BOND, "0.5"))
            .shortTermGainCap(Money.usd("500"))
            .build();

    OptimizationResult.Optimal optimal = optimal(problem);

    assertThat(optimal.trades())
        .extracting(HouseholdGoalsTest::describe)
        .containsExactlyInAnyOrder("TAX VTI SELL 100", "TAX BND BUY 100");
    assertThat(optimal.shortfalls())
        .extracting(GoalShortfall::kind)
        .contains(GoalShortfall.Kind.CLASS_DRIFT)
        .doesNotContain(GoalShortfall.Kind.SHORT_TERM_GAIN_CAP);
  }

  private static HouseholdProblem.Builder relocation(String bondGain) {
    return HouseholdProblem.builder()
        .addAccount(new ProblemAccount(TAX, Money.usd("0"), Money.usd("0"), true, false))
        .addAccount(new ProblemAccount(IRA, Money.usd("0"), Money.usd("0"), true, false))
        .addSecurity(security("VTI", US))
        .addSecurity(security("VTI2", US))
        .addSecurity(security("BND", BOND))
        .addSecurity(security("BND2", BOND))
        .addPosition(position(TAX, "BND", 300, bondGain, true))
        .addPosition(position(TAX, "VTI", 200, "0.00", true))
        .addPosition(HouseholdOptimizerProperties.buyOnly(TAX, "VTI2"))
        .addPosition(position(IRA, "VTI", 300, "0.00", true))
        .addPosition(position(IRA, "BND", 200, "0.00", true))
        .addPosition(HouseholdOptimizerProperties.buyOnly(IRA, "BND2"))
        .addClassGoal(goal(US, "0.5"))
        .addClassGoal(goal(BOND, "0.5"))
        .addLocationCost(new LocationCost(TAX, BOND, new BigDecimal("0.02")))
        .addLocationCost(new LocationCost(TAX, US, new BigDecimal("0.004")));
  }

  /**
   * A position in the taxable account of one short-term lot taxed at 37%, at {@code gain} a dollar;
   * bought at no limit if {@code buyable}.
   */
  private static ProblemPosition shortTermLot(
      String security, long shares, String gain, boolean buyable) {
    return new ProblemPosition(
        TAX,
        SecurityId.of(security),
        Quantity.of(shares),
        buyable,
        buyable ? Money.usd("1000000") : Money.usd("0"),
        true,
        BigDecimal.ZERO,
        List.of(
            new SellSegment(
                Quantity.of(shares),
                new BigDecimal(gain),
                Term.SHORT,
                new BigDecimal("0.37"),
                false)));
  }

  private static String describe(ProposedTrade t) {
    return t.account().value()
        + " "
        + t.security().value()
        + " "
        + t.side()
        + " "
        + t.quantity().value().intValue();
  }

  private static OptimizationResult.Optimal optimal(HouseholdProblem problem) {
    OptimizationResult result = HouseholdOptimizer.standard().optimize(problem);
    assertThat(result).isInstanceOf(OptimizationResult.Optimal.class);
    OptimizationResult.Optimal optimal = (OptimizationResult.Optimal) result;
    assertThat(IndependentChecker.violations(problem, optimal.trades())).isEmpty();
    return optimal;
  }

  private static ProblemSecurity security(String id, AssetClass cls) {
    return new ProblemSecurity(SecurityId.of(id), UnitPrice.usd("100"), cls, id);
  }

  private static ClassGoal goal(AssetClass cls, String weight) {
    return new ClassGoal(
        cls, new ClassTarget(Weight.of(weight), Weight.of("0.05"), Weight.ZERO), BigDecimal.ONE);
  }

  private static SellSegment segment(long shares, String gain, boolean harvestable) {
    return new SellSegment(
        Quantity.of(shares), new BigDecimal(gain), Term.LONG, new BigDecimal("0.20"), harvestable);
  }

  private static ProblemPosition position(
      AccountId acct, String security, long shares, String gain, boolean sellable) {
    return new ProblemPosition(
        acct,
        SecurityId.of(security),
        Quantity.of(shares),
        true,
        Money.usd("1000000"),
        sellable,
        BigDecimal.ZERO,
        List.of(segment(shares, gain, false)));
  }
}
