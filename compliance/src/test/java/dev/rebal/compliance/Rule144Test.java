package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.ACME;
import static dev.rebal.compliance.Fixtures.AS_OF;
import static dev.rebal.compliance.Fixtures.IRA;
import static dev.rebal.compliance.Fixtures.TAXABLE;
import static dev.rebal.compliance.Fixtures.account;
import static dev.rebal.compliance.Fixtures.lot;
import static dev.rebal.compliance.Fixtures.pastSale;
import static dev.rebal.compliance.Fixtures.sell;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.trade.Side;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Rule 144 volume limit of a control person, worked by hand (17 CFR 230.144(e)(1): the greater
 * of 1% of the shares outstanding and the average weekly volume of the four calendar weeks before).
 *
 * <p>ACME has 50,000,000 shares outstanding: 1% is 500,000. The last weeks' volumes, most recent
 * first, are 400,000, 600,000, 700,000, 500,000 and an older 2,000,000 that is not among the four:
 * (400,000 + 600,000 + 700,000 + 500,000) / 4 = 2,200,000 / 4 = 550,000. The limit is max(500,000,
 * 550,000) = 550,000 shares. As of 2026-06-30 the three-month look-back starts 2026-03-30. Earlier
 * sales: 200,000 on 2026-05-15 (taxable) and 100,000 on 2026-03-30 (IRA, first day: counts);
 * 150,000 on 2026-03-29 (a day early: ignored); a purchase is ignored. Sold: 300,000; remaining:
 * 550,000 - 300,000 = 250,000 shares, across both accounts.
 */
class Rule144Test {
  private static final VolumeLimit LIMIT =
      new VolumeLimit(
          RestrictionId.of("R-144"), "ACME", DateWindow.always(), "Director of ACME: affiliate");

  private static Household household() {
    return Fixtures.household()
        .addAccounts(account(TAXABLE, AccountType.TAXABLE, "0"))
        .addAccounts(account(IRA, AccountType.TRADITIONAL_IRA, "0"))
        .addLots(lot("L1", TAXABLE, ACME, 200_000, LocalDate.of(2010, 1, 4)))
        .addLots(lot("L2", IRA, ACME, 100_000, LocalDate.of(2012, 1, 4)))
        .addTransactions(pastSale("T1", TAXABLE, ACME, 200_000, LocalDate.of(2026, 5, 15)))
        .addTransactions(pastSale("T2", IRA, ACME, 100_000, LocalDate.of(2026, 3, 30)))
        .addTransactions(pastSale("T3", TAXABLE, ACME, 150_000, LocalDate.of(2026, 3, 29)))
        .addTransactions(
            Transaction.builder()
                .id(TransactionId.of("T4"))
                .account(TAXABLE)
                .security(ACME)
                .side(Side.BUY)
                .tradeDate(LocalDate.of(2026, 6, 1))
                .quantity(Quantity.of(999_999))
                .amount(Money.usd("1000"))
                .build())
        .addRestrictions(LIMIT)
        .build();
  }

  private static MarketData marketData(long sharesOutstanding) {
    return Fixtures.marketData(
        TradingVolume.builder()
            .issuer("ACME")
            .asOf(AS_OF)
            .sharesOutstanding(Quantity.of(sharesOutstanding))
            .addWeeklyVolumes(
                Quantity.of(400_000),
                Quantity.of(600_000),
                Quantity.of(700_000),
                Quantity.of(500_000),
                Quantity.of(2_000_000))
            .build());
  }

  @Test
  void compile_workedExample_remainingIs250000Shares() {
    // when
    TradeConstraints c =
        ConstraintCompiler.standard().compile(household(), marketData(50_000_000), AS_OF);

    // then
    IssuerSaleLimit l = c.saleLimits().get(0);
    assertThat(l.onePercentOfOutstanding()).isEqualTo(Quantity.of(500_000));
    assertThat(l.averageWeeklyVolume()).isEqualTo(Quantity.of(550_000));
    assertThat(l.limit()).isEqualTo(Quantity.of(550_000));
    assertThat(l.windowStart()).isEqualTo(LocalDate.of(2026, 3, 30));
    assertThat(l.soldInWindow()).isEqualTo(Quantity.of(300_000));
    assertThat(l.remaining()).isEqualTo(Quantity.of(250_000));
    assertThat(l.securities()).containsExactly(ACME);
    assertThat(l.provenance().id()).isEqualTo("R-144");
    // per position: the tighter of the shares held and the household's remaining volume
    assertThat(c.lookupPosition(TAXABLE, ACME).maxSellQuantity().limit())
        .isEqualTo(Quantity.of(200_000));
    assertThat(c.lookupPosition(IRA, ACME).maxSellQuantity().limit())
        .isEqualTo(Quantity.of(100_000));
  }

  @Test
  void compile_onePercentAboveAverageVolume_usesOnePercent() {
    // when: 80,000,000 outstanding: 1% = 800,000 > 550,000; remaining 800,000 - 300,000 = 500,000
    IssuerSaleLimit l =
        ConstraintCompiler.standard()
            .compile(household(), marketData(80_000_000), AS_OF)
            .saleLimits()
            .get(0);

    // then
    assertThat(l.limit()).isEqualTo(Quantity.of(800_000));
    assertThat(l.remaining()).isEqualTo(Quantity.of(500_000));
  }

  @Test
  void verify_salesAcrossAccountsOneShareOverRemaining_reportsExcessOfOne() {
    // given: 150,000 + 100,001 = 250,001 shares, one over the 250,000 remaining
    List<dev.rebal.core.trade.Trade> trades =
        List.of(sell(TAXABLE, ACME, "150000"), sell(IRA, ACME, "100001"));

    // when
    VerificationResult r =
        TradeVerifier.standard().verify(household(), marketData(50_000_000), AS_OF, trades);

    // then
    assertThat(r.violationsOf(ViolationKind.VOLUME_LIMIT))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.trades()).containsExactly(0, 1);
              assertThat(v.limit()).isEqualByComparingTo("250000");
              assertThat(v.actual()).isEqualByComparingTo("250001");
              assertThat(v.excess()).isEqualByComparingTo("1");
            });
  }

  @Test
  void verify_salesAcrossAccountsExactlyAtRemaining_isCompliant() {
    // given: 150,000 + 100,000 = 250,000 shares, the whole remaining volume
    List<dev.rebal.core.trade.Trade> trades =
        List.of(sell(TAXABLE, ACME, "150000"), sell(IRA, ACME, "100000"));

    // when
    VerificationResult r =
        TradeVerifier.standard().verify(household(), marketData(50_000_000), AS_OF, trades);

    // then
    assertThat(r.violations()).isEmpty();
  }
}
