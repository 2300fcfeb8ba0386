package dev.rebal.examples.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tax-blind policies' sales relieve lots first in, first out: what a custodian does with an
 * order that names no lot, whatever lots the engine picked.
 */
class FirstInFirstOutTest {
  private static final LocalDate AS_OF = BookConfig.DEFAULT_AS_OF;
  private static final AccountId TAX = AccountId.of("TAX-1");
  private static final SecurityId FUND = SecurityId.of("LCF1");
  private static final BookGenerator GEN =
      BookGenerator.of(BookConfig.of(3).withRealisticStart(true));
  private static final MarketData MARKET = BacktestFixtures.pricedAt100(GEN.marketData(), AS_OF);

  @Test
  void sale_relievesTheEarliestLotsFirst_notTheEngineHighestBasisPick() {
    // given three lots of a fund at $100: 2019 at $50 a share, 2021 at $120, 2024 at $90; the
    // engine (tax weight 0) picked 150 shares from the 2021 lot, a $3,000 loss
    Household h = household(GEN.household(0), List.of());
    Proposal engine = proposal(h, new LotPick(LotId.of("L-2021"), Quantity.of(150)));

    // when
    Proposal fifo = relieve(h, engine);

    // then the whole 2019 lot (100 shares, a $5,000 gain) and 50 of the 2021 lot
    assertThat(fifo.trades().get(0).lots())
        .containsExactly(
            new LotPick(LotId.of("L-2019"), Quantity.of(100)),
            new LotPick(LotId.of("L-2021"), Quantity.of(50)));
    assertThat(fifo.trades().get(0).quantity()).isEqualTo(Quantity.of(150));
    // the buy is left alone
    assertThat(fifo.trades().get(1)).isEqualTo(engine.trades().get(1));
  }

  @Test
  void sale_skipsLotsCompliancePreserves() {
    // given a lot preference that keeps lots of the fund acquired before 2020
    LotPreference keep =
        new LotPreference(
            RestrictionId.of("R-KEEP"),
            SecurityScope.security(FUND.value()),
            LocalDate.of(2020, 1, 1),
            DateWindow.always(),
            "founder shares kept for a step-up");
    Household h = household(GEN.household(0), List.of(keep));
    Proposal engine = proposal(h, new LotPick(LotId.of("L-2021"), Quantity.of(150)));

    // when
    Proposal fifo = relieve(h, engine);

    // then the earliest lots it may sell: the 2021 lot whole, then 50 of the 2024 lot
    assertThat(fifo.trades().get(0).lots())
        .containsExactly(
            new LotPick(LotId.of("L-2021"), Quantity.of(100)),
            new LotPick(LotId.of("L-2024"), Quantity.of(50)));
  }

  private static Proposal relieve(Household h, Proposal engine) {
    return FirstInFirstOut.relieve(
        h, engine, ConstraintCompiler.standard().permissions(h, MARKET, AS_OF));
  }

  private static Proposal proposal(Household h, LotPick enginePick) {
    Trade sale =
        Trade.builder()
            .account(TAX)
            .security(FUND)
            .side(Side.SELL)
            .quantity(Quantity.of(150))
            .estimatedPrice(UnitPrice.usd("100"))
            .addLots(enginePick)
            .addReasonCodes("drift.rebalance")
            .build();
    Trade buy =
        Trade.builder()
            .account(TAX)
            .security(SecurityId.of("BDF1"))
            .side(Side.BUY)
            .quantity(Quantity.of(150))
            .estimatedPrice(UnitPrice.usd("100"))
            .addReasonCodes("drift.rebalance")
            .build();
    return Proposal.builder().household(h.id()).asOf(AS_OF).addTrades(sale, buy).build();
  }

  private static Household household(
      Household generated, List<dev.rebal.core.restriction.Restriction> restrictions) {
    var owner = generated.members().get(0).id();
    Account taxable = BacktestFixtures.account(TAX.value(), AccountType.TAXABLE, owner);
    List<TaxLot> lots =
        List.of(
            lot("L-2024", LocalDate.of(2024, 5, 1), "9000.00"),
            lot("L-2019", LocalDate.of(2019, 5, 1), "5000.00"),
            lot("L-2021", LocalDate.of(2021, 5, 1), "12000.00"));
    Households.Copy c =
        Households.copy(
            generated
                .withAccounts(taxable)
                .withLots(lots)
                .withTransactions(List.of())
                .withRestrictions(restrictions));
    c.goals = List.of();
    c.events = List.of();
    return c.build();
  }

  private static TaxLot lot(String id, LocalDate acquired, String basis) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(TAX)
        .security(FUND)
        .quantity(Quantity.of(100))
        .costBasis(Money.usd(basis))
        .acquired(acquired)
        .washSaleAdjustment(Money.ZERO_USD)
        .build();
  }
}
