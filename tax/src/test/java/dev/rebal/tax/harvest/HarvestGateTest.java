package dev.rebal.tax.harvest;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.US_EQUITY;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.profile;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.TaxTiming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked figures on 2025-06-16: 100 VTI bought 2023-01-10 for $25,000, at $200 worth $20,000 (a
 * long-term loss of $5,000), replaced by SCHB. Rates 37% short, 20% long; later tax in ten years
 * discounted at 5% ({@code DF = 1.05^-10 = 0.6139132535}); trading 5 bps a side; margin 25 bps of
 * the proceeds ($50).
 */
class HarvestGateTest {
  private static final LocalDate AS_OF = date("2025-06-16");
  private static final SecurityId VTI = SecurityId.of("VTI");
  private static final MarketData MARKET =
      market(
          List.of(security("VTI", "TOTAL"), security("SCHB", "BROAD")),
          Map.of("VTI", "200", "SCHB", "25"),
          AS_OF);
  private static final HarvestGate GATE =
      HarvestGate.of(TaxTiming.of("10", "0.05"), new BigDecimal("5"), new BigDecimal("25"));

  private static Harvest harvest() {
    Household h =
        dev.rebal.tax.TaxFixtures.household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(lot("L1", TAXABLE, VTI, 100, "25000", date("2023-01-10"))),
            List.of(),
            profile(),
            Map.of(US_EQUITY, List.of(VTI, SecurityId.of("SCHB"))));
    return LossHarvester.standard()
        .scan(h, MARKET, AS_OF, HarvestPolicy.of("500", "5"))
        .harvests()
        .get(0);
  }

  private static TaxProfile gains(String longTermYtd, String longTermCarryforward) {
    TaxProfile p = profile();
    return TaxProfile.builder()
        .filingStatus(p.filingStatus())
        .shortTermRate(p.shortTermRate())
        .longTermRate(p.longTermRate())
        .shortTermCarryforward(Money.ZERO_USD)
        .longTermCarryforward(Money.usd(longTermCarryforward))
        .realizedShortTermYtd(Money.ZERO_USD)
        .realizedLongTermYtd(Money.usd(longTermYtd))
        .build();
  }

  @Test
  void appraise_gainsThisYearAbsorbTheLoss_isWorthIt() {
    // $100,000 of long-term gains so far: the loss is used this year (U = 1): saved 5,000 x 0.20
    // = 1,000; the replacement's basis is 5,000 lower, taxed later 5,000 x 0.20 x DF = 613.91;
    // trading 20,000 x 0.0005 x 2 = 20; value 366.09 >= margin 50
    HarvestAppraisal a = GATE.appraise(List.of(harvest()), gains("100000", "0"), AS_OF).get(0);

    assertThat(a.taxSaved()).isEqualTo(Money.usd("1000.00"));
    assertThat(a.laterTax()).isEqualTo(Money.usd("613.91"));
    assertThat(a.tradingCost()).isEqualTo(Money.usd("20.00"));
    assertThat(a.value()).isEqualTo(Money.usd("366.09"));
    assertThat(a.margin()).isEqualTo(Money.usd("50.00"));
    assertThat(a.worthIt()).isTrue();
  }

  @Test
  void appraise_largeCarryforwardAhead_isNotWorthIt() {
    // $200,000 carried forward and no gains: at the $3,000 deduction a year the loss waits past
    // the ten-year horizon, so it saves what the replacement's basis costs later: value -20
    HarvestAppraisal a = GATE.appraise(List.of(harvest()), gains("0", "200000"), AS_OF).get(0);

    assertThat(a.useFactor()).isEqualByComparingTo("0.6139132535");
    assertThat(a.taxSaved()).isEqualTo(Money.usd("613.91"));
    assertThat(a.value()).isEqualTo(Money.usd("-20.00"));
    assertThat(a.worthIt()).isFalse();
    assertThat(a.describe()).contains("< margin USD 50.00");
  }

  @Test
  void appraise_smallCarryforwardAhead_discountsTheSavingByTheYearsItWaits() {
    // $10,000 carried forward: the loss's middle dollar waits (10,000 + 2,500) / 3,000 = 4.17,
    // so 4 years: U = 1.05^-4 = 0.8227024748, saved 822.70, value 822.70 - 613.91 - 20 = 188.79
    HarvestAppraisal a = GATE.appraise(List.of(harvest()), gains("0", "10000"), AS_OF).get(0);

    assertThat(a.useFactor()).isEqualByComparingTo("0.8227024748");
    assertThat(a.value()).isEqualTo(Money.usd("188.79"));
    assertThat(a.worthIt()).isTrue();
  }

  @Test
  void appraise_marginAboveTheValue_skipsIt() {
    // the same harvest as the first test (value 366.09) against a 200 bps margin ($400)
    HarvestGate strict =
        HarvestGate.of(TaxTiming.of("10", "0.05"), new BigDecimal("5"), new BigDecimal("200"));

    HarvestAppraisal a = strict.appraise(List.of(harvest()), gains("100000", "0"), AS_OF).get(0);

    assertThat(a.value()).isEqualTo(Money.usd("366.09"));
    assertThat(a.worthIt()).isFalse();
  }
}
