package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.optimizer.ClassGoal;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.ProblemAccount;
import dev.rebal.optimizer.ProblemPosition;
import dev.rebal.optimizer.ProblemSecurity;
import dev.rebal.optimizer.ProposedTrade;
import dev.rebal.optimizer.SellSegment;
import dev.rebal.optimizer.Term;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lot picks of sales: a remainder worth under a cent goes with the sale. */
class ProposalAssemblerTest {
  private static final AccountId TAX = AccountId.of("TAX-1");
  private static final SecurityId EQ = SecurityId.of("EQ1");
  private static final AssetClass EQUITY = AssetClass.of("US_EQUITY");
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final MarketData MARKET =
      MarketData.builder()
          .putSecurities(
              EQ,
              Security.builder()
                  .id(EQ)
                  .symbol("EQ1")
                  .assetClass(EQUITY)
                  .kind(SecurityKind.ETF)
                  .build())
          .prices(PriceTable.of(List.of(Price.of(EQ, UnitPrice.usd("100"), AS_OF))))
          .build();

  /** One lot of {@code shares} of EQ1 in the taxable account, sold in part or whole. */
  private static ProblemBuild build(String shares) {
    return build(shares, "0");
  }

  /** As {@link #build(String)}, the lot at {@code gain} per dollar of its value. */
  private static ProblemBuild build(String shares, String gain) {
    Quantity held = Quantity.of(new BigDecimal(shares));
    HouseholdProblem problem =
        HouseholdProblem.builder()
            .addAccount(new ProblemAccount(TAX, Money.ZERO_USD, Money.ZERO_USD, true, true))
            .addSecurity(new ProblemSecurity(EQ, UnitPrice.usd("100"), EQUITY, "EQ1"))
            .addPosition(
                new ProblemPosition(
                    TAX,
                    EQ,
                    held,
                    false,
                    Money.ZERO_USD,
                    true,
                    BigDecimal.ZERO,
                    List.of(
                        new SellSegment(
                            held, new BigDecimal(gain), Term.LONG, new BigDecimal("0.2")))))
            .addClassGoal(
                new ClassGoal(
                    EQUITY, new ClassTarget(Weight.ONE, Weight.ZERO, Weight.ZERO), BigDecimal.ONE))
            .build();
    return new ProblemBuild(
        problem,
        ImmutableMap.of("TAX-1|EQ1", ImmutableList.of(LotId.of("L-1"))),
        ImmutableList.of());
  }

  private static Trade sell(ProblemBuild build, String shares) {
    Quantity q = Quantity.of(new BigDecimal(shares));
    ProposedTrade p = new ProposedTrade(TAX, EQ, Side.SELL, q, Money.usd("0"), List.of(q));
    return ProposalAssembler.assemble(List.of(p), build, MARKET, List.of(), Set.of()).get(0);
  }

  @Test
  void assemble_saleLeavingASliverWorthUnderACent_sellsTheWholeLot() {
    // 200.000004 shares at $100: selling 200 would leave $0.0004, whose basis rounds to zero
    Trade t = sell(build("200.000004"), "200");

    assertThat(t.quantity().value()).isEqualByComparingTo("200.000004");
    assertThat(t.lots())
        .extracting(p -> p.quantity().value().toPlainString())
        .containsExactly("200.000004");
  }

  @Test
  void assemble_saleLeavingASliverThatRoundsToACent_sellsTheWholeLot() {
    // 200.00006 shares: the remainder is worth $0.006, which rounds to a cent but is not one, and
    // its basis rounds to zero (historical backtest path 3: 0.000001 shares of a $5,639 fund left
    // a lot.basis.zero data warning that sent five decisions to review)
    Trade t = sell(build("200.00006"), "200");

    assertThat(t.quantity().value()).isEqualByComparingTo("200.00006");
  }

  @Test
  void assemble_saleLeavingARemainderWhoseBasisRoundsToZero_sellsTheWholeLot() {
    // 200.00012 shares at a 70% gain: the remainder is worth $0.012, its basis $0.0036
    Trade t = sell(build("200.00012", "0.7"), "200");

    assertThat(t.quantity().value()).isEqualByComparingTo("200.00012");
  }

  @Test
  void assemble_saleLeavingACentOrMore_keepsItsQuantity() {
    // 200.0001 shares: the remainder is worth $0.01, a lot the household can keep
    Trade t = sell(build("200.0001"), "200");

    assertThat(t.quantity().value()).isEqualByComparingTo("200");
  }
}
