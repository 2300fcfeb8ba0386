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
import dev.rebal.core.money.Money;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.TaxTiming;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the harvest gate over random tax profiles and dates: the saving's discount lies
 * between the later tax's and none, more waiting never makes a harvest worth more, and the value
 * never exceeds what the loss saves this year less its later tax.
 */
class HarvestGateProperties {
  private static final SecurityId VTI = SecurityId.of("VTI");
  private static final HarvestGate GATE =
      HarvestGate.of(TaxTiming.of("10", "0.05"), new BigDecimal("5"), new BigDecimal("25"));

  private static Harvest harvest(long shares, long basisPerShare, LocalDate asOf) {
    Household h =
        dev.rebal.tax.TaxFixtures.household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(
                lot(
                    "L1",
                    TAXABLE,
                    VTI,
                    shares,
                    String.valueOf(shares * basisPerShare),
                    date("2020-01-10"))),
            List.of(),
            profile(),
            Map.of(US_EQUITY, List.of(VTI, SecurityId.of("SCHB"))));
    return LossHarvester.standard()
        .scan(
            h,
            market(
                List.of(security("VTI", "TOTAL"), security("SCHB", "BROAD")),
                Map.of("VTI", "100", "SCHB", "25"),
                asOf),
            asOf,
            HarvestPolicy.of("0", "0"))
        .harvests()
        .get(0);
  }

  private static TaxProfile gains(long ytd, long carryforward) {
    TaxProfile p = profile();
    return TaxProfile.builder()
        .filingStatus(p.filingStatus())
        .shortTermRate(p.shortTermRate())
        .longTermRate(p.longTermRate())
        .shortTermCarryforward(Money.ZERO_USD)
        .longTermCarryforward(Money.usd(String.valueOf(carryforward)))
        .realizedShortTermYtd(Money.ZERO_USD)
        .realizedLongTermYtd(Money.usd(String.valueOf(ytd)))
        .build();
  }

  @Property(tries = 200)
  void moreWaitingNeverWorthMore_andTheDiscountLiesBetweenTheLaterTaxesAndNone(
      @ForAll @IntRange(min = 1, max = 5000) int shares,
      @ForAll @LongRange(min = 101, max = 400) long basisPerShare,
      @ForAll @LongRange(min = -50_000, max = 500_000) long ytd,
      @ForAll @LongRange(min = 0, max = 1_000_000) long carryforward,
      @ForAll @LongRange(min = 1, max = 1_000_000) long moreCarryforward,
      @ForAll @IntRange(min = 0, max = 364) int dayOfYear) {
    LocalDate asOf = LocalDate.of(2025, 1, 1).plusDays(dayOfYear);
    Harvest h = harvest(shares, basisPerShare, asOf);
    TaxTiming timing = TaxTiming.of("10", "0.05");

    HarvestAppraisal a = GATE.appraise(List.of(h), gains(ytd, carryforward), asOf).get(0);
    HarvestAppraisal later =
        GATE.appraise(List.of(h), gains(ytd, carryforward + moreCarryforward), asOf).get(0);

    assertThat(a.useFactor()).isBetween(timing.laterFactor(), BigDecimal.ONE);
    assertThat(later.value()).isLessThanOrEqualTo(a.value());
    // at best the loss is used this year: its rate now less the later tax, less trading
    Money best =
        Money.ofComputed(
                Money.USD,
                h.loss()
                    .amount()
                    .multiply(new BigDecimal("0.20"))
                    .multiply(BigDecimal.ONE.subtract(timing.laterFactor())))
            .minus(a.tradingCost());
    assertThat(a.value().amount()).isLessThanOrEqualTo(best.amount().add(new BigDecimal("0.02")));
  }
}
