package dev.rebal.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Income and its tax per account type, with worked figures: one month of a hand-made household
 * through {@link HouseholdSimulation}, with a rule set that never trades.
 */
class IncomeTaxTest {
  private static final LocalDate START = BookConfig.DEFAULT_AS_OF;

  /** 35% short-term, 15% long-term, 5% state, 3.8% NIIT. */
  private static final TaxProfile PROFILE =
      TaxProfile.builder()
          .filingStatus(FilingStatus.MARRIED_JOINT)
          .shortTermRate(Weight.of("0.35"))
          .longTermRate(Weight.of("0.15"))
          .stateRate(Weight.of("0.05"))
          .niitRate(Weight.of("0.038"))
          .shortTermCarryforward(Money.ZERO_USD)
          .longTermCarryforward(Money.ZERO_USD)
          .realizedShortTermYtd(Money.ZERO_USD)
          .realizedLongTermYtd(Money.ZERO_USD)
          .build();

  @Test
  void tax_eachCharacter_atItsRate() {
    // given $1,000 of qualified dividends, $2,000 of ordinary income and $500 of municipal interest
    BigDecimal[] sums = IncomeTax.zeros();
    IncomeTax.add(sums, TaxCharacter.QUALIFIED, new BigDecimal("1000"));
    IncomeTax.add(sums, TaxCharacter.ORDINARY, new BigDecimal("2000"));
    IncomeTax.add(sums, TaxCharacter.TAX_EXEMPT, new BigDecimal("500"));

    // when
    BigDecimal tax = IncomeTax.of(PROFILE).tax(sums);

    // then 1,000 x (15% + 5% + 3.8%) + 2,000 x (35% + 5% + 3.8%) = 238 + 876 = 1,114; munis free
    assertThat(tax).isEqualByComparingTo("1114");
    assertThat(IncomeTax.total(sums)).isEqualByComparingTo("3500");
  }

  @Test
  void run_oneMonth_paysIncomeByClassAndTaxesItOnlyInTheTaxableAccount() {
    // given a taxable account with $120,000 each of a US large-cap fund (1.5% a year, qualified),
    // a bond fund (4%, ordinary), a REIT fund (3.5%, ordinary) and a muni fund (3.2%, exempt), an
    // IRA and a Roth IRA with $120,000 of the bond fund each, no cash, all priced at $100.00
    BookGenerator gen = BookGenerator.of(BookConfig.of(3).withRealisticStart(true));
    MarketData base = BacktestFixtures.pricedAt100(gen.marketData(), START);
    Household h = household(gen.household(0));
    MarketModel market = MarketModel.simulate(base, START, 1, 11, 1.0);
    HouseholdScript script =
        HouseholdScript.of(h, HouseholdSimulation.wealth(h, base), START, market.date(1), 5);

    // when one month runs with a rule set that has no trigger (so nothing trades)
    RuleSet none =
        RuleSet.of(
            "none",
            SemanticVersion.parse("1.0.0"),
            Set.of("eligibility.tradable-account"),
            RuleSet.defaults().parameters());
    HouseholdOutcome o =
        new HouseholdSimulation(
                0,
                Policy.THRESHOLD_ABSOLUTE,
                Rebalancer.of(none),
                market,
                h,
                script,
                new Assumptions(5, 0, new int[] {1}))
            .run();

    // then income: taxable 120,000 x (1.5% + 4% + 3.5% + 3.2%) / 12 = 150 + 400 + 350 + 320
    // = 1,220.00; IRA and Roth 120,000 x 4% / 12 = 400.00 each; total 2,020.00
    assertThat(o.income).isCloseTo(2_020.00, within(0.005));
    // tax, taxable account only: 150 x 23.8% + (400 + 350) x 43.8% = 35.70 + 328.50 = 364.20,
    // accrued this year and due next April (muni interest, the IRA's and the Roth's: none)
    double[] atEnd = o.checkpoints.get(1);
    assertThat(atEnd[2]).isCloseTo(364.20, within(0.005));
    // nothing was paid yet, and the after-tax value counts the accrued tax as owed
    assertThat(o.incomeTaxPaid).isZero();
    assertThat(o.taxIncome[1]).isZero();
  }

  @Test
  void run_oneMonth_attributionExplainsTheWealthChangeExactly() {
    // given the household above over one month
    BookGenerator gen = BookGenerator.of(BookConfig.of(3).withRealisticStart(true));
    MarketData base = BacktestFixtures.pricedAt100(gen.marketData(), START);
    Household h = household(gen.household(0));
    MarketModel market = MarketModel.simulate(base, START, 1, 11, 1.0);
    HouseholdScript script =
        HouseholdScript.of(h, HouseholdSimulation.wealth(h, base), START, market.date(1), 5);
    RuleSet none =
        RuleSet.of(
            "none",
            SemanticVersion.parse("1.0.0"),
            Set.of("eligibility.tradable-account"),
            RuleSet.defaults().parameters());

    // when
    HouseholdOutcome o =
        new HouseholdSimulation(
                0,
                Policy.THRESHOLD_ABSOLUTE,
                Rebalancer.of(none),
                market,
                h,
                script,
                new Assumptions(5, 0, new int[] {1}))
            .run();

    // then allocation is each class's total return on its $120,000 (or $360,000 of bonds), and
    // allocation + selection + flows explain the month's change to the cent
    double expected =
        120_000 * (market.classReturn(1, 0) + market.classReturn(1, 4) + market.classReturn(1, 6))
            + 360_000 * market.classReturn(1, 5);
    assertThat(o.allocation[1]).isCloseTo(expected, within(0.01));
    assertThat(o.wealth[1] - o.wealth[0])
        .isCloseTo(
            o.allocation[1]
                + o.selection[1]
                + o.flows[1]
                + o.taxCapital[1]
                + o.taxIncome[1]
                + o.tradingCost[1],
            within(0.01));
  }

  private static Household household(Household generated) {
    var owner = generated.members().get(0).id();
    List<Account> accounts =
        List.of(
            BacktestFixtures.account("TAX-1", AccountType.TAXABLE, owner),
            BacktestFixtures.account("IRA-2", AccountType.TRADITIONAL_IRA, owner),
            BacktestFixtures.account("ROTH-3", AccountType.ROTH_IRA, owner));
    List<TaxLot> lots =
        List.of(
            lot(1, "TAX-1", "LCF1"),
            lot(2, "TAX-1", "BDF1"),
            lot(3, "TAX-1", "REF1"),
            lot(4, "TAX-1", "MUF1"),
            lot(5, "IRA-2", "BDF1"),
            lot(6, "ROTH-3", "BDF1"));
    Households.Copy c =
        Households.copy(
            generated
                .withAccounts(accounts)
                .withLots(lots)
                .withTransactions(List.of())
                .withRestrictions(List.of()));
    c.taxProfile = PROFILE;
    c.goals = List.of();
    c.events = List.of();
    return c.build();
  }

  private static TaxLot lot(int n, String account, String security) {
    return TaxLot.builder()
        .id(LotId.of("L-" + n))
        .account(AccountId.of(account))
        .security(SecurityId.of(security))
        .quantity(Quantity.of(new BigDecimal("1200")))
        .costBasis(Money.usd("120000.00"))
        .acquired(START.minusYears(2))
        .washSaleAdjustment(Money.ZERO_USD)
        .build();
  }
}
